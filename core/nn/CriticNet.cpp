#include "nn/CriticNet.h"

#include "nn/CriticModel.h"
#include "ops/Filters.h"
#include "ops/OpSpec.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <sstream>
#include <stdexcept>

namespace pictor::nn {

namespace {

constexpr double kD65Mired = 1e6 / 6504.0;

// Layer shapes: name → dims. The order is the file's order.
std::vector<std::pair<std::string, std::vector<std::int64_t>>> layout(int featureCount) {
    const std::int64_t f = kPriorCount + featureCount;
    const std::int64_t params = std::int64_t(paramTargets().size());
    const std::int64_t outputs = 2 * params + std::int64_t(modelDefects().size());
    return {
        {"c1.w", {16, 3, 3, 3}},   {"c1.b", {16}},       {"c2.w", {32, 16, 3, 3}}, {"c2.b", {32}},
        {"c3.w", {64, 32, 3, 3}},  {"c3.b", {64}},       {"c4.w", {64, 64, 3, 3}}, {"c4.b", {64}},
        {"c5.w", {96, 64, 3, 3}},  {"c5.b", {96}},       {"f.mean", {f}},          {"f.std", {f}},
        {"h1.w", {128, 192 + f}},  {"h1.b", {128}},      {"h2.w", {128, 128}},     {"h2.b", {128}},
        {"out.w", {outputs, 128}}, {"out.b", {outputs}}, {"skip.w", {outputs, f}}};
}

bool isTrainable(const std::string& name) {
    return name.rfind("f.", 0) != 0;
}

} // namespace

const std::vector<ParamTarget>& paramTargets() {
    static const std::vector<ParamTarget> targets = {
        {"exposure", "exposure", 1.0, 0.15, "exposure"},
        {"white_balance", "temperature", 50.0, 8.0, "color_cast"}, // mired
        {"white_balance", "tint", 25.0, 5.0, "color_cast"},
        {"tone", "contrast", 40.0, 10.0, "contrast"},
        {"tone", "highlights", 40.0, 10.0, "contrast"},
        {"tone", "shadows", 40.0, 10.0, "contrast"},
        {"tone", "whites", 40.0, 10.0, "contrast"},
        {"tone", "blacks", 40.0, 10.0, "contrast"},
        {"color", "saturation", 40.0, 8.0, "saturation"},
        {"color", "vibrance", 40.0, 10.0, "saturation"},
        {"denoise", "luminance", 40.0, 10.0, "noise"},
        {"sharpen", "amount", 40.0, 10.0, "blur"},
        {"dehaze", "amount", 40.0, 10.0, "haze"},
        {"straighten", "angle", 4.0, 0.5, "tilt"},
    };
    return targets;
}

double normalizedFromValue(std::size_t index, double value) {
    const ParamTarget& t = paramTargets().at(index);
    if (t.param == "temperature") return (1e6 / std::max(value, 1.0) - kD65Mired) / t.scale;
    return value / t.scale;
}

double valueFromNormalized(std::size_t index, double y) {
    const ParamTarget& t = paramTargets().at(index);
    double value = y * t.scale;
    if (t.param == "temperature") value = 1e6 / std::max(kD65Mired + value, 1e6 / 50000.0);
    const OpSpec* op = findOpSpec(t.op);
    const ParamSpec* spec = op ? op->param(t.param) : nullptr;
    if (spec) value = std::clamp(value, spec->min, spec->max);
    return value;
}

at::Tensor thumbnailTensor(const at::Tensor& hwc) {
    const std::int64_t h = hwc.size(0), w = hwc.size(1);
    const std::int64_t longEdge = std::max(h, w);
    if (longEdge <= kThumbnailLongEdge) return hwc.to(at::kFloat);
    const double s = double(kThumbnailLongEdge) / double(longEdge);
    const std::int64_t th = std::max<std::int64_t>(1, std::llround(double(h) * s));
    const std::int64_t tw = std::max<std::int64_t>(1, std::llround(double(w) * s));
    at::Tensor chw = hwc.to(at::kFloat).permute({2, 0, 1}).unsqueeze(0);
    return at::adaptive_avg_pool2d(chw, {th, tw}).squeeze(0).permute({1, 2, 0}).contiguous();
}

// The measured priors. Statistics a photographer (and the analysis) would look at, cheap to compute
// on the thumbnail, so that the network's head starts from good evidence:
//   0–6   log2 luminance percentiles 1, 5, 25, 50, 75, 95, 99 % (+ 2.47 = relative to mid grey)
//   7, 8  mean and σ of log2 luminance
//   9, 10 fraction with a channel ≥ 0.98 (clipped), fraction with Y < 0.003 (crushed)
//   11,12 grey world: log2(mean R / mean G), log2(mean B / mean G)
//   13,14 the same over the brightest quarter (a white-point estimate)
//   15,16 mean and 90th percentile of encoded chroma (max − min) / (max + 0.02)
//   17    log10 of the noise σ (MAD of encoded luminance minus its 3×3 mean)
//   18    mean gradient magnitude / σ of encoded luminance (sharpness)
//   19    mean Laplacian energy / mean gradient energy (fine detail vs edges)
//   20,21 mean and 10th percentile of the dark channel (min over RGB and 7×7, encoded)
//   22,23 dominant edge angle modulo 90° (degrees / 10, weighted by its coherence), coherence
at::Tensor quantiles(const at::Tensor& values, const std::vector<float>& qs) {
    const at::Tensor flat = values.detach().flatten().to(at::kCPU, at::kFloat).contiguous();
    std::vector<float> v(flat.data_ptr<float>(), flat.data_ptr<float>() + flat.numel());
    at::Tensor out = at::empty({std::int64_t(qs.size())}, at::kFloat);
    float* o = out.data_ptr<float>();
    const bool nan = std::any_of(v.begin(), v.end(), [](float x) { return std::isnan(x); });
    const std::int64_t last = std::int64_t(v.size()) - 1;
    for (std::size_t i = 0; i < qs.size(); ++i) {
        if (nan || v.empty()) {
            o[i] = std::numeric_limits<float>::quiet_NaN();
            continue;
        }
        // As ATen: rank in float, the values at its floor and ceiling, ATen's lerp.
        const float rank = qs[i] * float(last);
        const std::int64_t below = std::int64_t(rank);
        const std::int64_t above = std::min(std::int64_t(std::ceil(rank)), last);
        std::nth_element(v.begin(), v.begin() + below, v.end());
        const float start = v[std::size_t(below)];
        const float end =
            above == below ? start : *std::min_element(v.begin() + below + 1, v.end());
        const float weight = rank - float(below);
        o[i] = std::abs(weight) < 0.5f ? start + weight * (end - start)
                                       : end - (end - start) * (1.0f - weight);
    }
    return out.to(values.device());
}

at::Tensor measuredPriors(const at::Tensor& image) {
    const at::Tensor rgb = image.to(at::kFloat).clamp_min(0);
    const at::Tensor y =
        rgb.select(-1, 0) * 0.2627f + rgb.select(-1, 1) * 0.6780f + rgb.select(-1, 2) * 0.0593f;
    const at::Tensor logY = at::log2(y + 1e-4f).flatten();
    std::vector<at::Tensor> parts;
    parts.push_back(quantiles(logY, {0.01f, 0.05f, 0.25f, 0.5f, 0.75f, 0.95f, 0.99f}) + 2.47f);
    parts.push_back(logY.mean().reshape({1}) + 2.47f);
    parts.push_back(logY.std().reshape({1}));
    parts.push_back((rgb.amax(-1) >= 0.98f).to(at::kFloat).mean().reshape({1}));
    parts.push_back((y < 0.003f).to(at::kFloat).mean().reshape({1}));
    auto ratios = [&](const at::Tensor& pixels) {
        const at::Tensor m = pixels.mean(0) + 1e-4f;
        return at::log2(at::stack({m[0] / m[1], m[2] / m[1]}));
    };
    const at::Tensor flat = rgb.reshape({-1, 3});
    parts.push_back(ratios(flat));
    const at::Tensor bright = logY >= quantiles(logY, {0.75f});
    parts.push_back(ratios(flat.index({bright})));
    const at::Tensor enc = at::pow(rgb.clamp_max(4), 1.0 / 2.2);
    const at::Tensor maxc = enc.amax(-1), minc = enc.amin(-1);
    const at::Tensor chroma = ((maxc - minc) / (maxc + 0.02f)).flatten();
    parts.push_back(chroma.mean().reshape({1}));
    parts.push_back(quantiles(chroma, {0.9f}));

    const at::Tensor e = at::pow(y.clamp_max(4), 1.0 / 2.2).unsqueeze(0).unsqueeze(0); // [1,1,H,W]
    const at::Tensor high = e - at::avg_pool2d(e, {3, 3}, {1, 1}, {1, 1}, false, false);
    const at::Tensor mad = (high - high.median()).abs().median() * 1.4826f;
    parts.push_back(at::log10(mad + 1e-5f).reshape({1}));
    const at::Tensor gx = e.narrow(3, 1, e.size(3) - 1) - e.narrow(3, 0, e.size(3) - 1);
    const at::Tensor gy = e.narrow(2, 1, e.size(2) - 1) - e.narrow(2, 0, e.size(2) - 1);
    const at::Tensor gxc = gx.narrow(2, 0, gy.size(2)).narrow(3, 0, gy.size(3) - 1);
    const at::Tensor gyc = gy.narrow(3, 0, gx.size(3)).narrow(2, 0, gy.size(2));
    const at::Tensor gxs = gxc.narrow(3, 0, std::min(gxc.size(3), gyc.size(3)));
    const at::Tensor gys = gyc.narrow(3, 0, gxs.size(3));
    const at::Tensor mag2 = gxs * gxs + gys * gys;
    parts.push_back((mag2.sqrt().mean() / (e.std() + 1e-3f)).reshape({1}));
    const at::Tensor lap = (high * high).mean();
    parts.push_back((lap / (mag2.mean() + 1e-8f)).reshape({1}));
    // The dark channel: the 7×7 minimum of the channels' minimum.
    const at::Tensor dark = ops::filters::minFilter(enc.amin(-1).unsqueeze(0).unsqueeze(0), 3);
    parts.push_back(dark.mean().reshape({1}));
    parts.push_back(quantiles(dark, {0.1f}));
    // Edge orientation folded modulo 90° (4φ): horizontals and verticals of a tilted scene agree.
    const at::Tensor phi = at::atan2(gys, gxs);
    const at::Tensor c = (mag2 * at::cos(4 * phi)).sum(), s = (mag2 * at::sin(4 * phi)).sum();
    const at::Tensor coherence = at::sqrt(c * c + s * s) / (mag2.sum() + 1e-8f);
    const at::Tensor angle = at::atan2(s, c) / 4 * (180.0 / M_PI) / 10;
    parts.push_back((angle * coherence).reshape({1}));
    parts.push_back(coherence.reshape({1}));
    at::Tensor priors = at::cat(parts).nan_to_num(0, 0, 0);
    return priors.clamp(-20, 20);
}

at::Tensor networkInput(const at::Tensor& hwc) {
    at::Tensor chw = hwc.to(at::kFloat).permute({2, 0, 1}).unsqueeze(0);
    chw = at::adaptive_avg_pool2d(chw, {kNetInputSize, kNetInputSize}).squeeze(0);
    return (at::pow(chw.clamp(0, 4), 1.0 / 2.2) - 0.45f) / 0.25f;
}

CriticNet::CriticNet(int analysisFeatureCount, std::uint64_t seed)
    : m_featureCount(analysisFeatureCount) {
    at::Generator gen = at::detail::createCPUGenerator(seed);
    for (const auto& [name, dims] : layout(analysisFeatureCount)) {
        at::Tensor t;
        if (name == "f.mean" || name.ends_with(".b")) {
            t = at::zeros(dims, at::kFloat);
        } else if (name == "f.std") {
            t = at::ones(dims, at::kFloat);
        } else {
            std::int64_t fanIn = 1;
            for (std::size_t i = 1; i < dims.size(); ++i)
                fanIn *= dims[i];
            // Kaiming-uniform for ReLU; the output layers start small so that the first
            // predictions are near neutral (no correction).
            double bound = std::sqrt(6.0 / double(fanIn));
            if (name == "out.w" || name == "skip.w") bound *= 0.05;
            t = at::rand(dims, gen, at::kFloat) * (2 * bound) - bound;
        }
        m_tensors.emplace_back(name, t);
    }
}

const at::Tensor& CriticNet::tensor(const std::string& name) const {
    for (const auto& [n, t] : m_tensors)
        if (n == name) return t;
    throw std::invalid_argument("CriticNet: no tensor " + name);
}

NetOutput CriticNet::forward(const at::Tensor& images, const at::Tensor& features) const {
    at::Tensor x = images.contiguous(at::MemoryFormat::ChannelsLast);
    for (const char* layer : {"c1", "c2", "c3", "c4", "c5"}) {
        const std::string l = layer;
        x = at::relu(at::conv2d(x, tensor(l + ".w"), tensor(l + ".b"), at::IntArrayRef{2, 2},
                                at::IntArrayRef{1, 1}));
    }
    const at::Tensor pooled = at::cat({x.mean({2, 3}), x.amax({2, 3})}, 1);
    const at::Tensor f = ((features - tensor("f.mean")) / tensor("f.std")).clamp(-6, 6);
    at::Tensor h = at::relu(at::linear(at::cat({pooled, f}, 1), tensor("h1.w"), tensor("h1.b")));
    h = at::relu(at::linear(h, tensor("h2.w"), tensor("h2.b")));
    const at::Tensor out =
        at::linear(h, tensor("out.w"), tensor("out.b")) + at::linear(f, tensor("skip.w"));
    const std::int64_t p = std::int64_t(paramTargets().size());
    return {out.narrow(1, 0, p), out.narrow(1, p, p).clamp(-10, 6),
            out.narrow(1, 2 * p, out.size(1) - 2 * p)};
}

std::vector<at::Tensor> CriticNet::parameters() const {
    std::vector<at::Tensor> list;
    for (const auto& [name, t] : m_tensors)
        if (isTrainable(name)) list.push_back(t);
    return list;
}

void CriticNet::setFeatureNormalization(const at::Tensor& mean, const at::Tensor& stdDev) {
    for (auto& [name, t] : m_tensors) {
        if (name == "f.mean") t = mean.to(t.options()).reshape(t.sizes()).clone();
        if (name == "f.std") t = stdDev.to(t.options()).reshape(t.sizes()).clamp_min(1e-4).clone();
    }
}

void CriticNet::to(const at::Device& device) {
    for (auto& [name, t] : m_tensors) {
        const bool grad = t.requires_grad();
        t = t.detach().to(device).set_requires_grad(grad);
    }
}

std::string CriticNet::serialize(const std::string& note) const {
    std::ostringstream out;
    std::string params, defects;
    for (const auto& id : modelParamIds())
        params += (params.empty() ? "" : ",") + id;
    for (const auto& d : modelDefects())
        defects += (defects.empty() ? "" : ",") + d;
    std::string oneLineNote = note;
    std::replace(oneLineNote.begin(), oneLineNote.end(), '\n', ' ');
    out << "PICTORNN\nformat " << kFormatVersion << "\narch " << kArchitecture << "\nfeatures "
        << m_featureCount << "\npriors " << kPriorCount << "\nparams " << params << "\ndefects "
        << defects << "\nnote " << oneLineNote << "\ntensors " << m_tensors.size() << "\nend\n";
    for (const auto& [name, t] : m_tensors) {
        const at::Tensor c = t.detach().to(at::kCPU, at::kFloat).contiguous();
        out << name << "\n";
        for (std::int64_t i = 0; i < c.dim(); ++i)
            out << (i ? " " : "") << c.size(i);
        out << "\n";
        // Little-endian float32 (every platform Pictor builds for is little-endian).
        out.write(reinterpret_cast<const char*>(c.data_ptr<float>()),
                  std::streamsize(c.numel() * 4));
    }
    return out.str();
}

Result<std::shared_ptr<CriticNet>> CriticNet::deserialize(const std::string& bytes) {
    std::size_t pos = 0;
    auto line = [&](std::string& text) {
        const std::size_t end = bytes.find('\n', pos);
        if (end == std::string::npos || end - pos > 4096) return false;
        text = bytes.substr(pos, end - pos);
        pos = end + 1;
        return true;
    };
    auto bad = [](const std::string& why) {
        return Error{
            "The Critic's model file is not usable: " + why,
            "Reinstall Pictor or retrain with pictor-train; the Critic runs analysis-only."};
    };
    std::string text;
    if (!line(text) || text != "PICTORNN") return bad("not a Pictor model (no PICTORNN header)");
    std::map<std::string, std::string> header;
    while (true) {
        if (!line(text)) return bad("the header is truncated");
        if (text == "end") break;
        const std::size_t space = text.find(' ');
        header[text.substr(0, space)] = space == std::string::npos ? "" : text.substr(space + 1);
    }
    if (header["format"] != std::to_string(kFormatVersion))
        return bad("format version " + header["format"] + ", this Pictor reads " +
                   std::to_string(kFormatVersion));
    if (header["arch"] != kArchitecture)
        return bad("architecture '" + header["arch"] + "' is unknown");
    if (header["priors"] != std::to_string(kPriorCount))
        return bad("it was trained with other priors");
    std::string params, defects;
    for (const auto& id : modelParamIds())
        params += (params.empty() ? "" : ",") + id;
    for (const auto& d : modelDefects())
        defects += (defects.empty() ? "" : ",") + d;
    if (header["params"] != params || header["defects"] != defects)
        return bad("it predicts other params or defects than this Pictor knows");
    int features = -1;
    try {
        features = std::stoi(header["features"]);
    } catch (...) {
    }
    if (features < 0 || features > 4096) return bad("invalid feature count");
    auto net = std::shared_ptr<CriticNet>(new CriticNet());
    net->m_featureCount = features;
    const auto expected = layout(features);
    if (header["tensors"] != std::to_string(expected.size())) return bad("wrong number of tensors");
    for (const auto& [name, dims] : expected) {
        std::string readName, dimsLine;
        if (!line(readName) || !line(dimsLine)) return bad("truncated at tensor " + name);
        std::string want;
        for (std::size_t i = 0; i < dims.size(); ++i)
            want += (i ? " " : "") + std::to_string(dims[i]);
        if (readName != name || dimsLine != want)
            return bad("tensor " + readName + " [" + dimsLine + "] where " + name + " [" + want +
                       "] belongs");
        std::int64_t count = 1;
        for (auto d : dims)
            count *= d;
        const std::size_t size = std::size_t(count) * 4;
        if (bytes.size() - pos < size) return bad("truncated in tensor " + name);
        at::Tensor t = at::empty(dims, at::kFloat);
        std::memcpy(t.data_ptr<float>(), bytes.data() + pos, size);
        pos += size;
        if (!at::isfinite(t).all().item<bool>())
            return bad("tensor " + name + " holds non-finite values");
        net->m_tensors.emplace_back(name, t);
    }
    if (pos != bytes.size()) return bad("unexpected data after the last tensor");
    return net;
}

} // namespace pictor::nn

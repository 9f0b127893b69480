#include "train/CriticTraining.h"

#include "ops/ColorMath.h"
#include "ops/GlobalOps.h"

#include <ATen/ATen.h>

#include <cmath>

namespace pictor::train {

namespace {

at::Tensor small(const at::Tensor& hwc) {
    const at::Tensor chw = hwc.to(at::kFloat).permute({2, 0, 1}).unsqueeze(0);
    return at::adaptive_avg_pool2d(chw, {kRenderSize, kRenderSize})
        .squeeze(0)
        .permute({1, 2, 0})
        .contiguous();
}

} // namespace

TrainingSample makeSample(const at::Tensor& clean, const at::Tensor& degraded,
                          const Degradation& degradation, std::span<const float> analysisFeatures) {
    at::NoGradGuard noGrad;
    TrainingSample s;
    const at::Tensor thumb = nn::thumbnailTensor(degraded);
    s.image = nn::networkInput(thumb);
    at::Tensor analysis = at::empty({std::int64_t(analysisFeatures.size())}, at::kFloat);
    if (!analysisFeatures.empty())
        std::copy(analysisFeatures.begin(), analysisFeatures.end(), analysis.data_ptr<float>());
    s.features = at::cat({nn::measuredPriors(thumb), analysis});
    const auto values = degradation.targetValues();
    std::vector<float> normalized;
    for (std::size_t i = 0; i < values.size(); ++i)
        normalized.push_back(float(nn::normalizedFromValue(i, values[i])));
    s.target = at::tensor(normalized, at::kFloat);
    std::vector<float> present;
    for (bool p : degradation.present())
        present.push_back(p ? 1.f : 0.f);
    s.defects = at::tensor(present, at::kFloat);
    const auto p = degradation.present();
    s.isClean = degradation.clean();
    s.renderable = !p[int(Defect::Blur)] && !p[int(Defect::Haze)] && !p[int(Defect::Tilt)];
    s.degraded = small(degraded);
    s.clean = s.renderable ? small(clean) : s.degraded;
    return s;
}

Batch makeBatch(const std::vector<TrainingSample>& samples, const at::Device& device) {
    std::vector<at::Tensor> images, features, targets, defects, degraded, clean;
    std::vector<float> render, cleanMask;
    for (const auto& s : samples) {
        images.push_back(s.image);
        features.push_back(s.features);
        targets.push_back(s.target);
        defects.push_back(s.defects);
        degraded.push_back(s.degraded);
        clean.push_back(s.clean);
        render.push_back(s.renderable ? 1.f : 0.f);
        cleanMask.push_back(s.isClean ? 1.f : 0.f);
    }
    return {at::stack(images).to(device),   at::stack(features).to(device),
            at::stack(targets).to(device),  at::stack(defects).to(device),
            at::stack(degraded).to(device), at::stack(clean).to(device),
            at::tensor(render).to(device),  at::tensor(cleanMask).to(device)};
}

at::Tensor renderGlobal(const at::Tensor& image, const at::Tensor& y) {
    const auto& targets = nn::paramTargets();
    auto value = [&](const std::string& id) -> at::Tensor {
        for (std::size_t i = 0; i < targets.size(); ++i)
            if (targets[i].op + "." + targets[i].param == id) {
                const at::Tensor v = y[std::int64_t(i)] * targets[i].scale;
                if (targets[i].param == "temperature")
                    return 1e6 / (v + 1e6 / 6504.0).clamp(1e6 / 50000.0, 1e6 / 2000.0);
                if (targets[i].op == "exposure") return v.clamp(-5, 5);
                return v.clamp(-100, 100);
            }
        throw std::invalid_argument("no param " + id);
    };
    at::Tensor x =
        ops::whiteBalance(image, value("white_balance.temperature"), value("white_balance.tint"));
    x = ops::exposure(x, value("exposure.exposure"));
    x = ops::tone(x, {value("tone.contrast"), value("tone.highlights"), value("tone.shadows"),
                      value("tone.whites"), value("tone.blacks")});
    return ops::color(x, value("color.vibrance"), value("color.saturation"));
}

at::Tensor meanDeltaE76(const at::Tensor& a, const at::Tensor& b) {
    // Clip to the displayable range first: differences beyond white are not seen.
    const at::Tensor la = color::rec2020ToLab(a.clamp(0, 1)),
                     lb = color::rec2020ToLab(b.clamp(0, 1));
    return at::sqrt((la - lb).pow(2).sum(-1) + 1e-6).mean();
}

Losses computeLosses(const nn::CriticNet& net, const Batch& batch, const LossWeights& weights) {
    const nn::NetOutput out = net.forward(batch.images, batch.features);
    Losses losses;
    const at::Tensor err = out.mean - batch.targets;
    const at::Tensor huber = at::smooth_l1_loss(out.mean, batch.targets, at::Reduction::Mean, 0.5);
    const at::Tensor nll =
        (0.5 * (err.detach().pow(2) * at::exp(-out.logVariance) + out.logVariance)).mean();
    const at::Tensor regression = huber + 0.1 * nll;
    const at::Tensor detection =
        at::binary_cross_entropy_with_logits(out.defectLogits, batch.defects);
    at::Tensor total = weights.regression * regression + weights.detection * detection;
    losses.regression = huber.item<double>();
    losses.detection = detection.item<double>();
    if (weights.render > 0) {
        std::vector<at::Tensor> terms;
        at::Tensor weightSum = at::zeros({}, batch.images.options());
        for (std::int64_t b = 0; b < batch.images.size(0); ++b) {
            if (batch.renderMask[b].item<float>() == 0) continue;
            const double w = batch.cleanMask[b].item<float>() > 0 ? weights.doNoHarmWeight : 1.0;
            terms.push_back(
                w * meanDeltaE76(renderGlobal(batch.degraded[b], out.mean[b]), batch.clean[b]));
            weightSum = weightSum + w;
        }
        if (!terms.empty()) {
            const at::Tensor render = at::stack(terms).sum() / weightSum;
            losses.render = render.item<double>();
            // ΔE is in units of ~1 … 10; scaled so that it is comparable to the regression loss.
            total = total + weights.render * render / 10.0;
        }
    }
    losses.total = total;
    return losses;
}

Adam::Adam(std::vector<at::Tensor> parameters, double learningRate)
    : m_params(std::move(parameters))
    , m_lr(learningRate) {
    for (auto& p : m_params) {
        p.set_requires_grad(true);
        m_m.push_back(at::zeros_like(p));
        m_v.push_back(at::zeros_like(p));
    }
}

void Adam::zeroGrad() {
    for (auto& p : m_params)
        if (p.grad().defined()) p.mutable_grad().zero_();
}

void Adam::step() {
    at::NoGradGuard noGrad;
    ++m_t;
    const double b1 = 0.9, b2 = 0.999, eps = 1e-8;
    const double c1 = 1 - std::pow(b1, m_t), c2 = 1 - std::pow(b2, m_t);
    for (std::size_t i = 0; i < m_params.size(); ++i) {
        const at::Tensor& g = m_params[i].grad();
        if (!g.defined()) continue;
        m_m[i].mul_(b1).add_(g, 1 - b1);
        m_v[i].mul_(b2).addcmul_(g, g, 1 - b2);
        const at::Tensor update = (m_m[i] / c1) / ((m_v[i] / c2).sqrt() + eps);
        m_params[i].sub_(update * m_lr);
    }
}

} // namespace pictor::train

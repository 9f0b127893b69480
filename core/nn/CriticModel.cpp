#include "nn/CriticModel.h"

#include "nn/CriticNet.h"
#include "nn/Sha256.h"

#include <ATen/ATen.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace pictor::nn {

const ParamPrediction* ModelPrediction::param(std::string_view op, std::string_view name) const {
    for (const auto& p : params)
        if (p.op == op && p.param == name) return &p;
    return nullptr;
}

double ModelPrediction::defectProbability(std::string_view defect) const {
    for (const auto& d : defects)
        if (d.defect == defect) return d.probability;
    return 0;
}

const std::vector<std::string>& modelParamIds() {
    static const std::vector<std::string> ids = [] {
        std::vector<std::string> list;
        for (const auto& t : paramTargets())
            list.push_back(t.op + "." + t.param);
        return list;
    }();
    return ids;
}

const std::vector<std::string>& modelDefects() {
    static const std::vector<std::string> defects = {
        "exposure", "color_cast", "contrast", "saturation", "noise", "blur", "haze", "tilt"};
    return defects;
}

std::string defectOfParam(std::string_view paramId) {
    const auto& ids = modelParamIds();
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (ids[i] == paramId) return paramTargets()[i].defect;
    return {};
}

int CriticModel::featureCount() const {
    return m_net ? m_net->analysisFeatureCount() : 0;
}

const std::string& CriticModel::description() const {
    return m_description;
}

Result<ModelPrediction> CriticModel::predict(const Image& image,
                                             std::span<const float> features) const {
    if (!m_net) return Error{"No Critic model is loaded", ""};
    if (image.empty()) return Error{"The Critic's model cannot look at an empty image", ""};
    if (int(features.size()) != featureCount())
        return Error{"The Critic's model expects " + std::to_string(featureCount()) +
                         " analysis features, got " + std::to_string(features.size()),
                     "The model and the analysis are from different Pictor versions: retrain with "
                     "pictor-train."};
    try {
        at::NoGradGuard noGrad;
        const at::Tensor hwc = at::from_blob(const_cast<float*>(image.data()),
                                             {image.height(), image.width(), 3}, at::kFloat);
        const at::Tensor thumb = thumbnailTensor(hwc);
        const at::Tensor f = at::cat({measuredPriors(thumb),
                                      at::from_blob(const_cast<float*>(features.data()),
                                                    {std::int64_t(features.size())}, at::kFloat)})
                                 .unsqueeze(0);
        const NetOutput out = m_net->forward(networkInput(thumb).unsqueeze(0), f);
        const at::Tensor mean = out.mean[0].to(at::kDouble).contiguous();
        const at::Tensor sigma = at::exp(out.logVariance[0].to(at::kDouble) * 0.5).contiguous();
        const at::Tensor prob = at::sigmoid(out.defectLogits[0].to(at::kDouble)).contiguous();
        ModelPrediction prediction;
        const auto& targets = paramTargets();
        for (std::size_t i = 0; i < targets.size(); ++i) {
            const double y = mean[std::int64_t(i)].item<double>();
            const double s = sigma[std::int64_t(i)].item<double>() * targets[i].scale;
            prediction.params.push_back({targets[i].op, targets[i].param, valueFromNormalized(i, y),
                                         1.0 / (1.0 + s / targets[i].tolerance)});
        }
        for (std::size_t j = 0; j < modelDefects().size(); ++j)
            prediction.defects.push_back({modelDefects()[j], prob[std::int64_t(j)].item<double>()});
        return prediction;
    } catch (const std::exception& e) {
        return Error{std::string("The Critic's model failed: ") + e.what(), ""};
    }
}

CriticModel makeCriticModel(std::shared_ptr<const CriticNet> net, std::string description) {
    CriticModel model;
    model.m_net = std::move(net);
    model.m_description = std::move(description);
    return model;
}

Result<CriticModel> loadCriticModel(const std::filesystem::path& path) {
    const std::string hint =
        "Reinstall Pictor or retrain with pictor-train; the Critic runs analysis-only.";
    auto readAll = [](const std::filesystem::path& p, std::string& out) {
        std::ifstream in(p, std::ios::binary);
        if (!in) return false;
        std::ostringstream buffer;
        buffer << in.rdbuf();
        out = buffer.str();
        return bool(in) || in.eof();
    };
    std::string bytes, checksumText;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return Error{"The Critic's model '" + path.string() + "' is missing", hint};
    if (std::filesystem::file_size(path, ec) > 64u << 20)
        return Error{"The Critic's model '" + path.string() + "' is too large (over 64 MB)", hint};
    if (!readAll(path, bytes))
        return Error{"Cannot read the Critic's model '" + path.string() + "'", hint};
    std::filesystem::path sumPath = path;
    sumPath += ".sha256";
    if (!readAll(sumPath, checksumText))
        return Error{"The Critic's model checksum '" + sumPath.string() + "' is missing", hint};
    const std::string expected = checksumText.substr(0, checksumText.find_first_of(" \t\n"));
    const std::string actual = sha256Hex(bytes);
    if (expected != actual)
        return Error{"The Critic's model '" + path.string() +
                         "' does not match its checksum (SHA-256 " + actual.substr(0, 12) +
                         "…, expected " + expected.substr(0, 12) + "…)",
                     hint};
    auto net = CriticNet::deserialize(bytes);
    if (!net) return Error{net.error().what + " ('" + path.string() + "')", net.error().hint};
    return makeCriticModel(std::move(net).value(),
                           path.filename().string() + " sha256:" + actual.substr(0, 16));
}

std::filesystem::path defaultCriticModelPath() {
    std::vector<std::filesystem::path> candidates;
    if (const char* env = std::getenv("PICTOR_MODELS_DIR"); env && *env)
        candidates.push_back(std::filesystem::path(env) / kCriticModelFile);
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec)
        candidates.push_back(exe.parent_path() / ".." / "share" / "pictor" / "models" /
                             kCriticModelFile);
#ifdef PICTOR_SOURCE_MODELS_DIR
    candidates.push_back(std::filesystem::path(PICTOR_SOURCE_MODELS_DIR) / kCriticModelFile);
#endif
    for (const auto& c : candidates)
        if (std::filesystem::is_regular_file(c, ec)) return c.lexically_normal();
    return candidates.empty() ? std::filesystem::path(kCriticModelFile)
                              : candidates.front().lexically_normal();
}

Recipe recipeFromPrediction(const ModelPrediction& prediction, const RecipeGating& gating) {
    Recipe recipe;
    for (const auto& p : prediction.params) {
        if (prediction.defectProbability(defectOfParam(p.op + "." + p.param)) <
            gating.defectThreshold)
            continue;
        if (p.confidence < gating.minConfidence) continue;
        (void)recipe.set(p.op, p.param, p.value);
        // Noise reduction: the model predicts the luminance amount; colour noise goes with it.
        if (p.op == "denoise") (void)recipe.set("denoise", "chroma", p.value);
    }
    return recipe;
}

} // namespace pictor::nn

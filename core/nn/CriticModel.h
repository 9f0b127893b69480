#pragma once
// The learned half of the Critic: a small network that looks at a thumbnail of the photo (≤ 256 px,
// working space) plus the deterministic analysis' feature vector (critic/Analysis.h) and predicts
//  - the correcting value of each Artist param it knows (exposure, white balance, tone, colour,
//    denoise, sharpen, dehaze, straighten — in OpSpec's units, i.e. the recipe's), each with a
//    confidence 0…1, and
//  - the probability that each defect it knows (exposure, colour cast, contrast, saturation,
//    noise, blur, haze, tilt) is present.
// Trained by pictor-train (app/train) on degraded crops of real photos; see models/critic-v1.md.
//
// Files: <name>.pnn holds the weights (format in core/nn/CriticNet.h) and <name>.pnn.sha256 its
// SHA-256 (sha256sum format). loadCriticModel() checks the checksum, the format version and the
// architecture; anything wrong is an Error saying what, never a crash: the Critic then runs
// analysis-only. No torch types in this header.
#include "image/Image.h"
#include "recipe/Recipe.h"
#include "util/Result.h"

#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace pictor::nn {

struct ParamPrediction {
    std::string op;        // OpSpec id: "exposure"
    std::string param;     // ParamSpec name: "exposure"
    double value = 0;      // in OpSpec units, within the param's range (temperature: absolute K)
    double confidence = 0; // 0…1: 1 / (1 + predicted σ / the param's tolerance)
};

struct DefectPrediction {
    std::string defect;     // one of modelDefects()
    double probability = 0; // 0…1
};

struct ModelPrediction {
    std::vector<ParamPrediction> params;   // modelParamIds() order
    std::vector<DefectPrediction> defects; // modelDefects() order

    const ParamPrediction* param(std::string_view op, std::string_view param) const;
    double defectProbability(std::string_view defect) const; // 0 for an unknown name
};

// What the model predicts, in output order: "op.param" ids and defect names.
const std::vector<std::string>& modelParamIds();
const std::vector<std::string>& modelDefects();
// The defect a param corrects (e.g. "tone.shadows" → "contrast"), for gating.
std::string defectOfParam(std::string_view paramId);

class CriticNet; // core/nn/CriticNet.h (torch)

class CriticModel {
public:
    // Feature vector length the model was trained with (critic::kAnalysisFeatureCount then).
    int featureCount() const;
    // "critic-v1 sha256:…" — what was loaded, for logs and model cards.
    const std::string& description() const;

    // `image`: the photo or a thumbnail of it, linear Rec.2020 (any size; reduced to ≤ 256 px
    // here). `features`: critic::analysisFeatures(analysis) of the same photo. Errors: empty
    // image, a feature count other than featureCount(), failures inside libtorch.
    Result<ModelPrediction> predict(const Image& image, std::span<const float> features) const;

    const CriticNet& net() const { return *m_net; }

private:
    friend Result<CriticModel> loadCriticModel(const std::filesystem::path&);
    friend CriticModel makeCriticModel(std::shared_ptr<const CriticNet>, std::string);
    std::shared_ptr<const CriticNet> m_net;
    std::string m_description;
};

// Loads <path> (a .pnn file) after checking <path>.sha256.
Result<CriticModel> loadCriticModel(const std::filesystem::path& path);
// Wraps a network in memory (training, tests).
CriticModel makeCriticModel(std::shared_ptr<const CriticNet> net, std::string description);

// The file name of the current model and where it is looked for, first match wins:
// $PICTOR_MODELS_DIR, <executable dir>/../share/pictor/models (installed), the source tree's
// models/ (PICTOR_SOURCE_MODELS_DIR, for builds). Returns the first candidate that exists, else
// the first candidate (so that the error names a sensible place).
inline constexpr const char* kCriticModelFile = "critic-v1.pnn";
std::filesystem::path defaultCriticModelPath();

// The prediction as a recipe: every param whose defect probability ≥ `defectThreshold` and whose
// confidence ≥ `minConfidence` is set (values within OpSpec's ranges); the rest stay neutral, so
// that a photo the model finds nothing wrong with is left alone ("do no harm").
struct RecipeGating {
    double defectThreshold = 0.5;
    double minConfidence = 0.0;
};
Recipe recipeFromPrediction(const ModelPrediction& prediction, const RecipeGating& gating = {});

} // namespace pictor::nn

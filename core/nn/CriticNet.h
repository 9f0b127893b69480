#pragma once
// The learned Critic's network and its measured priors, in ATen tensor code (internal to core/nn
// and pictor-train; the public API is CriticModel.h).
//
// Architecture "critic-cnn-1" (~0.2 M weights):
//   image branch: the thumbnail area-reduced to 128 × 128, display-encoded (x^(1/2.2)),
//     5 × [3×3 conv, stride 2, ReLU] with 16-32-64-64-96 channels (channels_last: ~1.8× faster
//     on CPU), then the mean and the max of each channel → 192 numbers;
//   features: 24 measured priors (measuredPriors: luminance percentiles, grey-world ratios,
//     chroma, noise, sharpness, dark channel, dominant edge angle) + the analysis features,
//     standardised with the training set's mean and σ (stored with the weights);
//   head: [192 + features] → 128 → 128 (ReLU) → outputs, plus a linear skip from the features
//     (global corrections are mostly linear in good statistics).
//   outputs: per param a mean (normalised units, see ParamTarget) and a log-variance (its
//     uncertainty), then one logit per defect.
//
// File format (".pnn", version kFormatVersion): the line "PICTORNN", text lines "key value"
// (format, arch, features, priors, params, defects, note, tensors) up to the line "end", then
// per tensor: its name line, its dims line ("16 3 3 3"), and the float32 values little-endian.
#include "util/Result.h"

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace pictor::nn {

inline constexpr std::uint32_t kFormatVersion = 1;
inline constexpr const char* kArchitecture = "critic-cnn-1";
inline constexpr int kNetInputSize = 128;
inline constexpr int kThumbnailLongEdge = 256;
inline constexpr int kPriorCount = 24;

// What the network predicts for one param: normalised value y = value / scale (temperature:
// y = (1e6/T − 1e6/6504 K) / scale, in mired), the tolerance (same units as `scale`) under which
// an error is not worth a correction — it sets the confidence — and the defect it corrects.
struct ParamTarget {
    std::string op, param;
    double scale;
    double tolerance;
    std::string defect;
};
const std::vector<ParamTarget>& paramTargets();
double normalizedFromValue(std::size_t index, double value);
double valueFromNormalized(std::size_t index, double y); // clamped to OpSpec's range

// [H, W, 3] linear Rec.2020 (float, any device) → the same reduced to a long edge ≤ 256 (area).
at::Tensor thumbnailTensor(const at::Tensor& hwc);
// at::quantile(values, q) with linear interpolation (float, on values' device), by selection
// instead of a full sort per call: the same arithmetic, ~10× faster on a thumbnail. NaN → NaN.
at::Tensor quantiles(const at::Tensor& values, const std::vector<float>& qs);
// [H, W, 3] thumbnail → [kPriorCount] float measured priors (see CriticNet.cpp for the list).
at::Tensor measuredPriors(const at::Tensor& hwc);
// [H, W, 3] thumbnail → [3, 128, 128] network input (encoded, centred).
at::Tensor networkInput(const at::Tensor& hwc);

struct NetOutput {
    at::Tensor mean;         // [B, params]
    at::Tensor logVariance;  // [B, params], clamped to [−10, 6]
    at::Tensor defectLogits; // [B, defects]
};

class CriticNet {
public:
    // Fresh weights (Kaiming-uniform, seeded); feature normalisation = identity.
    CriticNet(int analysisFeatureCount, std::uint64_t seed);

    int analysisFeatureCount() const { return m_featureCount; }
    // images [B, 3, 128, 128], features [B, kPriorCount + analysisFeatureCount] (raw).
    NetOutput forward(const at::Tensor& images, const at::Tensor& features) const;

    // Trainable tensors (requires_grad is set by the trainer).
    std::vector<at::Tensor> parameters() const;
    void setFeatureNormalization(const at::Tensor& mean, const at::Tensor& stdDev);
    void to(const at::Device& device);
    const std::vector<std::pair<std::string, at::Tensor>>& tensors() const { return m_tensors; }

    std::string serialize(const std::string& note) const;
    static Result<std::shared_ptr<CriticNet>> deserialize(const std::string& bytes);

private:
    CriticNet() = default;
    const at::Tensor& tensor(const std::string& name) const;
    int m_featureCount = 0;
    std::vector<std::pair<std::string, at::Tensor>> m_tensors;
};

} // namespace pictor::nn

#pragma once
// The learned Critic's training step, shared by pictor-train and the tests: training samples made
// from a clean photo and its degraded version, the three stages' losses, and Adam.
//
// Losses (per batch):
//  regression  Huber (smooth L1) on each param's normalised value (ParamTarget), plus the
//              Gaussian negative log-likelihood of the error under the predicted log-variance
//              (with the mean detached: the variance head learns how wrong the mean tends to be,
//              which becomes the confidence);
//  detection   binary cross-entropy of the defect logits;
//  render      (stage iii) the degraded thumbnail rendered through the Artist's own differentiable
//              global ops (white balance → exposure → tone → colour) with the predicted params,
//              mean CIELAB ΔE76 to the clean thumbnail; samples whose defect the global ops
//              cannot undo (blur, haze, tilt) are left out, clean photos count `doNoHarmWeight`
//              times (a good photo must stay as it is).
#include "nn/CriticNet.h"
#include "train/Degradations.h"

#include <ATen/core/Tensor.h>

#include <span>
#include <vector>

namespace pictor::train {

inline constexpr int kRenderSize = 64; // side of the thumbnails the render loss compares

struct TrainingSample {
    at::Tensor image;        // [3, 128, 128] network input
    at::Tensor features;     // [kPriorCount + analysis features]
    at::Tensor target;       // [params] normalised target values
    at::Tensor defects;      // [defects] 0/1
    at::Tensor degraded;     // [64, 64, 3] linear, for the render loss
    at::Tensor clean;        // [64, 64, 3] linear
    bool renderable = false; // global ops can undo it (no blur, haze, tilt)
    bool isClean = false;
};

// `clean` and `degraded` are [H, W, 3] linear photos (degraded may be smaller: tilt); the
// analysis features are those of `degraded`.
TrainingSample makeSample(const at::Tensor& clean, const at::Tensor& degraded,
                          const Degradation& degradation, std::span<const float> analysisFeatures);

struct Batch {
    at::Tensor images, features, targets, defects, degraded, clean, renderMask, cleanMask;
};
Batch makeBatch(const std::vector<TrainingSample>& samples, const at::Device& device);

struct LossWeights {
    double regression = 1.0;
    double detection = 0.5;
    double render = 0.0; // > 0 in stage iii
    double doNoHarmWeight = 3.0;
};

struct Losses {
    at::Tensor total;
    double regression = 0, detection = 0, render = 0;
};
Losses computeLosses(const nn::CriticNet& net, const Batch& batch, const LossWeights& weights);

// The global ops with the network's predicted (normalised) params, differentiable: [H, W, 3]
// degraded image and [params] prediction → rendered image.
at::Tensor renderGlobal(const at::Tensor& image, const at::Tensor& normalizedParams);
// Mean CIELAB ΔE76 between two [..., 3] linear images (differentiable).
at::Tensor meanDeltaE76(const at::Tensor& a, const at::Tensor& b);

class Adam {
public:
    Adam(std::vector<at::Tensor> parameters, double learningRate);
    void setLearningRate(double lr) { m_lr = lr; }
    void zeroGrad();
    void step();

private:
    std::vector<at::Tensor> m_params, m_m, m_v;
    double m_lr;
    int m_t = 0;
};

} // namespace pictor::train

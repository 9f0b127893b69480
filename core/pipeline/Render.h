#pragma once
// The Artist's renderer: a recipe applied to a working-space image. Two paths, one set of ops:
//  - Fast (CPU default): structure, not a second implementation — the linear global ops
//    (white balance, exposure) fold into one exact 3×3 matrix; the other global ops of a run are
//    baked into one 3D LUT by their own tensor code (Lut3d); local ops compute what they need on
//    a reduced-resolution guide with their own tensor code, and a few generic kernels
//    (pipeline/Kernels.h) do the full-resolution passes (pipeline/FastLocalOps.h).
//  - Tensor: every op's own tensor code on the whole image, on the CPU or CUDA — the reference
//    the fast path is tested against, and what runs on CUDA (where tensor ops are fast).
// A pipeline stage is a run of consecutive global ops or one local/geometry op. With a
// StageCache, stages whose inputs did not change are taken from the cache (Renderer.h keeps one
// per photo, with the preview pyramid).
#include "compute/ComputeDevice.h"
#include "image/Image.h"
#include "recipe/Recipe.h"
#include "util/Result.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace pictor {

class StageCache;

enum class RenderPath { Fast, Tensor };

struct RenderSettings {
    SourceWhite sourceWhite; // as-shot white for RAW, D65 for rendered files
    double pixelScale = 1.0; // image pixels per full-resolution pixel (previews < 1)
    // Called between stages with the fraction done; returning false cancels the render.
    std::function<bool(double)> progress;
    DeviceKind device = DeviceKind::Cpu; // CUDA implies the tensor path
    RenderPath path = RenderPath::Fast;
    int guideFactor = 0; // vignette's gain grid reduction (FastLocalOps.h); 0 = automatic
    // Called after each computed stage (fast path) with its ops ("tone+color+hsl") and its
    // wall time, for benchmarks and profiling.
    std::function<void(const std::string&, double)> onStage;
};

// Renders `recipe` (only its active ops) onto `image`. Errors: cancellation, invalid params
// (e.g. a crop with left ≥ right), CUDA asked for but absent, failures inside libtorch — never
// an exception.
Result<Image> renderRecipe(const Image& image, const Recipe& recipe,
                           const RenderSettings& settings = {});
// The same, given the pixels to work in (an export that no longer needs them): the first stages
// then write into them instead of new memory. `image` is left in an unspecified state.
Result<Image> renderRecipe(Image&& image, const Recipe& recipe,
                           const RenderSettings& settings = {});

// The same with a stage cache: `imageKey` identifies the input pixels (the same key must never
// be used for different pixels). Returns the final stage's image, shared with the cache.
Result<std::shared_ptr<const Image>> renderRecipeCached(const Image& image, std::uint64_t imageKey,
                                                        const Recipe& recipe,
                                                        const RenderSettings& settings,
                                                        StageCache* cache);

} // namespace pictor

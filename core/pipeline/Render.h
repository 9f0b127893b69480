#pragma once
// The Artist's renderer: a recipe applied to a working-space image, every op through its one
// tensor implementation. Structure, not a second implementation, makes it fast:
//  - the linear global ops (white balance, exposure) fold into one exact 3×3 matrix;
//  - the other global ops of a run are baked into one 3D LUT (Lut3d) and applied by its kernel;
//  - local and geometry ops run as tensor code on the image.
// Not yet here (see issue 3): preview pyramid, stage cache, CUDA placement of local ops.
#include "image/Image.h"
#include "recipe/Recipe.h"
#include "util/Result.h"

#include <functional>

namespace pictor {

struct RenderSettings {
    SourceWhite sourceWhite;  // as-shot white for RAW, D65 for rendered files
    double pixelScale = 1.0;  // image pixels per full-resolution pixel (previews < 1)
    // Called between stages with the fraction done; returning false cancels the render.
    std::function<bool(double)> progress;
};

// Renders `recipe` (only its active ops) onto `image`. Errors: cancellation, invalid params
// (e.g. a crop with left ≥ right), failures inside libtorch — never an exception.
Result<Image> renderRecipe(const Image& image, const Recipe& recipe, const RenderSettings& settings = {});

} // namespace pictor

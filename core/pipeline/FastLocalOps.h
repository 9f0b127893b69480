#pragma once
// The fast path of the local and geometry ops: the ops' own results (ops/LocalOps.h) to float
// rounding — vignette within 5e-4 on average — (tests/compute/tst_fast_path.cpp), from structure
// rather than a second implementation of the filters:
//  - what each op computes on a reduced grid runs as its own tensor code there: dehaze's haze
//    estimate (ops/HazeEstimate.h) and the guided-filter coefficients of dehaze's refinement,
//    clarity's base layer (ops/ClarityModel.h) and denoise's colour part (ops/DenoiseModel.h);
//    vignette's gain is the op evaluated on a grid `guideFactor` times coarser;
//  - the full-resolution passes are the generic kernels (pipeline/Kernels.h): luminance planes
//    through tables of the ops' curves, box and Gaussian filters (denoise's luminance guided
//    filter, sharpen's blur), bilinear upsampling of coefficient and gain maps, the bilinear
//    warp (straighten) and a row copy (crop); each op's last per-pixel step (a few arithmetic
//    operations on those planes) is written out in its loop here;
//  - libtorch's CPU element-wise ops would be several times slower at full resolution.
// CPU only (the CUDA path runs the ops' tensor code itself).
#include "image/Image.h"
#include "recipe/Recipe.h"

namespace pictor::fast {

struct FastSettings {
    double pixelScale = 1.0; // image pixels per full-resolution pixel (as the ops' pixelScale)
    int guideFactor = 0;     // vignette's gain grid reduction; 0 = automatic (guideFactorFor)
};

// The automatic guide reduction: the guide holds about half a megapixel (1 below that).
int guideFactorFor(int width, int height);

// True for the ops applyLocalOp renders (every Local and Geometry op of the catalogue).
bool hasFastPath(const std::string& opId);

// Renders one local or geometry op. Throws (std::invalid_argument for bad params, c10::Error
// from libtorch) like the tensor path; the renderer turns that into an Error.
Image applyLocalOp(const RecipeOp& op, const Image& image, const SourceWhite& white,
                   const FastSettings& settings);
// The same, allowed to write into `image` (the per-pixel ops denoise, dehaze, clarity, sharpen and
// vignette then do, saving an allocation and a memory stream): `image` is left in an unspecified
// state. Same result.
Image applyLocalOp(const RecipeOp& op, Image&& image, const SourceWhite& white,
                   const FastSettings& settings);

} // namespace pictor::fast

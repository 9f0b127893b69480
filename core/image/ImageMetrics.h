#pragma once
// Image quality metrics against a reference, for the quality benchmark (pictor-cli bench quality)
// and tests. Both images are linear Rec.2020 working-space images of the same size; they are
// compared as a viewer sees them: clipped to [0, 1] and, for PSNR and SSIM, sRGB-encoded
// (the display transfer curve, on Rec.2020 values).
//  - PSNR: 10·log10(1 / MSE) over the three encoded channels (peak 1); ∞ for identical images
//    (reported as 100 dB).
//  - SSIM: Wang et al. 2004 on encoded luminance (Rec.2020 weights), 8×8 windows with stride 4
//    (uniform weights), C1 = (0.01)², C2 = (0.03)², mean over windows.
//  - ΔE00: CIEDE2000 (Sharma, Wu & Dalal 2005) per pixel in CIELAB (D65), averaged.
#include "image/Image.h"

namespace pictor {

struct Lab {
    double L = 0, a = 0, b = 0;
};

// CIEDE2000 colour difference (kL = kC = kH = 1).
double ciede2000(const Lab& x, const Lab& y);
// Linear Rec.2020 (D65) → CIELAB (D65), clipped to [0, 1] first.
Lab rec2020ToLab(const float* rgb);

struct ImageQuality {
    double psnr = 0;     // dB
    double ssim = 0;     // 0…1
    double deltaE00 = 0; // mean
};

// Both images must have the same size (otherwise all fields are NaN).
ImageQuality compareImages(const Image& result, const Image& reference);

} // namespace pictor

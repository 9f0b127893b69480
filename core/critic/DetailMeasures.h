#pragma once
// Noise and sharpness, measured on native-resolution tiles of encoded (sRGB-curve) values.
#include "image/Image.h"

#include <vector>

namespace pictor::critic {

// The sRGB transfer curve (what a viewer sees), used for measures that should follow perception.
float srgbEncode(float linear);

struct NoiseEstimate {
    double luma = 0;   // σ of encoded luminance, 0…1
    double chroma = 0; // σ of the encoded colour differences R − G and B − G, 0…1
};

// Immerkær's (1996) Laplacian-difference operator, whose response to a smooth surface is zero
// and to white noise of σ has σ·6. The σ is measured robustly (median absolute response) in
// 16×16 blocks; the quietest quarter of blocks that are neither clipped nor black gives the
// estimate (texture only ever raises a block's value).
NoiseEstimate estimateNoise(const std::vector<Image>& tiles);

// Crété-Roffet et al.'s (2007) no-reference blur metric on encoded luminance: how much of the
// image's variation a 9-tap box blur removes. 0 = sharp … 1 = featureless. Flat tiles (sky) are
// skipped; the sharpest textured tile counts, since a photo is in focus somewhere or nowhere.
double estimateBlur(const std::vector<Image>& tiles);

} // namespace pictor::critic

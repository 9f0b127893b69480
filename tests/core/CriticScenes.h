#pragma once
// Generated outdoor scenes for the Critic's tests, in the working space (linear Rec.2020): a
// well-exposed, neutral, sharp, clean landscape (sky, horizon, textured ground, a house, dark
// trees), and the capture defects the Critic must recognise, each applied with a known size.
#include "image/Image.h"

#include <cstdint>

namespace pictor::test {

struct SceneOptions {
    int width = 768;
    int height = 512;
    double tiltDegrees = 0; // the whole scene turned counter-clockwise on screen
    std::uint32_t seed = 1;
};

Image makeCleanScene(const SceneOptions& options = {});

void scaleExposure(Image& image, double ev);                        // × 2^ev
void applyChannelGains(Image& image, double r, double g, double b); // a colour cast
void addEncodedNoise(Image& image, double sigma,
                     std::uint32_t seed);      // Gaussian σ on the sRGB-encoded values
void gaussianBlur(Image& image, double sigma); // defocus-like
void addHaze(Image& image, double transmission, double airlight); // I·t + A·(1 − t)

} // namespace pictor::test

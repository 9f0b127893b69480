#pragma once
// The Critic's deterministic analysis: what can be measured about a photo, with units, so that
// every finding can cite numbers a photographer can check. Measured in the working space (linear
// Rec.2020, D65): global statistics on a thumbnail (long edge ~384 px), noise and sharpness on a
// few native-resolution tiles (a thumbnail averages noise and blur away).
//
// Domains used below:
//  - Y: linear luminance (Rec.2020 weights), 1 = diffuse white.
//  - L*: CIELAB lightness of Y (0…100), the scale photographers' histograms roughly follow.
//  - "encoded": the sRGB transfer curve applied to a value (0…1), i.e. what a viewer sees;
//    noise σ and the dark channel are measured there.
//  - Oklab: chroma C = √(a² + b²) (a vivid sRGB red ≈ 0.26), the colour op's space.
#include "image/Image.h"
#include "recipe/Recipe.h"

#include <array>
#include <vector>

namespace pictor::critic {

// What the analysis may know about the photo besides its pixels.
struct AnalysisOptions {
    int thumbnailLongEdge = 384; // global statistics are measured at this size
    int detailTileSize = 128;    // native-resolution tiles for noise and sharpness …
    int detailTileGrid = 3;      // … on a grid × grid layout (at most grid² tiles)
    // The photo's own white (what the white-balance op calls neutral): as-shot for RAW, D65
    // otherwise. For RAW it is also the prior of the white-balance estimate.
    SourceWhite sourceWhite;
    bool raw = false;
};

// The images the analysis looks at, separable so that the Critic can analyse a rendered edit the
// same way (render the thumbnail and the tiles, then analyse them).
struct AnalysisInput {
    Image thumbnail;           // whole photo, long edge ≤ thumbnailLongEdge
    std::vector<Image> tiles;  // native-resolution crops (the whole photo when it is small)
    double thumbnailScale = 1; // thumbnail pixels per photo pixel (≤ 1)
};

// An estimate of the light's colour, as the white-balance settings that would neutralise it.
struct WhiteEstimate {
    double temperature = 6504; // K: the white_balance op's temperature that removes the cast
    double tint = 0;           // the op's tint that removes the cast
    double miredShift = 0;     // 1e6/temperature − 1e6/source temperature (+ = light warmer)
    double tintShift = 0;      // tint − source tint (+ = light greener)
    double strength = 0;       // size of the cast: Oklab chroma of the estimated light's colour
};

struct Analysis {
    int thumbnailWidth = 0, thumbnailHeight = 0;
    int photoWidth = 0, photoHeight = 0;

    // Exposure and tone (thumbnail).
    std::array<double, 7> lumaPercentiles{};      // Y at 1, 5, 25, 50, 75, 95, 99 %
    std::array<double, 7> lightnessPercentiles{}; // L* at the same percentiles
    double meanLightness = 0;                     // L*
    double medianLuminance = 0;                   // Y (same as lumaPercentiles[3])
    double keyEv = 0;             // log2(median Y / 0.18): stops above (+) or below mid grey
    double clippedHighlights = 0; // fraction with any channel ≥ 0.98 (clipped on output)
    // How far (EV) the exposure can rise before another 1 % of the pixels clip in some channel:
    // a saturated sky or flower reaches white in one channel long before its luminance does.
    double brighteningHeadroomEv = 0;
    double crushedShadows = 0;          // fraction with Y < 0.0015 (encoded < ~2 %: no detail left)
    double deepShadows = 0;             // fraction with L* < 15
    double brightHighlights = 0;        // fraction with L* > 90
    double dynamicRangeStops = 0;       // log2(Y at 99.5 % / Y at 0.5 %), Y floored at 1/4096
    std::array<double, 64> histogram{}; // L* in 64 bins of 100/64, fractions summing to 1

    // Contrast (thumbnail).
    double lightnessStdDev = 0; // σ of L*: global contrast
    double lightnessSpread = 0; // L* at 95 % − L* at 5 %
    double localContrast = 0;   // mean |L* − L* blurred (σ ≈ 2 % of the long edge)|

    // White balance (thumbnail; excludes clipped and near-black pixels).
    WhiteEstimate greyWorld;    // mean colour is grey
    WhiteEstimate greyEdge;     // mean edge colour is grey (van de Weijer et al. 2007, p = 6)
    WhiteEstimate combined;     // the two blended by agreement, pulled towards the source white
    double whiteConfidence = 0; // 0…1: how far the two estimates agree (1 = same colour)

    // Colour (thumbnail, Oklab).
    double meanChroma = 0;
    double chromaP95 = 0;
    double meanA = 0, meanB = 0; // mean Oklab a (green− … red+) and b (blue− … yellow+)
    double outOfGamut = 0;       // fraction with a channel < 0 (outside Rec.2020)
    double neutralFraction = 0;  // fraction with chroma < 0.01 (greys, backdrops; not a feature)

    // Detail (native-resolution tiles, encoded luminance).
    double noiseSigma = 0;       // luma noise σ, encoded 0…1 (×255 for 8-bit levels)
    double chromaNoiseSigma = 0; // σ of the encoded R − B / G differences, same scale
    double blur = 0;             // 0 sharp … 1 blurry (Crété-Roffet et al. 2007 re-blur metric)

    // Haze (thumbnail): He et al.'s dark channel (min over RGB and a 15×15-ish patch), encoded.
    double darkChannelMean = 0;
    double darkChannelP90 = 0;
    // The veil's colour: each channel's lower envelope over wide windows, averaged (linear). Under
    // haze the darkest points are the veil itself, airlight·(1 − t), and airlight is nearly
    // neutral: a coloured veil is a cast on the whole photo (not a feature of the model).
    WhiteEstimate veilWhite;  // the white that makes the veil grey (the source white if none)
    double veilAgreement = 0; // 0…1: the top and bottom halves' veil colours agree (1 = same)

    // Geometry (thumbnail): the dominant near-horizontal straight line (±20°), if any.
    double horizonTiltDegrees = 0; // counter-clockwise on screen (+ = rises to the right)
    double horizonConfidence = 0;  // 0…1: the line's length × edge support (0 = none found)

    SourceWhite sourceWhite;
    bool raw = false;
};

// Prepares the thumbnail and tiles of a working-space image.
AnalysisInput prepareAnalysisInput(const Image& image, const AnalysisOptions& options = {});
// Measures everything above; never fails (an empty image gives a default Analysis).
Analysis analyze(const AnalysisInput& input, const AnalysisOptions& options = {});
Analysis analyzeImage(const Image& image, const AnalysisOptions& options = {});

// A fixed-length feature vector for the learned Critic (next to the thumbnail): each value is
// roughly within [−1, 1] (clamped to [−4, 4]). The order is a contract with core/nn: a change
// of count or order must be announced (work notes) and the model retrained.
//   0–6   L* percentiles 1/5/25/50/75/95/99 ÷ 100
//   7     mean L* ÷ 100
//   8     keyEv ÷ 4
//   9     √clippedHighlights        10  √crushedShadows
//   11    deepShadows               12  brightHighlights
//   13    dynamicRangeStops ÷ 12
//   14    lightnessStdDev ÷ 30      15  lightnessSpread ÷ 100    16  localContrast ÷ 10
//   17    greyWorld.miredShift ÷ 100   18  greyWorld.tintShift ÷ 50
//   19    greyEdge.miredShift ÷ 100    20  greyEdge.tintShift ÷ 50
//   21    combined.miredShift ÷ 100    22  combined.tintShift ÷ 50    23  whiteConfidence
//   24    meanChroma ÷ 0.1          25  chromaP95 ÷ 0.2
//   26    meanA ÷ 0.05              27  meanB ÷ 0.05              28  √outOfGamut
//   29    noiseSigma × 20           30  chromaNoiseSigma × 20     31  blur
//   32    darkChannelMean ÷ 0.3     33  darkChannelP90 ÷ 0.5
//   34    horizonTiltDegrees ÷ 10 × horizonConfidence            35  horizonConfidence
//   36    raw (0/1)                 37  (1e6/source temperature − 1e6/6504) ÷ 100
inline constexpr int kAnalysisFeatureCount = 38;
std::vector<float> analysisFeatures(const Analysis& analysis);

} // namespace pictor::critic

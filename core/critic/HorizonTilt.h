#pragma once
// Horizon tilt: the dominant near-horizontal straight line of a (thumbnail) image.
#include "image/Image.h"

namespace pictor::critic {

struct HorizonLine {
    double tiltDegrees = 0; // counter-clockwise on screen: + when the line rises to the right
    double confidence = 0;  // 0 = no line; 1 = a clean edge across the whole width
};

// Canny edges of the encoded luminance, then a Hough transform restricted to lines within ±20°
// of horizontal; the strongest line's angle is refined by a least-squares fit of the edge pixels
// along it (the Hough grid alone is 0.25° coarse). The confidence is the fraction of the width
// the line's edge pixels cover, lowered when other strong lines disagree in angle (perspective
// lines of buildings, for example, are not a horizon).
HorizonLine findHorizon(const Image& thumbnail);

} // namespace pictor::critic

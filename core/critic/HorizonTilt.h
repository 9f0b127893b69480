#pragma once
// Horizon tilt: the camera's roll, from the dominant near-horizontal straight line of a
// (thumbnail) image or, where no clear line is, from the orientations of all its edges.
#include "image/Image.h"

namespace pictor::critic {

struct HorizonLine {
    double tiltDegrees = 0; // counter-clockwise on screen: + when the line rises to the right
    double confidence = 0;  // 0 = none found; 1 = a clean edge across the whole width, or
                            // edges overwhelmingly level and plumb
};

// Canny edges of the encoded luminance, then a Hough transform restricted to lines within ±20°
// of horizontal; the strongest line's angle is refined by a least-squares fit of the edge pixels
// along it (the Hough grid alone is 0.25° coarse). The confidence is the fraction of the width
// the line's edge pixels cover, lowered when other strong lines disagree in angle (perspective
// lines of buildings, for example, are not a horizon). When that line is weak (confidence < 0.6)
// and the edges as a whole say more, the answer is the peak within ±6.5° of their
// magnitude-weighted orientation histogram folded modulo 90° (level and plumb edges of buildings,
// bridges, furniture), with a confidence from the peak's height over the histogram's median —
// none when the left and right halves each have a clear peak of their own more than 1.5° apart
// (verticals leaning opposite ways: a camera tilted up or down, not rolled).
// That estimate is pulled towards level by the pixel grid (4° reads as about 3.2°): the
// straightening it suggests is on the safe side.
HorizonLine findHorizon(const Image& thumbnail);

} // namespace pictor::critic

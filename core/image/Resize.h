#pragma once
// Downscaling in linear light (area-averaging, so no aliasing and no gamma darkening).
#include "image/Image.h"

namespace pictor {

// Scales so that the longer side is `longEdge` pixels; never enlarges (returns a copy then).
Image resizeToLongEdge(const Image& image, int longEdge);
Image resize(const Image& image, int width, int height);

} // namespace pictor

#pragma once
// EXIF orientation (1–8): turns stored pixels upright.
#include "image/Image.h"

namespace pictor {

// Returns the upright image for pixels stored with EXIF `orientation`; 1 and invalid values
// return the input unchanged.
Image applyOrientation(Image image, int orientation);

} // namespace pictor

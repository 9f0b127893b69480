#pragma once
// Working-space pixels → an 8-bit sRGB QImage for the screen.
#include "image/Image.h"

#include <QImage>

namespace pictor::ui {

// Downscaled (in linear light) to at most `maxLongEdge` pixels when larger; 0 keeps full size.
QImage toDisplayImage(const Image& image, int maxLongEdge = 0);

} // namespace pictor::ui

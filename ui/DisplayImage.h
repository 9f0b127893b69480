#pragma once
// Working-space pixels → an 8-bit sRGB QImage for the screen, in Format_RGB32: QPainter draws
// that as it is, whereas a 24-bit image is converted on every paint (~15 ms for a 1600-px
// preview, on the GUI thread, for each frame of a slider drag).
#include "image/Image.h"

#include <QImage>

namespace pictor::ui {

// Downscaled (in linear light) to at most `maxLongEdge` pixels when larger; 0 keeps full size.
QImage toDisplayImage(const Image& image, int maxLongEdge = 0);

} // namespace pictor::ui

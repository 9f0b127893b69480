#include "image/Orientation.h"

namespace pictor {

Image applyOrientation(Image image, int orientation) {
    if (orientation < 2 || orientation > 8) return image;
    const int w = image.width(), h = image.height();
    const bool transposed = orientation >= 5; // 5–8 swap width and height
    Image out(transposed ? h : w, transposed ? w : h);
    const int ow = out.width(), oh = out.height();
    // For every output pixel, the stored pixel it shows (EXIF 2.3, tag 0x0112).
#pragma omp parallel for schedule(static)
    for (int y = 0; y < oh; ++y) {
        float* dst = out.row(y);
        for (int x = 0; x < ow; ++x, dst += 3) {
            int sx = x, sy = y;
            switch (orientation) {
            case 2: sx = w - 1 - x; break;                  // mirrored horizontally
            case 3: sx = w - 1 - x; sy = h - 1 - y; break;  // rotated 180°
            case 4: sy = h - 1 - y; break;                  // mirrored vertically
            case 5: sx = y; sy = x; break;                  // transposed
            case 6: sx = y; sy = h - 1 - x; break;          // rotate 90° clockwise to view
            case 7: sx = w - 1 - y; sy = h - 1 - x; break;  // transverse
            case 8: sx = w - 1 - y; sy = x; break;          // rotate 90° counter-clockwise to view
            }
            const float* src = image.at(sx, sy);
            dst[0] = src[0];
            dst[1] = src[1];
            dst[2] = src[2];
        }
    }
    return out;
}

} // namespace pictor

#include "DisplayImage.h"

#include "image/ColorSpace.h"
#include "image/Resize.h"

#include <QColorSpace>

#include <cstring>

namespace pictor::ui {

QImage toDisplayImage(const Image& image, int maxLongEdge) {
    if (image.empty()) return {};
    const Image sized = maxLongEdge > 0 ? resizeToLongEdge(image, maxLongEdge) : image;
    QImage out(sized.width(), sized.height(), QImage::Format_RGB888);
    std::vector<std::uint8_t> rgb(sized.pixelCount() * 3);
    OutputTransform(OutputColorSpace::SRgb).toU8(sized, rgb.data());
    for (int y = 0; y < sized.height(); ++y)
        std::memcpy(out.scanLine(y), rgb.data() + std::size_t(y) * sized.width() * 3,
                    std::size_t(sized.width()) * 3);
    out.setColorSpace(QColorSpace::SRgb);
    return out;
}

} // namespace pictor::ui

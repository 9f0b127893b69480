#include "DisplayImage.h"

#include "image/ColorSpace.h"
#include "image/Resize.h"

#include <QColorSpace>

#include <algorithm>
#include <cstring>
#include <optional>

namespace pictor::ui {

namespace {
// Built once: its 2^18-entry encoding table costs more to make (~10 ms) than converting a
// preview frame, and every frame of a slider drag comes through here. Conversions only read it.
const OutputTransform& srgbTransform() {
    static const OutputTransform transform(OutputColorSpace::SRgb);
    return transform;
}
} // namespace

QImage toDisplayImage(const Image& image, int maxLongEdge) {
    if (image.empty()) return {};
    std::optional<Image> resized; // the input itself is used when no resize is asked for
    if (maxLongEdge > 0 && std::max(image.width(), image.height()) > maxLongEdge)
        resized = resizeToLongEdge(image, maxLongEdge);
    const Image& sized = resized ? *resized : image;
    QImage out(sized.width(), sized.height(), QImage::Format_RGB888);
    if (out.bytesPerLine() == qsizetype(sized.width()) * 3) { // rows packed: convert in place
        srgbTransform().toU8(sized, out.bits());
    } else { // rows padded to 4 bytes
        std::vector<std::uint8_t> rgb(sized.pixelCount() * 3);
        srgbTransform().toU8(sized, rgb.data());
        for (int y = 0; y < sized.height(); ++y)
            std::memcpy(out.scanLine(y), rgb.data() + std::size_t(y) * sized.width() * 3,
                        std::size_t(sized.width()) * 3);
    }
    out.setColorSpace(QColorSpace::SRgb);
    return out.convertToFormat(QImage::Format_RGB32); // once here, in the render worker
}

} // namespace pictor::ui

#include "Histogram.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace pictor::ui {

Histogram computeHistogram(const QImage& input) {
    Histogram h;
    if (input.isNull()) return h;
    const bool packed = input.format() == QImage::Format_RGB32; // what toDisplayImage makes
    const QImage image = packed || input.format() == QImage::Format_RGB888
                             ? input
                             : input.convertToFormat(QImage::Format_RGB888);
    std::uint64_t dark = 0, bright = 0;
    auto add = [&](int r, int g, int b) {
        ++h.bins[0][r];
        ++h.bins[1][g];
        ++h.bins[2][b];
        // Luminance of the encoded values, as the histograms of other editors show it.
        ++h.bins[3][(54 * r + 183 * g + 19 * b) >> 8];
        dark += (r == 0) | (g == 0) | (b == 0);
        bright += (r == 255) | (g == 255) | (b == 255);
    };
    const int width = image.width();
    for (int y = 0; y < image.height(); ++y) {
        if (packed) {
            const auto* p = reinterpret_cast<const QRgb*>(image.constScanLine(y));
            for (int x = 0; x < width; ++x)
                add(qRed(p[x]), qGreen(p[x]), qBlue(p[x]));
        } else {
            const uchar* p = image.constScanLine(y);
            for (int x = 0; x < width; ++x, p += 3)
                add(p[0], p[1], p[2]);
        }
    }
    h.pixels = std::uint64_t(image.width()) * image.height();
    h.clippedShadows = double(dark) / double(h.pixels);
    h.clippedHighlights = double(bright) / double(h.pixels);
    return h;
}

HistogramView::HistogramView(QWidget* parent)
    : QWidget(parent) {
    setMinimumHeight(100);
}

void HistogramView::setHistograms(const Histogram& before, const Histogram& after) {
    m_before = before;
    m_after = after;
    update();
}

void HistogramView::setAfter(const Histogram& after) {
    m_after = after;
    update();
}

namespace {

// Square-root scaling keeps both a dominant peak and the sparse tails visible.
QPainterPath channelPath(const std::array<std::uint32_t, 256>& bins, std::uint32_t peak,
                         const QRectF& r) {
    QPainterPath path(r.bottomLeft());
    for (int i = 0; i < 256; ++i) {
        const double v = peak ? std::sqrt(double(bins[std::size_t(i)]) / peak) : 0;
        path.lineTo(r.left() + r.width() * i / 255.0, r.bottom() - v * r.height());
    }
    path.lineTo(r.bottomRight());
    path.closeSubpath();
    return path;
}

std::uint32_t peakOf(const Histogram& h) {
    std::uint32_t peak = 1;
    for (const auto& channel : h.bins)
        for (int i = 1; i < 255; ++i)
            peak = std::max(peak, channel[std::size_t(i)]); // ends: clipping spikes
    return peak;
}

} // namespace

void HistogramView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), QColor(40, 40, 40));
    const QRectF r = QRectF(rect()).adjusted(4, 4, -4, -16);
    if (!m_after.empty()) {
        const std::uint32_t peak = peakOf(m_after);
        painter.setCompositionMode(QPainter::CompositionMode_Plus);
        const QColor colours[3] = {QColor(200, 40, 40), QColor(40, 180, 40), QColor(50, 80, 220)};
        for (int c = 0; c < 3; ++c)
            painter.fillPath(channelPath(m_after.bins[std::size_t(c)], peak, r), colours[c]);
        painter.setCompositionMode(QPainter::CompositionMode_SourceOver);
        if (!m_before.empty()) { // the unedited luminance as an outline, for comparison
            painter.setPen(QPen(QColor(255, 255, 255, 170), 1, Qt::DashLine));
            painter.setBrush(Qt::NoBrush);
            painter.drawPath(channelPath(m_before.bins[3], peakOf(m_before), r));
        }
        painter.setPen(QColor(200, 200, 200));
        painter.drawText(QRectF(4, height() - 15, width() - 8, 14),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         tr("Shadows clipped %1 %").arg(m_after.clippedShadows * 100, 0, 'f', 1));
        painter.drawText(
            QRectF(4, height() - 15, width() - 8, 14), Qt::AlignRight | Qt::AlignVCenter,
            tr("Highlights clipped %1 %").arg(m_after.clippedHighlights * 100, 0, 'f', 1));
    }
}

} // namespace pictor::ui

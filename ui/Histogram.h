#pragma once
// Histograms of the displayed (sRGB, 8-bit) image, before and after the edit, as photographers
// read them: red, green, blue and luminance over 256 levels, with clipping shown at the ends.
#include <QImage>
#include <QWidget>

#include <array>
#include <cstdint>

namespace pictor::ui {

struct Histogram {
    std::array<std::array<std::uint32_t, 256>, 4> bins{}; // R, G, B, luminance (Rec.709 weights)
    std::uint64_t pixels = 0;
    bool empty() const { return pixels == 0; }
    // Fraction of pixels with any channel at 0 / at 255.
    double clippedShadows = 0;
    double clippedHighlights = 0;
};

// Counts every pixel of an RGB32 or RGB888 image (other formats are converted first).
Histogram computeHistogram(const QImage& image);

class HistogramView : public QWidget {
    Q_OBJECT
public:
    explicit HistogramView(QWidget* parent = nullptr);
    void setHistograms(const Histogram& before, const Histogram& after);
    void setAfter(const Histogram& after);
    const Histogram& before() const { return m_before; }
    const Histogram& after() const { return m_after; }
    QSize sizeHint() const override { return {280, 120}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    Histogram m_before;
    Histogram m_after;
};

} // namespace pictor::ui

#pragma once
// The working image: scene-referred linear Rec.2020 RGB, float32, interleaved, row-major.
// New images are uninitialised (see PixelMemory.h); every producer writes every pixel.
#include "image/PixelMemory.h"

#include <cstddef>
#include <cstdint>

namespace pictor {

class Image {
public:
    Image() = default;
    Image(int width, int height)
        : m_width(width)
        , m_height(height)
        , m_pixels(std::size_t(width) * std::size_t(height) * 3) {}

    int width() const { return m_width; }
    int height() const { return m_height; }
    bool empty() const { return m_pixels.empty(); }
    std::size_t pixelCount() const { return std::size_t(m_width) * std::size_t(m_height); }

    float* data() { return m_pixels.data(); }
    const float* data() const { return m_pixels.data(); }
    float* row(int y) { return m_pixels.data() + std::size_t(y) * std::size_t(m_width) * 3; }
    const float* row(int y) const {
        return m_pixels.data() + std::size_t(y) * std::size_t(m_width) * 3;
    }
    // Reinterprets the first width × height pixels of the memory as the image (row stride
    // `width`), without moving them: for ops that write a smaller result into their input
    // (crop, straighten). width × height must not exceed pixelCount().
    void shrinkTo(int width, int height) {
        m_pixels.shrink(std::size_t(width) * std::size_t(height) * 3);
        m_width = width;
        m_height = height;
    }
    float* at(int x, int y) { return row(y) + std::size_t(x) * 3; }
    const float* at(int x, int y) const { return row(y) + std::size_t(x) * 3; }

private:
    int m_width = 0;
    int m_height = 0;
    PixelBuffer<float> m_pixels;
};

} // namespace pictor

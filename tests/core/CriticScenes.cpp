#include "CriticScenes.h"

#include "image/ColorSpace.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <vector>

namespace pictor::test {

namespace {

struct Rgb {
    float r, g, b;
};

Rgb mix(Rgb a, Rgb b, float t) {
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

float smooth(float edge0, float edge1, float x) {
    const float t = std::clamp((x - edge0) / (edge1 - edge0), 0.0f, 1.0f);
    return t * t * (3 - 2 * t);
}

// Smooth value noise in [−1, 1] from a seeded lattice (bilinear, smoothstep-weighted).
class ValueNoise {
public:
    ValueNoise(std::uint32_t seed, int cells)
        : m_cells(cells)
        , m_values(std::size_t((cells + 1) * (cells + 1))) {
        std::mt19937 rng(seed);
        std::uniform_real_distribution<float> d(-1, 1);
        for (float& v : m_values)
            v = d(rng);
    }
    float operator()(float u, float v) const { // u, v in [0, 1]
        const float x = std::clamp(u, 0.0f, 0.9999f) * m_cells,
                    y = std::clamp(v, 0.0f, 0.9999f) * m_cells;
        const int x0 = int(x), y0 = int(y);
        const float fx = smooth(0, 1, x - x0), fy = smooth(0, 1, y - y0);
        auto at = [this](int i, int j) { return m_values[std::size_t(j * (m_cells + 1) + i)]; };
        const float top = at(x0, y0) + (at(x0 + 1, y0) - at(x0, y0)) * fx;
        const float bottom = at(x0, y0 + 1) + (at(x0 + 1, y0 + 1) - at(x0, y0 + 1)) * fx;
        return top + (bottom - top) * fy;
    }

private:
    int m_cells;
    std::vector<float> m_values;
};

// The untilted scene at (u, v) in pixels of a width × height frame, as encoded sRGB.
struct Scene {
    int width, height;
    ValueNoise coarse, fine;

    Rgb at(float u, float v) const {
        const float horizon = 0.42f * height;
        const float s = u / width, t = v / height;
        // Sky: deeper blue at the top, paler at the horizon.
        const Rgb sky =
            mix({0.40f, 0.56f, 0.84f}, {0.78f, 0.83f, 0.90f}, std::clamp(v / horizon, 0.0f, 1.0f));
        // Ground: green-brown fields with large patches and fine, sharp texture (grass).
        const float patch = coarse(s, t);
        const float grain = 0.06f * std::sin(u * 1.7f + 3 * fine(s, t)) * std::sin(v * 1.1f);
        Rgb ground = mix({0.30f, 0.38f, 0.18f}, {0.52f, 0.44f, 0.30f}, 0.5f + 0.5f * patch);
        ground = {ground.r + grain, ground.g + grain, ground.b + grain};
        // Anti-aliased horizon.
        Rgb c = mix(sky, ground, smooth(horizon - 0.7f, horizon + 0.7f, v));
        // Dark trees on the horizon (the scene's deep shadows).
        for (float cx : {0.12f, 0.2f, 0.83f}) {
            const float dx = (s - cx) * width / height, dy = (v - horizon) / height + 0.06f;
            const float r = std::hypot(dx, dy * 0.7f);
            c = mix(c, {0.05f, 0.07f, 0.04f}, 1 - smooth(0.055f, 0.06f, r));
        }
        // A white house with a red roof and a dark door.
        const float hx0 = 0.45f * width, hx1 = 0.62f * width, hy0 = horizon - 0.12f * height,
                    hy1 = horizon + 0.1f * height;
        if (u >= hx0 && u < hx1 && v >= hy0 && v < hy1) {
            c = {0.93f, 0.92f, 0.89f};
            if (v < hy0 + 0.05f * height) c = {0.72f, 0.20f, 0.15f};
            if (u > 0.52f * width && u < 0.55f * width && v > hy1 - 0.1f * height)
                c = {0.06f, 0.05f, 0.05f};
        }
        // A blue car in front.
        if (u >= 0.25f * width && u < 0.35f * width && v >= 0.7f * height && v < 0.76f * height)
            c = {0.12f, 0.22f, 0.58f};
        return c;
    }
};

} // namespace

Image makeCleanScene(const SceneOptions& options) {
    const int w = options.width, h = options.height;
    const Scene scene{w, h, ValueNoise(options.seed, 6), ValueNoise(options.seed + 7, 40)};
    const double phi = options.tiltDegrees * std::numbers::pi / 180.0;
    const float c = float(std::cos(phi)), s = float(std::sin(phi));
    std::vector<float> encoded(std::size_t(w) * h * 3);
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            // 2×2 supersampling; the content turns counter-clockwise on screen by φ.
            Rgb sum{0, 0, 0};
            for (float oy : {0.25f, 0.75f}) {
                for (float ox : {0.25f, 0.75f}) {
                    const float dx = x + ox - 0.5f * w, dy = y + oy - 0.5f * h;
                    const Rgb p = scene.at(0.5f * w + dx * c - dy * s, 0.5f * h + dx * s + dy * c);
                    sum = {sum.r + p.r / 4, sum.g + p.g / 4, sum.b + p.b / 4};
                }
            }
            float* out = &encoded[(std::size_t(y) * w + x) * 3];
            out[0] = std::clamp(sum.r, 0.0f, 1.0f);
            out[1] = std::clamp(sum.g, 0.0f, 1.0f);
            out[2] = std::clamp(sum.b, 0.0f, 1.0f);
        }
    }
    Image image(w, h);
    InputTransform::srgb().apply(encoded.data(), 3, std::size_t(w) * 3, image);
    return image;
}

void scaleExposure(Image& image, double ev) {
    const float gain = float(std::exp2(ev));
    for (std::size_t i = 0; i < image.pixelCount() * 3; ++i)
        image.data()[i] *= gain;
}

void applyChannelGains(Image& image, double r, double g, double b) {
    float* p = image.data();
    for (std::size_t i = 0; i < image.pixelCount(); ++i, p += 3) {
        p[0] *= float(r);
        p[1] *= float(g);
        p[2] *= float(b);
    }
}

void addEncodedNoise(Image& image, double sigma, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> noise(0.0f, float(sigma));
    auto encode = [](float v) {
        return v <= 0.0031308f ? 12.92f * v : 1.055f * std::pow(v, 1 / 2.4f) - 0.055f;
    };
    auto decode = [](float e) {
        return e <= 0.04045f ? e / 12.92f : std::pow((e + 0.055f) / 1.055f, 2.4f);
    };
    float* p = image.data();
    for (std::size_t i = 0; i < image.pixelCount() * 3; ++i) {
        // Noise added where a viewer sees it (encoded), as a camera's processed JPEG has it.
        const float e = encode(std::max(p[i], 0.0f)) + noise(rng);
        p[i] = e >= 0 ? decode(e) : -decode(-e);
    }
}

void gaussianBlur(Image& image, double sigma) {
    cv::Mat m(image.height(), image.width(), CV_32FC3, image.data());
    cv::GaussianBlur(m, m, cv::Size(0, 0), sigma);
}

void addHaze(Image& image, double transmission, double airlight) {
    const float t = float(transmission), a = float(airlight * (1 - transmission));
    for (std::size_t i = 0; i < image.pixelCount() * 3; ++i)
        image.data()[i] = image.data()[i] * t + a;
}

} // namespace pictor::test

#include "critic/HorizonTilt.h"

#include "critic/DetailMeasures.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace pictor::critic {

namespace {

constexpr double kDegree = std::numbers::pi / 180.0;
constexpr double kMaxTilt = 20.0; // degrees: steeper lines are not a horizon

cv::Mat encodedLuma8(const Image& image) {
    cv::Mat out(image.height(), image.width(), CV_8UC1);
    for (int y = 0; y < image.height(); ++y) {
        const float* px = image.row(y);
        auto* dst = out.ptr<std::uint8_t>(y);
        for (int x = 0; x < image.width(); ++x, px += 3) {
            const float l = 0.2627f * px[0] + 0.6780f * px[1] + 0.0593f * px[2];
            dst[x] = cv::saturate_cast<std::uint8_t>(srgbEncode(l) * 255.0f + 0.5f);
        }
    }
    return out;
}

// Total least-squares angle (degrees, counter-clockwise on screen) of the edge pixels within
// 2 px of the Hough line (rho, theta); also how much of the width they cover.
struct Fit {
    double tilt = 0;
    double coverage = 0;
    bool ok = false;
};

Fit refine(const cv::Mat& edges, float rho, float theta) {
    const double c = std::cos(theta), s = std::sin(theta);
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    int n = 0;
    std::vector<bool> columns(std::size_t(edges.cols), false);
    for (int y = 0; y < edges.rows; ++y) {
        const auto* e = edges.ptr<std::uint8_t>(y);
        for (int x = 0; x < edges.cols; ++x) {
            if (!e[x] || std::abs(x * c + y * s - rho) > 2.0) continue;
            sx += x;
            sy += y;
            sxx += double(x) * x;
            syy += double(y) * y;
            sxy += double(x) * y;
            columns[std::size_t(x)] = true;
            ++n;
        }
    }
    Fit fit;
    if (n < 8) return fit;
    const double mx = sx / n, my = sy / n;
    const double cxx = sxx / n - mx * mx, cyy = syy / n - my * my, cxy = sxy / n - mx * my;
    // Direction of the principal axis; y grows downwards, so a rising line has dy < 0.
    const double angle = 0.5 * std::atan2(2 * cxy, cxx - cyy);
    fit.tilt = -angle / kDegree;
    fit.coverage = double(std::count(columns.begin(), columns.end(), true)) / edges.cols;
    fit.ok = std::abs(fit.tilt) <= kMaxTilt;
    return fit;
}

} // namespace

HorizonLine findHorizon(const Image& thumbnail) {
    HorizonLine out;
    if (thumbnail.width() < 32 || thumbnail.height() < 16) return out;
    cv::Mat gray = encodedLuma8(thumbnail);
    cv::GaussianBlur(gray, gray, cv::Size(5, 5), 1.2);
    cv::Mat edges;
    cv::Canny(gray, edges, 30, 90);

    std::vector<cv::Vec3f> lines; // rho, theta, votes
    // A horizon worth levelling spans a good part of the frame: at least 30 % of the width.
    const int threshold = std::max(16, int(0.3 * thumbnail.width()));
    cv::HoughLines(edges, lines, 1.0, 0.25 * kDegree, threshold, 0, 0, (90 - kMaxTilt) * kDegree,
                   (90 + kMaxTilt) * kDegree);
    if (lines.empty()) return out;
    std::sort(lines.begin(), lines.end(),
              [](const cv::Vec3f& a, const cv::Vec3f& b) { return a[2] > b[2]; });

    const Fit best = refine(edges, lines[0][0], lines[0][1]);
    if (!best.ok) return out;
    // Other strong lines at a clearly different angle make the scene's "horizontal" ambiguous.
    double agreeing = lines[0][2], disagreeing = 0;
    for (std::size_t i = 1; i < lines.size() && i < 12; ++i) {
        if (lines[i][2] < 0.6f * lines[0][2]) break;
        const double tilt = 90.0 - lines[i][1] / kDegree;
        (std::abs(tilt - best.tilt) <= 1.0 ? agreeing : disagreeing) += lines[i][2];
    }
    out.tiltDegrees = best.tilt;
    out.confidence = std::clamp(best.coverage, 0.0, 1.0) * agreeing / (agreeing + disagreeing);
    return out;
}

} // namespace pictor::critic

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

constexpr double kBin = 0.25; // degrees
constexpr int kBins = int(90 / kBin);

// The magnitude-weighted orientation histogram of the strongest gradients in columns
// [x0, x1), folded modulo 90°.
std::vector<double> orientationHistogram(const cv::Mat& gx, const cv::Mat& gy,
                                         const cv::Mat& magnitude, float floor, int x0, int x1) {
    std::vector<double> histogram(kBins, 0.0);
    for (int y = 1; y < gx.rows - 1; ++y) {
        const auto* px = gx.ptr<float>(y);
        const auto* py = gy.ptr<float>(y);
        const auto* m = magnitude.ptr<float>(y);
        for (int x = std::max(1, x0); x < std::min(gx.cols - 1, x1); ++x) {
            if (m[x] < floor) continue;
            // The edge runs across its gradient; its angle counter-clockwise on screen (y grows
            // downwards), folded to [0°, 90°).
            double angle = std::atan2(-double(px[x]), -double(py[x])) / kDegree;
            angle = std::fmod(angle + 360.0, 90.0);
            const double pos = angle / kBin;
            const int i0 = int(std::floor(pos));
            const double f = pos - i0;
            histogram[std::size_t(i0 % kBins)] += (1 - f) * m[x];
            histogram[std::size_t((i0 + 1) % kBins)] += f * m[x];
        }
    }
    return histogram;
}

// Smoothed circularly (σ ≈ 0.75°): the peak of a straight edge spreads over a few bins.
std::vector<double> smoothed(const std::vector<double>& histogram) {
    std::vector<double> smooth(kBins, 0.0);
    for (int i = 0; i < kBins; ++i)
        for (int k = -8; k <= 8; ++k)
            smooth[std::size_t(i)] += std::exp(-0.5 * (k * kBin / 0.75) * (k * kBin / 0.75)) *
                                      histogram[std::size_t((i + k + kBins) % kBins)];
    return smooth;
}

struct Peak {
    double tilt = 0;   // degrees
    double height = 0; // over the histogram's median level
    bool found = false;
};

// The histogram's highest peak within ±6.5° of level (a larger roll is deliberate, or the slope
// of a roof or hillside), to a fraction of a bin.
Peak levelPeak(const std::vector<double>& smooth) {
    std::vector<double> sorted = smooth;
    std::nth_element(sorted.begin(), sorted.begin() + kBins / 2, sorted.end());
    const double level = std::max(sorted[std::size_t(kBins / 2)], 1e-12);
    const int reach = int(6.5 / kBin);
    int best = 0;
    for (int k = -reach; k <= reach; ++k)
        if (smooth[std::size_t((k + kBins) % kBins)] > smooth[std::size_t((best + kBins) % kBins)])
            best = k;
    Peak peak;
    // A peak at the edge of the search is the slope of something else (a roof, a hillside).
    if (std::abs(best) >= reach - 1) return peak;
    // Sub-bin position from a parabola through the peak and its neighbours.
    const double l = smooth[std::size_t((best - 1 + kBins) % kBins)];
    const double c = smooth[std::size_t((best + kBins) % kBins)];
    const double r = smooth[std::size_t((best + 1 + kBins) % kBins)];
    const double shift = (l - 2 * c + r) < 0 ? 0.5 * (l - r) / (l - 2 * c + r) : 0.0;
    peak.tilt = (best + shift) * kBin;
    peak.height = c / level;
    peak.found = true;
    return peak;
}

// The frame's tilt from the orientations of all its strong edges: in photos of the built world
// and of most landscapes, edges cluster around horizontal and vertical, so the peak of the
// magnitude-weighted orientation histogram, folded modulo 90°, is the camera's roll. The
// confidence is how far the peak stands above the histogram's median level (texture without
// structure gives a flat histogram). A camera tilted up or down leans the verticals of the left
// and right halves opposite ways (keystone), a roll leans them alike: where both halves have
// structure of their own and their peaks are more than 1.5° apart, the lean is perspective, not
// roll.
HorizonLine findFrameTilt(const cv::Mat& gray) {
    HorizonLine out;
    cv::Mat gx, gy;
    cv::Scharr(gray, gx, CV_32F, 1, 0);
    cv::Scharr(gray, gy, CV_32F, 0, 1);
    cv::Mat magnitude;
    cv::magnitude(gx, gy, magnitude);
    // Only the strongest tenth of the gradients: structure, not noise or texture.
    std::vector<float> values(magnitude.begin<float>(), magnitude.end<float>());
    if (values.size() < 1024) return out;
    auto nth = values.begin() + std::ptrdiff_t(0.9 * double(values.size()));
    std::nth_element(values.begin(), nth, values.end());
    const float floor = std::max(*nth, 1e-3f);

    // The halves' histograms, and the whole frame's as their sum (one pass over the pixels).
    const int middle = gray.cols / 2;
    const std::vector<double> leftCounts =
        orientationHistogram(gx, gy, magnitude, floor, 0, middle);
    const std::vector<double> rightCounts =
        orientationHistogram(gx, gy, magnitude, floor, middle, gray.cols);
    std::vector<double> wholeCounts(kBins);
    for (std::size_t i = 0; i < wholeCounts.size(); ++i)
        wholeCounts[i] = leftCounts[i] + rightCounts[i];
    const Peak whole = levelPeak(smoothed(wholeCounts));
    if (!whole.found) return out;
    const Peak left = levelPeak(smoothed(leftCounts));
    const Peak right = levelPeak(smoothed(rightCounts));
    constexpr double kStructure = 3.5; // a half's own peak this high is a structure to compare
    if (left.found && right.found && left.height >= kStructure && right.height >= kStructure &&
        std::abs(left.tilt - right.tilt) > 1.5)
        return out;
    out.tiltDegrees = whole.tilt;
    // A peak 7× the median level is a clear structure; 3× is none to speak of (photos/train:
    // buildings and bridges reach 6–40, landscapes and portraits stay below 5). Level edges along
    // the pixel grid make the sharpest peaks; rolled by a few degrees, the same edges spread over
    // neighbouring bins and reach only 3–6 (photos/val rolled by ±2.5° and ±5°), but a lower
    // threshold read a few photos' own slanted structures as roll (bench quality: no gain).
    out.confidence = std::clamp((whole.height - 3.0) / 4.0, 0.0, 1.0);
    return out;
}

HorizonLine findLine(const cv::Mat& gray, int width);

} // namespace

HorizonLine findHorizon(const Image& thumbnail) {
    if (thumbnail.width() < 32 || thumbnail.height() < 16) return {};
    cv::Mat gray = encodedLuma8(thumbnail);
    cv::GaussianBlur(gray, gray, cv::Size(5, 5), 1.2);
    const HorizonLine frame = findFrameTilt(gray);
    const HorizonLine line = findLine(gray, thumbnail.width());
    // A clear line is measured to a tenth of a degree (a least-squares fit); the histogram is
    // coarser (its bins, the pixel grid's own pull towards 0° and 90°): it speaks when no
    // clear line does.
    return line.confidence >= 0.6 || line.confidence >= frame.confidence ? line : frame;
}

namespace {
HorizonLine findLine(const cv::Mat& gray, int width) {
    HorizonLine out;
    cv::Mat edges;
    cv::Canny(gray, edges, 30, 90);

    std::vector<cv::Vec3f> lines; // rho, theta, votes
    // A horizon worth levelling spans a good part of the frame: at least 30 % of the width.
    const int threshold = std::max(16, int(0.3 * width));
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
} // namespace

} // namespace pictor::critic

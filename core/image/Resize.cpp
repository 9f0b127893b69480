#include "image/Resize.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace pictor {

Image resize(const Image& image, int width, int height) {
    Image out(width, height);
    const cv::Mat src(image.height(), image.width(), CV_32FC3, const_cast<float*>(image.data()));
    cv::Mat dst(height, width, CV_32FC3, out.data());
    const bool shrinking = width <= image.width() && height <= image.height();
    cv::resize(src, dst, dst.size(), 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_CUBIC);
    return out;
}

Image resizeToLongEdge(const Image& image, int longEdge) {
    const int longest = std::max(image.width(), image.height());
    if (longEdge <= 0 || longest <= longEdge || image.empty()) return image;
    const double scale = double(longEdge) / longest;
    const int w = std::max(1, int(std::lround(image.width() * scale)));
    const int h = std::max(1, int(std::lround(image.height() * scale)));
    return resize(image, w, h);
}

} // namespace pictor

#include "critic/Finding.h"

#include <QCoreApplication>

#include <cmath>
#include <cstdio>

namespace pictor::critic {

namespace {

std::string translated(const char* text) {
    return QCoreApplication::translate("pictor::critic", text).toStdString();
}

} // namespace

std::string Evidence::text() const {
    char number[32];
    // Kelvin and mired are whole numbers to a photographer; the rest one or two decimals.
    const bool whole = unit == "K" || unit == "mired" || std::abs(value) >= 100;
    std::snprintf(number, sizeof number, whole ? "%.0f" : (std::abs(value) < 1 ? "%.2f" : "%.1f"),
                  value);
    std::string out = label + " " + number;
    if (!unit.empty())
        out += (unit == "%" || unit == "K" || unit == "EV" || unit == "mired" ? " " : "") + unit;
    return out;
}

std::string aspectKey(Aspect aspect) {
    switch (aspect) {
    case Aspect::Exposure:
        return "exposure";
    case Aspect::Highlights:
        return "highlights";
    case Aspect::Shadows:
        return "shadows";
    case Aspect::Contrast:
        return "contrast";
    case Aspect::WhiteBalance:
        return "white_balance";
    case Aspect::Saturation:
        return "saturation";
    case Aspect::Noise:
        return "noise";
    case Aspect::Sharpness:
        return "sharpness";
    case Aspect::Haze:
        return "haze";
    case Aspect::Tilt:
        return "tilt";
    }
    return "unknown";
}

std::string aspectLabel(Aspect aspect) {
    switch (aspect) {
    case Aspect::Exposure:
        return translated(QT_TRANSLATE_NOOP("pictor::critic", "Exposure"));
    case Aspect::Highlights:
        return translated(QT_TRANSLATE_NOOP("pictor::critic", "Highlights"));
    case Aspect::Shadows:
        return translated(QT_TRANSLATE_NOOP("pictor::critic", "Shadows"));
    case Aspect::Contrast:
        return translated(QT_TRANSLATE_NOOP("pictor::critic", "Contrast"));
    case Aspect::WhiteBalance:
        return translated(QT_TRANSLATE_NOOP("pictor::critic", "White balance"));
    case Aspect::Saturation:
        return translated(QT_TRANSLATE_NOOP("pictor::critic", "Saturation"));
    case Aspect::Noise:
        return translated(QT_TRANSLATE_NOOP("pictor::critic", "Noise"));
    case Aspect::Sharpness:
        return translated(QT_TRANSLATE_NOOP("pictor::critic", "Sharpness"));
    case Aspect::Haze:
        return translated(QT_TRANSLATE_NOOP("pictor::critic", "Haze"));
    case Aspect::Tilt:
        return translated(QT_TRANSLATE_NOOP("pictor::critic", "Tilt"));
    }
    return {};
}

std::string severityKey(Severity severity) {
    switch (severity) {
    case Severity::Minor:
        return "minor";
    case Severity::Moderate:
        return "moderate";
    case Severity::Major:
        return "major";
    }
    return "minor";
}

std::string severityLabel(Severity severity) {
    switch (severity) {
    case Severity::Minor:
        return translated(QT_TRANSLATE_NOOP("pictor::critic", "minor"));
    case Severity::Moderate:
        return translated(QT_TRANSLATE_NOOP("pictor::critic", "moderate"));
    case Severity::Major:
        return translated(QT_TRANSLATE_NOOP("pictor::critic", "major"));
    }
    return {};
}

} // namespace pictor::critic

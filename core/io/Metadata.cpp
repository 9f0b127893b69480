// Metadata with exiv2 0.27: reading from memory, a summary for people, and embedding into
// exported files. exiv2 types never leave this file (SourceMetadata::Data is defined here).
//
// exiv2 0.27 facts this file relies on (checked against 0.27.6):
// - Image::setMetadata does not copy the ICC profile, and DataBuf "copies" transfer ownership;
//   profiles are therefore always copied byte by byte into and out of exiv2.
// - BMFF (HEIC, AVIF, CR3) is compiled in but off until Exiv2::enableBMFF() is called.
// - XmpParser::initialize is not thread-safe and installs the lock that later namespace
//   registrations use: it runs once, before any worker thread touches XMP.
// - Value::toLong on a rational with a zero denominator or on a value with no components is not
//   safe in every 0.27 release: numbers are read here only through the guarded helpers below.
// - When writing JPEG, exiv2 leaves out tags it considers "not recorded" in compressed images and,
//   when the EXIF block exceeds 64 KiB, large preview/unknown tags; it also refuses an XMP packet
//   above one APP1 segment (no extended XMP).
#include "io/Metadata.h"

#include "io/PngIccName.h"

#include "image/ColorSpace.h"
#include "io/Exiv2Access.h"

#include <exiv2/exiv2.hpp>
#include <exiv2/webpimage.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <mutex>
#include <new>
#include <set>
#include <string_view>

namespace pictor {

struct SourceMetadata::Data {
    Exiv2::ExifData exif;
    Exiv2::IptcData iptc;
    Exiv2::XmpData xmp;
    std::string xmpPacket;         // the packet as read (empty when XMP came decoded)
    std::vector<std::uint8_t> icc; // a private copy of the embedded profile
    std::string comment;           // JPEG COM / PNG description, when the format has one
    Exiv2::ByteOrder byteOrder = Exiv2::invalidByteOrder; // of the source's EXIF
    std::string mimeType; // as exiv2 identified the source; empty for blocks
    // The namespace URI of every XMP prefix used, as bound when read: exiv2 keys XMP by prefix
    // in one process-wide registry that a later file may rebind (see restoreXmpNamespaces).
    std::map<std::string, std::string> xmpNamespaces;
    // Computed once when SourceMetadata is built, so that a shared SourceMetadata is never
    // touched again (exiv2 values keep a mutable "ok" flag that reading would write).
    MetadataSummary summary;
};

namespace {

// ---------------------------------------------------------------------------------------------
// exiv2 set-up: initExiv2() and exiv2Mutex() live in io/Exiv2Access.h, shared with the other
// files that use exiv2 (recipe sidecars). Every exiv2 use in this file runs under that lock, and
// writing re-binds the XMP prefixes its source was read with (see restoreXmpNamespaces).

// ---------------------------------------------------------------------------------------------
// Strings

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\0' || std::isspace(static_cast<unsigned char>(s.back()))))
        s.pop_back();
    std::size_t start = 0;
    while (start < s.size() && std::isspace(static_cast<unsigned char>(s[start])))
        ++start;
    return s.substr(start);
}

bool isValidUtf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        int extra = 0;
        if (c < 0x80)
            extra = 0;
        else if ((c & 0xE0) == 0xC0 && c >= 0xC2)
            extra = 1;
        else if ((c & 0xF0) == 0xE0)
            extra = 2;
        else if ((c & 0xF8) == 0xF0 && c <= 0xF4)
            extra = 3;
        else
            return false;
        if (extra > 0 && i + std::size_t(extra) >= s.size()) return false;
        for (int k = 1; k <= extra; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += std::size_t(extra) + 1;
    }
    return true;
}

// Text for people: trimmed, NULs dropped, and Latin-1 (old IPTC, some EXIF) turned into UTF-8.
std::string displayText(std::string s) {
    s.erase(std::remove(s.begin(), s.end(), '\0'), s.end());
    s = trimmed(std::move(s));
    if (isValidUtf8(s)) return s;
    std::string out;
    out.reserve(s.size() * 2);
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
            out += char(c);
        } else {
            out += char(0xC0 | (c >> 6));
            out += char(0x80 | (c & 0x3F));
        }
    }
    return out;
}

bool startsWithNoCase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) !=
            std::tolower(static_cast<unsigned char>(prefix[i])))
            return false;
    return true;
}

bool containsNoCase(std::string_view s, std::string_view part) {
    if (part.size() > s.size()) return false;
    for (std::size_t i = 0; i + part.size() <= s.size(); ++i)
        if (startsWithNoCase(s.substr(i), part)) return true;
    return false;
}

std::optional<double> parseDouble(std::string_view s) {
    std::string text = trimmed(std::string(s));
    if (text.empty()) return std::nullopt;
    if (text[0] == '+') text.erase(0, 1);
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

// "1/250", "2.8", "50" (XMP rationals and numbers).
std::optional<double> parseRationalText(std::string_view s) {
    const auto slash = s.find('/');
    if (slash == std::string_view::npos) return parseDouble(s);
    const auto num = parseDouble(s.substr(0, slash));
    const auto den = parseDouble(s.substr(slash + 1));
    if (!num || !den || *den == 0) return std::nullopt;
    return *num / *den;
}

// ---------------------------------------------------------------------------------------------
// Guarded access to exiv2 values

bool isIntegerType(Exiv2::TypeId type) {
    switch (type) {
    case Exiv2::unsignedByte:
    case Exiv2::unsignedShort:
    case Exiv2::unsignedLong:
    case Exiv2::signedByte:
    case Exiv2::signedShort:
    case Exiv2::signedLong:
        return true;
    default:
        return false;
    }
}

// The n-th component of a numeric EXIF value, or nothing for text, undefined bytes, zero
// denominators, missing components and non-finite numbers.
std::optional<double> numberAt(const Exiv2::Value& value, long n = 0) {
    if (n < 0 || n >= value.count()) return std::nullopt;
    const Exiv2::TypeId type = value.typeId();
    if (type == Exiv2::unsignedRational) {
        const auto* v = dynamic_cast<const Exiv2::URationalValue*>(&value);
        if (!v || std::size_t(n) >= v->value_.size()) return std::nullopt;
        const Exiv2::URational r = v->value_[std::size_t(n)];
        if (r.second == 0) return std::nullopt;
        return double(r.first) / double(r.second);
    }
    if (type == Exiv2::signedRational) {
        const auto* v = dynamic_cast<const Exiv2::RationalValue*>(&value);
        if (!v || std::size_t(n) >= v->value_.size()) return std::nullopt;
        const Exiv2::Rational r = v->value_[std::size_t(n)];
        if (r.second == 0) return std::nullopt;
        return double(r.first) / double(r.second);
    }
    if (isIntegerType(type)) {
        const long x = value.toLong(n);
        if (!value.ok()) return std::nullopt;
        return double(x);
    }
    if (type == Exiv2::tiffFloat || type == Exiv2::tiffDouble) {
        const double x = value.toFloat(n);
        if (!value.ok() || !std::isfinite(x)) return std::nullopt;
        return x;
    }
    return std::nullopt;
}

std::optional<long> integerAt(const Exiv2::Value& value, long n = 0) {
    if (!isIntegerType(value.typeId()) || n < 0 || n >= value.count()) return std::nullopt;
    const long x = value.toLong(n);
    if (!value.ok()) return std::nullopt;
    return x;
}

const Exiv2::Exifdatum* findExif(const Exiv2::ExifData& exif, const char* key) {
    try {
        const auto it = exif.findKey(Exiv2::ExifKey(key));
        return it == exif.end() ? nullptr : &*it;
    } catch (const Exiv2::AnyError&) {
        return nullptr;
    }
}

const Exiv2::Xmpdatum* findXmp(const Exiv2::XmpData& xmp, const char* key) {
    try {
        const auto it = xmp.findKey(Exiv2::XmpKey(key));
        return it == xmp.end() ? nullptr : &*it;
    } catch (const Exiv2::AnyError&) {
        return nullptr;
    }
}

std::optional<double> exifNumber(const Exiv2::ExifData& exif, const char* key, long n = 0) {
    const Exiv2::Exifdatum* d = findExif(exif, key);
    if (!d) return std::nullopt;
    return numberAt(d->value(), n);
}

std::string exifText(const Exiv2::ExifData& exif, const char* key) {
    const Exiv2::Exifdatum* d = findExif(exif, key);
    if (!d) return {};
    switch (d->typeId()) {
    case Exiv2::comment:
        return displayText(d->print()); // without the "charset=" prefix
    case Exiv2::undefined:
    case Exiv2::unsignedByte: {
        // Some cameras write strings as bytes: taken only when they are printable.
        std::string s;
        for (long i = 0; i < d->count() && i < 4096; ++i) {
            const long c = d->toLong(i);
            if (c == 0) break;
            if (c < 32 || c > 255) return {};
            s += char(c);
        }
        return displayText(s);
    }
    default:
        return displayText(d->toString());
    }
}

// An XMP property as text: the first item of an array, the default of a language alternative.
std::string xmpText(const Exiv2::XmpData& xmp, const char* key) {
    const Exiv2::Xmpdatum* d = findXmp(xmp, key);
    if (!d) return {};
    const Exiv2::Value& value = d->value();
    if (value.count() == 0) return {};
    if (value.typeId() == Exiv2::langAlt) {
        const auto* alt = dynamic_cast<const Exiv2::LangAltValue*>(&value);
        if (alt) {
            const auto def = alt->value_.find("x-default");
            return displayText(def != alt->value_.end() ? def->second
                                                        : alt->value_.begin()->second);
        }
    }
    if (value.typeId() == Exiv2::xmpBag || value.typeId() == Exiv2::xmpSeq ||
        value.typeId() == Exiv2::xmpAlt)
        return displayText(value.toString(0));
    return displayText(value.toString());
}

std::vector<std::string> xmpItems(const Exiv2::XmpData& xmp, const char* key) {
    std::vector<std::string> items;
    const Exiv2::Xmpdatum* d = findXmp(xmp, key);
    if (!d) return items;
    const Exiv2::Value& value = d->value();
    const Exiv2::TypeId type = value.typeId();
    if (type == Exiv2::xmpBag || type == Exiv2::xmpSeq || type == Exiv2::xmpAlt) {
        for (long i = 0; i < value.count(); ++i)
            items.push_back(displayText(value.toString(i)));
    } else if (type == Exiv2::langAlt) {
        items.push_back(xmpText(xmp, key));
    } else {
        items.push_back(displayText(value.toString()));
    }
    return items;
}

void recordXmpNamespaces(SourceMetadata::Data& data) {
    for (const auto& d : data.xmp) {
        const std::string prefix = d.groupName();
        if (data.xmpNamespaces.count(prefix)) continue;
        try {
            data.xmpNamespaces[prefix] = Exiv2::XmpProperties::ns(prefix);
        } catch (const Exiv2::AnyError&) {
        }
    }
}

void restoreXmpNamespaces(const SourceMetadata::Data& data) {
    for (const auto& [prefix, uri] : data.xmpNamespaces) {
        std::string current;
        try {
            current = Exiv2::XmpProperties::ns(prefix);
        } catch (const Exiv2::AnyError&) {
        }
        if (current != uri) Exiv2::XmpProperties::registerNs(uri, prefix);
    }
}

// ---------------------------------------------------------------------------------------------
// Summary

// A lens name that says something ("Unknown Lens", "(65535)", "n/a" and bare numbers do not).
bool meaningfulLens(const std::string& s) {
    if (s.empty() || s == "n/a" || s.front() == '(' || startsWithNoCase(s, "unknown")) return false;
    if (s.find_first_not_of("0123456789 .-/") == std::string::npos) return false;
    return true;
}

std::string lensOf(const Exiv2::ExifData& exif, const Exiv2::XmpData& xmp) {
    // The camera's own LensModel string is exact; exiv2's lens databases can only guess from an
    // id (and answer "Unknown Lens" for lenses newer than the library), so it comes second.
    if (std::string s = exifText(exif, "Exif.Photo.LensModel"); meaningfulLens(s)) return s;
    try {
        const auto it = Exiv2::lensName(exif);
        if (it != exif.end()) {
            if (std::string s = displayText(it->print(&exif)); meaningfulLens(s)) return s;
        }
    } catch (const std::exception&) {
    }
    for (const char* key : {"Xmp.aux.Lens", "Xmp.exifEX.LensModel"})
        if (std::string s = xmpText(xmp, key); meaningfulLens(s)) return s;
    return {};
}

std::string formatExposure(double seconds) {
    char buf[64];
    if (seconds <= 0) return {};
    if (seconds < 0.25) {
        const double denominator = std::round(1.0 / seconds);
        std::snprintf(buf, sizeof buf, "1/%.0f s", denominator);
    } else {
        std::snprintf(buf, sizeof buf, "%.1f", seconds);
        std::string s = buf;
        if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
        return s + " s";
    }
    return buf;
}

void exposureOf(const Exiv2::ExifData& exif, const Exiv2::XmpData& xmp, MetadataSummary& out) {
    // ExposureTime as the camera wrote it: n/d reduced to "1/x s" when n divides d.
    if (const Exiv2::Exifdatum* d = findExif(exif, "Exif.Photo.ExposureTime")) {
        if (const auto* v = dynamic_cast<const Exiv2::URationalValue*>(&d->value());
            v && !v->value_.empty() && v->value_[0].second != 0 && v->value_[0].first != 0) {
            const Exiv2::URational r = v->value_[0];
            out.exposureSeconds = double(r.first) / double(r.second);
            if (r.first < r.second && r.second % r.first == 0)
                out.exposureTime = "1/" + std::to_string(r.second / r.first) + " s";
            else
                out.exposureTime = formatExposure(*out.exposureSeconds);
            return;
        }
        if (auto seconds = numberAt(d->value()); seconds && *seconds > 0) {
            out.exposureSeconds = seconds;
            out.exposureTime = formatExposure(*seconds);
            return;
        }
    }
    if (auto text = xmpText(xmp, "Xmp.exif.ExposureTime"); !text.empty()) {
        if (auto seconds = parseRationalText(text); seconds && *seconds > 0) {
            out.exposureSeconds = seconds;
            out.exposureTime = formatExposure(*seconds);
            return;
        }
    }
    // APEX shutter speed: t = 2^-Tv.
    if (auto tv = exifNumber(exif, "Exif.Photo.ShutterSpeedValue"); tv && std::abs(*tv) < 30) {
        out.exposureSeconds = std::pow(2.0, -*tv);
        out.exposureTime = formatExposure(*out.exposureSeconds);
    }
}

std::optional<double> fNumberOf(const Exiv2::ExifData& exif, const Exiv2::XmpData& xmp) {
    if (auto f = exifNumber(exif, "Exif.Photo.FNumber"); f && *f > 0) return f;
    if (auto f = parseRationalText(xmpText(xmp, "Xmp.exif.FNumber")); f && *f > 0) return f;
    // APEX aperture: N = 2^(Av/2), rounded to the tenths cameras display.
    if (auto av = exifNumber(exif, "Exif.Photo.ApertureValue"); av && *av >= 0 && *av < 40)
        return std::round(std::pow(2.0, *av / 2.0) * 10.0) / 10.0;
    return std::nullopt;
}

std::optional<int> isoOf(const Exiv2::ExifData& exif, const Exiv2::XmpData& xmp) {
    try {
        const auto it = Exiv2::isoSpeed(exif);
        // Only integers: exiv2 prints a text value through toLong, which yields a character code.
        if (it != exif.end() && isIntegerType(it->typeId())) {
            // The printed value is the ISO for maker-note encodings too (Canon stores codes).
            const std::string printed = trimmed(it->print(&exif));
            long iso = 0;
            const auto [end, ec] =
                std::from_chars(printed.data(), printed.data() + printed.size(), iso);
            if (ec == std::errc() && end == printed.data() + printed.size() && iso > 0 &&
                iso < 10'000'000)
                return int(iso);
            if (auto n = integerAt(it->value()); n && *n > 0 && *n < 10'000'000) return int(*n);
        }
    } catch (const std::exception&) {
    }
    for (const char* key : {"Xmp.exif.ISOSpeedRatings", "Xmp.exifEX.PhotographicSensitivity"}) {
        if (auto iso = parseDouble(xmpText(xmp, key)); iso && *iso > 0 && *iso < 1e7)
            return int(std::lround(*iso));
    }
    return std::nullopt;
}

std::optional<double> focalLengthOf(const Exiv2::ExifData& exif, const Exiv2::XmpData& xmp) {
    if (auto f = exifNumber(exif, "Exif.Photo.FocalLength"); f && *f > 0) return f;
    if (auto f = exifNumber(exif, "Exif.Image.FocalLength"); f && *f > 0) return f;
    if (auto f = parseRationalText(xmpText(xmp, "Xmp.exif.FocalLength")); f && *f > 0) return f;
    return std::nullopt;
}

// Degrees, minutes, seconds as three rationals; minutes/seconds written as 0/0 count as 0.
std::optional<double> exifDegrees(const Exiv2::ExifData& exif, const char* key) {
    const Exiv2::Exifdatum* d = findExif(exif, key);
    if (!d || d->count() < 1) return std::nullopt;
    const Exiv2::Value& value = d->value();
    const auto degrees = numberAt(value, 0);
    if (!degrees) return std::nullopt;
    double result = *degrees;
    for (long i = 1; i < 3 && i < value.count(); ++i) {
        auto part = numberAt(value, i);
        if (!part) {
            const auto* v = dynamic_cast<const Exiv2::URationalValue*>(&value);
            if (v && std::size_t(i) < v->value_.size() && v->value_[std::size_t(i)].first == 0)
                part = 0.0;
            else
                return std::nullopt;
        }
        result += *part / (i == 1 ? 60.0 : 3600.0);
    }
    return std::isfinite(result) ? std::optional<double>(result) : std::nullopt;
}

// XMP GPS coordinate: "DDD,MM,SSk" or "DDD,MM.mmk" (k = N, S, E, W).
std::optional<double> xmpDegrees(const std::string& text) {
    if (text.size() < 2) return std::nullopt;
    const char ref = char(std::toupper(static_cast<unsigned char>(text.back())));
    if (ref != 'N' && ref != 'S' && ref != 'E' && ref != 'W') return std::nullopt;
    const std::string body = text.substr(0, text.size() - 1);
    std::vector<double> parts;
    std::size_t start = 0;
    while (start <= body.size()) {
        const std::size_t comma = body.find(',', start);
        const auto part = parseDouble(std::string_view(body).substr(
            start, comma == std::string::npos ? std::string::npos : comma - start));
        if (!part) return std::nullopt;
        parts.push_back(*part);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    if (parts.empty() || parts.size() > 3) return std::nullopt;
    double value = parts[0];
    if (parts.size() > 1) value += parts[1] / 60.0;
    if (parts.size() > 2) value += parts[2] / 3600.0;
    return (ref == 'S' || ref == 'W') ? -value : value;
}

std::optional<GpsPosition> gpsOf(const Exiv2::ExifData& exif, const Exiv2::XmpData& xmp) {
    GpsPosition gps;
    bool found = false;
    // A receiver that reports a void measurement has no position.
    const std::string status = exifText(exif, "Exif.GPSInfo.GPSStatus");
    if (status != "V") {
        const auto lat = exifDegrees(exif, "Exif.GPSInfo.GPSLatitude");
        const auto lon = exifDegrees(exif, "Exif.GPSInfo.GPSLongitude");
        if (lat && lon) {
            const std::string latRef = exifText(exif, "Exif.GPSInfo.GPSLatitudeRef");
            const std::string lonRef = exifText(exif, "Exif.GPSInfo.GPSLongitudeRef");
            gps.latitude =
                (!latRef.empty() && (latRef[0] == 'S' || latRef[0] == 's')) ? -*lat : *lat;
            gps.longitude =
                (!lonRef.empty() && (lonRef[0] == 'W' || lonRef[0] == 'w')) ? -*lon : *lon;
            found = true;
            if (auto alt = exifNumber(exif, "Exif.GPSInfo.GPSAltitude")) {
                const Exiv2::Exifdatum* ref = findExif(exif, "Exif.GPSInfo.GPSAltitudeRef");
                const auto below = ref ? integerAt(ref->value()) : std::nullopt;
                gps.altitude = (below && *below == 1) ? -*alt : *alt;
            }
        }
    }
    if (!found) {
        const auto lat = xmpDegrees(xmpText(xmp, "Xmp.exif.GPSLatitude"));
        const auto lon = xmpDegrees(xmpText(xmp, "Xmp.exif.GPSLongitude"));
        if (lat && lon) {
            gps.latitude = *lat;
            gps.longitude = *lon;
            found = true;
            if (auto alt = parseRationalText(xmpText(xmp, "Xmp.exif.GPSAltitude"))) {
                const auto below = parseDouble(xmpText(xmp, "Xmp.exif.GPSAltitudeRef"));
                gps.altitude = (below && *below == 1) ? -*alt : *alt;
            }
        }
    }
    if (!found || std::abs(gps.latitude) > 90 || std::abs(gps.longitude) > 180) return std::nullopt;
    return gps;
}

bool readDigits(std::string_view s, std::size_t pos, std::size_t count, int& value) {
    if (pos + count > s.size()) return false;
    value = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const char c = s[pos + i];
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    return true;
}

// "YYYY:MM:DD HH:MM:SS" (EXIF) or "YYYY-MM-DDTHH:MM[:SS][.s][zone]" (XMP) →
// "YYYY-MM-DD HH:MM:SS"; "YYYY-MM-DD" when the source has no time; empty when invalid.
std::string formatDateTime(std::string_view s) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!readDigits(s, 0, 4, year) || s.size() < 10 || (s[4] != ':' && s[4] != '-') ||
        s[7] != s[4] || !readDigits(s, 5, 2, month) || !readDigits(s, 8, 2, day))
        return {};
    if (year == 0 || month < 1 || month > 12 || day < 1 || day > 31) return {};
    char buf[32];
    const bool hasTime = s.size() >= 16 && (s[10] == ' ' || s[10] == 'T') &&
                         readDigits(s, 11, 2, hour) && s[13] == ':' && readDigits(s, 14, 2, minute);
    if (!hasTime) {
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
        return buf;
    }
    if (s.size() >= 19 && s[16] == ':' && !readDigits(s, 17, 2, second)) return {};
    if (hour > 23 || minute > 59 || second > 60) return {};
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", year, month, day, hour, minute,
                  second);
    return buf;
}

std::string captureTimeOf(const Exiv2::ExifData& exif, const Exiv2::XmpData& xmp) {
    for (const char* key : {"Exif.Photo.DateTimeOriginal", "Exif.Image.DateTimeOriginal"})
        if (std::string s = formatDateTime(exifText(exif, key)); !s.empty()) return s;
    for (const char* key : {"Xmp.exif.DateTimeOriginal", "Xmp.photoshop.DateCreated"})
        if (std::string s = formatDateTime(xmpText(xmp, key)); !s.empty()) return s;
    return {};
}

std::optional<int> ratingOf(const Exiv2::ExifData& exif, const Exiv2::XmpData& xmp) {
    if (auto r = parseDouble(xmpText(xmp, "Xmp.xmp.Rating")); r && *r >= -1 && *r <= 5)
        return int(std::lround(*r));
    if (const Exiv2::Exifdatum* d = findExif(exif, "Exif.Image.Rating")) {
        if (auto r = integerAt(d->value()); r && *r >= 0 && *r <= 5) return int(*r);
    }
    return std::nullopt;
}

std::vector<std::string> keywordsOf(const Exiv2::IptcData& iptc, const Exiv2::XmpData& xmp) {
    std::vector<std::string> keywords;
    std::set<std::string> seen;
    auto add = [&](std::string k) {
        k = displayText(std::move(k));
        if (!k.empty() && seen.insert(k).second) keywords.push_back(std::move(k));
    };
    for (const auto& d : iptc)
        if (d.record() == Exiv2::IptcDataSets::application2 &&
            d.tag() == Exiv2::IptcDataSets::Keywords)
            add(d.toString());
    for (std::string& k : xmpItems(xmp, "Xmp.dc.subject"))
        add(std::move(k));
    return keywords;
}

int orientationOf(const Exiv2::ExifData& exif) {
    const Exiv2::Exifdatum* d = findExif(exif, "Exif.Image.Orientation");
    if (!d) return 1;
    const auto o = integerAt(d->value());
    return (o && *o >= 1 && *o <= 8) ? int(*o) : 1;
}

// Each field on its own: a malformed value loses that field, never the summary.
template <typename F> void guarded(F&& f) {
    try {
        f();
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception&) {
    }
}

MetadataSummary computeSummary(const SourceMetadata::Data& d) {
    MetadataSummary s;
    const auto& exif = d.exif;
    const auto& xmp = d.xmp;
    guarded([&] {
        s.cameraMake = exifText(exif, "Exif.Image.Make");
        if (s.cameraMake.empty()) s.cameraMake = xmpText(xmp, "Xmp.tiff.Make");
    });
    guarded([&] {
        s.cameraModel = exifText(exif, "Exif.Image.Model");
        if (s.cameraModel.empty()) s.cameraModel = xmpText(xmp, "Xmp.tiff.Model");
    });
    guarded([&] { s.lens = lensOf(exif, xmp); });
    guarded([&] { exposureOf(exif, xmp, s); });
    guarded([&] { s.fNumber = fNumberOf(exif, xmp); });
    guarded([&] { s.iso = isoOf(exif, xmp); });
    guarded([&] { s.focalLengthMm = focalLengthOf(exif, xmp); });
    guarded([&] { s.gps = gpsOf(exif, xmp); });
    guarded([&] { s.captureTime = captureTimeOf(exif, xmp); });
    guarded([&] { s.rating = ratingOf(exif, xmp); });
    guarded([&] { s.keywords = keywordsOf(d.iptc, xmp); });
    guarded([&] { s.orientation = orientationOf(exif); });
    guarded([&] { s.iccDescription = iccDescription(d.icc); });
    s.iccSize = d.icc.size();
    s.exifCount = int(std::min<long>(exif.count(), INT_MAX));
    s.iptcCount = int(std::min<long>(d.iptc.count(), INT_MAX));
    s.xmpCount = int(std::min<long>(xmp.count(), INT_MAX));
    return s;
}

// ---------------------------------------------------------------------------------------------
// Errors

Error readError(const std::string& reason, const std::string& hint) {
    return Error{"Cannot read the photo's metadata: " + reason, hint};
}

const char* const kReadHint =
    "The metadata is damaged or unusual; the photo itself may still open without it. "
    "Use the original file from the camera or another copy if you need its metadata.";

// A JPEG whose marker segments end before the image data (SOS) is truncated: exiv2 0.27 reads
// what is there and reports nothing, which would pass a cut-off file as one without metadata.
bool jpegHeaderComplete(const std::uint8_t* p, std::size_t size) {
    if (size < 4 || p[0] != 0xFF || p[1] != 0xD8) return false;
    std::size_t pos = 2;
    while (pos < size) {
        if (p[pos] != 0xFF) return false;
        while (pos < size && p[pos] == 0xFF)
            ++pos; // fill bytes
        if (pos >= size) return false;
        const std::uint8_t marker = p[pos++];
        if (marker == 0xDA) return pos + 2 <= size; // start of scan: the header is complete
        if (marker == 0xD9) return false;           // end of image before any image data
        if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) continue; // no length
        if (pos + 2 > size) return false;
        const std::size_t length = std::size_t(p[pos]) << 8 | p[pos + 1];
        if (length < 2 || pos + length > size) return false;
        pos += length;
    }
    return false;
}

// Image types whose metadata Pictor reads. exiv2's video containers (AVI, QuickTime, Matroska,
// ASF) are no photos, and their 0.27 parsers are the least hardened: they are refused.
bool readableType(int type) {
    switch (type) {
    case Exiv2::ImageType::jpeg:
    case Exiv2::ImageType::exv:
    case Exiv2::ImageType::crw:
    case Exiv2::ImageType::tiff:
    case Exiv2::ImageType::mrw:
    case Exiv2::ImageType::png:
    case Exiv2::ImageType::cr2:
    case Exiv2::ImageType::raf:
    case Exiv2::ImageType::orf:
    case Exiv2::ImageType::xmp:
    case Exiv2::ImageType::gif:
    case Exiv2::ImageType::psd:
    case Exiv2::ImageType::tga:
    case Exiv2::ImageType::bmp:
    case Exiv2::ImageType::jp2:
    case Exiv2::ImageType::rw2:
    case Exiv2::ImageType::pgf:
    case Exiv2::ImageType::bmff:
    case Exiv2::ImageType::webp:
        return true;
    default:
        return false;
    }
}

// ---------------------------------------------------------------------------------------------
// Embedding: what changes between the source and the exported file

// IFD0 tags that describe how the SOURCE's pixels were stored (or where its other blocks were):
// wrong in the new file. The new file's own encoder writes its structure; exiv2 writes the ICC
// profile, IPTC and XMP into their TIFF tags from the metadata containers.
bool isSourceStructureTag(std::uint16_t tag) {
    static const std::set<std::uint16_t> tags = {
        0x00fe, // NewSubfileType
        0x00ff, // SubfileType
        0x0100, // ImageWidth
        0x0101, // ImageLength
        0x0102, // BitsPerSample
        0x0103, // Compression
        0x0106, // PhotometricInterpretation
        0x0107, // Thresholding
        0x0108, // CellWidth
        0x0109, // CellLength
        0x010a, // FillOrder
        0x0111, // StripOffsets
        0x0115, // SamplesPerPixel
        0x0116, // RowsPerStrip
        0x0117, // StripByteCounts
        0x0118, // MinSampleValue
        0x0119, // MaxSampleValue
        0x011c, // PlanarConfiguration
        0x0122, // GrayResponseUnit
        0x0123, // GrayResponseCurve
        0x0124, // T4Options
        0x0125, // T6Options
        0x012d, // TransferFunction (the source's encoding; the ICC profile describes ours)
        0x013d, // Predictor
        0x013e, // WhitePoint
        0x013f, // PrimaryChromaticities
        0x0140, // ColorMap
        0x0141, // HalftoneHints
        0x0142, // TileWidth
        0x0143, // TileLength
        0x0144, // TileOffsets
        0x0145, // TileByteCounts
        0x014a, // SubIFDs
        0x014c, // InkSet
        0x014d, // InkNames
        0x014e, // NumberOfInks
        0x0150, // DotRange
        0x0152, // ExtraSamples
        0x0153, // SampleFormat
        0x0154, // SMinSampleValue
        0x0155, // SMaxSampleValue
        0x0156, // TransferRange
        0x0157, // ClipPath
        0x0158, // XClipPathUnits
        0x0159, // YClipPathUnits
        0x015a, // Indexed
        0x015b, // JPEGTables
        0x015f, // OPIProxy
        0x0200, // JPEGProc
        0x0201, // JPEGInterchangeFormat
        0x0202, // JPEGInterchangeFormatLength
        0x0203, // JPEGRestartInterval
        0x0205, // JPEGLosslessPredictors
        0x0206, // JPEGPointTransforms
        0x0207, // JPEGQTables
        0x0208, // JPEGDCTables
        0x0209, // JPEGACTables
        0x0211, // YCbCrCoefficients
        0x0212, // YCbCrSubSampling
        0x0213, // YCbCrPositioning
        0x0214, // ReferenceBlackWhite
        0x02bc, // XMLPacket (XMP goes through the XMP container)
        0x80e3, // Matteing
        0x80e4, // DataType
        0x80e5, // ImageDepth
        0x80e6, // TileDepth
        0x828d, // CFARepeatPatternDim (TIFF/EP raw layout)
        0x828e, // CFAPattern (TIFF/EP raw layout)
        0x83bb, // IPTCNAA (IPTC goes through the IPTC container)
        0x8649, // ImageResources (Photoshop: stale thumbnails, a second IPTC copy)
        0x8773, // InterColorProfile (the new file gets options.iccProfile)
        0x9216, // TIFFEPStandardID
        0x935c, // ImageSourceData (Photoshop layers)
    };
    return tags.count(tag) != 0;
}

// DNG's private tags (DNG 1.0–1.7) describe the raw data: matrices, levels, crops, profiles,
// opcodes, private maker data. Kept are those that describe the camera and lens and stay true of
// any rendering. Sony ARW's IFD0 raw-processing tags (0x7000–0x703f) go the same way.
bool isRawPrivateTag(std::uint16_t tag) {
    static const std::set<std::uint16_t> dng = {
        0xc612, 0xc613, 0xc614, 0xc615, 0xc616, 0xc617, 0xc618, 0xc619, 0xc61a, 0xc61b, 0xc61c,
        0xc61d, 0xc61e, 0xc61f, 0xc620, 0xc621, 0xc622, 0xc623, 0xc624, 0xc625, 0xc626, 0xc627,
        0xc628, 0xc629, 0xc62a, 0xc62b, 0xc62c, 0xc62d, 0xc62e, 0xc62f, 0xc630, 0xc631, 0xc632,
        0xc633, 0xc634, 0xc635, 0xc65a, 0xc65b, 0xc65c, 0xc65d, 0xc68b, 0xc68c, 0xc68d, 0xc68e,
        0xc68f, 0xc690, 0xc691, 0xc692, 0xc6bf, 0xc6f3, 0xc6f4, 0xc6f5, 0xc6f6, 0xc6f7, 0xc6f8,
        0xc6f9, 0xc6fa, 0xc6fb, 0xc6fc, 0xc6fd, 0xc6fe, 0xc714, 0xc715, 0xc716, 0xc717, 0xc718,
        0xc719, 0xc71a, 0xc71b, 0xc71c, 0xc71d, 0xc71e, 0xc71f, 0xc725, 0xc726, 0xc740, 0xc741,
        0xc74e, 0xc761, 0xc763, 0xc764, 0xc772, 0xc789, 0xc791, 0xc792, 0xc793, 0xc7a1, 0xc7a3,
        0xc7a4, 0xc7a5, 0xc7a6, 0xc7a7, 0xc7a8, 0xc7aa, 0xc7b5,
    };
    static const std::set<std::uint16_t> keep = {
        0xc614, // UniqueCameraModel
        0xc615, // LocalizedCameraModel
        0xc62f, // CameraSerialNumber
        0xc630, // LensInfo
        0xc68b, // OriginalRawFileName
        0xc7a1, // CameraLabel
    };
    const bool dng17 = tag >= 0xcd2d && tag <= 0xcd4f; // DNG 1.6/1.7 (ColorMatrix3 …)
    const bool sonyRaw = tag >= 0x7000 && tag <= 0x703f;
    return ((dng.count(tag) || dng17) && !keep.count(tag)) || sonyRaw;
}

bool isDroppedGroup(const std::string& group) {
    // Other images of the source (thumbnail IFD1, CR2/NEF/DNG sub-images, raw IFDs), the MPF
    // index of its secondary images, and Panasonic's raw IFD.
    return group == "Thumbnail" || group == "Image2" || group == "Image3" || group == "MpfInfo" ||
           group == "PanasonicRaw" || group.rfind("SubImage", 0) == 0 ||
           group.rfind("SubThumb", 0) == 0;
}

bool isMakerNoteDatum(const Exiv2::Exifdatum& d) {
    const std::string group = d.groupName();
    return Exiv2::ExifTags::isMakerGroup(group) || group == "MakerNote" ||
           (group == "Photo" && d.tag() == 0x927c);
}

bool isDroppedExif(const Exiv2::Exifdatum& d, bool keepMakerNote) {
    const std::string group = d.groupName();
    if (isDroppedGroup(group)) return true;
    if (group == "Image" && (isSourceStructureTag(d.tag()) || isRawPrivateTag(d.tag())))
        return true;
    if (group == "Photo" &&
        (d.tag() == 0x9102 /* CompressedBitsPerPixel */ || d.tag() == 0xa500 /* Gamma */))
        return true;
    if (group == "Iop" && (d.tag() == 0x1000 || d.tag() == 0x1001 || d.tag() == 0x1002))
        return true; // RelatedImageFileFormat / Width / Length
    return !keepMakerNote && isMakerNoteDatum(d);
}

bool isDroppedXmp(const std::string& key) {
    static const std::set<std::string> keys = {"Xmp.tiff.BitsPerSample",
                                               "Xmp.tiff.Compression",
                                               "Xmp.tiff.PhotometricInterpretation",
                                               "Xmp.tiff.SamplesPerPixel",
                                               "Xmp.tiff.PlanarConfiguration",
                                               "Xmp.tiff.YCbCrSubSampling",
                                               "Xmp.tiff.YCbCrPositioning",
                                               "Xmp.tiff.YCbCrCoefficients",
                                               "Xmp.tiff.ReferenceBlackWhite",
                                               "Xmp.tiff.TransferFunction",
                                               "Xmp.tiff.WhitePoint",
                                               "Xmp.tiff.PrimaryChromaticities",
                                               "Xmp.exif.CompressedBitsPerPixel"};
    return keys.count(key) != 0;
}

// Every GPS property: the GPS IFD, its pointer, maker-note GPS tags, and XMP properties named
// GPS… at any depth (exif:GPS…, Iptc4xmpExt:LocationShown/…:GPSLatitude, drone-dji:GpsLatitude).
bool isGpsExif(const Exiv2::Exifdatum& d) {
    return d.groupName() == "GPSInfo" || startsWithNoCase(d.tagName(), "gps");
}

bool isGpsXmp(const std::string& key) {
    // "Xmp.<prefix>.<path>" where the path's steps are "ns:Name", "Name[1]", …
    const std::size_t pathStart = key.find('.', 4);
    if (pathStart == std::string::npos) return false;
    std::size_t pos = pathStart + 1;
    while (pos < key.size()) {
        std::size_t end = key.find('/', pos);
        if (end == std::string::npos) end = key.size();
        std::string_view step(key.data() + pos, end - pos);
        if (const auto colon = step.find(':'); colon != std::string_view::npos)
            step.remove_prefix(colon + 1);
        if (startsWithNoCase(step, "gps")) return true;
        pos = end + 1;
    }
    return false;
}

template <typename Container, typename Pred> void eraseIf(Container& c, Pred pred) {
    for (auto it = c.begin(); it != c.end();) {
        if (pred(*it))
            it = c.erase(it);
        else
            ++it;
    }
}

// Sets a tag to exactly one value of the given type, whatever type and however many copies the
// source had (assigning through operator[] would parse the text into the old type and leave
// duplicates alone).
void setExif(Exiv2::ExifData& exif, const char* key, const Exiv2::Value& value) {
    const Exiv2::ExifKey k(key);
    eraseIf(exif, [&](const Exiv2::Exifdatum& d) { return d.key() == k.key(); });
    exif.add(k, &value);
}

void setExifText(Exiv2::ExifData& exif, const char* key, const std::string& text) {
    setExif(exif, key, Exiv2::AsciiValue(text));
}

// Replaces a simple XMP property that is present (as one text value: a bag or sequence would
// take the text as one more item).
void setXmpIfPresent(Exiv2::XmpData& xmp, const char* key, const std::string& value) {
    const Exiv2::XmpKey k(key);
    if (xmp.findKey(k) == xmp.end()) return;
    eraseIf(xmp, [&](const Exiv2::Xmpdatum& d) { return d.key() == k.key(); });
    const Exiv2::XmpTextValue text(value);
    xmp.add(k, &text);
}

// exiv2 never edits the "image tags" of an existing TIFF, and counts the resolution among them:
// the source's X/YResolution and ResolutionUnit would be dropped from TIFF exports. They are
// added here, before exiv2 sees the file, as a rewritten IFD0 appended to the (classic) TIFF;
// exiv2's own rewrite then keeps them as the file's tags and discards the orphaned old IFD.
void addTiffResolution(std::vector<std::uint8_t>& tiff, const Exiv2::ExifData& source) {
    auto rational = [&](const char* key) -> std::optional<Exiv2::URational> {
        const Exiv2::Exifdatum* d = findExif(source, key);
        const auto* v = d ? dynamic_cast<const Exiv2::URationalValue*>(&d->value()) : nullptr;
        if (!v || v->value_.empty() || v->value_[0].second == 0) return std::nullopt;
        return v->value_[0];
    };
    const auto x = rational("Exif.Image.XResolution");
    const auto y = rational("Exif.Image.YResolution");
    const Exiv2::Exifdatum* unitDatum = findExif(source, "Exif.Image.ResolutionUnit");
    const long unit = unitDatum ? integerAt(unitDatum->value()).value_or(0) : 0; // 0: none
    if (!x && !y && unit == 0) return;

    const std::size_t size = tiff.size();
    if (size < 8) return;
    const bool little = tiff[0] == 'I' && tiff[1] == 'I';
    if (!little && !(tiff[0] == 'M' && tiff[1] == 'M')) return;
    auto get16 = [&](std::size_t at) {
        return little ? std::uint32_t(tiff[at] | tiff[at + 1] << 8)
                      : std::uint32_t(tiff[at] << 8 | tiff[at + 1]);
    };
    auto get32 = [&](std::size_t at) {
        return little ? std::uint32_t(tiff[at]) | std::uint32_t(tiff[at + 1]) << 8 |
                            std::uint32_t(tiff[at + 2]) << 16 | std::uint32_t(tiff[at + 3]) << 24
                      : std::uint32_t(tiff[at]) << 24 | std::uint32_t(tiff[at + 1]) << 16 |
                            std::uint32_t(tiff[at + 2]) << 8 | std::uint32_t(tiff[at + 3]);
    };
    auto put16 = [&](std::vector<std::uint8_t>& out, std::uint32_t v) {
        const std::uint8_t b[2] = {std::uint8_t(v), std::uint8_t(v >> 8)};
        out.push_back(little ? b[0] : b[1]);
        out.push_back(little ? b[1] : b[0]);
    };
    auto put32 = [&](std::vector<std::uint8_t>& out, std::uint32_t v) {
        for (int i = 0; i < 4; ++i)
            out.push_back(std::uint8_t(v >> (little ? 8 * i : 24 - 8 * i)));
    };
    if (get16(2) != 42) return; // BigTIFF and others: left to exiv2 as they are
    const std::uint32_t ifd = get32(4);
    if (ifd < 8 || std::size_t(ifd) + 2 > size) return;
    const std::uint32_t count = get16(ifd);
    if (std::size_t(ifd) + 2 + 12 * std::size_t(count) + 4 > size) return;

    struct Entry {
        std::uint32_t tag;
        std::vector<std::uint8_t> bytes; // 12 bytes, in the file's byte order
        std::optional<Exiv2::URational> rational;
    };
    std::vector<Entry> entries;
    std::set<std::uint32_t> present;
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::size_t at = ifd + 2 + 12 * std::size_t(i);
        entries.push_back({get16(at), {tiff.begin() + at, tiff.begin() + at + 12}, std::nullopt});
        present.insert(entries.back().tag);
    }
    const std::size_t before = entries.size();
    auto addRational = [&](std::uint32_t tag, const std::optional<Exiv2::URational>& r) {
        if (!r || present.count(tag)) return;
        Entry e{tag, {}, r};
        put16(e.bytes, tag);
        put16(e.bytes, 5); // RATIONAL
        put32(e.bytes, 1);
        put32(e.bytes, 0); // offset, set below
        entries.push_back(std::move(e));
    };
    addRational(0x011a, x);
    addRational(0x011b, y);
    if (unit >= 1 && unit <= 3 && !present.count(0x0128)) {
        Entry e{0x0128, {}, std::nullopt};
        put16(e.bytes, 0x0128);
        put16(e.bytes, 3); // SHORT
        put32(e.bytes, 1);
        put16(e.bytes, std::uint32_t(unit));
        put16(e.bytes, 0);
        entries.push_back(std::move(e));
    }
    if (entries.size() == before) return;
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& a, const Entry& b) { return a.tag < b.tag; });

    const std::size_t newIfd = (size + 1) & ~std::size_t(1);
    const std::size_t valuesAt = newIfd + 2 + 12 * entries.size() + 4;
    std::size_t rationals = 0;
    for (const auto& e : entries)
        rationals += e.rational ? 1 : 0;
    if (valuesAt + 8 * rationals > std::size_t(UINT32_MAX)) return;

    std::vector<std::uint8_t> block;
    put16(block, std::uint32_t(entries.size()));
    std::vector<std::uint8_t> values;
    for (auto& e : entries) {
        if (e.rational) {
            const std::uint32_t offset = std::uint32_t(valuesAt + values.size());
            e.bytes.resize(8);
            put32(e.bytes, offset);
            put32(values, e.rational->first);
            put32(values, e.rational->second);
        }
        block.insert(block.end(), e.bytes.begin(), e.bytes.end());
    }
    put32(block, get32(ifd + 2 + 12 * std::size_t(count))); // next IFD, unchanged
    tiff.resize(newIfd, 0);
    tiff.insert(tiff.end(), block.begin(), block.end());
    tiff.insert(tiff.end(), values.begin(), values.end());
    std::vector<std::uint8_t> header;
    put32(header, std::uint32_t(newIfd));
    std::copy(header.begin(), header.end(), tiff.begin() + 4);
}

// A JPEG holds XMP in one APP1 segment (exiv2 0.27 writes no extended XMP): the packet, as exiv2
// encodes it, must stay below 65504 bytes (65535 less the length field and the XMP namespace id).
constexpr std::size_t kMaxJpegXmpPacket = 65504;

struct XmpTooLarge : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::size_t encodedXmpSize(const Exiv2::XmpData& xmp) {
    if (xmp.empty()) return 0;
    std::string packet;
    if (Exiv2::XmpParser::encode(packet, xmp,
                                 Exiv2::XmpParser::useCompactFormat |
                                     Exiv2::XmpParser::omitAllFormatting) > 1)
        throw std::runtime_error("the XMP metadata cannot be encoded");
    return packet.size();
}

// Fits the XMP into a JPEG by dropping, step by step, what applications regenerate or never
// show (Photoshop's list of placed documents, edit history, and the payloads of Google's depth
// and portrait images, which belong in extended XMP). Anything else too large is an error.
void fitXmpIntoJpeg(Exiv2::XmpData& xmp) {
    static const std::vector<std::vector<std::string>> steps = {
        {"Xmp.photoshop.DocumentAncestors"},
        {"Xmp.xmpMM.History", "Xmp.xmpMM.Ingredients", "Xmp.xmpMM.Pantry", "Xmp.xmpMM.Manifest"},
        {"Xmp.GDepth.Data", "Xmp.GImage.Data", "Xmp.GDepth.Confidence"},
    };
    std::size_t size = encodedXmpSize(xmp);
    for (const auto& prefixes : steps) {
        if (size <= kMaxJpegXmpPacket) return;
        eraseIf(xmp, [&](const Exiv2::Xmpdatum& d) {
            const std::string key = d.key();
            return std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string& p) {
                return key.compare(0, p.size(), p) == 0 &&
                       (key.size() == p.size() || key[p.size()] == '[' || key[p.size()] == '/');
            });
        });
        size = encodedXmpSize(xmp);
    }
    if (size > kMaxJpegXmpPacket)
        throw XmpTooLarge("its XMP metadata (" + std::to_string(size / 1024) +
                          " KiB) is larger than a JPEG can hold (64 KiB)");
}

enum class Target { Jpeg, Png, Tiff, WebP };

std::optional<Target> writableTarget(int type) {
    switch (type) {
    case Exiv2::ImageType::jpeg:
        return Target::Jpeg;
    case Exiv2::ImageType::png:
        return Target::Png;
    case Exiv2::ImageType::tiff:
        return Target::Tiff;
    case Exiv2::ImageType::webp:
        return Target::WebP;
    default:
        return std::nullopt;
    }
}

struct EmbedAttempt {
    bool keepMakerNote = true;
};

std::vector<std::uint8_t> writeInto(const std::vector<std::uint8_t>& encoded,
                                    const SourceMetadata::Data* source,
                                    const MetadataWriteOptions& options,
                                    const Exiv2::XmpData* extraXmp, EmbedAttempt attempt) {
    // exiv2 may write in place into a memory image (non-intrusive TIFF updates): it works on a
    // private copy, so that a failed attempt leaves the caller's bytes and the retry intact.
    std::vector<std::uint8_t> work(encoded);
    const bool copySource = source && options.strip != MetadataStrip::All;
    const auto target =
        writableTarget(Exiv2::ImageFactory::getType(work.data(), long(work.size())));
    if (!target) throw std::runtime_error("the encoded file is not JPEG, PNG, TIFF or WebP");
    if (*target == Target::Tiff && copySource) addTiffResolution(work, source->exif);
    Exiv2::Image::AutoPtr image = Exiv2::ImageFactory::open(work.data(), long(work.size()));
    if (!image.get()) throw Exiv2::Error(Exiv2::kerMemoryContainsUnknownImageType);
    image->readMetadata();

    // The target's own EXIF is what its encoder wrote (for TIFF: the structure tags, which
    // exiv2's TIFF writer keeps in any case); the source's metadata goes on top of it.
    Exiv2::ExifData exif = image->exifData();
    Exiv2::IptcData iptc;
    Exiv2::XmpData xmp;
    std::string comment;

    if (copySource) {
        std::set<std::string> copied;
        Exiv2::ExifData fromSource;
        for (const auto& d : source->exif) {
            if (isDroppedExif(d, attempt.keepMakerNote)) continue;
            fromSource.add(d);
            copied.insert(d.key());
        }
        eraseIf(exif, [&](const Exiv2::Exifdatum& d) { return copied.count(d.key()) != 0; });
        for (const auto& d : fromSource)
            exif.add(d);
        Exiv2::ExifThumb(exif).erase();

        iptc = source->iptc;
        xmp = source->xmp;
        eraseIf(xmp, [](const Exiv2::Xmpdatum& d) { return isDroppedXmp(d.key()); });
        comment = source->comment;

        if (options.strip == MetadataStrip::Gps) {
            eraseIf(exif, isGpsExif);
            eraseIf(xmp, [](const Exiv2::Xmpdatum& d) { return isGpsXmp(d.key()); });
        }

        // Fix-ups where the source had EXIF (a source without EXIF gets none).
        if (!source->exif.empty()) {
            setExif(exif, "Exif.Image.Orientation", Exiv2::UShortValue(1));
            if (options.width > 0 && options.height > 0) {
                setExif(exif, "Exif.Photo.PixelXDimension",
                        Exiv2::ULongValue(std::uint32_t(options.width)));
                setExif(exif, "Exif.Photo.PixelYDimension",
                        Exiv2::ULongValue(std::uint32_t(options.height)));
            }
            if (!options.software.empty())
                setExifText(exif, "Exif.Image.Software", options.software);
        }
        setXmpIfPresent(xmp, "Xmp.tiff.Orientation", "1");
        if (options.width > 0 && options.height > 0) {
            const std::string w = std::to_string(options.width);
            const std::string h = std::to_string(options.height);
            setXmpIfPresent(xmp, "Xmp.exif.PixelXDimension", w);
            setXmpIfPresent(xmp, "Xmp.exif.PixelYDimension", h);
            setXmpIfPresent(xmp, "Xmp.tiff.ImageWidth", w);
            setXmpIfPresent(xmp, "Xmp.tiff.ImageLength", h);
        }

        // Colour space: only the output profile says what the pixels are now.
        if (!options.iccProfile.empty()) {
            const std::string description = iccDescription(options.iccProfile);
            const bool srgb = containsNoCase(description, "sRGB");
            const bool adobe = containsNoCase(description, "Adobe RGB");
            if (!source->exif.empty()) {
                setExif(exif, "Exif.Photo.ColorSpace", Exiv2::UShortValue(srgb ? 1 : 0xFFFF));
                // DCF: R98 = sRGB, R03 = Adobe RGB; other spaces have no index.
                const char* iop = "Exif.Iop.InteroperabilityIndex";
                if (exif.findKey(Exiv2::ExifKey(iop)) != exif.end()) {
                    if (srgb || adobe)
                        setExifText(exif, iop, srgb ? "R98" : "R03");
                    else
                        eraseIf(exif, [&](const Exiv2::Exifdatum& d) { return d.key() == iop; });
                }
            }
            setXmpIfPresent(xmp, "Xmp.exif.ColorSpace", srgb ? "1" : "65535");
            setXmpIfPresent(xmp, "Xmp.photoshop.ICCProfile", description);
        }
    }

    if (extraXmp) {
        for (const auto& d : *extraXmp) {
            eraseIf(xmp, [&](const Exiv2::Xmpdatum& x) { return x.key() == d.key(); });
            xmp.add(d);
        }
    }

    if (*target == Target::Jpeg) fitXmpIntoJpeg(xmp);

    // A fresh JPEG has no EXIF byte order yet: keep the source's (maker notes read best in it).
    if (copySource && image->exifData().empty() && *target != Target::Tiff &&
        source->byteOrder != Exiv2::invalidByteOrder)
        image->setByteOrder(source->byteOrder);

    image->setExifData(exif);
    if (image->supportsMetadata(Exiv2::mdIptc)) image->setIptcData(iptc);
    if (image->supportsMetadata(Exiv2::mdXmp)) {
        image->setXmpData(xmp);
        image->writeXmpFromPacket(false);
    }
    if (image->supportsMetadata(Exiv2::mdComment)) image->setComment(comment);
    // (0.27 does not list mdIccProfile among what JPEG/PNG/TIFF "support", yet writes it.)
    if (!options.iccProfile.empty()) {
        Exiv2::DataBuf profile(options.iccProfile.data(), long(options.iccProfile.size()));
        image->setIccProfile(profile, true); // takes the buffer (0.27 DataBuf semantics)
    }
    image->writeMetadata();

    Exiv2::BasicIo& io = image->io();
    if (io.open() != 0) throw std::runtime_error("exiv2 cannot reopen the written image");
    const long size = io.size();
    std::vector<std::uint8_t> out(std::size_t(std::max(0L, size)));
    io.seek(0, Exiv2::BasicIo::beg);
    const long read = out.empty() ? 0 : io.read(out.data(), size);
    io.close();
    if (read != size || out.empty())
        throw std::runtime_error("exiv2 returned a truncated image after writing");
    if (*target == Target::Png) nameUnnamedPngIccProfile(out);
    return out;
}

bool hasMakerNote(const Exiv2::ExifData& exif) {
    return std::any_of(exif.begin(), exif.end(), isMakerNoteDatum);
}

Error writeError(const std::string& reason) {
    return Error{"Cannot write metadata into the exported file: " + reason,
                 "Export again with metadata stripped (or GPS only), or report the source file "
                 "to the Pictor developers."};
}

} // namespace

// ---------------------------------------------------------------------------------------------
// SourceMetadata

SourceMetadata::SourceMetadata(std::unique_ptr<Data> data)
    : m_data(std::move(data)) {
    if (!m_data) m_data = std::make_unique<Data>();
    m_data->summary = computeSummary(*m_data);
}

SourceMetadata::~SourceMetadata() = default;

MetadataSummary SourceMetadata::summary() const {
    return m_data->summary;
}

const std::vector<std::uint8_t>& SourceMetadata::iccProfile() const {
    return m_data->icc;
}

// ---------------------------------------------------------------------------------------------
// Reading

Result<std::shared_ptr<const SourceMetadata>> readMetadata(const std::uint8_t* bytes,
                                                           std::size_t size) {
    if (!bytes || size == 0)
        return readError("the file is empty", "Use another copy of the photo.");
    if (size > std::size_t(LONG_MAX))
        return readError("the file is too large for exiv2", "Use a smaller file.");
    initExiv2();
    std::lock_guard lock(exiv2Mutex());
    try {
        const int type = Exiv2::ImageFactory::getType(bytes, long(size));
        if (type == Exiv2::ImageType::none || !readableType(type))
            return readError("exiv2 cannot read metadata of this file type",
                             "The photo can still be opened without its metadata; convert it to "
                             "JPEG, TIFF or DNG to keep EXIF, IPTC and XMP.");
        if (type == Exiv2::ImageType::jpeg && !jpegHeaderComplete(bytes, size))
            return readError("the JPEG file is truncated (its header ends before the image data)",
                             "Re-copy the file from the camera card or the original source.");
        Exiv2::Image::AutoPtr image = Exiv2::ImageFactory::open(bytes, long(size));
        if (!image.get())
            return readError("exiv2 cannot read metadata of this file type",
                             "The photo can still be opened without its metadata.");
        image->readMetadata();

        auto data = std::make_unique<SourceMetadata::Data>();
        data->exif = image->exifData();
        data->iptc = image->iptcData();
        data->xmp = image->xmpData();
        data->xmpPacket = image->xmpPacket();
        data->byteOrder = image->byteOrder();
        data->mimeType = image->mimeType();
        if (image->supportsMetadata(Exiv2::mdComment)) data->comment = image->comment();
        if (image->iccProfileDefined()) {
            const Exiv2::DataBuf* icc = image->iccProfile();
            if (icc && icc->pData_ && icc->size_ > 0)
                data->icc.assign(icc->pData_, icc->pData_ + icc->size_);
        }
        recordXmpNamespaces(*data);
        return std::shared_ptr<const SourceMetadata>(
            std::make_shared<SourceMetadata>(std::move(data)));
    } catch (const std::bad_alloc&) {
        return readError("not enough memory (the metadata claims to be huge)", kReadHint);
    } catch (const Exiv2::AnyError& e) {
        return readError(std::string("exiv2 reported: ") + e.what(), kReadHint);
    } catch (const std::exception& e) {
        return readError(e.what(), kReadHint);
    }
}

Result<std::shared_ptr<const SourceMetadata>>
metadataFromBlocks(const std::vector<std::uint8_t>& exifTiff, const std::string& xmpPacket,
                   const std::vector<std::uint8_t>& icc) {
    initExiv2();
    std::lock_guard lock(exiv2Mutex());
    try {
        auto data = std::make_unique<SourceMetadata::Data>();
        if (!exifTiff.empty()) {
            // Accept the TIFF structure itself, the JPEG-style "Exif\0\0" prefix, or a block that
            // still has HEIF's 4-byte big-endian offset to the TIFF header in front.
            auto isTiffHeader = [&](std::size_t at) {
                if (at + 8 > exifTiff.size()) return false;
                const std::uint8_t* p = exifTiff.data() + at;
                return (p[0] == 'I' && p[1] == 'I' && p[2] == 42 && p[3] == 0) ||
                       (p[0] == 'M' && p[1] == 'M' && p[2] == 0 && p[3] == 42);
            };
            std::size_t start = 0;
            if (isTiffHeader(0)) {
                start = 0;
            } else if (exifTiff.size() > 6 && std::memcmp(exifTiff.data(), "Exif\0\0", 6) == 0) {
                start = 6;
            } else if (exifTiff.size() > 4) {
                const std::uint32_t skip = std::uint32_t(exifTiff[0]) << 24 |
                                           std::uint32_t(exifTiff[1]) << 16 |
                                           std::uint32_t(exifTiff[2]) << 8 | exifTiff[3];
                start = std::size_t(skip) + 4 <= exifTiff.size() ? std::size_t(skip) + 4 : 0;
                if (start + 6 <= exifTiff.size() &&
                    std::memcmp(exifTiff.data() + start, "Exif\0\0", 6) == 0)
                    start += 6;
            }
            if (!isTiffHeader(start))
                return readError("the EXIF block does not start with a TIFF header",
                                 "The file's EXIF metadata is damaged; the photo itself may "
                                 "still open.");
            data->byteOrder = Exiv2::ExifParser::decode(
                data->exif, exifTiff.data() + start,
                std::uint32_t(std::min<std::size_t>(exifTiff.size() - start, UINT32_MAX)));
        }
        if (!xmpPacket.empty()) {
            std::string packet = xmpPacket;
            while (!packet.empty() && (packet.back() == '\0' ||
                                       std::isspace(static_cast<unsigned char>(packet.back()))))
                packet.pop_back();
            if (!packet.empty()) {
                if (Exiv2::XmpParser::decode(data->xmp, packet) != 0)
                    return readError("the XMP packet is not valid XMP",
                                     "The file's XMP metadata is damaged; the photo itself may "
                                     "still open.");
                data->xmpPacket = std::move(packet);
            }
        }
        data->icc = icc;
        recordXmpNamespaces(*data);
        return std::shared_ptr<const SourceMetadata>(
            std::make_shared<SourceMetadata>(std::move(data)));
    } catch (const std::bad_alloc&) {
        return readError("not enough memory (the metadata claims to be huge)", kReadHint);
    } catch (const Exiv2::AnyError& e) {
        return readError(std::string("exiv2 reported: ") + e.what(), kReadHint);
    } catch (const std::exception& e) {
        return readError(e.what(), kReadHint);
    }
}

// ---------------------------------------------------------------------------------------------
// Writing

Status embedMetadata(std::vector<std::uint8_t>& encodedFile, const SourceMetadata* source,
                     const MetadataWriteOptions& options) {
    if (encodedFile.empty()) return writeError("the encoded image is empty");
    if (encodedFile.size() > std::size_t(LONG_MAX)) return writeError("the image is too large");
    initExiv2();
    std::lock_guard lock(exiv2Mutex());
    try {
        Exiv2::XmpData extra;
        const bool hasExtra = !options.extraXmpPacket.empty();
        if (hasExtra && Exiv2::XmpParser::decode(extra, options.extraXmpPacket) != 0)
            return writeError("the XMP to add (the edit recipe) is not valid XMP");
        const SourceMetadata::Data* data = source ? &source->data() : nullptr;
        if (data) restoreXmpNamespaces(*data);

        std::vector<std::uint8_t> out;
        try {
            out = writeInto(encodedFile, data, options, hasExtra ? &extra : nullptr, {});
        } catch (const std::bad_alloc&) {
            throw;
        } catch (const XmpTooLarge&) {
            throw;
        } catch (const std::exception&) {
            // exiv2 re-encodes maker notes it knows; a damaged one can make the write fail.
            // The photo then goes out with everything but the maker note rather than not at all.
            if (!data || options.strip == MetadataStrip::All || !hasMakerNote(data->exif)) throw;
            out = writeInto(encodedFile, data, options, hasExtra ? &extra : nullptr,
                            EmbedAttempt{false});
        }
        encodedFile = std::move(out);
        return Ok{};
    } catch (const std::bad_alloc&) {
        return writeError("not enough memory");
    } catch (const XmpTooLarge& e) {
        return Error{std::string("Cannot write metadata into the exported JPEG: ") + e.what(),
                     "Export as TIFF or PNG to keep all of it, or export with metadata stripped."};
    } catch (const Exiv2::AnyError& e) {
        return writeError(std::string("exiv2 reported: ") + e.what());
    } catch (const std::exception& e) {
        return writeError(e.what());
    }
}

} // namespace pictor

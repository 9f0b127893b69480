#include "image/ColorSpace.h"

#include "image/TransferLut.h"

#include <lcms2.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>

namespace pictor {

// ---------------------------------------------------------------------------------------------
// 3×3 matrices

namespace {

struct Primaries {
    double rx, ry, gx, gy, bx, by;
};
constexpr double kD65x = 0.3127, kD65y = 0.3290;
constexpr Primaries kRec2020{0.708, 0.292, 0.170, 0.797, 0.131, 0.046};
constexpr Primaries kRec709{0.640, 0.330, 0.300, 0.600, 0.150, 0.060};
constexpr Primaries kDisplayP3{0.680, 0.320, 0.265, 0.690, 0.150, 0.060};
constexpr Primaries kAdobeRgb{0.640, 0.330, 0.210, 0.710, 0.150, 0.060};

Matrix3 rgbToXyz(const Primaries& p) {
    return rgbToXyzFromPrimaries(p.rx, p.ry, p.gx, p.gy, p.bx, p.by, kD65x, kD65y);
}

// ---------------------------------------------------------------------------------------------
// Transfer curves (encoded value as a function of linear light, and back)

double srgbEncode(double l) { return l <= 0.0031308 ? 12.92 * l : 1.055 * std::pow(l, 1 / 2.4) - 0.055; }
constexpr double kAdobeGamma = 563.0 / 256.0; // 2.19921875, as in the Adobe RGB (1998) spec
double adobeEncode(double l) { return std::pow(std::max(l, 0.0), 1 / kAdobeGamma); }
double rec2020Encode(double l) { // ITU-R BT.2020 OETF (10/12-bit constants)
    return l < 0.018053968510807 ? 4.5 * l : 1.09929682680944 * std::pow(l, 0.45) - 0.09929682680944;
}

struct SpaceDef {
    OutputColorSpace space;
    const char* key;
    const char* name;
    Primaries primaries;
    double (*encode)(double);
};
const SpaceDef kSpaces[] = {
    {OutputColorSpace::SRgb, "srgb", "sRGB", kRec709, srgbEncode},
    {OutputColorSpace::DisplayP3, "p3", "Display P3", kDisplayP3, srgbEncode},
    {OutputColorSpace::AdobeRgb, "adobergb", "Adobe RGB (1998)", kAdobeRgb, adobeEncode},
    {OutputColorSpace::Rec2020, "rec2020", "Rec. ITU-R BT.2020", kRec2020, rec2020Encode},
};
const SpaceDef& def(OutputColorSpace space) {
    for (const auto& d : kSpaces)
        if (d.space == space) return d;
    return kSpaces[0];
}

// ---------------------------------------------------------------------------------------------
// lcms2 helpers

struct ProfileCloser {
    void operator()(void* h) const { if (h) cmsCloseProfile(h); }
};
using ProfilePtr = std::unique_ptr<void, ProfileCloser>;
struct CurveFree {
    void operator()(cmsToneCurve* c) const { if (c) cmsFreeToneCurve(c); }
};
using CurvePtr = std::unique_ptr<cmsToneCurve, CurveFree>;

// lcms2 reports errors through a global handler; route them nowhere (we check return values).
void silenceLcms() {
    static std::once_flag once;
    std::call_once(once, [] { cmsSetLogErrorHandler([](cmsContext, cmsUInt32Number, const char*) {}); });
}

CurvePtr curveFor(OutputColorSpace space) {
    switch (space) {
    case OutputColorSpace::SRgb:
    case OutputColorSpace::DisplayP3: {
        const double p[5] = {2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045};
        return CurvePtr(cmsBuildParametricToneCurve(nullptr, 4, p));
    }
    case OutputColorSpace::AdobeRgb: return CurvePtr(cmsBuildGamma(nullptr, kAdobeGamma));
    case OutputColorSpace::Rec2020: {
        const double a = 1.09929682680944, b = 0.09929682680944;
        const double p[5] = {1 / 0.45, 1 / a, b / a, 1 / 4.5, 4.5 * 0.018053968510807};
        return CurvePtr(cmsBuildParametricToneCurve(nullptr, 4, p));
    }
    }
    return nullptr;
}

cmsCIExyYTRIPLE toTriple(const Primaries& p) {
    return {{p.rx, p.ry, 1.0}, {p.gx, p.gy, 1.0}, {p.bx, p.by, 1.0}};
}

void setText(cmsHPROFILE profile, cmsTagSignature tag, const char* text) {
    cmsMLU* mlu = cmsMLUalloc(nullptr, 1);
    cmsMLUsetASCII(mlu, "en", "US", text);
    cmsWriteTag(profile, tag, mlu);
    cmsMLUfree(mlu);
}

ProfilePtr buildProfile(const Primaries& primaries, cmsToneCurve* curve, const char* description) {
    silenceLcms();
    cmsCIExyY white{kD65x, kD65y, 1.0};
    const cmsCIExyYTRIPLE triple = toTriple(primaries);
    cmsToneCurve* curves[3] = {curve, curve, curve};
    ProfilePtr profile(cmsCreateRGBProfile(&white, &triple, curves));
    setText(profile.get(), cmsSigProfileDescriptionTag, description);
    setText(profile.get(), cmsSigCopyrightTag, "No copyright, use freely");
    return profile;
}

// Colorants (RGB → XYZ, D50-adapted PCS) of a matrix/shaper profile.
Matrix3 colorantMatrix(cmsHPROFILE profile) {
    const auto* r = static_cast<const cmsCIEXYZ*>(cmsReadTag(profile, cmsSigRedColorantTag));
    const auto* g = static_cast<const cmsCIEXYZ*>(cmsReadTag(profile, cmsSigGreenColorantTag));
    const auto* b = static_cast<const cmsCIEXYZ*>(cmsReadTag(profile, cmsSigBlueColorantTag));
    if (!r || !g || !b) return {};
    return {r->X, g->X, b->X, r->Y, g->Y, b->Y, r->Z, g->Z, b->Z};
}

// The working space's own lcms2 profile (linear Rec.2020) and its D50 colorant matrix.
struct WorkingSpace {
    ProfilePtr profile;
    Matrix3 pcsToWorking; // XYZ (D50 PCS) → linear Rec.2020
    Matrix3 workingToPcs;
};
const WorkingSpace& workingSpace() {
    static const WorkingSpace ws = [] {
        WorkingSpace w;
        CurvePtr linear(cmsBuildGamma(nullptr, 1.0));
        w.profile = buildProfile(kRec2020, linear.get(), "Linear Rec.2020 (Pictor working space)");
        w.workingToPcs = colorantMatrix(w.profile.get());
        w.pcsToWorking = inverse(w.workingToPcs);
        return w;
    }();
    return ws;
}

std::string profileDescription(cmsHPROFILE profile) {
    char buffer[256] = {};
    cmsGetProfileInfoASCII(profile, cmsInfoDescription, "en", "US", buffer, sizeof buffer);
    std::string text(buffer);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
    return text.empty() ? "unnamed ICC profile" : text;
}

} // namespace

Matrix3 rec2020ToXyz() { return rgbToXyz(kRec2020); }
Matrix3 xyzToRec2020() { return inverse(rgbToXyz(kRec2020)); }

std::string colorSpaceName(OutputColorSpace space) { return def(space).name; }
std::string colorSpaceKey(OutputColorSpace space) { return def(space).key; }

std::optional<OutputColorSpace> parseColorSpace(std::string_view key) {
    std::string lower(key);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    std::erase_if(lower, [](char c) { return c == '-' || c == '_' || c == ' ' || c == '.'; });
    if (lower == "displayp3" || lower == "dcip3") lower = "p3";
    if (lower == "adobe" || lower == "adobergb1998") lower = "adobergb";
    if (lower == "bt2020" || lower == "rec2020") lower = "rec2020";
    for (const auto& d : kSpaces)
        if (lower == d.key) return d.space;
    return std::nullopt;
}

const std::vector<std::uint8_t>& iccProfile(OutputColorSpace space) {
    static std::mutex mutex;
    static std::map<OutputColorSpace, std::vector<std::uint8_t>> cache;
    std::lock_guard lock(mutex);
    auto& bytes = cache[space];
    if (bytes.empty()) {
        const SpaceDef& d = def(space);
        CurvePtr curve = curveFor(space);
        ProfilePtr profile = buildProfile(d.primaries, curve.get(), d.name);
        // ICC v4: the transfer curve is stored as an exact parametric 'para' curve. (A v2 profile
        // would store a 16-bit sampled table, which loses ~10 % of the value in the deepest
        // shadows of 16-bit files; every current browser, OS and editor reads v4.)
        cmsSetProfileVersion(profile.get(), 4.3);
        auto save = [](cmsHPROFILE h) {
            cmsUInt32Number size = 0;
            cmsSaveProfileToMem(h, nullptr, &size);
            std::vector<std::uint8_t> out(size);
            cmsSaveProfileToMem(h, out.data(), &size);
            return out;
        };
        bytes = save(profile.get());
        // lcms2 stamps the creation time into the header (bytes 24–35); a fixed date makes
        // exports byte-for-byte reproducible. Then the profile ID (MD5) is computed over it.
        const std::uint8_t fixedDate[12] = {0x07, 0xEA, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0}; // 2026-01-01
        std::copy(fixedDate, fixedDate + 12, bytes.begin() + 24);
        ProfilePtr dated(cmsOpenProfileFromMem(bytes.data(), cmsUInt32Number(bytes.size())));
        cmsMD5computeID(dated.get());
        bytes = save(dated.get());
    }
    return bytes;
}

std::string iccDescription(const std::vector<std::uint8_t>& icc) {
    if (icc.empty()) return {};
    silenceLcms();
    ProfilePtr profile(cmsOpenProfileFromMem(icc.data(), cmsUInt32Number(icc.size())));
    if (!profile) return "unreadable ICC profile";
    return profileDescription(profile.get());
}

// ---------------------------------------------------------------------------------------------
// InputTransform

struct InputTransform::Impl {
    std::string description;
    bool grey = false;
    Matrix3 toWorking{1, 0, 0, 0, 1, 0, 0, 0, 1};
    // Matrix/shaper path: per-channel linearisation tables.
    std::array<std::vector<float>, 3> lut8, lut16;
    std::array<CurvePtr, 3> curves; // for float input
    // Float input from code-point colour (nclx, float TIFF): the curve itself, unbounded above 1.
    std::function<double(double)> floatCurve;
    bool linearCurve = false;
    // General path (LUT-based profiles): an lcms2 transform per input layout, made on demand.
    ProfilePtr profile;
    bool matrixShaper = true;
    mutable std::mutex transformMutex;
    mutable std::map<cmsUInt32Number, cmsHTRANSFORM> transforms;

    ~Impl() {
        for (auto& [format, t] : transforms)
            if (t) cmsDeleteTransform(t); // a failed creation is remembered as null
    }

    cmsHTRANSFORM transformFor(cmsUInt32Number inputFormat) const {
        std::lock_guard lock(transformMutex);
        auto it = transforms.find(inputFormat);
        if (it != transforms.end()) return it->second;
        cmsHTRANSFORM t = cmsCreateTransform(profile.get(), inputFormat, workingSpace().profile.get(),
                                             TYPE_RGB_FLT, INTENT_PERCEPTUAL, cmsFLAGS_NOCACHE);
        transforms[inputFormat] = t;
        return t;
    }
};

InputTransform::InputTransform(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
InputTransform::InputTransform(InputTransform&&) noexcept = default;
InputTransform& InputTransform::operator=(InputTransform&&) noexcept = default;
InputTransform::~InputTransform() = default;

std::string InputTransform::description() const { return m_impl->description; }

Result<InputTransform> InputTransform::fromIcc(const std::vector<std::uint8_t>& icc) {
    if (icc.empty()) return srgb();
    silenceLcms();
    ProfilePtr profile(cmsOpenProfileFromMem(icc.data(), cmsUInt32Number(icc.size())));
    if (!profile)
        return Error{"The embedded ICC colour profile is corrupt",
                     "Re-export the photo from its original application with a valid profile."};
    const cmsColorSpaceSignature space = cmsGetColorSpace(profile.get());
    if (space != cmsSigRgbData && space != cmsSigGrayData)
        return Error{"The embedded ICC profile is not an RGB or greyscale profile (CMYK or other)",
                     "Convert the photo to RGB in its original application first."};

    auto impl = std::make_unique<Impl>();
    impl->description = profileDescription(profile.get()) + " (embedded ICC)";
    impl->grey = space == cmsSigGrayData;
    const WorkingSpace& ws = workingSpace();

    const cmsTagSignature trcTags[3] = {cmsSigRedTRCTag, cmsSigGreenTRCTag, cmsSigBlueTRCTag};
    bool shaperOk = impl->grey ? cmsIsTag(profile.get(), cmsSigGrayTRCTag)
                               : cmsIsMatrixShaper(profile.get()) != 0;
    if (shaperOk && !impl->grey) {
        const Matrix3 colorants = colorantMatrix(profile.get());
        if (colorants == Matrix3{}) shaperOk = false;
        else impl->toWorking = multiply(ws.pcsToWorking, colorants);
    }
    if (shaperOk) {
        for (int c = 0; c < 3; ++c) {
            const auto* curve = static_cast<const cmsToneCurve*>(
                cmsReadTag(profile.get(), impl->grey ? cmsSigGrayTRCTag : trcTags[c]));
            if (!curve) { shaperOk = false; break; }
            impl->curves[c].reset(cmsDupToneCurve(curve));
            impl->lut8[c].resize(256);
            for (int i = 0; i < 256; ++i) impl->lut8[c][i] = cmsEvalToneCurveFloat(curve, i / 255.0f);
            impl->lut16[c].resize(65536);
            for (int i = 0; i < 65536; ++i)
                impl->lut16[c][i] = cmsEvalToneCurveFloat(curve, i / 65535.0f);
        }
    }
    impl->matrixShaper = shaperOk;
    impl->profile = std::move(profile);
    if (!shaperOk && impl->grey)
        return Error{"The embedded greyscale ICC profile has no usable tone curve",
                     "Re-export the photo with a standard profile."};
    return InputTransform(std::move(impl));
}

InputTransform InputTransform::srgb() {
    auto t = fromIcc(iccProfile(OutputColorSpace::SRgb));
    t->m_impl->description = "sRGB (assumed: no embedded profile)";
    return std::move(t).value();
}

InputTransform InputTransform::linearRec2020() {
    auto impl = std::make_unique<Impl>();
    impl->description = "Linear Rec.2020";
    impl->linearCurve = true;
    for (int c = 0; c < 3; ++c) {
        impl->curves[c].reset(cmsBuildGamma(nullptr, 1.0));
        impl->lut8[c].resize(256);
        for (int i = 0; i < 256; ++i) impl->lut8[c][i] = i / 255.0f;
        impl->lut16[c].resize(65536);
        for (int i = 0; i < 65536; ++i) impl->lut16[c][i] = i / 65535.0f;
    }
    return InputTransform(std::move(impl));
}

InputTransform InputTransform::fromPrimariesAndCurve(const std::array<double, 8>& xy,
                                                    const std::function<double(double)>& toLinear,
                                                    const std::string& description) {
    auto impl = std::make_unique<Impl>();
    impl->description = description;
    // RGB → XYZ for these primaries and white, then a Bradford adaptation of that white to D65.
    auto column = [](double x, double y) { return std::array<double, 3>{x / y, 1.0, (1 - x - y) / y}; };
    const Matrix3 toXyz = rgbToXyzFromPrimaries(xy[0], xy[1], xy[2], xy[3], xy[4], xy[5], xy[6], xy[7]);
    const auto w = column(xy[6], xy[7]);
    const Matrix3 bradford{0.8951, 0.2664, -0.1614, -0.7502, 1.7135, 0.0367, 0.0389, -0.0685, 1.0296};
    const auto d65 = column(kD65x, kD65y);
    const auto cone = [&](const std::array<double, 3>& v) {
        return std::array<double, 3>{bradford[0] * v[0] + bradford[1] * v[1] + bradford[2] * v[2],
                                     bradford[3] * v[0] + bradford[4] * v[1] + bradford[5] * v[2],
                                     bradford[6] * v[0] + bradford[7] * v[1] + bradford[8] * v[2]};
    };
    const auto src = cone(w), dst = cone(d65);
    const Matrix3 scale{dst[0] / src[0], 0, 0, 0, dst[1] / src[1], 0, 0, 0, dst[2] / src[2]};
    const Matrix3 adapt = multiply(inverse(bradford), multiply(scale, bradford));
    impl->toWorking = multiply(xyzToRec2020(), multiply(adapt, toXyz));
    for (int c = 0; c < 3; ++c) {
        impl->lut8[c].resize(256);
        for (int i = 0; i < 256; ++i) impl->lut8[c][i] = float(toLinear(i / 255.0));
        impl->lut16[c].resize(65536);
        for (int i = 0; i < 65536; ++i) impl->lut16[c][i] = float(toLinear(i / 65535.0));
    }
    impl->floatCurve = toLinear;
    impl->linearCurve = toLinear(0.25) == 0.25 && toLinear(0.75) == 0.75 && toLinear(2.0) == 2.0;
    return InputTransform(std::move(impl));
}

namespace {

// Converts rows [firstRow, firstRow + rows) of dst from src (whose row 0 is firstRow), on all
// cores when `parallel`.
template <typename Sample, typename Linearise>
void applyShaper(const Sample* src, int channels, std::size_t stride, Image& dst, bool grey,
                 const Matrix3& m, Linearise linearise, int firstRow = 0, int rows = -1,
                 bool parallel = true) {
    const int width = dst.width();
    if (rows < 0) rows = dst.height();
    const float m0 = float(m[0]), m1 = float(m[1]), m2 = float(m[2]), m3 = float(m[3]),
                m4 = float(m[4]), m5 = float(m[5]), m6 = float(m[6]), m7 = float(m[7]),
                m8 = float(m[8]);
#pragma omp parallel for schedule(static) if (parallel)
    for (int y = 0; y < rows; ++y) {
        const Sample* in = src + std::size_t(y) * stride;
        float* out = dst.row(firstRow + y);
        for (int x = 0; x < width; ++x, in += channels, out += 3) {
            if (grey || channels < 3) {
                const float v = linearise(0, in[0]);
                out[0] = out[1] = out[2] = v;
                continue;
            }
            const float r = linearise(0, in[0]), g = linearise(1, in[1]), b = linearise(2, in[2]);
            out[0] = m0 * r + m1 * g + m2 * b;
            out[1] = m3 * r + m4 * g + m5 * b;
            out[2] = m6 * r + m7 * g + m8 * b;
        }
    }
}

template <typename Sample>
void applyLcms(cmsHTRANSFORM transform, const Sample* src, int channels, std::size_t stride,
               Image& dst) {
    if (!transform) {
        // lcms2 cannot pair this profile with these samples (say, an RGB LUT profile on a grey
        // image): read them as sRGB, as viewers do with unusable profiles.
        InputTransform::srgb().apply(src, channels, stride, dst);
        return;
    }
    const int width = dst.width();
#pragma omp parallel for schedule(static)
    for (int y = 0; y < dst.height(); ++y) {
        cmsDoTransform(transform, src + std::size_t(y) * stride, dst.row(y), cmsUInt32Number(width));
    }
    (void)channels;
}

cmsUInt32Number lcmsFormat(int bytes, bool isFloat, int channels) {
    const cmsUInt32Number base = (isFloat ? FLOAT_SH(1) : 0) | BYTES_SH(bytes);
    if (channels == 4) return base | COLORSPACE_SH(PT_RGB) | CHANNELS_SH(3) | EXTRA_SH(1);
    if (channels == 1) return base | COLORSPACE_SH(PT_GRAY) | CHANNELS_SH(1);
    return base | COLORSPACE_SH(PT_RGB) | CHANNELS_SH(3);
}

} // namespace

void InputTransform::apply(const std::uint8_t* src, int channels, std::size_t stride,
                           Image& dst) const {
    const Impl& p = *m_impl;
    if (!p.matrixShaper) {
        applyLcms(p.transformFor(lcmsFormat(1, false, channels)), src, channels, stride, dst);
        return;
    }
    applyShaper(src, channels, stride, dst, p.grey, p.toWorking,
                [&p](int c, std::uint8_t v) { return p.lut8[c][v]; });
}

void InputTransform::applyRows(const std::uint8_t* src, int channels, std::size_t stride,
                               Image& dst, int firstRow, int rows) const {
    const Impl& p = *m_impl;
    if (!p.matrixShaper) {
        cmsHTRANSFORM transform = p.transformFor(lcmsFormat(1, false, channels));
        if (!transform) {
            srgb().applyRows(src, channels, stride, dst, firstRow, rows);
            return;
        }
        for (int y = 0; y < rows; ++y)
            cmsDoTransform(transform, src + std::size_t(y) * stride, dst.row(firstRow + y),
                           cmsUInt32Number(dst.width()));
        return;
    }
    applyShaper(src, channels, stride, dst, p.grey, p.toWorking,
                [&p](int c, std::uint8_t v) { return p.lut8[c][v]; }, firstRow, rows, false);
}

void InputTransform::apply(const std::uint16_t* src, int channels, std::size_t stride,
                           Image& dst) const {
    const Impl& p = *m_impl;
    if (!p.matrixShaper) {
        applyLcms(p.transformFor(lcmsFormat(2, false, channels)), src, channels, stride, dst);
        return;
    }
    applyShaper(src, channels, stride, dst, p.grey, p.toWorking,
                [&p](int c, std::uint16_t v) { return p.lut16[c][v]; });
}

void InputTransform::apply(const float* src, int channels, std::size_t stride, Image& dst) const {
    const Impl& p = *m_impl;
    if (!p.matrixShaper) {
        applyLcms(p.transformFor(lcmsFormat(4, true, channels)), src, channels, stride, dst);
        return;
    }
    // Float samples may exceed 1 (HDR): curves are evaluated unbounded (lcms2's parametric and
    // our own), never clipped; non-finite samples become 0.
    if (p.linearCurve) {
        applyShaper(src, channels, stride, dst, p.grey, p.toWorking,
                    [](int, float v) { return std::isfinite(v) ? v : 0.0f; });
    } else if (p.floatCurve) {
        applyShaper(src, channels, stride, dst, p.grey, p.toWorking, [&p](int, float v) {
            return std::isfinite(v) ? float(p.floatCurve(v)) : 0.0f;
        });
    } else {
        applyShaper(src, channels, stride, dst, p.grey, p.toWorking, [&p](int c, float v) {
            return std::isfinite(v) ? cmsEvalToneCurveFloat(p.curves[c].get(), v) : 0.0f;
        });
    }
}

// ---------------------------------------------------------------------------------------------
// OutputTransform

struct OutputTransform::Impl {
    Matrix3 fromWorking;
    TransferLut encode; // 16-bit output: accurate to ~1e-6
    // 8-bit output: the code value for every linear value on a 2^18 grid. Finer than any 8-bit
    // step except the first two of a pure-power curve (Adobe RGB), and ~2× faster than `encode`.
    static constexpr int kU8Grid = 1 << 18;
    std::vector<std::uint8_t> u8Table;
};

OutputTransform::OutputTransform(OutputColorSpace space) : m_impl(std::make_unique<Impl>()) {
    // Same construction as the input side: through the D50 colorants of both lcms2 profiles, so
    // that a round trip through our own embedded profile is exact.
    silenceLcms();
    const auto& icc = iccProfile(space);
    ProfilePtr profile(cmsOpenProfileFromMem(icc.data(), cmsUInt32Number(icc.size())));
    m_impl->fromWorking = multiply(inverse(colorantMatrix(profile.get())), workingSpace().workingToPcs);
    m_impl->encode = TransferLut(def(space).encode);
    m_impl->u8Table.resize(Impl::kU8Grid + 1);
    for (int i = 0; i <= Impl::kU8Grid; ++i)
        m_impl->u8Table[i] = std::uint8_t(def(space).encode(double(i) / Impl::kU8Grid) * 255.0 + 0.5);
}
OutputTransform::OutputTransform(OutputTransform&&) noexcept = default;
OutputTransform::~OutputTransform() = default;

namespace {
template <typename Sample>
void encodeImage(const Image& src, Sample* dst, const Matrix3& m, const TransferLut& encode,
                 float scale) {
    const float m0 = float(m[0]), m1 = float(m[1]), m2 = float(m[2]), m3 = float(m[3]),
                m4 = float(m[4]), m5 = float(m[5]), m6 = float(m[6]), m7 = float(m[7]),
                m8 = float(m[8]);
    const int width = src.width();
#pragma omp parallel for schedule(static)
    for (int y = 0; y < src.height(); ++y) {
        const float* in = src.row(y);
        Sample* out = dst + std::size_t(y) * width * 3;
        for (int x = 0; x < width; ++x, in += 3, out += 3) {
            const float r = in[0], g = in[1], b = in[2];
            out[0] = Sample(encode(m0 * r + m1 * g + m2 * b) * scale + 0.5f);
            out[1] = Sample(encode(m3 * r + m4 * g + m5 * b) * scale + 0.5f);
            out[2] = Sample(encode(m6 * r + m7 * g + m8 * b) * scale + 0.5f);
        }
    }
}
} // namespace

void OutputTransform::toU8(const Image& src, std::uint8_t* dst) const {
    encodeU8(src, 0, src.height(), dst, true);
}

void OutputTransform::toU8Rows(const Image& src, int firstRow, int rows, std::uint8_t* dst) const {
    encodeU8(src, firstRow, rows, dst, false);
}

void OutputTransform::encodeU8(const Image& src, int firstRow, int rows, std::uint8_t* dst,
                               bool parallel) const {
    const Matrix3& m = m_impl->fromWorking;
    const float m0 = float(m[0]), m1 = float(m[1]), m2 = float(m[2]), m3 = float(m[3]),
                m4 = float(m[4]), m5 = float(m[5]), m6 = float(m[6]), m7 = float(m[7]),
                m8 = float(m[8]);
    const std::uint8_t* table = m_impl->u8Table.data();
    const float scale = float(Impl::kU8Grid);
    const int width = src.width();
    // NaN fails both comparisons and maps to 0.
    auto index = [scale](float v) {
        return int((v > 0.0f ? (v < 1.0f ? v : 1.0f) : 0.0f) * scale + 0.5f);
    };
#pragma omp parallel for schedule(static) if (parallel)
    for (int y = 0; y < rows; ++y) {
        const float* in = src.row(firstRow + y);
        std::uint8_t* out = dst + std::size_t(y) * width * 3;
        for (int x = 0; x < width; ++x, in += 3, out += 3) {
            const float r = in[0], g = in[1], b = in[2];
            out[0] = table[index(m0 * r + m1 * g + m2 * b)];
            out[1] = table[index(m3 * r + m4 * g + m5 * b)];
            out[2] = table[index(m6 * r + m7 * g + m8 * b)];
        }
    }
}

void OutputTransform::toU16(const Image& src, std::uint16_t* dst) const {
    encodeImage(src, dst, m_impl->fromWorking, m_impl->encode, 65535.0f);
}

} // namespace pictor

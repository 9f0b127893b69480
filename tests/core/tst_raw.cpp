// Camera RAW decoding (core/io/RawDecoder): colour accuracy on a DNG the test writes itself,
// as-shot white balance and temperature, half size, orientation, truncated / stripped / garbage
// data, the pixel limit, and the ../shared/data/raw corpus.
#include "synthetic/DngWriter.h"
#include "io/RawDecoder.h"
#include "support/Fixtures.h"

#include <QtTest>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstring>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace pictor;
using namespace pictor::test;
using namespace pictor::synthetic;

namespace {

using Rgb = std::array<double, 3>;

// The test camera. Its RGB is linear sRGB mixed by kMix (rows sum to 1, so white stays white):
// camera = kMix · sRGB, i.e. ColorMatrix1 (XYZ → camera) = kMix · (XYZ → sRGB). The decoder
// must undo kMix with the camera matrix, so the expected output is sRGB → Rec.2020 of the patch
// values, known exactly; a decoder that ignored the camera matrix would be off by ~10–20 %.
const double kXyzToSrgb[9] = {3.2404542, -1.5371385, -0.4985314, -0.9692660, 1.8760108,
                              0.0415560, 0.0556434,  -0.2040259, 1.0572252}; // IEC 61966-2-1
const double kMix[9] = {0.80, 0.15, 0.05, 0.10, 0.80, 0.10, 0.05, 0.20, 0.75};

std::array<float, 9> colorMatrix1() {
    std::array<float, 9> m{};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            for (int k = 0; k < 3; ++k)
                m[i * 3 + j] += float(kMix[i * 3 + k] * kXyzToSrgb[k * 3 + j]);
    return m;
}

// sRGB → the test camera's RGB.
Rgb toCamera(const Rgb& c) {
    Rgb out{0, 0, 0};
    for (int i = 0; i < 3; ++i)
        for (int k = 0; k < 3; ++k)
            out[i] += kMix[i * 3 + k] * c[k];
    return out;
}

// Linear sRGB (BT.709 primaries) → linear Rec.2020, ITU-R BT.2087 — independent of the code
// under test.
Rgb srgbToRec2020(const Rgb& c) {
    return {0.627404 * c[0] + 0.329283 * c[1] + 0.043313 * c[2],
            0.069097 * c[0] + 0.919540 * c[1] + 0.011362 * c[2],
            0.016391 * c[0] + 0.088013 * c[1] + 0.895595 * c[2]};
}

// Six flat patches, 3 columns × 2 rows of kPatch × kPatch pixels, in white-balanced linear sRGB
// (= the test camera's RGB after white balance, in units of the sensor's white level).
constexpr int kPatch = 96;
constexpr int kCols = 3, kRows = 2;
constexpr int kWidth = kCols * kPatch, kHeight = kRows * kPatch;
constexpr float kBlack = 512;
constexpr std::uint32_t kWhite = 16383;

struct Patch {
    const char* name;
    Rgb rgb;
    bool clipped; // every channel at the white level
};
const Patch kPatches[kCols * kRows] = {
    {"grey", {0.40, 0.40, 0.40}, false},      {"red", {0.60, 0.10, 0.08}, false},
    {"green", {0.12, 0.50, 0.10}, false},     {"blue", {0.08, 0.12, 0.55}, false},
    {"dark grey", {0.05, 0.05, 0.05}, false}, {"clipped", {1, 1, 1}, true},
};

// As-shot lights, as linear sRGB colours of the light; the camera's response to them is the
// DNG AsShotNeutral.
const Rgb kLightD65 = {1.0, 1.0, 1.0};
// CIE illuminant A (x 0.44757, y 0.40745), normalised to red = 1.
const Rgb kLightA = {1.0, 0.4477, 0.1264};
// Greener than the Planckian locus (a fluorescent-like light).
const Rgb kLightGreen = {0.85, 1.0, 0.85};

// Normalised to a maximum of 1, as cameras write it: exposure is referenced to the channel
// that responds most to the light (white balance only ever amplifies), so a white patch reaches
// the sensor's white level in that channel and decodes to 1.0.
std::array<float, 3> neutralFor(const Rgb& light) {
    const Rgb cam = toCamera(light);
    const double peak = std::max({cam[0], cam[1], cam[2]});
    return {float(cam[0] / peak), float(cam[1] / peak), float(cam[2] / peak)};
}

// The test image: each patch's camera values under `light`, mosaicked RGGB (or, for LinearRaw,
// three samples a pixel).
DngSpec patternSpec(const Rgb& light, bool linearRaw = false) {
    const std::array<float, 3> neutral = neutralFor(light);
    DngSpec spec;
    spec.width = kWidth;
    spec.height = kHeight;
    spec.linearRaw = linearRaw;
    spec.colorMatrix1 = colorMatrix1();
    spec.calibrationIlluminant1 = 21; // D65
    spec.asShotNeutral = neutral;
    spec.blackLevel = kBlack;
    spec.whiteLevel = kWhite;
    spec.make = "Pictor";
    spec.model = "Test Camera";
    spec.uniqueCameraModel = "Pictor Test Camera";
    const int samples = linearRaw ? 3 : 1;
    spec.cfa.resize(std::size_t(kWidth) * kHeight * samples);
    for (int y = 0; y < kHeight; ++y)
        for (int x = 0; x < kWidth; ++x) {
            const Patch& p = kPatches[(y / kPatch) * kCols + x / kPatch];
            const Rgb cam = toCamera(p.rgb); // white-balanced camera RGB
            for (int s = 0; s < samples; ++s) {
                const int channel = linearRaw ? s : (y & 1) + (x & 1); // RGGB: 0 R, 1 G, 2 B
                const double value = p.clipped ? kWhite
                                               : kBlack + cam[channel] * neutral[channel] *
                                                              (double(kWhite) - kBlack);
                spec.cfa[(std::size_t(y) * kWidth + x) * samples + s] =
                    std::uint16_t(std::clamp(std::lround(value), 0L, 65535L));
            }
        }
    return spec;
}

DngFile patternDng(const Rgb& light = kLightD65, int orientation = 1, bool directoryFirst = false) {
    DngSpec spec = patternSpec(light);
    spec.orientation = orientation;
    spec.directoryFirst = directoryFirst;
    return writeDng(spec);
}

Result<DecodedImage> decode(const std::vector<std::uint8_t>& bytes, LoadOptions options = {}) {
    return decodeRaw(bytes.data(), bytes.size(), options);
}

// Mean over a square of side 2·half centred on (cx, cy).
Rgb meanAround(const Image& image, int cx, int cy, int half) {
    Rgb sum{0, 0, 0};
    int n = 0;
    for (int y = cy - half; y < cy + half; ++y)
        for (int x = cx - half; x < cx + half; ++x) {
            const float* p = image.at(x, y);
            for (int c = 0; c < 3; ++c)
                sum[c] += p[c];
            ++n;
        }
    for (double& v : sum)
        v /= n;
    return sum;
}

QString show(const Rgb& c) {
    return QString("(%1, %2, %3)").arg(c[0], 0, 'f', 4).arg(c[1], 0, 'f', 4).arg(c[2], 0, 'f', 4);
}

// Max channel spread relative to the mean: 0 for a perfectly neutral colour.
double chroma(const Rgb& c) {
    const double mean = (c[0] + c[1] + c[2]) / 3;
    const double spread =
        *std::max_element(c.begin(), c.end()) - *std::min_element(c.begin(), c.end());
    return mean > 0 ? spread / mean : 1e9;
}

// Patch centres (away from the demosaicing seams) compared with the expected Rec.2020 values.
// Tolerance 2 % of the brightest expected channel + 0.002: the 14-bit quantisation (1/15871),
// the SRATIONAL ColorMatrix (1e-4) and float arithmetic stay below 0.3 %, while any real
// mistake is far larger (treating sRGB as Rec.2020 moves saturated patches by > 10 %, a missed
// white balance by 2× or more, a wrong black level makes the dark patch off by > 20 %).
void comparePatches(const Image& image, double scale) {
    const int patch = int(kPatch * scale);
    const int half = std::max(4, patch / 6);
    for (int i = 0; i < kCols * kRows; ++i) {
        const Patch& p = kPatches[i];
        const int cx = (i % kCols) * patch + patch / 2, cy = (i / kCols) * patch + patch / 2;
        const Rgb got = meanAround(image, cx, cy, half);
        if (p.clipped) {
            // Highlight handling (blend): a fully clipped area comes out neutral (no magenta
            // cast) and at least as bright as the white level.
            QVERIFY2(chroma(got) < 0.02,
                     qPrintable(QString("clipped patch not neutral: %1").arg(show(got))));
            QVERIFY2(got[1] >= 0.98,
                     qPrintable(QString("clipped patch too dark: %1").arg(show(got))));
            continue;
        }
        const Rgb want = srgbToRec2020(p.rgb);
        const double tolerance = 0.02 * *std::max_element(want.begin(), want.end()) + 0.002;
        for (int c = 0; c < 3; ++c)
            QVERIFY2(std::abs(got[c] - want[c]) <= tolerance,
                     qPrintable(QString("%1 patch: got %2, expected %3 (Rec.2020)")
                                    .arg(p.name, show(got), show(want))));
    }
    // Greys stay neutral.
    const Rgb grey = meanAround(image, patch / 2, patch / 2, half);
    QVERIFY2(chroma(grey) < 0.01, qPrintable("grey not neutral: " + show(grey)));
}

// McCamy's cubic: an independent check of the Robertson temperature near the locus.
double mccamy(const Rgb& lightSrgb) {
    const double r = lightSrgb[0], g = lightSrgb[1], b = lightSrgb[2];
    const double X = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
    const double Y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    const double Z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
    const double x = X / (X + Y + Z), y = Y / (X + Y + Z);
    const double n = (x - 0.3320) / (0.1858 - y);
    return 449 * n * n * n + 3525 * n * n + 6823.3 * n + 5520.33;
}

bool isRawExtension(const std::filesystem::path& path) {
    static const char* kExtensions[] = {".kdc", ".dng", ".cr2", ".cr3", ".crw", ".nef", ".arw",
                                        ".raf", ".orf", ".rw2", ".pef", ".srw", ".mrw", ".iiq",
                                        ".x3f", ".3fr", ".erf", ".mos", ".nrw", ".rwl", ".dcr"};
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return std::any_of(std::begin(kExtensions), std::end(kExtensions),
                       [&](const char* e) { return ext == e; });
}

std::vector<std::filesystem::path> filesIn(const std::filesystem::path& dir, bool rawOnly) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.is_regular_file() && (!rawOnly || isRawExtension(entry.path())))
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

double msSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

} // namespace

class TestRaw : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void colourPatches_data();
    void colourPatches();
    void asShotTemperature_data();
    void asShotTemperature();
    void halfSize();
    void linearRawDng();
    void orientation_data();
    void orientation();
    void truncatedOrMissingData();
    void garbageBuffers();
    void notCameraRaw();
    void pixelLimit();
    void concurrentDecodes();
    void corpusReal();
    void corpusRealTruncated();
    void corpusColorCheckerGreys();
    void corpusStubs();
    void corpusMalformedNeverCrash();
};

void TestRaw::colourPatches_data() {
    QTest::addColumn<int>("light");
    QTest::newRow("D65 as shot") << 0;
    QTest::newRow("tungsten (A) as shot") << 1;
}

void TestRaw::colourPatches() {
    QFETCH(int, light);
    const Rgb lightRgb = light == 0 ? kLightD65 : kLightA;
    const std::array<float, 3> neutral = neutralFor(lightRgb);
    const DngFile dng = patternDng(lightRgb);
    QVERIFY(isCameraRaw(dng.bytes.data(), dng.bytes.size()));

    auto decoded = decode(dng.bytes);
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().message().c_str());
    const DecodedImage& d = *decoded;
    QCOMPARE(d.pixels.width(), kWidth);
    QCOMPARE(d.pixels.height(), kHeight);
    QCOMPARE(d.storedWidth, kWidth);
    QCOMPARE(d.storedHeight, kHeight);
    QCOMPARE(d.bitsPerSample, 14); // white level 16383
    QVERIFY(!d.floatingPoint);
    QVERIFY(d.orientationApplied);
    QVERIFY(d.icc.empty());
    QVERIFY2(d.colorProfile.find("Camera RAW (Pictor Test Camera)") != std::string::npos &&
                 d.colorProfile.find("Rec.2020") != std::string::npos,
             d.colorProfile.c_str());

    QVERIFY(d.raw.has_value());
    const RawInfo& info = *d.raw;
    QCOMPARE(QString::fromStdString(info.cameraMake), QString("Pictor"));
    QCOMPARE(QString::fromStdString(info.cameraModel), QString("Test Camera"));
    QCOMPARE(info.rawWidth, kWidth);
    QCOMPARE(info.rawHeight, kHeight);
    QVERIFY(!info.halfSize);
    // As-shot multipliers = 1 / neutral, normalised to green.
    const double want[3] = {neutral[1] / neutral[0], 1.0, neutral[1] / neutral[2]};
    for (int c = 0; c < 3; ++c)
        QVERIFY2(std::abs(info.asShotMultipliers[c] - want[c]) <= 0.01 * want[c],
                 qPrintable(QString("multiplier %1: %2, expected %3")
                                .arg(c)
                                .arg(info.asShotMultipliers[c])
                                .arg(want[c])));
    QVERIFY(std::abs(info.asShotMultipliers[3] - 1.0f) < 0.01f);

    comparePatches(d.pixels, 1.0);
}

void TestRaw::asShotTemperature_data() {
    QTest::addColumn<int>("light");
    QTest::addColumn<double>("minK");
    QTest::addColumn<double>("maxK");
    QTest::addColumn<double>("minTint");
    QTest::addColumn<double>("maxTint");
    // D65 lies above the Planckian locus (Duv ≈ +0.0032): Lightroom shows it as ≈ 6500 K, +10.
    QTest::newRow("D65") << 0 << 6400.0 << 6600.0 << 6.0 << 14.0;
    // Illuminant A lies on the locus: 2856 K, tint ≈ 0.
    QTest::newRow("A") << 1 << 2800.0 << 2920.0 << -3.0 << 3.0;
    // A greenish light: positive tint (Lightroom: green light ⇒ positive, magenta correction).
    QTest::newRow("green") << 2 << 5500.0 << 7500.0 << 20.0 << 200.0;
}

void TestRaw::asShotTemperature() {
    QFETCH(int, light);
    QFETCH(double, minK);
    QFETCH(double, maxK);
    QFETCH(double, minTint);
    QFETCH(double, maxTint);
    const Rgb lightRgb = light == 0 ? kLightD65 : light == 1 ? kLightA : kLightGreen;
    auto decoded = decode(patternDng(lightRgb).bytes);
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().message().c_str());
    const RawInfo& info = *decoded->raw;
    const QString got = QString("%1 K, tint %2").arg(info.asShotTemperatureK).arg(info.asShotTint);
    QVERIFY2(info.asShotTemperatureK >= minK && info.asShotTemperatureK <= maxK, qPrintable(got));
    QVERIFY2(info.asShotTint >= minTint && info.asShotTint <= maxTint, qPrintable(got));
    if (light != 2) // near the locus McCamy agrees with Robertson within a few kelvin
        QVERIFY2(std::abs(info.asShotTemperatureK - mccamy(lightRgb)) < 30,
                 qPrintable(got + QString(", McCamy %1 K").arg(mccamy(lightRgb))));
}

void TestRaw::halfSize() {
    const DngFile dng = patternDng(kLightA);
    LoadOptions options;
    options.rawHalfSize = true;
    auto decoded = decode(dng.bytes, options);
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().message().c_str());
    QCOMPARE(decoded->pixels.width(), kWidth / 2);
    QCOMPARE(decoded->pixels.height(), kHeight / 2);
    QCOMPARE(decoded->storedWidth, kWidth); // the file's size, not the preview's
    QCOMPARE(decoded->storedHeight, kHeight);
    QVERIFY(decoded->raw->halfSize);
    comparePatches(decoded->pixels, 0.5);
}

void TestRaw::linearRawDng() {
    // A demosaiced ("LinearRaw") DNG: no CFA, three samples a pixel. LibRaw does not bin these
    // for half size; the decoder halves them itself.
    DngSpec spec = patternSpec(kLightA, /*linearRaw=*/true);
    const DngFile dng = writeDng(spec);
    QVERIFY(isCameraRaw(dng.bytes.data(), dng.bytes.size()));
    auto full = decode(dng.bytes);
    QVERIFY2(full.ok(), full.ok() ? "" : full.error().message().c_str());
    QCOMPARE(full->pixels.width(), kWidth);
    QCOMPARE(full->pixels.height(), kHeight);
    comparePatches(full->pixels, 1.0);

    LoadOptions options;
    options.rawHalfSize = true;
    auto half = decode(dng.bytes, options);
    QVERIFY2(half.ok(), half.ok() ? "" : half.error().message().c_str());
    QCOMPARE(half->pixels.width(), kWidth / 2);
    QCOMPARE(half->pixels.height(), kHeight / 2);
    QVERIFY(half->raw->halfSize);
    comparePatches(half->pixels, 0.5);

    // Zeroed pixel data is refused here too (the three-channel statistics path).
    std::vector<std::uint8_t> zeroed = dng.bytes;
    std::memset(zeroed.data() + dng.dataOffset, 0, dng.dataSize);
    QVERIFY(!decode(zeroed).ok());
}

void TestRaw::orientation_data() {
    QTest::addColumn<int>("orientation");
    for (int o = 1; o <= 8; ++o)
        QTest::newRow(qPrintable(QString("orientation %1").arg(o))) << o;
}

void TestRaw::orientation() {
    // The TIFF/EXIF orientation tag: the decoder must return the image upright.
    QFETCH(int, orientation);
    auto decoded = decode(patternDng(kLightD65, orientation).bytes);
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().message().c_str());
    const Image& image = decoded->pixels;
    QVERIFY(decoded->orientationApplied);
    const bool transposed = orientation >= 5;
    QCOMPARE(image.width(), transposed ? kHeight : kWidth);
    QCOMPARE(image.height(), transposed ? kWidth : kHeight);
    QCOMPARE(decoded->storedWidth, kWidth); // as stored, before orientation
    QCOMPARE(decoded->storedHeight, kHeight);
    // Where stored pixel (x, y) is displayed (EXIF 2.3, tag 0x0112).
    auto display = [&](int x, int y) -> std::pair<int, int> {
        const int W = kWidth, H = kHeight;
        switch (orientation) {
        case 2:
            return {W - 1 - x, y};
        case 3:
            return {W - 1 - x, H - 1 - y};
        case 4:
            return {x, H - 1 - y};
        case 5:
            return {y, x};
        case 6:
            return {H - 1 - y, x};
        case 7:
            return {H - 1 - y, W - 1 - x};
        case 8:
            return {y, W - 1 - x};
        default:
            return {x, y};
        }
    };
    for (int i = 0; i < kCols * kRows; ++i) {
        const Patch& p = kPatches[i];
        if (p.clipped) continue;
        const int sx = (i % kCols) * kPatch + kPatch / 2, sy = (i / kCols) * kPatch + kPatch / 2;
        const auto [dx, dy] = display(sx, sy);
        const Rgb got = meanAround(image, dx, dy, 12);
        const Rgb want = srgbToRec2020(p.rgb);
        for (int c = 0; c < 3; ++c)
            QVERIFY2(std::abs(got[c] - want[c]) <= 0.02 * want[1] + 0.01,
                     qPrintable(QString("%1 patch after orientation %2: got %3, expected %4")
                                    .arg(p.name)
                                    .arg(orientation)
                                    .arg(show(got), show(want))));
    }
    // The image's top-left corner: the stored corner that belongs there.
    const int corners[4][2] = {
        {0, 0}, {kWidth - 1, 0}, {0, kHeight - 1}, {kWidth - 1, kHeight - 1}};
    int found = -1;
    for (int k = 0; k < 4; ++k) {
        const auto [dx, dy] = display(corners[k][0], corners[k][1]);
        if (dx == 0 && dy == 0) found = k;
    }
    QVERIFY(found >= 0);
    const Patch& cornerPatch =
        kPatches[(corners[found][1] / kPatch) * kCols + corners[found][0] / kPatch];
    if (!cornerPatch.clipped) {
        const Rgb got = meanAround(image, 8, 8, 4);
        const Rgb want = srgbToRec2020(cornerPatch.rgb);
        for (int c = 0; c < 3; ++c)
            QVERIFY2(std::abs(got[c] - want[c]) <= 0.02 * want[1] + 0.01,
                     qPrintable(QString("top-left corner: got %1, expected %2 (%3)")
                                    .arg(show(got), show(want), cornerPatch.name)));
    }
}

void TestRaw::truncatedOrMissingData() {
    // Decode a good file first, so that freed image memory is around to be reused: missing data
    // must never come back as whatever the heap held.
    QVERIFY(decode(patternDng(kLightA).bytes).ok());

    auto expectError = [](const std::vector<std::uint8_t>& bytes, const char* what) {
        auto decoded = decode(bytes);
        QVERIFY2(!decoded.ok(), qPrintable(QString("%1: decoded to an image").arg(what)));
        QVERIFY2(decoded.error().what.rfind("the camera RAW data cannot be decoded", 0) == 0,
                 decoded.error().what.c_str());
        QVERIFY2(!decoded.error().hint.empty(), what);
        LoadOptions half;
        half.rawHalfSize = true;
        QVERIFY2(!decode(bytes, half).ok(), qPrintable(QString("%1 (half size)").arg(what)));
    };

    { // libtiff's layout (directory last): cut at 60 %
        const DngFile dng = patternDng(kLightA);
        std::vector<std::uint8_t> cut(
            dng.bytes.begin(), dng.bytes.begin() + std::ptrdiff_t(dng.bytes.size() * 6 / 10));
        expectError(cut, "DNG cut at 60 % (directory lost)");
    }
    const DngFile dng = patternDng(kLightA, 1, /*directoryFirst=*/true);
    QVERIFY(dng.dataOffset < dng.bytes.size() / 10); // the directory really comes first
    QVERIFY(decode(dng.bytes).ok());                 // and the layout itself decodes
    { // directory intact, pixel data cut at 60 % of the file
        std::vector<std::uint8_t> cut(
            dng.bytes.begin(), dng.bytes.begin() + std::ptrdiff_t(dng.bytes.size() * 6 / 10));
        expectError(cut, "DNG cut at 60 % (directory intact)");
        auto decoded = decode(cut);
        QVERIFY(!decoded.ok());
        QVERIFY2(decoded.error().what.find("truncated") != std::string::npos,
                 decoded.error().what.c_str());
    }
    { // directory intact, the last 3 % of the pixel rows missing
        std::vector<std::uint8_t> cut(dng.bytes.begin(),
                                      dng.bytes.end() - std::ptrdiff_t(dng.dataSize * 3 / 100));
        expectError(cut, "DNG missing its last rows");
    }
    { // no pixel data at all: the file ends where the strip should start
        std::vector<std::uint8_t> cut(dng.bytes.begin(),
                                      dng.bytes.begin() + std::ptrdiff_t(dng.dataOffset));
        expectError(cut, "DNG without pixel data");
    }
    { // pixel data present but zeroed (a stripped, metadata-only file)
        std::vector<std::uint8_t> zeroed = dng.bytes;
        std::memset(zeroed.data() + dng.dataOffset, 0, dng.dataSize);
        expectError(zeroed, "DNG with zeroed pixel data");
    }
    { // the bottom 30 % of the rows zero-filled (what a truncated copy often looks like)
        std::vector<std::uint8_t> tail = dng.bytes;
        const std::size_t keep = dng.dataSize * 7 / 10;
        std::memset(tail.data() + dng.dataOffset + keep, 0, dng.dataSize - keep);
        expectError(tail, "DNG with zero-filled bottom rows");
    }
    { // pixel data replaced by random bytes (decodes to noise)
        std::vector<std::uint8_t> noise = dng.bytes;
        std::mt19937 rng(42);
        for (std::size_t i = 0; i < dng.dataSize; ++i)
            noise[dng.dataOffset + i] = std::uint8_t(rng() & 0x3F); // 14-bit-ish little-endian
        expectError(noise, "DNG with random pixel data");
    }
}

void TestRaw::garbageBuffers() {
    const std::uint8_t nothing = 0;
    QVERIFY(!isCameraRaw(&nothing, 0));
    QVERIFY(!isCameraRaw(nullptr, 0));
    QVERIFY(!decodeRaw(&nothing, 0, {}).ok());
    QVERIFY(!decodeRaw(nullptr, 0, {}).ok());

    std::mt19937 rng(7);
    for (std::size_t size : {1u, 16u, 1000u, 100000u}) {
        std::vector<std::uint8_t> random(size);
        for (auto& b : random)
            b = std::uint8_t(rng());
        QVERIFY(!isCameraRaw(random.data(), random.size()));
        auto decoded = decode(random);
        QVERIFY(!decoded.ok());
        QVERIFY(!decoded.error().what.empty());
        // Random bytes behind a TIFF header are not a RAW either.
        std::vector<std::uint8_t> tiff = random;
        if (tiff.size() >= 8) {
            const std::uint8_t header[8] = {'I', 'I', 42, 0, 8, 0, 0, 0};
            std::memcpy(tiff.data(), header, 8);
            QVERIFY(!isCameraRaw(tiff.data(), tiff.size()));
            QVERIFY(!decode(tiff).ok());
        }
    }
}

void TestRaw::notCameraRaw() {
    const int w = 64, h = 48;
    const auto rgb = makePatternRgb8(w, h);
    // An ordinary 8-bit RGB TIFF, even with a camera's Make/Model.
    const auto tiff = writePlainTiff(rgb, w, h);
    QVERIFY(!isCameraRaw(tiff.data(), tiff.size()));
    QVERIFY(!decode(tiff).ok());
    // A JPEG.
    const auto jpeg = encodeJpeg(rgb, w, h);
    QVERIFY(!isCameraRaw(jpeg.data(), jpeg.size()));
    QVERIFY(!decode(jpeg).ok());
    // A 16-bit single-channel TIFF from a thermal camera: LibRaw "opens" it as a Bayer RAW.
    std::vector<std::uint16_t> grey(std::size_t(w) * h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            grey[std::size_t(y) * w + x] = std::uint16_t(20000 + 100 * x + 50 * y);
    const auto thermal = writeGreyTiff16(grey, w, h, "DJI", "XT2");
    QVERIFY(!isCameraRaw(thermal.data(), thermal.size()));
    auto decoded = decode(thermal);
    QVERIFY(!decoded.ok());
    // While a DNG is one.
    const DngFile dng = patternDng();
    QVERIFY(isCameraRaw(dng.bytes.data(), dng.bytes.size()));
}

void TestRaw::pixelLimit() {
    const DngFile dng = patternDng();
    LoadOptions options;
    options.maxPixels = std::uint64_t(kWidth) * kHeight - 1;
    auto decoded = decode(dng.bytes, options);
    QVERIFY(!decoded.ok());
    QVERIFY2(decoded.error().message().find("limit") != std::string::npos,
             decoded.error().message().c_str());
    // The half-size path unpacks the whole sensor too: the limit still applies.
    options.rawHalfSize = true;
    QVERIFY(!decode(dng.bytes, options).ok());
    // Exactly at the limit is fine.
    options.rawHalfSize = false;
    options.maxPixels = std::uint64_t(kWidth) * kHeight;
    QVERIFY(decode(dng.bytes, options).ok());
}

void TestRaw::concurrentDecodes() {
    // One LibRaw object per call (libraw_r): decodes on several threads at once give the same
    // pixels as one alone.
    const DngFile dng = patternDng(kLightA);
    auto reference = decode(dng.bytes);
    QVERIFY(reference.ok());
    constexpr int kThreads = 4;
    std::vector<Result<DecodedImage>> results(kThreads, Error{"not run", ""});
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            LoadOptions options;
            options.rawHalfSize = t % 2 == 1;
            results[t] = decode(dng.bytes, options);
        });
    for (auto& thread : threads)
        thread.join();
    for (int t = 0; t < kThreads; ++t) {
        QVERIFY2(results[t].ok(), results[t].ok() ? "" : results[t].error().message().c_str());
        if (t % 2 == 1) {
            QCOMPARE(results[t]->pixels.width(), kWidth / 2);
            continue;
        }
        const Image& a = reference->pixels;
        const Image& b = results[t]->pixels;
        QCOMPARE(b.width(), a.width());
        QCOMPARE(b.height(), a.height());
        QVERIFY(std::equal(a.data(), a.data() + a.pixelCount() * 3, b.data()));
    }
}

void TestRaw::corpusReal() {
    PICTOR_REQUIRE_SHARED("raw/real");
    const auto files = filesIn(sharedData() / "raw/real", true);
    QVERIFY(files.size() >= 2);
    for (const auto& path : files) {
        const auto bytes = readBytes(path);
        const QString name = QString::fromStdString(path.filename().string());
        QVERIFY2(isCameraRaw(bytes.data(), bytes.size()), qPrintable(name));
        for (bool half : {false, true}) {
            LoadOptions options;
            options.rawHalfSize = half;
            const auto start = std::chrono::steady_clock::now();
            auto decoded = decode(bytes, options);
            const double ms = msSince(start);
            QVERIFY2(decoded.ok(), qPrintable(name + ": " +
                                              QString::fromStdString(
                                                  decoded.ok() ? "" : decoded.error().message())));
            const Image& image = decoded->pixels;
            const RawInfo& info = *decoded->raw;
            // Sane size: at least 100 px a side, no larger than the sensor.
            const int longSide = std::max(image.width(), image.height());
            const int shortSide = std::min(image.width(), image.height());
            QVERIFY2(shortSide >= (half ? 50 : 100), qPrintable(name));
            QVERIFY2(longSide <= std::max(info.rawWidth, info.rawHeight), qPrintable(name));
            QCOMPARE(info.halfSize, half);
            // Finite, not black, plausible exposure.
            double sum = 0;
            std::size_t bad = 0;
            const float* p = image.data();
            for (std::size_t i = 0; i < image.pixelCount() * 3; ++i) {
                if (!std::isfinite(p[i]))
                    ++bad;
                else
                    sum += p[i];
            }
            const double mean = sum / double(image.pixelCount() * 3);
            QCOMPARE(bad, std::size_t(0));
            QVERIFY2(mean > 0.01 && mean < 1.0,
                     qPrintable(QString("%1: mean %2").arg(name).arg(mean)));
            QVERIFY2(info.asShotTemperatureK > 2000 && info.asShotTemperatureK < 12000,
                     qPrintable(QString("%1: %2 K").arg(name).arg(info.asShotTemperatureK)));
            qInfo("%s%s: %d×%d in %.0f ms, mean %.3f, as shot %.0f K tint %+.1f, multipliers "
                  "%.3f/%.3f/%.3f, %s",
                  qPrintable(name), half ? " (half)" : "", image.width(), image.height(), ms, mean,
                  info.asShotTemperatureK, info.asShotTint, info.asShotMultipliers[0],
                  info.asShotMultipliers[1], info.asShotMultipliers[2],
                  decoded->colorProfile.c_str());
        }
    }
}

void TestRaw::corpusRealTruncated() {
    PICTOR_REQUIRE_SHARED("raw/real");
    // Real files cut short, as an interrupted copy leaves them: an error, never a partial image.
    for (const auto& path : filesIn(sharedData() / "raw/real", true)) {
        const auto bytes = readBytes(path);
        for (int percent : {60, 90, 99}) {
            const std::vector<std::uint8_t> cut(
                bytes.begin(), bytes.begin() + std::ptrdiff_t(bytes.size() * percent / 100));
            for (bool half : {false, true}) {
                LoadOptions options;
                options.rawHalfSize = half;
                auto decoded = decode(cut, options);
                const QString what = QString("%1 cut at %2 %%3")
                                         .arg(QString::fromStdString(path.filename().string()))
                                         .arg(percent)
                                         .arg(half ? " (half size)" : "");
                QVERIFY2(!decoded.ok(), qPrintable(what + ": decoded to an image"));
                QVERIFY2(decoded.error().what.find("truncated") != std::string::npos,
                         qPrintable(what + ": " + QString::fromStdString(decoded.error().what)));
            }
        }
    }
}

void TestRaw::corpusColorCheckerGreys() {
    PICTOR_REQUIRE_SHARED("raw/real/tinydng_colorchart_CanonEOSKissX4.dng");
    const auto bytes = readBytes(sharedData() / "raw/real/tinydng_colorchart_CanonEOSKissX4.dng");
    auto decoded = decode(bytes);
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().message().c_str());
    const Image& image = decoded->pixels;
    QCOMPARE(image.width(), 1734);
    QCOMPARE(image.height(), 1156);
    // The ColorChecker's bottom row (white, neutral 8, neutral 6.5) at fixed places in this file.
    // The dim indoor light is warmer than the as-shot white balance, so the greys share a warm
    // cast; what must hold is that they share the *same* one (linear, channel-independent
    // decoding: black level and white balance right) and that they get darker in order.
    const Rgb white = meanAround(image, 705, 924, 20);
    const Rgb n8 = meanAround(image, 815, 924, 20);
    const Rgb n65 = meanAround(image, 925, 924, 20);
    QVERIFY(white[1] > n8[1] && n8[1] > n65[1]);
    for (const Rgb& patch : {white, n65}) {
        const double rg = (patch[0] / patch[1]) / (n8[0] / n8[1]);
        const double bg = (patch[2] / patch[1]) / (n8[2] / n8[1]);
        QVERIFY2(std::abs(rg - 1) < 0.04 && std::abs(bg - 1) < 0.04,
                 qPrintable(QString("grey %1 vs neutral 8 %2").arg(show(patch), show(n8))));
    }
}

void TestRaw::corpusStubs() {
    PICTOR_REQUIRE_SHARED("raw/stubs");
    const auto files = filesIn(sharedData() / "raw/stubs", false);
    QVERIFY(files.size() >= 10);
    for (const auto& path : files) {
        const auto bytes = readBytes(path);
        const QString name = QString::fromStdString(path.filename().string());
        for (bool half : {false, true}) {
            LoadOptions options;
            options.rawHalfSize = half;
            auto decoded = decode(bytes, options);
            QVERIFY2(!decoded.ok(), qPrintable(name + ": metadata-only file decoded to an image"));
            QVERIFY2(decoded.error().what.rfind("the camera RAW data cannot be decoded: ", 0) == 0,
                     qPrintable(name + ": " + QString::fromStdString(decoded.error().what)));
            QVERIFY(!decoded.error().hint.empty());
            if (!half) qInfo("%s: %s", qPrintable(name), decoded.error().message().c_str());
        }
    }
}

void TestRaw::corpusMalformedNeverCrash() {
    PICTOR_REQUIRE_SHARED("malformed/exiv2_pocs");
    const auto files = filesIn(sharedData() / "malformed/exiv2_pocs", false);
    int decoded = 0;
    for (const auto& path : files) {
        const auto bytes = readBytes(path);
        // Whatever these are, the calls return (no crash, no exception) and a decoded image is
        // finite.
        (void)isCameraRaw(bytes.data(), bytes.size());
        LoadOptions options;
        options.rawHalfSize = true;
        auto result = decode(bytes, options);
        if (result.ok()) {
            ++decoded;
            const float* p = result->pixels.data();
            for (std::size_t i = 0; i < result->pixels.pixelCount() * 3; ++i)
                QVERIFY(std::isfinite(p[i]));
        } else {
            QVERIFY(!result.error().what.empty());
        }
    }
    qInfo("%zu malformed files, %d decoded as RAW", files.size(), decoded);
}

QTEST_APPLESS_MAIN(TestRaw)
#include "tst_raw.moc"

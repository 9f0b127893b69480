// Colour management: the working space, the output profiles, and conversions in both directions.
#include "image/ColorSpace.h"
#include "image/TransferLut.h"

#include <QTest>

#include <lcms2.h>

#include <cmath>

using namespace pictor;

namespace {
double srgbToLinear(double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); }
double linearToSrgb(double l) { return l <= 0.0031308 ? 12.92 * l : 1.055 * std::pow(l, 1 / 2.4) - 0.055; }

// Published matrices (Bruce Lindbloom, D65), independent of Pictor's own construction.
const Matrix3 kAdobeToXyz{0.5767309, 0.1855540, 0.1881852, 0.2973769, 0.6273491,
                          0.0752741, 0.0270343, 0.0706872, 0.9911085};
const Matrix3 kXyzToSrgb{3.2404542, -1.5371385, -0.4985314, -0.9692660, 1.8760108,
                         0.0415560, 0.0556434,  -0.2040259, 1.0572252};
const Matrix3 kSrgbToXyz{0.4124564, 0.3575761, 0.1804375, 0.2126729, 0.7151522,
                         0.0721750, 0.0193339, 0.1191920, 0.9503041};

Image onePixel(float r, float g, float b) {
    Image image(1, 1);
    image.data()[0] = r;
    image.data()[1] = g;
    image.data()[2] = b;
    return image;
}
} // namespace

class ColorSpaceTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void workingSpaceMatricesInvert() {
        const Matrix3 identity = multiply(xyzToRec2020(), rec2020ToXyz());
        for (int i = 0; i < 9; ++i) QVERIFY(std::abs(identity[i] - (i % 4 == 0 ? 1.0 : 0.0)) < 1e-9);
        // D65 white (Y = 1) is RGB (1, 1, 1) in Rec.2020.
        const float white[3] = {0.95047f, 1.0f, 1.08883f};
        float rgb[3];
        apply(xyzToRec2020(), white, rgb);
        for (float c : rgb) QVERIFY2(std::abs(c - 1.0f) < 1e-3, qPrintable(QString::number(c)));
    }

    void transferLutMatchesCurve() {
        const TransferLut lut([](double l) { return linearToSrgb(l); });
        double worst = 0;
        for (int i = 0; i <= 100000; ++i) {
            const double x = std::pow(i / 100000.0, 3.0); // dense near black
            worst = std::max(worst, std::abs(lut(float(x)) - linearToSrgb(x)));
        }
        QVERIFY2(worst < 2e-6, qPrintable(QString("worst error %1").arg(worst)));
        QCOMPARE(lut(-1.0f), 0.0f);
        QCOMPARE(lut(2.0f), 1.0f);
        QCOMPARE(lut(std::nanf("")), 0.0f);
    }

    // sRGB → linear Rec.2020 → sRGB is lossless for every 8-bit code value.
    void srgbRoundTripEveryCode() {
        Image image(256, 3);
        std::vector<std::uint8_t> codes(256 * 3 * 3);
        for (int y = 0; y < 3; ++y)
            for (int x = 0; x < 256; ++x)
                for (int c = 0; c < 3; ++c) codes[(y * 256 + x) * 3 + c] = std::uint8_t(c == y ? x : (x * 7) % 256);
        InputTransform::srgb().apply(codes.data(), 3, 256 * 3, image);
        std::vector<std::uint16_t> back(codes.size());
        OutputTransform(OutputColorSpace::SRgb).toU16(image, back.data());
        double worst = 0;
        for (std::size_t i = 0; i < codes.size(); ++i)
            worst = std::max(worst, std::abs(back[i] / 65535.0 * 255.0 - codes[i]));
        QVERIFY2(worst <= 0.5, qPrintable(QString("worst round-trip error %1/255").arg(worst)));
    }

    // Pictor's linear values for sRGB input equal the textbook sRGB → XYZ → Rec.2020 conversion.
    void srgbDecodesToTextbookLinear() {
        const std::uint8_t code[3] = {200, 120, 40};
        Image image(1, 1);
        InputTransform::srgb().apply(code, 3, 3, image);
        const float lin[3] = {float(srgbToLinear(200 / 255.0)), float(srgbToLinear(120 / 255.0)),
                              float(srgbToLinear(40 / 255.0))};
        float xyz[3], expected[3];
        apply(kSrgbToXyz, lin, xyz);
        apply(xyzToRec2020(), xyz, expected);
        for (int c = 0; c < 3; ++c)
            QVERIFY2(std::abs(image.data()[c] - expected[c]) < 2e-3,
                     qPrintable(QString("channel %1: %2 vs %3").arg(c).arg(image.data()[c]).arg(expected[c])));
    }

    void adobeRgbInputConvertsToKnownSrgb_data() {
        QTest::addColumn<int>("r");
        QTest::addColumn<int>("g");
        QTest::addColumn<int>("b");
        QTest::newRow("grey") << 128 << 128 << 128;
        QTest::newRow("skin") << 200 << 150 << 120;
        QTest::newRow("muted green") << 90 << 160 << 90;
        QTest::newRow("sky") << 110 << 150 << 210;
    }
    void adobeRgbInputConvertsToKnownSrgb() {
        QFETCH(int, r);
        QFETCH(int, g);
        QFETCH(int, b);
        auto transform = InputTransform::fromIcc(iccProfile(OutputColorSpace::AdobeRgb));
        QVERIFY(transform.ok());
        const std::uint8_t code[3] = {std::uint8_t(r), std::uint8_t(g), std::uint8_t(b)};
        Image image(1, 1);
        transform->apply(code, 3, 3, image);
        std::uint8_t out[3];
        OutputTransform(OutputColorSpace::SRgb).toU8(image, out);

        const double gamma = 563.0 / 256.0;
        const float lin[3] = {float(std::pow(r / 255.0, gamma)), float(std::pow(g / 255.0, gamma)),
                              float(std::pow(b / 255.0, gamma))};
        float xyz[3], srgbLinear[3];
        apply(kAdobeToXyz, lin, xyz);
        apply(kXyzToSrgb, xyz, srgbLinear);
        for (int c = 0; c < 3; ++c) {
            const double expected = 255.0 * linearToSrgb(std::clamp(double(srgbLinear[c]), 0.0, 1.0));
            QVERIFY2(std::abs(out[c] - expected) <= 1.0,
                     qPrintable(QString("channel %1: got %2, expected %3").arg(c).arg(out[c]).arg(expected)));
        }
    }

    void outputProfilesDescribeThemselves_data() {
        QTest::addColumn<int>("space");
        QTest::addColumn<QString>("description");
        QTest::newRow("srgb") << int(OutputColorSpace::SRgb) << "sRGB";
        QTest::newRow("p3") << int(OutputColorSpace::DisplayP3) << "Display P3";
        QTest::newRow("adobe") << int(OutputColorSpace::AdobeRgb) << "Adobe RGB (1998)";
        QTest::newRow("rec2020") << int(OutputColorSpace::Rec2020) << "Rec. ITU-R BT.2020";
    }
    void outputProfilesDescribeThemselves() {
        QFETCH(int, space);
        QFETCH(QString, description);
        const auto& icc = iccProfile(OutputColorSpace(space));
        QVERIFY(icc.size() > 300);
        QCOMPARE(QString::fromStdString(iccDescription(icc)), description);
        QVERIFY(InputTransform::fromIcc(icc).ok());
    }

    // A saturated Rec.2020 green is outside sRGB but inside Rec.2020: each output keeps what it can.
    void wideGamutOutputsKeepMoreSaturation() {
        const Image green = onePixel(0.05f, 0.6f, 0.05f);
        std::uint8_t srgb[3], rec2020[3];
        OutputTransform(OutputColorSpace::SRgb).toU8(green, srgb);
        OutputTransform(OutputColorSpace::Rec2020).toU8(green, rec2020);
        QCOMPARE(int(srgb[0]), 0);  // clipped: outside sRGB
        QVERIFY(rec2020[0] > 20);   // representable in Rec.2020
        // Round trip through each output profile's own input transform is faithful.
        for (auto space : {OutputColorSpace::DisplayP3, OutputColorSpace::AdobeRgb, OutputColorSpace::Rec2020}) {
            const Image in = onePixel(0.2f, 0.3f, 0.25f);
            std::uint16_t encoded[3];
            OutputTransform(space).toU16(in, encoded);
            Image back(1, 1);
            InputTransform::fromIcc(iccProfile(space))->apply(encoded, 3, 3, back);
            for (int c = 0; c < 3; ++c)
                QVERIFY2(std::abs(back.data()[c] - in.data()[c]) < 2e-3,
                         qPrintable(QString::fromStdString(colorSpaceName(space))));
        }
    }

    void parsesColorSpaceNames() {
        QCOMPARE(parseColorSpace("sRGB"), std::optional(OutputColorSpace::SRgb));
        QCOMPARE(parseColorSpace("display-p3"), std::optional(OutputColorSpace::DisplayP3));
        QCOMPARE(parseColorSpace("AdobeRGB"), std::optional(OutputColorSpace::AdobeRgb));
        QCOMPARE(parseColorSpace("rec2020"), std::optional(OutputColorSpace::Rec2020));
        QVERIFY(!parseColorSpace("cmyk"));
    }

    // A LUT-based (not matrix/TRC) RGB profile goes through an lcms2 transform. On a grey image
    // lcms2 cannot pair it with the samples; that must fall back, not crash (found by fuzzing).
    void lutProfileWorksAndFallsBackOnGrey() {
        cmsHPROFILE h = cmsCreateProfilePlaceholder(nullptr);
        cmsSetProfileVersion(h, 4.3);
        cmsSetDeviceClass(h, cmsSigDisplayClass);
        cmsSetColorSpace(h, cmsSigRgbData);
        cmsSetPCS(h, cmsSigXYZData);
        cmsUInt16Number table[8 * 3];
        for (int i = 0; i < 8; ++i) { // corners of the RGB cube → XYZ (D50) of linear primaries
            const int r = (i >> 2) & 1, g = (i >> 1) & 1, b = i & 1;
            table[i * 3 + 0] = cmsUInt16Number((0.4361 * r + 0.3851 * g + 0.1431 * b) / 1.999969 * 65535);
            table[i * 3 + 1] = cmsUInt16Number((0.2225 * r + 0.7169 * g + 0.0606 * b) / 1.999969 * 65535);
            table[i * 3 + 2] = cmsUInt16Number((0.0139 * r + 0.0971 * g + 0.7141 * b) / 1.999969 * 65535);
        }
        cmsPipeline* lut = cmsPipelineAlloc(nullptr, 3, 3);
        cmsPipelineInsertStage(lut, cmsAT_END, cmsStageAllocCLut16bit(nullptr, 2, 3, 3, table));
        cmsWriteTag(h, cmsSigAToB0Tag, lut);
        cmsWriteTag(h, cmsSigMediaWhitePointTag, cmsD50_XYZ());
        cmsUInt32Number size = 0;
        cmsSaveProfileToMem(h, nullptr, &size);
        std::vector<std::uint8_t> icc(size);
        cmsSaveProfileToMem(h, icc.data(), &size);
        cmsPipelineFree(lut);
        cmsCloseProfile(h);

        auto transform = InputTransform::fromIcc(icc);
        QVERIFY(transform.ok());
        const std::uint8_t rgb[6] = {0, 0, 0, 255, 255, 255};
        Image image(2, 1);
        transform->apply(rgb, 3, 6, image);
        QVERIFY(image.data()[3] > image.data()[0] + 0.5f); // white is brighter than black
        const std::uint8_t grey[2] = {10, 200};
        transform->apply(grey, 1, 2, image); // used to crash inside lcms2
        for (int i = 0; i < 6; ++i) QVERIFY(std::isfinite(image.data()[i]));
        QVERIFY(image.data()[3] > image.data()[0]);
    }

    void corruptProfileIsAnError() {
        std::vector<std::uint8_t> garbage(500, 0x42);
        QVERIFY(!InputTransform::fromIcc(garbage).ok());
        auto truncated = iccProfile(OutputColorSpace::SRgb);
        truncated.resize(60);
        QVERIFY(!InputTransform::fromIcc(truncated).ok());
    }
};

QTEST_GUILESS_MAIN(ColorSpaceTest)
#include "tst_colorspace.moc"

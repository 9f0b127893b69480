// Decoding into the working space: orientation, bit depths, formats, colour profiles.
#include "image/ColorSpace.h"
#include "image/Resize.h"
#include "io/Photo.h"
#include "support/Fixtures.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <tiffio.h>
#include <tiffio.hxx>
#include <turbojpeg.h>

#include <sstream>

#include <QTest>

#include <cmath>

using namespace pictor;
namespace fs = std::filesystem;

namespace {

// The upright test picture: four quadrants of distinct colours.
constexpr int kW = 48, kH = 32;
const std::uint8_t kQuadrant[4][3] = {{230, 20, 20}, {20, 230, 20}, {20, 20, 230}, {235, 235, 235}};
const std::uint8_t* upright(int x, int y) { return kQuadrant[(y >= kH / 2) * 2 + (x >= kW / 2)]; }

// Stored pixels for EXIF orientation n, written from the EXIF 2.3 definitions (independently of
// Pictor's own applyOrientation): the stored image is what the camera wrote before rotation.
std::vector<std::uint8_t> storedFor(int n, int& w, int& h) {
    const bool swap = n >= 5;
    w = swap ? kH : kW;
    h = swap ? kW : kH;
    std::vector<std::uint8_t> rgb(std::size_t(w) * h * 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            int ux = x, uy = y;
            switch (n) {
            case 2: ux = kW - 1 - x; break;
            case 3: ux = kW - 1 - x; uy = kH - 1 - y; break;
            case 4: uy = kH - 1 - y; break;
            case 5: ux = y; uy = x; break;
            // 6: "row 0 is the visual right side, column 0 the visual top": stored (x, y) is
            // shown at (h−1−y, x), i.e. the stored image is the upright one turned 90° CCW.
            case 6: ux = kW - 1 - y; uy = x; break;
            case 7: ux = kW - 1 - y; uy = kH - 1 - x; break;
            case 8: ux = y; uy = kH - 1 - x; break; // row 0 is the visual left side
            }
            std::memcpy(&rgb[(std::size_t(y) * w + x) * 3], upright(ux, uy), 3);
        }
    return rgb;
}

std::array<int, 3> srgbAt(const Image& image, int x, int y) {
    Image one(1, 1);
    std::memcpy(one.data(), image.at(x, y), sizeof(float) * 3);
    std::uint8_t out[3];
    OutputTransform(OutputColorSpace::SRgb).toU8(one, out);
    return {out[0], out[1], out[2]};
}

Result<Photo> loadBytes(const std::vector<std::uint8_t>& bytes, LoadOptions options = {}) {
    return loadPhotoFromMemory(bytes.data(), bytes.size(), "fixture", options);
}

double meanAbsDifference(const Image& a, const Image& b) {
    double sum = 0;
    const std::size_t n = a.pixelCount() * 3;
    for (std::size_t i = 0; i < n; ++i) sum += std::abs(a.data()[i] - b.data()[i]);
    return sum / double(n);
}

} // namespace

class DecodeTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void exifOrientationIsApplied_data() {
        QTest::addColumn<int>("orientation");
        for (int n = 1; n <= 8; ++n) QTest::addRow("orientation %d", n) << n;
    }
    void exifOrientationIsApplied() {
        QFETCH(int, orientation);
        int w = 0, h = 0;
        const auto stored = storedFor(orientation, w, h);
        const auto jpeg = test::withOrientationAndIcc(test::encodeJpeg(stored, w, h, 100), orientation);
        auto photo = loadBytes(jpeg);
        QVERIFY2(photo.ok(), photo.ok() ? "" : photo.error().message().c_str());
        QCOMPARE(photo->pixels.width(), kW);
        QCOMPARE(photo->pixels.height(), kH);
        QCOMPARE(photo->metadata->summary().orientation, orientation);
        for (int q = 0; q < 4; ++q) {
            const int x = (q % 2) ? kW * 3 / 4 : kW / 4, y = (q / 2) ? kH * 3 / 4 : kH / 4;
            const auto rgb = srgbAt(photo->pixels, x, y);
            for (int c = 0; c < 3; ++c)
                QVERIFY2(std::abs(rgb[c] - kQuadrant[q][c]) <= 6,
                         qPrintable(QString("quadrant %1 channel %2: %3 vs %4").arg(q).arg(c).arg(rgb[c]).arg(kQuadrant[q][c])));
        }
    }

    void sixteenBitPngKeepsPrecision() {
        cv::Mat rgb16(8, 256, CV_16UC3);
        for (int x = 0; x < 256; ++x)
            for (int y = 0; y < 8; ++y)
                rgb16.at<cv::Vec3w>(y, x) = cv::Vec3w(std::uint16_t(x * 256 + y), std::uint16_t(x * 256 + y),
                                                      std::uint16_t(x * 256 + y));
        std::vector<std::uint8_t> png;
        QVERIFY(cv::imencode(".png", rgb16, png));
        auto photo = loadBytes(png);
        QVERIFY(photo.ok());
        QCOMPARE(photo->source.bitsPerSample, 16);
        // Neighbouring 16-bit codes stay distinct (an 8-bit path would merge them).
        QVERIFY(photo->pixels.at(128, 1)[1] > photo->pixels.at(128, 0)[1]);
        std::vector<std::uint16_t> back(photo->pixels.pixelCount() * 3);
        OutputTransform(OutputColorSpace::SRgb).toU16(photo->pixels, back.data());
        for (int x = 0; x < 256; x += 17)
            QVERIFY(std::abs(int(back[(3 * 256 + x) * 3]) - int(x * 256 + 3)) <= 2);
    }

    void floatTiffIsSceneLinear() {
        // Written with libtiff directly: OpenCV would store float TIFFs as lossy SGILOG.
        std::vector<float> linear(4 * 4 * 3, 0.18f);
        linear[0] = linear[1] = linear[2] = 2.5f; // an HDR value above 1 survives
        std::ostringstream stream;
        {
            TIFF* tif = TIFFStreamOpen("float", static_cast<std::ostream*>(&stream));
            TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, 4);
            TIFFSetField(tif, TIFFTAG_IMAGELENGTH, 4);
            TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 3);
            TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 32);
            TIFFSetField(tif, TIFFTAG_SAMPLEFORMAT, SAMPLEFORMAT_IEEEFP);
            TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_RGB);
            TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
            TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, 4);
            TIFFWriteEncodedStrip(tif, 0, linear.data(), tsize_t(linear.size() * sizeof(float)));
            TIFFClose(tif);
        }
        const std::string text = stream.str();
        const std::vector<std::uint8_t> tiff(text.begin(), text.end());
        auto photo = loadBytes(tiff);
        QVERIFY2(photo.ok(), photo.ok() ? "" : photo.error().message().c_str());
        QVERIFY(photo->source.floatingPoint);
        for (int c = 0; c < 3; ++c) {
            QVERIFY(std::abs(photo->pixels.at(2, 2)[c] - 0.18f) < 1e-4);
            QVERIFY(std::abs(photo->pixels.at(0, 0)[c] - 2.5f) < 1e-3);
        }
    }

    void webpAndTiffAndPngAgreeWithJpegSource_data() {
        QTest::addColumn<QString>("extension");
        QTest::newRow("png") << ".png";
        QTest::newRow("tiff") << ".tiff";
        QTest::newRow("webp lossless") << ".webp";
    }
    void webpAndTiffAndPngAgreeWithJpegSource() {
        QFETCH(QString, extension);
        const auto rgb = test::makePatternRgb8(64, 48);
        cv::Mat bgr(48, 64, CV_8UC3, const_cast<std::uint8_t*>(rgb.data()));
        cv::Mat converted;
        cv::cvtColor(bgr, converted, cv::COLOR_RGB2BGR);
        std::vector<std::uint8_t> encoded;
        std::vector<int> params;
        if (extension == ".webp") params = {cv::IMWRITE_WEBP_QUALITY, 101}; // lossless
        QVERIFY(cv::imencode(extension.toStdString(), converted, encoded, params));
        auto photo = loadBytes(encoded);
        QVERIFY2(photo.ok(), photo.ok() ? "" : photo.error().message().c_str());
        Image expected(64, 48);
        InputTransform::srgb().apply(rgb.data(), 3, 64 * 3, expected);
        QVERIFY(meanAbsDifference(photo->pixels, expected) < 1e-6);
    }

    void embeddedProfileIsHonoured() {
        // The same code values tagged Display P3 decode to more saturated working-space colours.
        std::vector<std::uint8_t> red(16 * 16 * 3);
        for (std::size_t i = 0; i < red.size(); i += 3) { red[i] = 220; red[i + 1] = 40; red[i + 2] = 40; }
        const auto jpeg = test::encodeJpeg(red, 16, 16, 100);
        auto plain = loadBytes(jpeg);
        auto p3 = loadBytes(test::withOrientationAndIcc(jpeg, 0, iccProfile(OutputColorSpace::DisplayP3)));
        QVERIFY(plain.ok() && p3.ok());
        QVERIFY(QString::fromStdString(p3->source.colorProfile).contains("Display P3"));
        QVERIFY(QString::fromStdString(plain->source.colorProfile).contains("assumed"));
        const float* a = plain->pixels.at(8, 8);
        const float* b = p3->pixels.at(8, 8);
        QVERIFY(b[0] > a[0] * 1.05f); // P3 red is further out than sRGB red
        // Exporting the P3 photo to P3 gives back the original code values.
        std::uint8_t back[3];
        Image one(1, 1);
        std::memcpy(one.data(), b, sizeof(float) * 3);
        OutputTransform(OutputColorSpace::DisplayP3).toU8(one, back);
        QVERIFY(std::abs(back[0] - 220) <= 2 && std::abs(back[1] - 40) <= 2 && std::abs(back[2] - 40) <= 2);
    }

    // The window's fast preview: a JPEG decoded at a DCT scale of n/8, the smallest whose long
    // edge reaches the asked size; it matches the full decode reduced to the same size, and
    // reports the stored size and that it is reduced. Turned photos come upright.
    void jpegPreviewDecodeIsReducedAndMatchesFullDecode() {
        const int w = 960, h = 640;
        std::vector<std::uint8_t> rgb(std::size_t(w) * h * 3);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                std::uint8_t* p = &rgb[(std::size_t(y) * w + x) * 3];
                const bool block = ((x / 32) + (y / 32)) % 2; // edges on the 8-px DCT grid
                p[0] = std::uint8_t(40 + x * 180 / w);
                p[1] = std::uint8_t(block ? 200 : 60);
                p[2] = std::uint8_t(40 + y * 180 / h);
            }
        const auto jpeg = test::encodeJpeg(rgb, w, h, 95);
        auto full = loadBytes(jpeg);
        QVERIFY(full);
        QVERIFY(!full->source.reduced);
        LoadOptions options;
        options.previewLongEdge = 300; // 3/8: 360 × 240
        auto preview = loadBytes(jpeg, options);
        QVERIFY(preview);
        QVERIFY(preview->source.reduced);
        QCOMPARE(preview->pixels.width(), 360);
        QCOMPARE(preview->pixels.height(), 240);
        QCOMPARE(preview->source.storedWidth, w);
        QCOMPARE(preview->source.storedHeight, h);
        const double difference =
            meanAbsDifference(preview->pixels, resize(full->pixels, 360, 240));
        QVERIFY2(difference < 0.01, qPrintable(QString::number(difference)));

        options.previewLongEdge = 2000; // larger than the photo: the full decode
        auto whole = loadBytes(jpeg, options);
        QVERIFY(whole && !whole->source.reduced);
        QCOMPARE(meanAbsDifference(whole->pixels, full->pixels), 0.0);

        options.previewLongEdge = 100; // 1/8, turned upright by EXIF orientation 6
        auto turned = loadBytes(test::withOrientationAndIcc(jpeg, 6), options);
        QVERIFY(turned && turned->source.reduced);
        QCOMPARE(turned->pixels.width(), 80);
        QCOMPARE(turned->pixels.height(), 120);
    }

    void greyJpegDecodesNeutral() {
        std::vector<std::uint8_t> grey(32 * 32, 118);
        tjhandle handle = tjInitCompress();
        unsigned char* out = nullptr;
        unsigned long size = 0;
        QCOMPARE(tjCompress2(handle, grey.data(), 32, 0, 32, TJPF_GRAY, &out, &size, TJSAMP_GRAY, 95, 0), 0);
        std::vector<std::uint8_t> jpeg(out, out + size);
        tjFree(out);
        tjDestroy(handle);
        auto photo = loadBytes(jpeg);
        QVERIFY(photo.ok());
        const float* p = photo->pixels.at(5, 5);
        QVERIFY(std::abs(p[0] - p[1]) < 1e-4 && std::abs(p[1] - p[2]) < 1e-4);
    }

    // Corpus: the recurser/exif-orientation-examples set, where every Landscape_N shows the same
    // upright picture once its orientation is applied.
    void corpusOrientationExamples() {
        PICTOR_REQUIRE_SHARED("metadata/orientation");
        const fs::path dir = test::sharedData() / "metadata/orientation";
        for (const char* kind : {"Landscape", "Portrait"}) {
            auto reference = loadPhoto(dir / (std::string(kind) + "_1.jpg"));
            QVERIFY(reference.ok());
            for (int n = 2; n <= 8; ++n) {
                const fs::path file = dir / (std::string(kind) + "_" + std::to_string(n) + ".jpg");
                auto photo = loadPhoto(file);
                QVERIFY2(photo.ok(), file.c_str());
                QCOMPARE(photo->pixels.width(), reference->pixels.width());
                QCOMPARE(photo->pixels.height(), reference->pixels.height());
                const double diff = meanAbsDifference(photo->pixels, reference->pixels);
                QVERIFY2(diff < 0.02, qPrintable(QString("%1: mean difference %2").arg(file.c_str()).arg(diff)));
            }
        }
    }

    // Corpus: every HEIC, AVIF, WebP, PNG and JPEG sample in metadata/formats decodes.
    void corpusFormats() {
        PICTOR_REQUIRE_SHARED("metadata/formats");
        int decoded = 0;
        for (const auto& entry : fs::recursive_directory_iterator(test::sharedData() / "metadata/formats")) {
            const std::string ext = entry.path().extension().string();
            static const QStringList wanted{".heic", ".avif", ".webp", ".png", ".jpg", ".jpeg"};
            if (!entry.is_regular_file() || !wanted.contains(QString::fromStdString(ext).toLower())) continue;
            auto photo = loadPhoto(entry.path());
            QVERIFY2(photo.ok(), qPrintable(QString::fromStdString(photo.ok() ? "" : photo.error().message())));
            QVERIFY(photo->pixels.width() > 0);
            double sum = 0;
            for (std::size_t i = 0; i < photo->pixels.pixelCount() * 3; i += 97) {
                QVERIFY(std::isfinite(photo->pixels.data()[i]));
                sum += photo->pixels.data()[i];
            }
            QVERIFY2(sum > 0, entry.path().c_str()); // not black
            ++decoded;
        }
        QVERIFY(decoded >= 5);
    }
};

QTEST_GUILESS_MAIN(DecodeTest)
#include "tst_decode.moc"

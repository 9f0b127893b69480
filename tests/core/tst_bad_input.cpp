// Bad input: every broken, hostile or unsupported file gives a clear error and no crash.
#include "io/Photo.h"
#include "support/Fixtures.h"

#include <opencv2/imgcodecs.hpp>

#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace pictor;
namespace fs = std::filesystem;

namespace {

std::vector<std::uint8_t> validJpeg() { return test::encodeJpeg(test::makePatternRgb8(64, 48), 64, 48); }

std::vector<std::uint8_t> bytesOf(const std::string& text) { return {text.begin(), text.end()}; }

// A PNG whose header declares 100 000 × 100 000 pixels (a decompression bomb): only the header
// and a tiny IDAT; decoding it fully would need 30 GB.
std::vector<std::uint8_t> pngBomb() {
    cv::Mat tiny(1, 1, CV_8UC3, cv::Scalar(1, 2, 3));
    std::vector<std::uint8_t> png;
    cv::imencode(".png", tiny, png);
    const std::uint32_t side = 100000;
    for (int i = 0; i < 2; ++i) {
        png[16 + i * 4] = std::uint8_t(side >> 24);
        png[17 + i * 4] = std::uint8_t(side >> 16);
        png[18 + i * 4] = std::uint8_t(side >> 8);
        png[19 + i * 4] = std::uint8_t(side);
    }
    return png;
}

} // namespace

class BadInputTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void badFilesGiveClearErrors_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        auto row = [](const char* name, const std::vector<std::uint8_t>& bytes, const char* expected) {
            QTest::newRow(name) << QByteArray(reinterpret_cast<const char*>(bytes.data()), int(bytes.size()))
                                << QString(expected);
        };
        const auto jpeg = validJpeg();
        row("zero bytes", {}, "empty");
        row("truncated JPEG", {jpeg.begin(), jpeg.begin() + jpeg.size() / 2}, "truncated");
        row("JPEG header only", {jpeg.begin(), jpeg.begin() + 200}, "JPEG");
        auto corrupt = jpeg;
        for (std::size_t i = 300; i < corrupt.size() - 2; i += 7) corrupt[i] = 0xFF;
        row("corrupt JPEG", corrupt, "JPEG");
        std::mt19937 random(7);
        std::vector<std::uint8_t> noise(4096);
        for (auto& b : noise) b = std::uint8_t(random());
        row("random bytes", noise, "not a photo format");
        row("text file", bytesOf("Hello, this is not a photo.\n"), "not a photo format");
        row("PNG magic only", bytesOf("\x89PNG\r\n\x1a\n"), "PNG");
        row("TIFF magic only", bytesOf(std::string("II*\0", 4)), "TIFF");
        row("RIFF WebP stub", bytesOf(std::string("RIFF\0\0\0\0WEBPVP8 ", 16)), "WebP");
        row("HEIF brand only", bytesOf(std::string("\0\0\0\x18" "ftypheic\0\0\0\0mif1heic", 24)), "HEIF");
        row("decompression bomb PNG", pngBomb(), "over the limit");
    }
    void badFilesGiveClearErrors() {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        auto photo = loadPhotoFromMemory(reinterpret_cast<const std::uint8_t*>(content.constData()),
                                         std::size_t(content.size()), "bad-file", {});
        QVERIFY(!photo.ok());
        const QString message = QString::fromStdString(photo.error().message());
        QVERIFY2(message.contains("bad-file"), qPrintable(message)); // names the file
        QVERIFY2(message.contains(expected, Qt::CaseInsensitive), qPrintable(message));
        QVERIFY2(!photo.error().hint.empty(), qPrintable(message)); // says what to do
    }

    void pixelLimitIsConfigurable() {
        const auto jpeg = validJpeg(); // 64 × 48 = 3072 pixels
        LoadOptions tight;
        tight.maxPixels = 3000;
        auto refused = loadPhotoFromMemory(jpeg.data(), jpeg.size(), "small.jpg", tight);
        QVERIFY(!refused.ok());
        QVERIFY(QString::fromStdString(refused.error().message()).contains("limit"));
        tight.maxPixels = 3072;
        QVERIFY(loadPhotoFromMemory(jpeg.data(), jpeg.size(), "small.jpg", tight).ok());
    }

    void wrongExtensionStillOpensByContent() {
        QTemporaryDir dir;
        const fs::path path = fs::path(dir.path().toStdString()) / "actually-a-jpeg.png";
        test::writeBytes(path, validJpeg());
        auto photo = loadPhoto(path);
        QVERIFY(photo.ok());
        QCOMPARE(photo->source.format, FileFormat::Jpeg);
    }

    void unreadablePathsGiveClearErrors_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing") << "no-such-file.jpg" << "does not exist";
        QTest::newRow("folder") << "." << "folder";
        QTest::newRow("device") << "/dev/null" << "not a regular file";
    }
    void unreadablePathsGiveClearErrors() {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        auto photo = loadPhoto(path.toStdString());
        QVERIFY(!photo.ok());
        QVERIFY2(QString::fromStdString(photo.error().message()).contains(expected),
                 photo.error().message().c_str());
    }

    // Every file in the shared bad-input corpora either opens or gives an error; none crashes.
    void corpusNeverCrashes_data() {
        QTest::addColumn<QString>("folder");
        QTest::newRow("malformed") << "malformed";
        QTest::newRow("raw stubs") << "raw/stubs";
        QTest::newRow("exifr") << "metadata/exifr";
    }
    void corpusNeverCrashes() {
        QFETCH(QString, folder);
        if (test::sharedData().empty() || !fs::exists(test::sharedData() / folder.toStdString()))
            QSKIP("../shared/data is absent: this corpus test needs the shared data");
        int files = 0, errors = 0;
        for (const auto& entry : fs::recursive_directory_iterator(test::sharedData() / folder.toStdString())) {
            if (!entry.is_regular_file()) continue;
            LoadOptions options;
            options.rawHalfSize = true; // robustness, not quality: keep the corpus fast
            auto photo = loadPhoto(entry.path(), options);
            ++files;
            if (!photo) {
                ++errors;
                QVERIFY2(!photo.error().what.empty(), entry.path().c_str());
            } else {
                QVERIFY(photo->pixels.width() > 0 && photo->pixels.height() > 0);
            }
        }
        qInfo("%s: %d files, %d refused with an error", qPrintable(folder), files, errors);
        QVERIFY(files > 0);
    }
};

QTEST_GUILESS_MAIN(BadInputTest)
#include "tst_bad_input.moc"

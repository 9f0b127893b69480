// Export: formats, depths, colour spaces, resizing, and the rules that protect files on disk.
#include "image/ColorSpace.h"
#include "io/Export.h"
#include "io/Photo.h"
#include "support/Fixtures.h"
#include "synthetic/SyntheticPhotos.h"

#include <exiv2/exiv2.hpp>

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>
#include <set>

using namespace pictor;
namespace fs = std::filesystem;

namespace {

Photo loadFixture(const fs::path& dir) {
    const auto jpeg = test::encodeJpeg(test::makePatternRgb8(120, 80), 120, 80, 98);
    test::writeBytes(dir / "source.jpg", jpeg);
    auto photo = loadPhoto(dir / "source.jpg");
    if (!photo) qFatal("fixture does not load: %s", photo.error().message().c_str());
    return std::move(photo).value();
}

double meanAbsDifference(const Image& a, const Image& b) {
    double sum = 0;
    for (std::size_t i = 0; i < a.pixelCount() * 3; ++i) sum += std::abs(a.data()[i] - b.data()[i]);
    return sum / double(a.pixelCount() * 3);
}

std::vector<std::string> listing(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// Every key=value of a file's EXIF, IPTC and XMP, as exiv2 reads them.
std::map<std::string, std::string> allTags(const fs::path& file) {
    auto image = Exiv2::ImageFactory::open(file.string());
    image->readMetadata();
    std::map<std::string, std::string> tags;
    for (const auto& d : image->exifData()) tags[d.key()] = d.toString();
    for (const auto& d : image->iptcData()) tags[d.key()] += d.toString() + ";"; // repeatable
    for (const auto& d : image->xmpData()) tags[d.key()] = d.toString();
    return tags;
}

// Tags that must change on export, and why: the pixels were re-encoded, rotated and resized.
bool expectedToChange(const std::string& key) {
    static const std::set<std::string> changed{
        "Exif.Image.Orientation", "Exif.Image.Software", "Exif.Photo.PixelXDimension",
        "Exif.Photo.PixelYDimension", "Exif.Photo.ColorSpace", "Exif.Image.ExifTag",
        "Exif.Image.GPSTag", "Exif.Photo.InteroperabilityTag"};
    return changed.count(key) || key.rfind("Exif.Thumbnail.", 0) == 0;
}

} // namespace

class ExportTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Every format × colour space reloads to the same scene colours (colour-correct, not just
    // decoded), with the matching profile embedded.
    void exportReloadsFaithfully_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("space");
        QTest::addColumn<int>("depth");
        QTest::addColumn<double>("tolerance");
        const std::pair<OutputColorSpace, const char*> spaces[] = {
            {OutputColorSpace::SRgb, "srgb"}, {OutputColorSpace::DisplayP3, "p3"},
            {OutputColorSpace::AdobeRgb, "adobergb"}, {OutputColorSpace::Rec2020, "rec2020"}};
        for (const auto& [space, key] : spaces) {
            QTest::addRow("jpeg %s", key) << "out.jpg" << int(space) << 8 << 0.004;
            QTest::addRow("tiff16 %s", key) << "out.tif" << int(space) << 16 << 0.0005;
            QTest::addRow("png16 %s", key) << "out.png" << int(space) << 16 << 0.0005;
        }
        QTest::addRow("png8 srgb") << "out8.png" << int(OutputColorSpace::SRgb) << 8 << 0.002;
        QTest::addRow("tiff8 srgb") << "out8.tif" << int(OutputColorSpace::SRgb) << 8 << 0.002;
    }
    void exportReloadsFaithfully() {
        QFETCH(QString, name);
        QFETCH(int, space);
        QFETCH(int, depth);
        QFETCH(double, tolerance);
        QTemporaryDir dir;
        const Photo photo = loadFixture(dir.path().toStdString());
        ExportOptions options;
        options.encode.colorSpace = OutputColorSpace(space);
        options.encode.depth = depth;
        options.encode.quality = 98;
        const fs::path out = fs::path(dir.path().toStdString()) / name.toStdString();
        auto report = exportImage(photo.pixels, photo.metadata.get(), photo.source.path, out, options);
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message().c_str());
        auto back = loadPhoto(out);
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().message().c_str());
        QCOMPARE(back->source.bitsPerSample, depth);
        QCOMPARE(back->metadata->summary().iccDescription, iccDescription(iccProfile(OutputColorSpace(space))));
        const double diff = meanAbsDifference(photo.pixels, back->pixels);
        QVERIFY2(diff < tolerance, qPrintable(QString("mean difference %1").arg(diff)));
    }

    // A camera JPEG with EXIF (GPS, thumbnail), IPTC, XMP and ICC, converted to each format: every
    // tag survives except those documented to change, which take their new values.
    void convertKeepsEveryTag_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("jpeg") << "out.jpg";
        QTest::newRow("tiff") << "out.tif";
        QTest::newRow("png") << "out.png";
    }
    void convertKeepsEveryTag() {
        QFETCH(QString, name);
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        auto jpeg = synthetic::makeCameraJpeg(320, 200, 90);
        QVERIFY(!jpeg.empty());
        jpeg = test::withOrientationAndIcc(jpeg, 8);
        test::writeBytes(root / "camera.jpg", jpeg);
        auto photo = loadPhoto(root / "camera.jpg");
        QVERIFY(photo.ok());
        ExportOptions options;
        options.longEdge = 160;
        auto report = exportImage(photo->pixels, photo->metadata.get(), root / "camera.jpg",
                                  root / name.toStdString(), options);
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message().c_str());

        const auto before = allTags(root / "camera.jpg");
        const auto after = allTags(root / name.toStdString());
        QVERIFY(before.count("Exif.GPSInfo.GPSLatitude") && before.count("Iptc.Application2.Keywords") &&
                before.count("Xmp.xmp.Rating") && before.count("Exif.Thumbnail.JPEGInterchangeFormat"));
        for (const auto& [key, value] : before) {
            if (expectedToChange(key)) continue;
            const auto it = after.find(key);
            QVERIFY2(it != after.end(), qPrintable(QString::fromStdString("lost " + key)));
            QVERIFY2(it->second == value, qPrintable(QString::fromStdString(key + ": " + value + " → " + it->second)));
        }
        QCOMPARE(after.at("Exif.Image.Orientation"), std::string("1"));
        QCOMPARE(after.at("Exif.Photo.PixelXDimension"), std::string("100")); // rotated, then 160 long edge
        QCOMPARE(after.at("Exif.Photo.PixelYDimension"), std::string("160"));
        QVERIFY(after.at("Exif.Image.Software").rfind("Pictor", 0) == 0);
        for (const auto& [key, value] : after) QVERIFY2(key.rfind("Exif.Thumbnail.", 0) != 0, key.c_str());
        QCOMPARE(loadPhoto(root / name.toStdString())->metadata->summary().iccDescription, std::string("sRGB"));
    }

    void stripOptionsRemoveWhatTheySay() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        test::writeBytes(root / "camera.jpg", synthetic::makeCameraJpeg(64, 48, 90));
        auto photo = loadPhoto(root / "camera.jpg");
        QVERIFY(photo.ok());
        ExportOptions gps;
        gps.strip = MetadataStrip::Gps;
        QVERIFY(exportImage(photo->pixels, photo->metadata.get(), {}, root / "nogps.jpg", gps).ok());
        const auto tags = allTags(root / "nogps.jpg");
        for (const auto& [key, value] : tags) QVERIFY2(key.find("GPS") == std::string::npos, key.c_str());
        QVERIFY(tags.count("Exif.Image.Model") && tags.count("Iptc.Application2.Keywords"));
        ExportOptions all;
        all.strip = MetadataStrip::All;
        QVERIFY(exportImage(photo->pixels, photo->metadata.get(), {}, root / "bare.jpg", all).ok());
        QVERIFY(allTags(root / "bare.jpg").empty());
        QCOMPARE(loadPhoto(root / "bare.jpg")->metadata->summary().iccDescription, std::string("sRGB"));
    }

    void longEdgeResizes() {
        QTemporaryDir dir;
        const Photo photo = loadFixture(dir.path().toStdString());
        ExportOptions options;
        options.longEdge = 60;
        const fs::path out = fs::path(dir.path().toStdString()) / "small.jpg";
        auto report = exportImage(photo.pixels, photo.metadata.get(), photo.source.path, out, options);
        QVERIFY(report.ok());
        QCOMPARE(report->width, 60);
        QCOMPARE(report->height, 40);
        auto back = loadPhoto(out);
        QVERIFY(back.ok());
        QCOMPARE(back->pixels.width(), 60);
        const auto summary = back->metadata->summary();
        QCOMPARE(summary.orientation, 1);
        // Never enlarges.
        options.longEdge = 4000;
        options.overwrite = true;
        QCOMPARE(exportImage(photo.pixels, photo.metadata.get(), photo.source.path, out, options)->width, 120);
    }

    void refusesToOverwriteUnlessAsked() {
        QTemporaryDir dir;
        const Photo photo = loadFixture(dir.path().toStdString());
        const fs::path out = fs::path(dir.path().toStdString()) / "existing.jpg";
        test::writeBytes(out, {1, 2, 3});
        auto refused = exportImage(photo.pixels, photo.metadata.get(), photo.source.path, out, {});
        QVERIFY(!refused.ok());
        QVERIFY(QString::fromStdString(refused.error().message()).contains("already exists"));
        QCOMPARE(test::readBytes(out), (std::vector<std::uint8_t>{1, 2, 3}));
        ExportOptions overwrite;
        overwrite.overwrite = true;
        QVERIFY(exportImage(photo.pixels, photo.metadata.get(), photo.source.path, out, overwrite).ok());
        QVERIFY(fs::file_size(out) > 100);
    }

    void neverWritesTheSource_data() {
        QTest::addColumn<QString>("spelling");
        QTest::newRow("same path") << "source.jpg";
        QTest::newRow("dot segments") << "./sub/../source.jpg";
        QTest::newRow("hard link") << "link.jpg";
    }
    void neverWritesTheSource() {
        QFETCH(QString, spelling);
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        const Photo photo = loadFixture(root);
        fs::create_directory(root / "sub");
        fs::create_hard_link(root / "source.jpg", root / "link.jpg");
        const auto before = test::readBytes(root / "source.jpg");
        ExportOptions options;
        options.overwrite = true; // even when overwriting is allowed
        auto result = exportImage(photo.pixels, photo.metadata.get(), photo.source.path,
                                  root / spelling.toStdString(), options);
        QVERIFY(!result.ok());
        QVERIFY(QString::fromStdString(result.error().message()).contains("original"));
        QCOMPARE(test::readBytes(root / "source.jpg"), before);
    }

    void failuresLeaveNothingBehind_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing folder") << "no/such/folder/out.jpg" << "does not exist";
        QTest::newRow("unknown extension") << "out.gif" << "unknown output format";
        QTest::newRow("folder as target") << "sub" << "unknown output format";
        QTest::newRow("jpeg 16-bit") << "deep.jpg" << "8 bits";
    }
    void failuresLeaveNothingBehind() {
        QFETCH(QString, target);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        const Photo photo = loadFixture(root);
        fs::create_directory(root / "sub");
        const auto before = listing(root);
        ExportOptions options;
        if (target == "deep.jpg") options.encode.depth = 16;
        auto result = exportImage(photo.pixels, photo.metadata.get(), photo.source.path,
                                  root / target.toStdString(), options);
        QVERIFY(!result.ok());
        QVERIFY2(QString::fromStdString(result.error().message()).contains(expected),
                 result.error().message().c_str());
        QCOMPARE(listing(root), before);
    }

    void readOnlyFolderLeavesNothing() {
        if (geteuid() == 0) QSKIP("running as root: permissions do not stop root from writing");
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        const Photo photo = loadFixture(root);
        fs::create_directory(root / "locked");
        fs::permissions(root / "locked", fs::perms::owner_read | fs::perms::owner_exec);
        auto result = exportImage(photo.pixels, photo.metadata.get(), photo.source.path, root / "locked/out.jpg", {});
        fs::permissions(root / "locked", fs::perms::owner_all);
        QVERIFY(!result.ok());
        QVERIFY(fs::is_empty(root / "locked"));
    }
};

QTEST_GUILESS_MAIN(ExportTest)
#include "tst_export.moc"

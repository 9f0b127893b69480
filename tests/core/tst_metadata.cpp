// Metadata: reading with exiv2, the summary, embedding into exported JPEG/PNG/TIFF (everything
// kept except what is documented to change), stripping, bad input, and the shared corpora.
#include "image/ColorSpace.h"
#include "io/Metadata.h"
#include "support/Fixtures.h"

#include <exiv2/exiv2.hpp>
#include <lcms2.h>
#include <opencv2/imgcodecs.hpp>

#include <QTest>

#include <atomic>
#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <thread>
#include <tuple>

using namespace pictor;
namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------------------------------------
// Fixtures

std::vector<std::uint8_t> saveProfile(cmsHPROFILE profile) {
    cmsUInt32Number size = 0;
    cmsSaveProfileToMem(profile, nullptr, &size);
    std::vector<std::uint8_t> bytes(size);
    cmsSaveProfileToMem(profile, bytes.data(), &size);
    cmsCloseProfile(profile);
    return bytes;
}

std::vector<std::uint8_t> srgbProfile() {
    return saveProfile(cmsCreate_sRGBProfile());
}

// A wide-gamut RGB profile that is not sRGB (P3-like primaries, gamma 2.2).
std::vector<std::uint8_t> wideProfile() {
    cmsCIExyY white;
    cmsWhitePointFromTemp(&white, 6504);
    const cmsCIExyYTRIPLE primaries = {{0.680, 0.320, 1}, {0.265, 0.690, 1}, {0.150, 0.060, 1}};
    cmsToneCurve* gamma = cmsBuildGamma(nullptr, 2.2);
    cmsToneCurve* curves[3] = {gamma, gamma, gamma};
    cmsHPROFILE profile = cmsCreateRGBProfile(&white, &primaries, curves);
    cmsFreeToneCurve(gamma);
    cmsMLU* mlu = cmsMLUalloc(nullptr, 1);
    cmsMLUsetASCII(mlu, "en", "US", "Test Wide Gamut");
    cmsWriteTag(profile, cmsSigProfileDescriptionTag, mlu);
    cmsMLUfree(mlu);
    return saveProfile(profile);
}

const char* const kTestNs = "http://example.com/pictor-test/1.0/";

std::vector<std::uint8_t> readBack(Exiv2::Image& image) {
    Exiv2::BasicIo& io = image.io();
    io.open();
    std::vector<std::uint8_t> out(std::size_t(io.size()));
    io.seek(0, Exiv2::BasicIo::beg);
    io.read(out.data(), long(out.size()));
    io.close();
    return out;
}

// What the rich fixture was given, for the summary checks.
const double kLatitude = -(33 + 51 / 60.0 + 35.49 / 3600.0);
const double kLongitude = -(151 + 12 / 60.0 + 40.12 / 3600.0);
const double kAltitude = -12.5;

// A 64×48 JPEG carrying EXIF (camera, exposure, GPS S/W, a thumbnail, a Canon maker note),
// IPTC, XMP (with a custom namespace), a comment and an sRGB ICC profile.
std::vector<std::uint8_t> makeRichJpeg(const std::vector<std::uint8_t>& icc) {
    auto jpeg = test::encodeJpeg(test::makePatternRgb8(64, 48), 64, 48);
    auto image = Exiv2::ImageFactory::open(jpeg.data(), long(jpeg.size()));
    image->readMetadata();

    Exiv2::ExifData exif;
    exif["Exif.Image.Make"] = "Canon";
    exif["Exif.Image.Model"] = "Canon EOS 5D Mark IV";
    exif["Exif.Image.Orientation"] = std::uint16_t(6);
    exif["Exif.Image.Software"] = "Firmware 1.2.3";
    exif["Exif.Image.Artist"] = "Jane Doe";
    exif["Exif.Image.Copyright"] = "(c) 2023 Jane Doe";
    exif["Exif.Image.ImageDescription"] = "Sunset over the bay";
    exif["Exif.Image.XResolution"] = Exiv2::URational(300, 1);
    exif["Exif.Image.YResolution"] = Exiv2::URational(300, 1);
    exif["Exif.Image.ResolutionUnit"] = std::uint16_t(2);
    exif["Exif.Image.DateTime"] = "2023:07:15 10:00:00";
    exif["Exif.Image.Rating"] = std::uint16_t(3);
    exif["Exif.Image.YCbCrPositioning"] = std::uint16_t(2); // source encoding: dropped
    exif["Exif.Photo.ExposureTime"] = Exiv2::URational(1, 250);
    exif["Exif.Photo.FNumber"] = Exiv2::URational(28, 10);
    exif["Exif.Photo.ISOSpeedRatings"] = std::uint16_t(400);
    exif["Exif.Photo.FocalLength"] = Exiv2::URational(50, 1);
    exif["Exif.Photo.DateTimeOriginal"] = "2023:07:14 16:05:09";
    exif["Exif.Photo.DateTimeDigitized"] = "2023:07:14 16:05:09";
    exif["Exif.Photo.SubSecTimeOriginal"] = "42";
    exif["Exif.Photo.LensModel"] = "EF50mm f/1.8 STM";
    exif["Exif.Photo.LensMake"] = "Canon";
    exif["Exif.Photo.BodySerialNumber"] = "012345678901";
    exif["Exif.Photo.ExposureBiasValue"] = Exiv2::Rational(-1, 3);
    exif["Exif.Photo.ExposureProgram"] = std::uint16_t(3);
    exif["Exif.Photo.MeteringMode"] = std::uint16_t(5);
    exif["Exif.Photo.Flash"] = std::uint16_t(16);
    exif["Exif.Photo.WhiteBalance"] = std::uint16_t(0);
    exif["Exif.Photo.FocalLengthIn35mmFilm"] = std::uint16_t(50);
    exif["Exif.Photo.ColorSpace"] = std::uint16_t(1);
    exif["Exif.Photo.PixelXDimension"] = std::uint32_t(64);
    exif["Exif.Photo.PixelYDimension"] = std::uint32_t(48);
    exif["Exif.Photo.CompressedBitsPerPixel"] = Exiv2::URational(3, 1); // dropped
    exif["Exif.Photo.UserComment"] = "charset=Ascii A test photo";
    exif["Exif.Iop.InteroperabilityIndex"] = "R98";
    exif["Exif.GPSInfo.GPSVersionID"] = "2 3 0 0";
    exif["Exif.GPSInfo.GPSLatitudeRef"] = "S";
    exif["Exif.GPSInfo.GPSLatitude"] = "33/1 51/1 3549/100";
    exif["Exif.GPSInfo.GPSLongitudeRef"] = "W";
    exif["Exif.GPSInfo.GPSLongitude"] = "151/1 12/1 4012/100";
    exif["Exif.GPSInfo.GPSAltitudeRef"] = "1";
    exif["Exif.GPSInfo.GPSAltitude"] = "25/2";
    exif["Exif.GPSInfo.GPSMapDatum"] = "WGS-84";
    exif["Exif.GPSInfo.GPSDateStamp"] = "2023:07:14";
    exif["Exif.GPSInfo.GPSTimeStamp"] = "6/1 5/1 9/1";
    exif["Exif.Canon.OwnerName"] = "Pictor Tester";
    exif["Exif.Canon.ImageType"] = "Canon EOS 5D Mark IV";
    const auto thumb = test::encodeJpeg(test::makePatternRgb8(16, 12), 16, 12, 80);
    Exiv2::ExifThumb(exif).setJpegThumbnail(thumb.data(), long(thumb.size()));

    Exiv2::IptcData iptc;
    iptc["Iptc.Envelope.CharacterSet"] = "\x1b%G";
    for (const char* keyword : {"sunset", "beach", "holiday", "caf\xc3\xa9"}) {
        Exiv2::StringValue value(keyword);
        iptc.add(Exiv2::IptcKey("Iptc.Application2.Keywords"), &value);
    }
    iptc["Iptc.Application2.Caption"] = "A sunset at the beach";
    iptc["Iptc.Application2.City"] = "Sydney";
    iptc["Iptc.Application2.CountryName"] = "Australia";

    Exiv2::XmpProperties::registerNs(kTestNs, "ptest");
    Exiv2::XmpData xmp;
    Exiv2::Value::AutoPtr subject = Exiv2::Value::create(Exiv2::xmpBag);
    for (const char* s : {"sunset", "ocean", "holiday"})
        subject->read(s);
    xmp.add(Exiv2::XmpKey("Xmp.dc.subject"), subject.get());
    Exiv2::Value::AutoPtr creator = Exiv2::Value::create(Exiv2::xmpSeq);
    creator->read("Jane Doe");
    xmp.add(Exiv2::XmpKey("Xmp.dc.creator"), creator.get());
    xmp["Xmp.dc.title"] = "lang=x-default Bay sunset";
    xmp["Xmp.xmp.Rating"] = "4";
    xmp["Xmp.xmp.CreatorTool"] = "Camera Firmware";
    xmp["Xmp.photoshop.City"] = "Sydney";
    xmp["Xmp.tiff.Orientation"] = "6";
    xmp["Xmp.tiff.BitsPerSample"] = "8"; // source encoding: dropped
    xmp["Xmp.exif.PixelXDimension"] = "64";
    xmp["Xmp.exif.PixelYDimension"] = "48";
    xmp["Xmp.exif.GPSLatitude"] = "33,51.5915S";
    xmp["Xmp.exif.GPSLongitude"] = "151,12.668667W";
    xmp["Xmp.ptest.Mood"] = "calm";
    xmp["Xmp.ptest.Score"] = "17";

    image->setExifData(exif);
    image->setIptcData(iptc);
    image->setXmpData(xmp);
    image->setComment("A JPEG comment");
    Exiv2::DataBuf profile(icc.data(), long(icc.size()));
    image->setIccProfile(profile);
    image->writeMetadata();
    return readBack(*image);
}

struct Parsed {
    std::vector<std::uint8_t> bytes; // exiv2 reads from memory it does not own: kept alive here
    Exiv2::Image::AutoPtr image;
};

std::unique_ptr<Parsed> parse(const std::vector<std::uint8_t>& bytes) {
    auto p = std::make_unique<Parsed>();
    p->bytes = bytes;
    p->image = Exiv2::ImageFactory::open(p->bytes.data(), long(p->bytes.size()));
    p->image->readMetadata();
    return p;
}

std::vector<std::uint8_t> iccOf(Exiv2::Image& image) {
    if (!image.iccProfileDefined()) return {};
    const Exiv2::DataBuf* buf = image.iccProfile();
    return {buf->pData_, buf->pData_ + buf->size_};
}

std::vector<std::uint8_t> freshTarget(const QString& format, int width, int height) {
    if (format == "jpeg")
        return test::encodeJpeg(test::makePatternRgb8(width, height), width, height);
    cv::Mat pixels(height, width, CV_16UC3);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            pixels.at<cv::Vec3w>(y, x) = cv::Vec3w(std::uint16_t(x * 2000), std::uint16_t(y * 2500),
                                                   std::uint16_t((x + y) * 1000));
    std::vector<std::uint8_t> out;
    if (!cv::imencode(format == "png" ? ".png" : ".tiff", pixels, out))
        throw std::runtime_error("OpenCV cannot encode the fixture");
    return out;
}

// ---------------------------------------------------------------------------------------------
// What embedMetadata documents to change (Metadata.h and the notes in Metadata.cpp)

bool isPointerOrOffset(const std::string& key) {
    static const std::set<std::string> keys = {
        "Exif.Image.ExifTag",          "Exif.Image.GPSTag",        "Exif.Photo.InteroperabilityTag",
        "Exif.MakerNote.Offset",       "Exif.MakerNote.ByteOrder", "Exif.Photo.MakerNote",
        "Exif.Image.InterColorProfile"};
    if (keys.count(key)) return true;
    // Offsets inside maker notes (to their preview images and sub-IFDs) move with the data.
    const Exiv2::ExifKey k(key);
    const std::string tag = k.tagName();
    return Exiv2::ExifTags::isMakerGroup(k.groupName()) &&
           (tag == "Preview" || tag == "JPEGInterchangeFormat" || tag == "PreviewOffset" ||
            tag == "PreviewImageStart" || tag == "ThumbnailOffset");
}

// Tags of the source's own encoding and other images: absent from the export by design.
bool isDocumentedDrop(const Exiv2::Exifdatum& d) {
    const std::string group = d.groupName();
    if (group == "Thumbnail" || group == "Image2" || group == "Image3" || group == "MpfInfo" ||
        group == "PanasonicRaw" || group.rfind("SubImage", 0) == 0 ||
        group.rfind("SubThumb", 0) == 0)
        return true;
    const std::uint16_t tag = d.tag();
    if (group == "Image") {
        static const std::set<std::uint16_t> structure = {
            0x00fe, 0x00ff, 0x0100, 0x0101, 0x0102, 0x0103, 0x0106, 0x0107, 0x0108, 0x0109, 0x010a,
            0x0111, 0x0115, 0x0116, 0x0117, 0x0118, 0x0119, 0x011c, 0x0122, 0x0123, 0x0124, 0x0125,
            0x012d, 0x013d, 0x013e, 0x013f, 0x0140, 0x0141, 0x0142, 0x0143, 0x0144, 0x0145, 0x014a,
            0x014c, 0x014d, 0x014e, 0x0150, 0x0152, 0x0153, 0x0154, 0x0155, 0x0156, 0x0157, 0x0158,
            0x0159, 0x015a, 0x015b, 0x015f, 0x0200, 0x0201, 0x0202, 0x0203, 0x0205, 0x0206, 0x0207,
            0x0208, 0x0209, 0x0211, 0x0212, 0x0213, 0x0214, 0x02bc, 0x80e3, 0x80e4, 0x80e5, 0x80e6,
            0x828d, 0x828e, 0x83bb, 0x8649, 0x8773, 0x9216, 0x935c};
        if (structure.count(tag)) return true;
        // DNG tags, except those describing camera and lens (UniqueCameraModel,
        // LocalizedCameraModel, CameraSerialNumber, LensInfo, OriginalRawFileName, CameraLabel).
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
        static const std::set<std::uint16_t> kept = {0xc614, 0xc615, 0xc62f,
                                                     0xc630, 0xc68b, 0xc7a1};
        if ((dng.count(tag) || (tag >= 0xcd2d && tag <= 0xcd4f)) && !kept.count(tag)) return true;
        if (tag >= 0x7000 && tag <= 0x703f) return true;
    }
    if (group == "Photo" && (tag == 0x9102 || tag == 0xa500)) return true;
    if (group == "Iop" && tag >= 0x1000 && tag <= 0x1002) return true;
    return false;
}

// exiv2 recomputes the length word (element 0) of Canon's binary maker-note arrays.
bool isRecomputedByExiv2(const Exiv2::Exifdatum& d) {
    const std::string group = d.groupName();
    return group.rfind("Canon", 0) == 0 && group != "Canon" && d.tag() == 0;
}

// Keys whose value embedMetadata sets (orientation, dimensions, software, colour space).
bool isDocumentedRewrite(const std::string& key) {
    static const std::set<std::string> keys = {
        "Exif.Image.Orientation",  "Exif.Photo.PixelXDimension", "Exif.Photo.PixelYDimension",
        "Exif.Image.Software",     "Exif.Photo.ColorSpace",      "Exif.Iop.InteroperabilityIndex",
        "Xmp.tiff.Orientation",    "Xmp.exif.PixelXDimension",   "Xmp.exif.PixelYDimension",
        "Xmp.tiff.ImageWidth",     "Xmp.tiff.ImageLength",       "Xmp.exif.ColorSpace",
        "Xmp.photoshop.ICCProfile"};
    return keys.count(key) != 0;
}

bool isDocumentedXmpDrop(const std::string& key) {
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

bool isGpsKey(const std::string& key) {
    if (key.rfind("Exif.GPSInfo.", 0) == 0 || key == "Exif.Image.GPSTag") return true;
    return key.rfind("Xmp.exif.GPS", 0) == 0;
}

using Entries = std::multimap<std::string, std::string>;

Entries entries(const Exiv2::ExifData& data) {
    Entries out;
    for (const auto& d : data)
        out.emplace(d.key(), d.toString());
    return out;
}
Entries entries(const Exiv2::IptcData& data) {
    Entries out;
    for (const auto& d : data)
        out.emplace(d.key(), d.toString());
    return out;
}
Entries entries(const Exiv2::XmpData& data) {
    Entries out;
    for (const auto& d : data)
        out.emplace(d.key(), d.toString());
    return out;
}

std::vector<std::string> values(const Entries& e, const std::string& key) {
    std::vector<std::string> out;
    auto [first, last] = e.equal_range(key);
    for (auto it = first; it != last; ++it)
        out.push_back(it->second);
    return out;
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v)
        s += (s.empty() ? "" : " | ") + x;
    return s;
}

std::string shortened(std::string s) {
    if (s.size() > 80) s = s.substr(0, 77) + "...";
    return s;
}

// Every source key that is not documented to change is in the result with the same value(s).
// Returns the problems (each key named), or an empty string.
std::string missingOrChanged(const Entries& source, const Entries& result,
                             const std::function<bool(const std::string&)>& skip) {
    std::set<std::string> keys;
    for (const auto& [k, v] : source)
        keys.insert(k);
    std::string problems;
    for (const auto& key : keys) {
        if (skip(key)) continue;
        const auto want = values(source, key);
        const auto got = values(result, key);
        std::string problem;
        if (got.empty())
            problem = key + " is missing (was '" + shortened(joined(want)) + "')";
        else if (got != want)
            problem = key + " changed: '" + shortened(joined(want)) + "' -> '" +
                      shortened(joined(got)) + "'";
        if (!problem.empty()) problems += (problems.empty() ? "" : "; ") + problem;
    }
    return problems;
}

// For PICTOR_TEST_VERBOSE: the source keys the result does not have (documented drops).
std::string absentKeys(const Exiv2::ExifData& source, const Exiv2::ExifData& result) {
    std::set<std::string> have, absent;
    for (const auto& d : result)
        have.insert(d.key());
    for (const auto& d : source)
        if (!have.count(d.key())) absent.insert(d.key());
    std::string s;
    for (const auto& k : absent)
        s += (s.empty() ? "" : " ") + k;
    return s;
}

std::string exifProblem(const Exiv2::ExifData& source, const Exiv2::ExifData& result,
                        bool stripGps = false) {
    std::set<std::string> documented;
    for (const auto& d : source)
        if (isDocumentedDrop(d) || isRecomputedByExiv2(d) || isPointerOrOffset(d.key()) ||
            isDocumentedRewrite(d.key()))
            documented.insert(d.key());
    return missingOrChanged(entries(source), entries(result), [&](const std::string& key) {
        return documented.count(key) != 0 || (stripGps && isGpsKey(key));
    });
}

std::string xmpProblem(const Exiv2::XmpData& source, const Exiv2::XmpData& result,
                       bool stripGps = false) {
    return missingOrChanged(entries(source), entries(result), [&](const std::string& key) {
        return isDocumentedRewrite(key) || isDocumentedXmpDrop(key) || (stripGps && isGpsKey(key));
    });
}

std::string exifValue(const Exiv2::ExifData& exif, const char* key) {
    auto it = exif.findKey(Exiv2::ExifKey(key));
    return it == exif.end() ? std::string("<absent>") : it->toString();
}

std::string xmpValue(const Exiv2::XmpData& xmp, const char* key) {
    auto it = xmp.findKey(Exiv2::XmpKey(key));
    return it == xmp.end() ? std::string("<absent>") : it->toString();
}

std::vector<std::uint8_t> exifBlock(const Exiv2::ExifData& exif, Exiv2::ByteOrder order) {
    Exiv2::Blob blob;
    Exiv2::ExifParser::encode(blob, order, exif);
    return blob;
}

std::string xmpPacketOf(const Exiv2::XmpData& xmp) {
    std::string packet;
    Exiv2::XmpParser::encode(packet, xmp);
    return packet;
}

std::shared_ptr<const SourceMetadata> mustRead(const std::vector<std::uint8_t>& bytes) {
    auto read = readMetadata(bytes.data(), bytes.size());
    if (!read) qFatal("readMetadata failed: %s", read.error().message().c_str());
    return *read;
}

std::vector<fs::path> filesUnder(const fs::path& dir) {
    std::vector<fs::path> files;
    if (!fs::is_directory(dir)) return files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

class MetadataTest : public QObject {
    Q_OBJECT

    std::vector<std::uint8_t> m_icc;  // sRGB (lcms2's built-in)
    std::vector<std::uint8_t> m_rich; // the rich JPEG

private Q_SLOTS:
    void initTestCase() {
        m_icc = srgbProfile();
        QVERIFY(!m_icc.empty());
        m_rich = makeRichJpeg(m_icc);
        QVERIFY(m_rich.size() > 1000);
    }

    // 1. Every summary field equals what the fixture was given.
    void summaryOfRichJpeg() {
        const auto meta = mustRead(m_rich);
        const MetadataSummary s = meta->summary();
        QCOMPARE(s.cameraMake, std::string("Canon"));
        QCOMPARE(s.cameraModel, std::string("Canon EOS 5D Mark IV"));
        QCOMPARE(s.lens, std::string("EF50mm f/1.8 STM"));
        QCOMPARE(s.exposureTime, std::string("1/250 s"));
        QVERIFY(s.exposureSeconds && std::abs(*s.exposureSeconds - 0.004) < 1e-12);
        QVERIFY(s.fNumber && std::abs(*s.fNumber - 2.8) < 1e-12);
        QCOMPARE(s.iso, std::optional<int>(400));
        QVERIFY(s.focalLengthMm && std::abs(*s.focalLengthMm - 50.0) < 1e-12);
        QVERIFY(s.gps.has_value());
        QVERIFY2(std::abs(s.gps->latitude - kLatitude) < 1e-6,
                 qPrintable(QString::number(s.gps->latitude, 'f', 9)));
        QVERIFY2(std::abs(s.gps->longitude - kLongitude) < 1e-6,
                 qPrintable(QString::number(s.gps->longitude, 'f', 9)));
        QVERIFY(s.gps->altitude && std::abs(*s.gps->altitude - kAltitude) < 1e-6);
        QCOMPARE(s.captureTime, std::string("2023-07-14 16:05:09"));
        QCOMPARE(s.rating, std::optional<int>(4)); // XMP wins over Exif.Image.Rating (3)
        const std::vector<std::string> keywords = {"sunset", "beach", "holiday", "caf\xc3\xa9",
                                                   "ocean"};
        QCOMPARE(s.keywords, keywords);
        QCOMPARE(s.orientation, 6);
        QCOMPARE(s.iccDescription, iccDescription(m_icc));
        QVERIFY(!s.iccDescription.empty());
        QCOMPARE(s.iccSize, m_icc.size());
        QVERIFY(meta->iccProfile() == m_icc);

        auto direct = parse(m_rich);
        QCOMPARE(s.exifCount, int(direct->image->exifData().count()));
        QCOMPARE(s.iptcCount, int(direct->image->iptcData().count()));
        QCOMPARE(s.xmpCount, int(direct->image->xmpData().count()));
        QVERIFY(s.exifCount > 40);
        QCOMPARE(s.iptcCount, 8);
        // The Canon maker note exiv2 built from Exif.Canon.* reads back.
        QCOMPARE(exifValue(direct->image->exifData(), "Exif.Canon.OwnerName"),
                 std::string("Pictor Tester"));
    }

    // The fall-backs: XMP-only properties, EXIF rating, lens from Xmp.aux.Lens.
    void summaryFallbacks() {
        Exiv2::ExifData exif;
        exif["Exif.Image.Rating"] = std::uint16_t(2);
        exif["Exif.Photo.ApertureValue"] = Exiv2::URational(4, 1);    // APEX 4 → f/4
        exif["Exif.Photo.ShutterSpeedValue"] = Exiv2::Rational(7, 1); // 1/128 s
        Exiv2::XmpData xmp;
        xmp["Xmp.aux.Lens"] = "XF23mmF1.4 R";
        xmp["Xmp.exif.DateTimeOriginal"] = "2021-03-04T05:06:07+01:00";
        xmp["Xmp.exif.FocalLength"] = "23/1";
        xmp["Xmp.exif.GPSLatitude"] = "48,8.5N";
        xmp["Xmp.exif.GPSLongitude"] = "11,34,30W";
        xmp["Xmp.tiff.Make"] = "FUJIFILM";
        auto meta = metadataFromBlocks(exifBlock(exif, Exiv2::bigEndian), xmpPacketOf(xmp), {});
        QVERIFY2(meta.ok(), meta.ok() ? "" : meta.error().message().c_str());
        const MetadataSummary s = (*meta)->summary();
        QCOMPARE(s.rating, std::optional<int>(2));
        QCOMPARE(s.lens, std::string("XF23mmF1.4 R"));
        QCOMPARE(s.captureTime, std::string("2021-03-04 05:06:07"));
        QVERIFY(s.fNumber && std::abs(*s.fNumber - 4.0) < 1e-9);
        QCOMPARE(s.exposureTime, std::string("1/128 s"));
        QVERIFY(s.focalLengthMm && std::abs(*s.focalLengthMm - 23.0) < 1e-9);
        QVERIFY(s.gps && std::abs(s.gps->latitude - (48 + 8.5 / 60)) < 1e-9);
        QVERIFY(s.gps && std::abs(s.gps->longitude + (11 + 34.5 / 60)) < 1e-9);
        QCOMPARE(s.cameraMake, std::string("FUJIFILM"));
        QCOMPARE(s.orientation, 1);
        QCOMPARE(s.iccSize, std::size_t(0));
        QVERIFY(s.iccDescription.empty());
    }

    // Malformed values lose their field, never the summary (and never crash).
    void summaryOfMalformedValues_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("value");
        QTest::newRow("orientation 0")
            << "Exif.Image.Orientation" << int(Exiv2::unsignedShort) << "0";
        QTest::newRow("orientation 9")
            << "Exif.Image.Orientation" << int(Exiv2::unsignedShort) << "9";
        QTest::newRow("orientation text")
            << "Exif.Image.Orientation" << int(Exiv2::asciiString) << "6";
        QTest::newRow("orientation empty")
            << "Exif.Image.Orientation" << int(Exiv2::unsignedShort) << "";
        QTest::newRow("orientation rational")
            << "Exif.Image.Orientation" << int(Exiv2::unsignedRational) << "6/0";
        QTest::newRow("exposure 1/0")
            << "Exif.Photo.ExposureTime" << int(Exiv2::unsignedRational) << "1/0";
        QTest::newRow("exposure 0/0")
            << "Exif.Photo.ExposureTime" << int(Exiv2::unsignedRational) << "0/0";
        QTest::newRow("exposure text")
            << "Exif.Photo.ExposureTime" << int(Exiv2::asciiString) << "fast";
        QTest::newRow("fnumber 0/0")
            << "Exif.Photo.FNumber" << int(Exiv2::unsignedRational) << "0/0";
        QTest::newRow("iso text") << "Exif.Photo.ISOSpeedRatings" << int(Exiv2::asciiString)
                                  << "high";
        QTest::newRow("iso empty")
            << "Exif.Photo.ISOSpeedRatings" << int(Exiv2::unsignedShort) << "";
        QTest::newRow("focal negative")
            << "Exif.Photo.FocalLength" << int(Exiv2::signedRational) << "-50/1";
        QTest::newRow("gps one part")
            << "Exif.GPSInfo.GPSLatitude" << int(Exiv2::unsignedRational) << "10/0";
        QTest::newRow("gps huge") << "Exif.GPSInfo.GPSLatitude" << int(Exiv2::unsignedRational)
                                  << "4000000000/1 0/1 0/1";
        QTest::newRow("date garbage")
            << "Exif.Photo.DateTimeOriginal" << int(Exiv2::asciiString) << "    :  :     :  :  ";
        QTest::newRow("date zero")
            << "Exif.Photo.DateTimeOriginal" << int(Exiv2::asciiString) << "0000:00:00 00:00:00";
        QTest::newRow("rating 99") << "Exif.Image.Rating" << int(Exiv2::unsignedShort) << "99";
        QTest::newRow("make bytes") << "Exif.Image.Make" << int(Exiv2::undefined) << "1 2 3";
        // (A QString cannot carry Latin-1 bytes: the test writes "Obj\xe9ctif" itself.)
        QTest::newRow("lens latin1")
            << "Exif.Photo.LensModel" << int(Exiv2::asciiString) << "latin-1";
    }
    void summaryOfMalformedValues() {
        QFETCH(QString, key);
        QFETCH(int, type);
        QFETCH(QString, value);
        Exiv2::ExifData exif;
        exif["Exif.Image.Make"] = "Test";
        exif["Exif.GPSInfo.GPSLongitude"] = "10/1 0/1 0/1";
        Exiv2::Value::AutoPtr v = Exiv2::Value::create(Exiv2::TypeId(type));
        const std::string text = key == "Exif.Photo.LensModel" ? std::string("Obj\xe9"
                                                                             "ctif")
                                                               : value.toStdString();
        if (!text.empty()) v->read(text);
        if (auto existing = exif.findKey(Exiv2::ExifKey(key.toStdString())); existing != exif.end())
            exif.erase(existing);
        exif.add(Exiv2::ExifKey(key.toStdString()), v.get());
        auto meta = metadataFromBlocks(exifBlock(exif, Exiv2::littleEndian), {}, {});
        QVERIFY2(meta.ok(), meta.ok() ? "" : meta.error().message().c_str());
        const MetadataSummary s = (*meta)->summary();
        QVERIFY(s.orientation >= 1 && s.orientation <= 8);
        if (key.startsWith("Exif.Image.Orientation")) QCOMPARE(s.orientation, 1);
        if (key == "Exif.Photo.ExposureTime") {
            QVERIFY(!s.exposureSeconds);
            QVERIFY(s.exposureTime.empty());
        }
        if (key == "Exif.Photo.FNumber") QVERIFY(!s.fNumber);
        if (key == "Exif.Photo.ISOSpeedRatings") QVERIFY(!s.iso);
        if (key == "Exif.Photo.FocalLength") QVERIFY(!s.focalLengthMm);
        if (key == "Exif.GPSInfo.GPSLatitude") QVERIFY(!s.gps);
        if (key == "Exif.Photo.DateTimeOriginal") QVERIFY(s.captureTime.empty());
        if (key == "Exif.Image.Rating") QVERIFY(!s.rating);
        if (key == "Exif.Image.Make") QVERIFY(s.cameraMake.empty());
        if (key == "Exif.Photo.LensModel")
            QCOMPARE(s.lens, std::string("Obj\xc3\xa9"
                                         "ctif"));
    }

    // metadataFromBlocks: the EXIF block as libheif gives it, with "Exif\0\0", or with the
    // 4-byte offset header still in front; XMP with trailing NULs.
    void blocks_data() {
        QTest::addColumn<int>("variant");
        QTest::newRow("tiff") << 0;
        QTest::newRow("Exif prefix") << 1;
        QTest::newRow("offset header") << 2;
        QTest::newRow("offset header + Exif prefix") << 3;
        QTest::newRow("big endian") << 4;
    }
    void blocks() {
        QFETCH(int, variant);
        Exiv2::ExifData exif;
        exif["Exif.Image.Make"] = "Apple";
        exif["Exif.Image.Model"] = "iPhone 12";
        exif["Exif.Image.Orientation"] = std::uint16_t(8);
        exif["Exif.Photo.DateTimeOriginal"] = "2022:01:02 03:04:05";
        exif["Exif.Photo.ISOSpeedRatings"] = std::uint16_t(32);
        std::vector<std::uint8_t> block =
            exifBlock(exif, variant == 4 ? Exiv2::bigEndian : Exiv2::littleEndian);
        const std::vector<std::uint8_t> exifHeader = {'E', 'x', 'i', 'f', 0, 0};
        if (variant == 1) block.insert(block.begin(), exifHeader.begin(), exifHeader.end());
        if (variant == 2) block.insert(block.begin(), {0, 0, 0, 0});
        if (variant == 3) {
            block.insert(block.begin(), exifHeader.begin(), exifHeader.end());
            block.insert(block.begin(), {0, 0, 0, 6});
        }
        Exiv2::XmpData xmp;
        xmp["Xmp.xmp.Rating"] = "5";
        xmp["Xmp.dc.subject"] = "city";
        std::string packet = xmpPacketOf(xmp);
        packet.push_back('\0');
        auto meta = metadataFromBlocks(block, packet, m_icc);
        QVERIFY2(meta.ok(), meta.ok() ? "" : meta.error().message().c_str());
        const MetadataSummary s = (*meta)->summary();
        QCOMPARE(s.cameraModel, std::string("iPhone 12"));
        QCOMPARE(s.orientation, 8);
        QCOMPARE(s.captureTime, std::string("2022-01-02 03:04:05"));
        QCOMPARE(s.iso, std::optional<int>(32));
        QCOMPARE(s.rating, std::optional<int>(5));
        QCOMPARE(s.keywords, std::vector<std::string>{"city"});
        QCOMPARE(s.iccSize, m_icc.size());
        QVERIFY((*meta)->iccProfile() == m_icc);

        // The metadata embeds like any other: the iPhone's orientation is reset.
        auto jpeg = test::encodeJpeg(test::makePatternRgb8(20, 10), 20, 10);
        MetadataWriteOptions options;
        options.width = 20;
        options.height = 10;
        options.iccProfile = m_icc;
        const Status embedded = embedMetadata(jpeg, meta->get(), options);
        QVERIFY2(embedded.ok(), embedded.ok() ? "" : embedded.error().message().c_str());
        auto back = parse(jpeg);
        QCOMPARE(exifValue(back->image->exifData(), "Exif.Image.Model"), std::string("iPhone 12"));
        QCOMPARE(exifValue(back->image->exifData(), "Exif.Image.Orientation"), std::string("1"));
        QCOMPARE(xmpValue(back->image->xmpData(), "Xmp.xmp.Rating"), std::string("5"));
    }

    void emptyBlocksGiveEmptyMetadata() {
        auto meta = metadataFromBlocks({}, {}, {});
        QVERIFY(meta.ok());
        const MetadataSummary s = (*meta)->summary();
        QCOMPARE(s.orientation, 1);
        QCOMPARE(s.exifCount + s.iptcCount + s.xmpCount, 0);
        QVERIFY(s.cameraMake.empty() && !s.gps && !s.rating && s.keywords.empty());
        QVERIFY((*meta)->iccProfile().empty());
    }

    void garbageBlocksGiveErrors() {
        const std::vector<std::uint8_t> garbage = {'h', 'e', 'l', 'l', 'o', ' ',
                                                   'w', 'o', 'r', 'l', 'd'};
        QVERIFY(!metadataFromBlocks(garbage, {}, {}).ok());
        QVERIFY(!metadataFromBlocks({}, "<not xmp", {}).ok());
        QVERIFY(!metadataFromBlocks({}, "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF", {}).ok());
        // A TIFF header whose first IFD lies far outside the block, and random TIFF bodies.
        const std::vector<std::uint8_t> farIfd = {'I', 'I', 42, 0, 0xff, 0xff, 0xff, 0x0f, 0, 0};
        auto far = metadataFromBlocks(farIfd, {}, {});
        if (far) QCOMPARE((*far)->summary().exifCount, 0);
        std::mt19937 random(7);
        for (int i = 0; i < 300; ++i) {
            std::vector<std::uint8_t> block(8 + random() % 400);
            for (auto& b : block)
                b = std::uint8_t(random());
            block[0] = block[1] = 'I';
            block[2] = 42;
            block[3] = 0;
            block[4] = 8;
            block[5] = block[6] = block[7] = 0;
            auto meta = metadataFromBlocks(block, {}, {});
            if (meta) (void)(*meta)->summary();
        }
    }

    // 2 and 3. Embedding into a fresh JPEG/PNG/TIFF of another size keeps every source key that
    // is not documented to change, and the documented changes happen.
    void embedKeepsEverything_data() {
        QTest::addColumn<QString>("format");
        QTest::newRow("jpeg") << "jpeg";
        QTest::newRow("png") << "png";
        QTest::newRow("tiff") << "tiff";
    }
    void embedKeepsEverything() {
        QFETCH(QString, format);
        const auto meta = mustRead(m_rich);
        const int width = 40, height = 30;
        std::vector<std::uint8_t> out = freshTarget(format, width, height);
        const std::vector<std::uint8_t> pixelsBefore = out;
        MetadataWriteOptions options;
        options.width = width;
        options.height = height;
        options.software = "Pictor test";
        options.iccProfile = m_icc;
        const Status embedded = embedMetadata(out, meta.get(), options);
        QVERIFY2(embedded.ok(), embedded.ok() ? "" : embedded.error().message().c_str());

        auto src = parse(m_rich);
        auto dst = parse(out);
        const auto& srcExif = src->image->exifData();
        const auto& dstExif = dst->image->exifData();

        const std::string exifIssue = exifProblem(srcExif, dstExif);
        QVERIFY2(exifIssue.empty(), exifIssue.c_str());
        const std::string iptcIssue =
            missingOrChanged(entries(src->image->iptcData()), entries(dst->image->iptcData()),
                             [](const std::string&) { return false; });
        QVERIFY2(iptcIssue.empty(), iptcIssue.c_str());
        QCOMPARE(dst->image->iptcData().count(), src->image->iptcData().count());
        const std::string xmpIssue = xmpProblem(src->image->xmpData(), dst->image->xmpData());
        QVERIFY2(xmpIssue.empty(), xmpIssue.c_str());
        // XMP: same count less the documented drop (Xmp.tiff.BitsPerSample).
        QCOMPARE(dst->image->xmpData().count(), src->image->xmpData().count() - 1);

        // The documented changes, one by one.
        const std::pair<const char*, std::string> rewritten[] = {
            {"Exif.Image.Orientation", "1"},
            {"Exif.Photo.PixelXDimension", std::to_string(width)},
            {"Exif.Photo.PixelYDimension", std::to_string(height)},
            {"Exif.Image.Software", "Pictor test"},
            {"Exif.Photo.ColorSpace", "1"},
            {"Exif.Iop.InteroperabilityIndex", "R98"},
            {"Exif.Photo.CompressedBitsPerPixel", "<absent>"},
            {"Exif.Image.YCbCrPositioning", "<absent>"},
            {"Exif.Canon.OwnerName", "Pictor Tester"},
            {"Exif.GPSInfo.GPSLatitudeRef", "S"},
        };
        for (const auto& [key, want] : rewritten)
            QVERIFY2(exifValue(dstExif, key) == want,
                     qPrintable(QString("%1: '%2', expected '%3'")
                                    .arg(key, QString::fromStdString(exifValue(dstExif, key)),
                                         QString::fromStdString(want))));
        QCOMPARE(int(dstExif.findKey(Exiv2::ExifKey("Exif.Image.Orientation"))->typeId()),
                 int(Exiv2::unsignedShort));
        QCOMPARE(int(dstExif.findKey(Exiv2::ExifKey("Exif.Photo.PixelXDimension"))->typeId()),
                 int(Exiv2::unsignedLong));
        for (const auto& d : dstExif)
            QVERIFY2(d.groupName() != "Thumbnail", d.key().c_str());
        QCOMPARE(Exiv2::ExifThumbC(dstExif).copy().size_, 0L);
        QCOMPARE(xmpValue(dst->image->xmpData(), "Xmp.tiff.Orientation"), std::string("1"));
        QCOMPARE(xmpValue(dst->image->xmpData(), "Xmp.exif.PixelXDimension"),
                 std::to_string(width));
        QCOMPARE(xmpValue(dst->image->xmpData(), "Xmp.exif.PixelYDimension"),
                 std::to_string(height));
        QCOMPARE(xmpValue(dst->image->xmpData(), "Xmp.xmp.CreatorTool"),
                 std::string("Camera Firmware"));
        QCOMPARE(xmpValue(dst->image->xmpData(), "Xmp.tiff.BitsPerSample"),
                 std::string("<absent>"));
        QVERIFY(iccOf(*dst->image) == m_icc);
        if (format == "jpeg") QCOMPARE(dst->image->comment(), std::string("A JPEG comment"));

        // The summary of the result: same photo facts, upright.
        const auto again = mustRead(out);
        const MetadataSummary a = meta->summary(), b = again->summary();
        QCOMPARE(b.orientation, 1);
        QCOMPARE(b.cameraModel, a.cameraModel);
        QCOMPARE(b.lens, a.lens);
        QCOMPARE(b.exposureTime, a.exposureTime);
        QCOMPARE(b.iso, a.iso);
        QCOMPARE(b.captureTime, a.captureTime);
        QCOMPARE(b.keywords, a.keywords);
        QCOMPARE(b.rating, a.rating);
        QVERIFY(b.gps && std::abs(b.gps->latitude - kLatitude) < 1e-6);

        // The pixels are untouched.
        if (format == "jpeg") {
            const cv::Mat decoded =
                cv::imdecode(out, cv::IMREAD_UNCHANGED | cv::IMREAD_IGNORE_ORIENTATION);
            QCOMPARE(decoded.cols, width);
            QCOMPARE(decoded.rows, height);
        } else {
            const cv::Mat before = cv::imdecode(pixelsBefore, cv::IMREAD_UNCHANGED);
            const cv::Mat after =
                cv::imdecode(out, cv::IMREAD_UNCHANGED | cv::IMREAD_IGNORE_ORIENTATION);
            QCOMPARE(after.cols, width);
            QCOMPARE(after.rows, height);
            QCOMPARE(after.type(), before.type());
            QCOMPARE(cv::norm(before, after, cv::NORM_INF), 0.0);
        }
    }

    // The output profile decides Exif.Photo.ColorSpace: uncalibrated (and no DCF index) for a
    // wide-gamut profile.
    void colorSpaceFollowsTheOutputProfile() {
        const auto meta = mustRead(m_rich);
        auto out = freshTarget("jpeg", 24, 16);
        MetadataWriteOptions options;
        options.width = 24;
        options.height = 16;
        options.iccProfile = wideProfile();
        QVERIFY(embedMetadata(out, meta.get(), options).ok());
        auto dst = parse(out);
        QCOMPARE(exifValue(dst->image->exifData(), "Exif.Photo.ColorSpace"), std::string("65535"));
        QCOMPARE(exifValue(dst->image->exifData(), "Exif.Iop.InteroperabilityIndex"),
                 std::string("<absent>"));
        QVERIFY(iccOf(*dst->image) == options.iccProfile);
        QCOMPARE(mustRead(out)->summary().iccDescription, std::string("Test Wide Gamut"));
    }

    // 4. Stripping.
    void stripGps_data() { embedKeepsEverything_data(); }
    void stripGps() {
        QFETCH(QString, format);
        const auto meta = mustRead(m_rich);
        auto out = freshTarget(format, 32, 24);
        MetadataWriteOptions options;
        options.strip = MetadataStrip::Gps;
        options.width = 32;
        options.height = 24;
        options.software = "Pictor test";
        options.iccProfile = m_icc;
        const Status embedded = embedMetadata(out, meta.get(), options);
        QVERIFY2(embedded.ok(), embedded.ok() ? "" : embedded.error().message().c_str());
        auto src = parse(m_rich);
        auto dst = parse(out);
        for (const auto& d : dst->image->exifData())
            QVERIFY2(!isGpsKey(d.key()) && d.groupName() != "GPSInfo", d.key().c_str());
        for (const auto& d : dst->image->xmpData())
            QVERIFY2(d.key().find("GPS") == std::string::npos, d.key().c_str());
        const std::string exifIssue =
            exifProblem(src->image->exifData(), dst->image->exifData(), true);
        QVERIFY2(exifIssue.empty(), exifIssue.c_str());
        const std::string xmpIssue = xmpProblem(src->image->xmpData(), dst->image->xmpData(), true);
        QVERIFY2(xmpIssue.empty(), xmpIssue.c_str());
        QCOMPARE(dst->image->iptcData().count(), src->image->iptcData().count());
        QVERIFY(!mustRead(out)->summary().gps);
        QVERIFY(iccOf(*dst->image) == m_icc);
    }

    void stripAll_data() { embedKeepsEverything_data(); }
    void stripAll() {
        QFETCH(QString, format);
        const auto meta = mustRead(m_rich);
        auto out = freshTarget(format, 32, 24);
        MetadataWriteOptions options;
        options.strip = MetadataStrip::All;
        options.width = 32;
        options.height = 24;
        options.software = "Pictor test";
        options.iccProfile = m_icc;
        const Status embedded = embedMetadata(out, meta.get(), options);
        QVERIFY2(embedded.ok(), embedded.ok() ? "" : embedded.error().message().c_str());
        auto dst = parse(out);
        // TIFF keeps the structure its encoder wrote (that is the file, not metadata).
        for (const auto& d : dst->image->exifData())
            QVERIFY2(format == "tiff" && d.groupName() == "Image" && isDocumentedDrop(d),
                     d.key().c_str());
        QCOMPARE(dst->image->iptcData().count(), 0L);
        QCOMPARE(dst->image->xmpData().count(), 0L);
        QVERIFY(dst->image->comment().empty());
        QVERIFY(iccOf(*dst->image) == m_icc);
        const MetadataSummary s = mustRead(out)->summary();
        QVERIFY(s.cameraMake.empty() && !s.gps && s.keywords.empty());
    }

    // No source metadata (a photo without any): only the profile goes in.
    void embedWithoutSource() {
        auto out = freshTarget("jpeg", 16, 16);
        MetadataWriteOptions options;
        options.width = 16;
        options.height = 16;
        options.software = "Pictor test";
        options.iccProfile = m_icc;
        QVERIFY(embedMetadata(out, nullptr, options).ok());
        auto dst = parse(out);
        QCOMPARE(dst->image->exifData().count(), 0L);
        QCOMPARE(iccOf(*dst->image).size(), m_icc.size());
        QVERIFY(iccOf(*dst->image) == m_icc);
    }

    // Values the export sets replace whatever the source had: another type, or several copies.
    void rewrittenValuesReplaceOddSources() {
        Exiv2::ExifData exif;
        exif["Exif.Image.Make"] = "Test";
        const Exiv2::DataValue software(reinterpret_cast<const Exiv2::byte*>("Old"), 3);
        exif.add(Exiv2::ExifKey("Exif.Image.Software"), &software);
        const Exiv2::AsciiValue orientation("8");
        exif.add(Exiv2::ExifKey("Exif.Image.Orientation"), &orientation);
        Exiv2::XmpData xmp;
        Exiv2::Value::AutoPtr bag = Exiv2::Value::create(Exiv2::xmpBag);
        bag->read("6");
        xmp.add(Exiv2::XmpKey("Xmp.tiff.Orientation"), bag.get());
        auto meta = metadataFromBlocks(exifBlock(exif, Exiv2::littleEndian), xmpPacketOf(xmp), {});
        QVERIFY(meta.ok());
        auto out = freshTarget("jpeg", 12, 10);
        MetadataWriteOptions options;
        options.width = 12;
        options.height = 10;
        options.software = "Pictor test";
        options.iccProfile = m_icc;
        QVERIFY(embedMetadata(out, meta->get(), options).ok());
        auto dst = parse(out);
        const auto& result = dst->image->exifData();
        QCOMPARE(exifValue(result, "Exif.Image.Software"), std::string("Pictor test"));
        QCOMPARE(int(result.findKey(Exiv2::ExifKey("Exif.Image.Software"))->typeId()),
                 int(Exiv2::asciiString));
        QCOMPARE(exifValue(result, "Exif.Image.Orientation"), std::string("1"));
        QCOMPARE(xmpValue(dst->image->xmpData(), "Xmp.tiff.Orientation"), std::string("1"));
        QCOMPARE(mustRead(out)->summary().orientation, 1);
    }

    // 5. Extra XMP (the recipe) is merged; its properties win over the source's.
    void extraXmpIsMerged() {
        const auto meta = mustRead(m_rich);
        auto out = freshTarget("jpeg", 16, 12);
        MetadataWriteOptions options;
        options.width = 16;
        options.height = 12;
        options.iccProfile = m_icc;
        options.extraXmpPacket =
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
            "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description "
            "rdf:about=\"\" xmlns:pictor=\"http://pictor.example/ns/recipe/1.0/\" "
            "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" pictor:Recipe=\"{&quot;ops&quot;:[]}\" "
            "xmp:Rating=\"5\"/></rdf:RDF></x:xmpmeta>";
        const Status embedded = embedMetadata(out, meta.get(), options);
        QVERIFY2(embedded.ok(), embedded.ok() ? "" : embedded.error().message().c_str());
        auto dst = parse(out);
        const auto& xmp = dst->image->xmpData();
        QCOMPARE(xmpValue(xmp, "Xmp.pictor.Recipe"), std::string("{\"ops\":[]}"));
        QCOMPARE(xmpValue(xmp, "Xmp.xmp.Rating"), std::string("5"));
        QCOMPARE(xmpValue(xmp, "Xmp.ptest.Mood"), std::string("calm"));
        QCOMPARE(mustRead(out)->summary().rating, std::optional<int>(5));

        // The recipe goes in even when the source's metadata is stripped (the caller asked).
        auto stripped = freshTarget("jpeg", 16, 12);
        options.strip = MetadataStrip::All;
        QVERIFY(embedMetadata(stripped, meta.get(), options).ok());
        auto s = parse(stripped);
        QCOMPARE(s->image->xmpData().count(), 2L);
        QCOMPARE(xmpValue(s->image->xmpData(), "Xmp.pictor.Recipe"), std::string("{\"ops\":[]}"));

        // Invalid extra XMP is an error, and the file is left as it was.
        auto untouched = freshTarget("jpeg", 16, 12);
        const auto copy = untouched;
        options.extraXmpPacket = "<x:xmpmeta><rdf:RDF";
        const Status bad = embedMetadata(untouched, meta.get(), options);
        QVERIFY(!bad.ok());
        QVERIFY(untouched == copy);
    }

    // A maker note exiv2 cannot write again (here: a Nikon preview offset stored as bytes) makes
    // the export go out without the maker note, with everything else.
    void unwritableMakerNoteIsDropped() {
        Exiv2::ExifData exif;
        exif["Exif.Image.Make"] = "NIKON CORPORATION";
        exif["Exif.Image.Model"] = "NIKON D700";
        exif["Exif.Photo.ExposureTime"] = Exiv2::URational(1, 60);
        exif["Exif.GPSInfo.GPSLatitudeRef"] = "N";
        exif["Exif.GPSInfo.GPSLatitude"] = "10/1 0/1 0/1";
        exif["Exif.Nikon3.Quality"] = "FINE ";
        exif["Exif.NikonPreview.JPEGInterchangeFormat"] = std::uint32_t(0);
        exif["Exif.NikonPreview.JPEGInterchangeFormatLength"] = std::uint32_t(0);
        auto block = exifBlock(exif, Exiv2::littleEndian);
        // Turn the preview offset (tag 0x0201, LONG, count 1) into BYTE × 4.
        int patched = 0;
        for (std::size_t i = 0; i + 8 <= block.size(); ++i) {
            const std::uint8_t entry[8] = {0x01, 0x02, 4, 0, 1, 0, 0, 0};
            if (std::equal(entry, entry + 8, block.begin() + long(i))) {
                block[i + 2] = 1;
                block[i + 4] = 4;
                ++patched;
            }
        }
        QCOMPARE(patched, 1);
        auto meta = metadataFromBlocks(block, {}, {});
        QVERIFY(meta.ok());
        auto out = freshTarget("jpeg", 16, 16);
        MetadataWriteOptions options;
        options.width = 16;
        options.height = 16;
        options.iccProfile = m_icc;
        const Status embedded = embedMetadata(out, meta->get(), options);
        QVERIFY2(embedded.ok(), embedded.ok() ? "" : embedded.error().message().c_str());
        auto dst = parse(out);
        const auto& result = dst->image->exifData();
        QCOMPARE(exifValue(result, "Exif.Image.Model"), std::string("NIKON D700"));
        QCOMPARE(exifValue(result, "Exif.Photo.ExposureTime"), std::string("1/60"));
        QCOMPARE(exifValue(result, "Exif.GPSInfo.GPSLatitude"), std::string("10/1 0/1 0/1"));
        for (const auto& d : result) {
            QVERIFY2(!Exiv2::ExifTags::isMakerGroup(d.groupName()), d.key().c_str());
            QVERIFY2(d.key() != "Exif.Photo.MakerNote", d.key().c_str());
        }
    }

    // JPEG holds at most 64 KiB of XMP: Photoshop's document list and history give way first;
    // what still does not fit is a clear error (TIFF and PNG keep all of it).
    void largeXmp() {
        Exiv2::XmpData xmp;
        xmp["Xmp.dc.title"] = "lang=x-default Kept";
        xmp["Xmp.xmp.Rating"] = "3";
        Exiv2::Value::AutoPtr ancestors = Exiv2::Value::create(Exiv2::xmpBag);
        for (int i = 0; i < 3000; ++i)
            ancestors->read("xmp.did:" + std::to_string(1000000 + i) + "0123456789abcdef");
        xmp.add(Exiv2::XmpKey("Xmp.photoshop.DocumentAncestors"), ancestors.get());
        auto meta = metadataFromBlocks({}, xmpPacketOf(xmp), {});
        QVERIFY(meta.ok());
        MetadataWriteOptions options;
        options.iccProfile = m_icc;
        auto jpeg = freshTarget("jpeg", 16, 16);
        const Status fitted = embedMetadata(jpeg, meta->get(), options);
        QVERIFY2(fitted.ok(), fitted.ok() ? "" : fitted.error().message().c_str());
        auto dst = parse(jpeg);
        QCOMPARE(xmpValue(dst->image->xmpData(), "Xmp.photoshop.DocumentAncestors"),
                 std::string("<absent>"));
        QCOMPARE(xmpValue(dst->image->xmpData(), "Xmp.xmp.Rating"), std::string("3"));
        auto png = freshTarget("png", 16, 16);
        QVERIFY(embedMetadata(png, meta->get(), options).ok());
        QCOMPARE(parse(png)->image->xmpData().count(), 3L);

        Exiv2::XmpData huge;
        huge["Xmp.dc.description"] = "lang=x-default " + std::string(100000, 'x');
        auto hugeMeta = metadataFromBlocks({}, xmpPacketOf(huge), {});
        QVERIFY(hugeMeta.ok());
        auto jpeg2 = freshTarget("jpeg", 16, 16);
        const auto before = jpeg2;
        const Status tooLarge = embedMetadata(jpeg2, hugeMeta->get(), options);
        QVERIFY(!tooLarge.ok());
        QVERIFY2(tooLarge.error().what.find("XMP") != std::string::npos,
                 tooLarge.error().what.c_str());
        QVERIFY2(tooLarge.error().hint.find("TIFF") != std::string::npos,
                 tooLarge.error().hint.c_str());
        QVERIFY(jpeg2 == before);
        auto tiff = freshTarget("tiff", 16, 16);
        QVERIFY(embedMetadata(tiff, hugeMeta->get(), options).ok());
        QCOMPARE(parse(tiff)->image->xmpData().count(), 1L);
    }

    // Two sources that bind one XMP prefix to different namespaces: each exports under its own.
    void xmpPrefixBoundToTwoNamespaces() {
        auto packet = [](const char* uri, const char* value) {
            return std::string("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
                               "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                               "<rdf:Description rdf:about=\"\" xmlns:same=\"") +
                   uri + "\" same:Value=\"" + value + "\"/></rdf:RDF></x:xmpmeta>";
        };
        auto a = metadataFromBlocks({}, packet("http://example.com/first/", "one"), {});
        auto b = metadataFromBlocks({}, packet("http://example.com/second/", "two"), {});
        QVERIFY(a.ok() && b.ok());
        for (const auto& [meta, uri, other, value] :
             {std::tuple{a->get(), "http://example.com/first/", "http://example.com/second/",
                         "one"},
              std::tuple{b->get(), "http://example.com/second/", "http://example.com/first/",
                         "two"},
              std::tuple{a->get(), "http://example.com/first/", "http://example.com/second/",
                         "one"}}) {
            auto out = freshTarget("jpeg", 8, 8);
            MetadataWriteOptions options;
            options.iccProfile = m_icc;
            const Status s = embedMetadata(out, meta, options);
            QVERIFY2(s.ok(), s.ok() ? "" : s.error().message().c_str());
            const std::string written = parse(out)->image->xmpPacket();
            QVERIFY2(written.find(uri) != std::string::npos, written.c_str());
            QVERIFY2(written.find(other) == std::string::npos, written.c_str());
            QVERIFY2(written.find(std::string("\"") + value + "\"") != std::string::npos ||
                         written.find(std::string(">") + value + "<") != std::string::npos,
                     written.c_str());
        }
    }

    // Loads and exports run on worker threads: reading, summarising and embedding at once.
    void concurrentUse() {
        std::atomic<int> failures{0};
        std::mutex messagesMutex;
        std::string messages;
        auto note = [&](const std::string& m) {
            ++failures;
            std::lock_guard lock(messagesMutex);
            messages += "\n  " + m;
        };
        auto work = [&] {
            for (int i = 0; i < 15; ++i) {
                auto read = readMetadata(m_rich.data(), m_rich.size());
                if (!read) {
                    note("read: " + read.error().message());
                    continue;
                }
                if ((*read)->summary().iso != 400) {
                    note("summary: wrong ISO");
                    continue;
                }
                auto out = freshTarget("jpeg", 16, 16);
                MetadataWriteOptions options;
                options.iccProfile = m_icc;
                options.extraXmpPacket =
                    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
                    "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description "
                    "rdf:about=\"\" xmlns:thr=\"http://pictor.example/ns/thread" +
                    std::to_string(i) + "/\" thr:I=\"1\"/></rdf:RDF></x:xmpmeta>";
                if (Status s = embedMetadata(out, read->get(), options); !s)
                    note("embed: " + s.error().message());
            }
        };
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back(work);
        for (auto& t : threads)
            t.join();
        QVERIFY2(failures.load() == 0, messages.c_str());
    }

    // 6. Bad input: an Error, no crash.
    void badInput() {
        const std::vector<std::uint8_t> garbage = [] {
            std::vector<std::uint8_t> g(1000);
            std::mt19937 random(1);
            for (auto& b : g)
                b = std::uint8_t(random());
            return g;
        }();
        auto r = readMetadata(garbage.data(), garbage.size());
        QVERIFY(!r.ok());
        QVERIFY2(r.error().what.find("exiv2 cannot read metadata of this file type") !=
                     std::string::npos,
                 r.error().what.c_str());
        QVERIFY(!r.error().hint.empty());
        QVERIFY(!readMetadata(nullptr, 0).ok());
        QVERIFY(!readMetadata(garbage.data(), 0).ok());
        for (std::size_t cut : {2, 4, 20, 100}) {
            auto t = readMetadata(m_rich.data(), cut);
            QVERIFY2(!t.ok(), qPrintable(QString("cut at %1").arg(cut)));
        }
        // Truncated anywhere: an Error or (when the metadata came before the cut) a result.
        for (std::size_t cut = 1; cut < m_rich.size(); cut += 97) {
            auto t = readMetadata(m_rich.data(), cut);
            if (t) (void)(*t)->summary();
        }

        // Bytes flipped in the metadata segments: a result or an Error, and what reads embeds.
        std::mt19937 random(11);
        const auto small = freshTarget("jpeg", 8, 8);
        for (int i = 0; i < 200; ++i) {
            auto mutated = m_rich;
            const std::size_t span = std::min<std::size_t>(mutated.size(), 6000);
            for (int flips = 1 + int(random() % 8); flips > 0; --flips)
                mutated[random() % span] = std::uint8_t(random());
            auto read = readMetadata(mutated.data(), mutated.size());
            if (!read) continue;
            (void)(*read)->summary();
            auto out = small;
            MetadataWriteOptions o;
            o.iccProfile = m_icc;
            (void)embedMetadata(out, read->get(), o);
        }

        const auto meta = mustRead(m_rich);
        MetadataWriteOptions options;
        options.iccProfile = m_icc;
        std::vector<std::uint8_t> target = garbage;
        const Status s = embedMetadata(target, meta.get(), options);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().what.rfind("Cannot write metadata into the exported file", 0) == 0,
                 s.error().what.c_str());
        QVERIFY(target == garbage);
        std::vector<std::uint8_t> empty;
        QVERIFY(!embedMetadata(empty, meta.get(), options).ok());
        std::vector<std::uint8_t> truncated(m_rich.begin(), m_rich.begin() + 20);
        QVERIFY(!embedMetadata(truncated, meta.get(), options).ok());
        // An ICC profile that is not one is refused, not written.
        auto jpeg = freshTarget("jpeg", 8, 8);
        options.iccProfile = {1, 2, 3, 4, 5};
        QVERIFY(!embedMetadata(jpeg, meta.get(), options).ok());
    }

    // 7a. The rich JPEG corpus round-trips through embedMetadata.
    void corpusRoundTrip() {
        PICTOR_REQUIRE_SHARED("metadata/rich_metadata_jpegs.tsv");
        const fs::path data = test::sharedData();
        std::ifstream list(data / "metadata" / "rich_metadata_jpegs.tsv");
        std::string line;
        std::getline(list, line); // header
        int files = 0;
        std::string failures; // every file checked, every problem named with its key
        auto fail = [&failures](const std::string& rel, const std::string& problem) {
            failures += "\n  " + rel + ": " + problem;
        };
        while (std::getline(list, line)) {
            const std::string rel = line.substr(0, line.find('\t'));
            if (rel.empty()) continue;
            ++files;
            const auto bytes = test::readBytes(data / rel);
            auto read = readMetadata(bytes.data(), bytes.size());
            if (!read) {
                fail(rel, "readMetadata: " + read.error().message());
                continue;
            }
            auto out = freshTarget("jpeg", 48, 32);
            MetadataWriteOptions options;
            options.width = 48;
            options.height = 32;
            options.software = "Pictor test";
            options.iccProfile = m_icc;
            const Status embedded = embedMetadata(out, read->get(), options);
            if (!embedded) {
                fail(rel, "embedMetadata: " + embedded.error().message());
                continue;
            }
            auto src = parse(bytes);
            auto dst = parse(out);
            if (qEnvironmentVariableIsSet("PICTOR_TEST_VERBOSE"))
                qInfo("%s drops: %s", rel.c_str(),
                      absentKeys(src->image->exifData(), dst->image->exifData()).c_str());
            if (auto issue = exifProblem(src->image->exifData(), dst->image->exifData());
                !issue.empty())
                fail(rel, "EXIF: " + issue);
            if (dst->image->iptcData().count() != src->image->iptcData().count())
                fail(rel, "IPTC count " + std::to_string(dst->image->iptcData().count()) +
                              " != " + std::to_string(src->image->iptcData().count()));
            if (auto issue = xmpProblem(src->image->xmpData(), dst->image->xmpData());
                !issue.empty())
                fail(rel, "XMP: " + issue);
            long droppedXmp = 0;
            for (const auto& d : src->image->xmpData())
                droppedXmp += isDocumentedXmpDrop(d.key());
            if (dst->image->xmpData().count() != src->image->xmpData().count() - droppedXmp)
                fail(rel, "XMP count " + std::to_string(dst->image->xmpData().count()) +
                              " != " + std::to_string(src->image->xmpData().count()) + " - " +
                              std::to_string(droppedXmp));
            if (iccOf(*dst->image) != m_icc)
                fail(rel, "the output ICC profile is not the one given");
            if (mustRead(out)->summary().orientation != 1) fail(rel, "orientation is not 1");
        }
        QVERIFY2(failures.empty(), failures.c_str());
        QVERIFY(files >= 10);
    }

    // 7b. Every container and camera RAW kind reads (BMFF included), and its metadata exports
    // into a JPEG without the RAW's structure and with every other key.
    void formatsAndRaws_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("make");
        const std::pair<const char*, const char*> rows[] = {
            {"raw/stubs/exiftool_CanonRaw.cr2", "Canon"},
            {"raw/stubs/exiftool_CanonRaw.crw", "Canon"},
            {"raw/stubs/exiftool_DNG.dng", "Canon"},
            {"raw/stubs/exiftool_FujiFilm.raf", "FUJIFILM"},
            {"raw/stubs/exiftool_Minolta.mrw", "Konica Minolta Camera, Inc."},
            {"raw/stubs/exiftool_Nikon.nef", "NIKON CORPORATION"},
            {"raw/stubs/exiftool_Panasonic.rw2", "Panasonic"},
            {"raw/stubs/exiftool_PhaseOne.iiq", "Leaf"},
            {"raw/stubs/exiv2_Canon-R6-pruned.CR3", "Canon"},
            {"raw/stubs/exiv2_IMG_1361.dng", "Apple"},
            {"raw/stubs/ohos_readmetadata001.dng", "Apple"},
            {"raw/real/RAW_KODAK_DC50.KDC", "Eastman Kodak Company"},
            {"raw/real/tinydng_colorchart_CanonEOSKissX4.dng", "Canon"},
            {"metadata/formats/heic/IMG_2682.heic", "Apple"},
            {"metadata/formats/motionphoto/samsung-one-ui-6.heic", "samsung"},
            {"metadata/formats/jpeg/el_torcal_rocks.jpeg", "SONY"},
            {"metadata/formats/webp/denali.webp", "Canon"},
            {"metadata/exifr/fixtures/heic-iphone7.heic", "Apple"},
            {"metadata/exifr/fixtures/avif/Irvine_CA.avif", "Apple"},
            {"metadata/exifr/fixtures/png/png_with_exif_and_gps.png", ""},
            {"metadata/exifr/fixtures/tif-with-iptc-icc-xmp.tif", ""},
        };
        for (const auto& [file, make] : rows)
            QTest::newRow(file) << file << make;
    }
    void formatsAndRaws() {
        QFETCH(QString, file);
        QFETCH(QString, make);
        PICTOR_REQUIRE_SHARED("raw/stubs");
        const fs::path path = test::sharedData() / file.toStdString();
        if (!fs::exists(path)) QSKIP("file absent from this copy of the shared data");
        const auto bytes = test::readBytes(path);
        auto read = readMetadata(bytes.data(), bytes.size());
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message().c_str());
        const MetadataSummary s = (*read)->summary();
        if (!make.isEmpty()) QCOMPARE(QString::fromStdString(s.cameraMake), make);
        QVERIFY(s.exifCount + s.xmpCount > 0);

        auto out = freshTarget("jpeg", 48, 32);
        MetadataWriteOptions options;
        options.width = 48;
        options.height = 32;
        options.software = "Pictor test";
        options.iccProfile = m_icc;
        const Status embedded = embedMetadata(out, read->get(), options);
        QVERIFY2(embedded.ok(), embedded.ok() ? "" : embedded.error().message().c_str());
        auto src = parse(bytes);
        auto dst = parse(out);
        if (qEnvironmentVariableIsSet("PICTOR_TEST_VERBOSE"))
            qInfo("drops: %s", absentKeys(src->image->exifData(), dst->image->exifData()).c_str());
        for (const auto& d : dst->image->exifData())
            QVERIFY2(!isDocumentedDrop(d), d.key().c_str());
        const std::string exifIssue = exifProblem(src->image->exifData(), dst->image->exifData());
        QVERIFY2(exifIssue.empty(), exifIssue.c_str());
        const std::string xmpIssue = xmpProblem(src->image->xmpData(), dst->image->xmpData());
        QVERIFY2(xmpIssue.empty(), xmpIssue.c_str());
        QCOMPARE(dst->image->iptcData().count(), src->image->iptcData().count());
        const MetadataSummary t = mustRead(out)->summary();
        QCOMPARE(t.cameraMake, s.cameraMake);
        QCOMPARE(t.cameraModel, s.cameraModel);
        QCOMPARE(t.captureTime, s.captureTime);
        QCOMPARE(t.orientation, 1);
    }

    // 7c. Malformed files and the exifr corpus: a result or an Error, never a crash or a hang;
    // what reads also summarises and embeds without crashing.
    void corpusRobustness_data() {
        QTest::addColumn<QString>("dir");
        QTest::newRow("exiv2_pocs") << "malformed/exiv2_pocs";
        QTest::newRow("exifr") << "metadata/exifr";
    }
    void corpusRobustness() {
        QFETCH(QString, dir);
        if (dir == "metadata/exifr")
            PICTOR_REQUIRE_SHARED("metadata/exifr");
        else
            PICTOR_REQUIRE_SHARED("malformed/exiv2_pocs");
        const fs::path root = test::sharedData() / dir.toStdString();
        const auto files = filesUnder(root);
        QVERIFY(!files.empty());
        const bool verbose = qEnvironmentVariableIsSet("PICTOR_TEST_VERBOSE");
        int ok = 0, errors = 0, embedded = 0;
        const auto target = freshTarget("jpeg", 16, 16);
        for (const auto& file : files) {
            if (verbose) qInfo("%s", file.string().c_str());
            const auto bytes = test::readBytes(file);
            const auto start = std::chrono::steady_clock::now();
            auto read = readMetadata(bytes.data(), bytes.size());
            if (!read) {
                ++errors;
                if (verbose) qInfo("  read: %s", read.error().message().c_str());
                QVERIFY2(!read.error().what.empty() && !read.error().hint.empty(),
                         file.string().c_str());
            } else {
                ++ok;
                (void)(*read)->summary();
                auto out = target;
                MetadataWriteOptions options;
                options.width = 16;
                options.height = 16;
                options.iccProfile = m_icc;
                const Status s = embedMetadata(out, read->get(), options);
                if (s) {
                    ++embedded;
                    QVERIFY2(readMetadata(out.data(), out.size()).ok(), file.string().c_str());
                } else if (verbose) {
                    qInfo("  embed: %s", s.error().message().c_str());
                }
            }
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            QVERIFY2(seconds < 30, qPrintable(QString("%1 took %2 s")
                                                  .arg(QString::fromStdString(file.string()))
                                                  .arg(seconds)));
        }
        qInfo("%s: %d files, %d read (%d embedded again), %d errors", qPrintable(dir),
              int(files.size()), ok, embedded, errors);
    }
};

QTEST_GUILESS_MAIN(MetadataTest)
#include "tst_metadata.moc"

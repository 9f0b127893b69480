// Recipe sidecars (photo.ext.xmp) and the recipe embedded in exported files: write then read,
// another program's sidecar keeps all of its data, malformed sidecars are refused and left
// byte-identical, and recipeXmpPacket + embedMetadata round trip through JPEG, PNG and TIFF.
// (No raw string literals here: Qt 6.4's moc misreads some of them and then silently generates
// nothing for the test class.)
#include "io/Metadata.h"
#include "recipe/RecipeJson.h"
#include "recipe/Sidecar.h"
#include "support/Fixtures.h"

#include <exiv2/exiv2.hpp>
#include <opencv2/imgcodecs.hpp>

#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <thread>

using namespace pictor;
namespace fs = std::filesystem;

namespace {

// Setting up a fixture must not fail (and must run in release builds, unlike Q_ASSERT).
void must(bool ok) {
    if (!ok) qFatal("a test fixture could not be built");
}

Recipe sampleRecipe() {
    Recipe r;
    must(r.set("exposure", "exposure", 0.8).ok());
    must(r.set("white_balance", "temperature", 5400).ok());
    must(r.set("tone", "shadows", 35).ok());
    must(r.setPoints("tone_curve", "points", {{0, 0}, {0.25, 0.2}, {0.75, 0.8}, {1, 1}}).ok());
    must(r.set("vignette", "amount", -15).ok());
    r.unknown["future"] = "{\"a\":[1,\"<&>\\\"\"]}"; // XML-hostile characters inside
    r.unknownOps.push_back("{\"enabled\":true,\"id\":\"sky\",\"params\":{\"x\":1},\"version\":2}");
    return r;
}

std::string readText(const fs::path& path) {
    const auto bytes = test::readBytes(path);
    return std::string(bytes.begin(), bytes.end());
}

void writeText(const fs::path& path, const std::string& text) {
    test::writeBytes(path, std::vector<std::uint8_t>(text.begin(), text.end()));
}

// key → value as exiv2 decodes an XMP text (empty map when it does not parse).
std::map<std::string, std::string> xmpProperties(const std::string& text) {
    Exiv2::XmpData xmp;
    std::map<std::string, std::string> out;
    if (Exiv2::XmpParser::decode(xmp, text) != 0) return out;
    for (const auto& d : xmp)
        out[d.key()] = d.toString();
    return out;
}

// A sidecar as darktable writes them: attributes, a history of structs, empty arrays.
const char* const kDarktableSidecar =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\" x:xmptk=\"XMP Core 4.4.0-Exiv2\">\n"
    " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
    "  <rdf:Description rdf:about=\"\"\n"
    "    xmlns:exif=\"http://ns.adobe.com/exif/1.0/\"\n"
    "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
    "    xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n"
    "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
    "    xmlns:lr=\"http://ns.adobe.com/lightroom/1.0/\"\n"
    "    xmlns:darktable=\"http://darktable.sf.net/\"\n"
    "   exif:DateTimeOriginal=\"2024:05:01 10:11:12\"\n"
    "   xmp:Rating=\"3\"\n"
    "   xmpMM:DerivedFrom=\"IMG_0001.CR2\"\n"
    "   darktable:import_timestamp=\"63850000000000000\"\n"
    "   darktable:xmp_version=\"5\"\n"
    "   darktable:raw_params=\"0\"\n"
    "   darktable:auto_presets_applied=\"1\"\n"
    "   darktable:history_end=\"2\">\n"
    "   <dc:creator><rdf:Seq><rdf:li>Jane Doe</rdf:li></rdf:Seq></dc:creator>\n"
    "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Harbour at "
    "dawn</rdf:li></rdf:Alt></dc:title>\n"
    "   <dc:subject><rdf:Bag><rdf:li>harbour</rdf:li><rdf:li>dawn</rdf:li></rdf:Bag></dc:subject>\n"
    "   <lr:hierarchicalSubject>\n"
    "    <rdf:Bag><rdf:li>places|harbour</rdf:li><rdf:li>time|dawn</rdf:li></rdf:Bag>\n"
    "   </lr:hierarchicalSubject>\n"
    "   <darktable:masks_history><rdf:Seq/></darktable:masks_history>\n"
    "   <darktable:history>\n"
    "    <rdf:Seq>\n"
    "     <rdf:li darktable:num=\"0\" darktable:operation=\"exposure\" darktable:enabled=\"1\"\n"
    "      darktable:modversion=\"6\" "
    "darktable:params=\"0000000000000000cdcccc3e0000484200000000\"\n"
    "      darktable:multi_name=\"\" darktable:multi_priority=\"0\" "
    "darktable:blendop_version=\"11\"\n"
    "      "
    "darktable:blendop_params=\"gz11eJxjYIAACQYYOOHEgAZY0QWAgBGLGANDgz0Ez7IHxgEAnJwGOQ==\"/>\n"
    "     <rdf:li darktable:num=\"1\" darktable:operation=\"colorbalancergb\" "
    "darktable:enabled=\"1\"\n"
    "      darktable:modversion=\"5\" darktable:params=\"abcd\" darktable:multi_name=\"mask 1\"\n"
    "      darktable:multi_priority=\"1\" darktable:blendop_version=\"11\" "
    "darktable:blendop_params=\"gz\"/>\n"
    "    </rdf:Seq>\n"
    "   </darktable:history>\n"
    "  </rdf:Description>\n"
    " </rdf:RDF>\n"
    "</x:xmpmeta>\n";

// A sidecar as Lightroom writes them (photo.xmp style content), with a custom namespace struct.
const char* const kLightroomSidecar =
    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\" x:xmptk=\"Adobe XMP Core 7.0-c000 1.000000, "
    "0000/00/00-00:00:00\">\n"
    " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
    "  <rdf:Description rdf:about=\"\"\n"
    "    xmlns:crs=\"http://ns.adobe.com/camera-raw-settings/1.0/\"\n"
    "    xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\"\n"
    "    xmlns:acme=\"http://example.com/acme/2.0/\"\n"
    "   crs:Version=\"15.0\" crs:ProcessVersion=\"11.0\" crs:WhiteBalance=\"Custom\"\n"
    "   crs:Temperature=\"5200\" crs:Tint=\"+8\" crs:Exposure2012=\"+0.35\" "
    "crs:Shadows2012=\"+22\"\n"
    "   photoshop:DateCreated=\"2024-05-01T10:11:12\" acme:Project=\"Harbour\">\n"
    "   <crs:ToneCurvePV2012><rdf:Seq><rdf:li>0, 0</rdf:li><rdf:li>128, 140</rdf:li>\n"
    "    <rdf:li>255, 255</rdf:li></rdf:Seq></crs:ToneCurvePV2012>\n"
    "   <acme:Info rdf:parseType=\"Resource\"><acme:Client>Port authority</acme:Client>\n"
    "    <acme:Job>17</acme:Job></acme:Info>\n"
    "  </rdf:Description>\n"
    " </rdf:RDF>\n"
    "</x:xmpmeta>";

// The same kinds of data made with exiv2's own API, as the brief's "another program".
std::string exiv2MadeSidecar() {
    Exiv2::XmpProperties::registerNs("http://darktable.sf.net/", "darktable");
    Exiv2::XmpProperties::registerNs("http://example.com/custom/1.0/", "custom");
    Exiv2::XmpData xmp;
    Exiv2::XmpTextValue creator("Jane Doe");
    Exiv2::XmpArrayValue seq(Exiv2::xmpSeq);
    seq.read("Jane Doe");
    xmp.add(Exiv2::XmpKey("Xmp.dc.creator"), &seq);
    Exiv2::XmpArrayValue bag(Exiv2::xmpBag);
    bag.read("places|harbour");
    bag.read("time|dawn");
    xmp.add(Exiv2::XmpKey("Xmp.lr.hierarchicalSubject"), &bag);
    Exiv2::XmpTextValue history;
    history.setXmpArrayType(Exiv2::XmpValue::xaSeq);
    xmp.add(Exiv2::XmpKey("Xmp.darktable.history"), &history);
    xmp["Xmp.darktable.history[1]/darktable:operation"] = "exposure";
    xmp["Xmp.darktable.history[1]/darktable:params"] = "0000cdcccc3e";
    xmp["Xmp.darktable.history[2]/darktable:operation"] = "filmicrgb";
    xmp["Xmp.darktable.history_end"] = "2";
    xmp["Xmp.custom.Note"] = "keep me";
    xmp["Xmp.xmp.Rating"] = "4";
    std::string packet;
    if (Exiv2::XmpParser::encode(packet, xmp) != 0) return {};
    return packet;
}

} // namespace

class SidecarTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sidecarPathNaming() {
        QCOMPARE(sidecarPath("/photos/IMG_1.CR3"), fs::path("/photos/IMG_1.CR3.xmp"));
        QCOMPARE(sidecarPath("a b/photo.jpeg"), fs::path("a b/photo.jpeg.xmp"));
        QCOMPARE(sidecarPath("photo"), fs::path("photo.xmp"));
    }

    void noSidecarGivesEmptyRecipe() {
        QTemporaryDir dir;
        const fs::path photo = fs::path(dir.path().toStdString()) / "photo.jpg";
        auto read = readSidecar(photo);
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message().c_str());
        QVERIFY(read->recipe.empty());
        // An empty file and a sidecar without our property: empty too.
        writeText(sidecarPath(photo), "");
        read = readSidecar(photo);
        QVERIFY(read.ok() && read->recipe.empty());
        writeText(sidecarPath(photo), kLightroomSidecar);
        read = readSidecar(photo);
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message().c_str());
        QVERIFY(read->recipe.empty());
    }

    void writeThenRead() {
        QTemporaryDir dir;
        const fs::path photo = fs::path(dir.path().toStdString()) / "photo.jpg";
        const Recipe recipe = sampleRecipe();
        const Status written = writeSidecar(photo, recipe);
        QVERIFY2(written.ok(), written.ok() ? "" : written.error().message().c_str());
        QVERIFY(fs::exists(sidecarPath(photo)));
        const std::string text = readText(sidecarPath(photo));
        QVERIFY(text.find(kPictorXmpNamespace) != std::string::npos);
        QVERIFY(text.find("pictor:recipe") != std::string::npos);
        auto read = readSidecar(photo);
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message().c_str());
        QVERIFY2(read->recipe == recipe, toJson(read->recipe).c_str());
        QCOMPARE(toJson(read->recipe), toJson(recipe));
        // The unknown parts are reported on reading, as for any recipe.
        QVERIFY(!read->notes.empty());

        // Writing again replaces the recipe; no temporary files are left.
        Recipe second;
        QVERIFY(second.set("exposure", "exposure", -1).ok());
        QVERIFY(writeSidecar(photo, second).ok());
        read = readSidecar(photo);
        QVERIFY(read.ok());
        QVERIFY(read->recipe == second);
        int files = 0;
        for (const auto& entry : fs::directory_iterator(dir.path().toStdString())) {
            (void)entry;
            ++files;
        }
        QCOMPARE(files, 1);
    }

    void keepsOtherProgramsData_data() {
        QTest::addColumn<QString>("sidecar");
        QTest::addColumn<QStringList>("mustKeep"); // key=value pairs checked explicitly
        QTest::newRow("darktable")
            << QString(kDarktableSidecar)
            << QStringList{"Xmp.dc.creator=Jane Doe",
                           "Xmp.lr.hierarchicalSubject=places|harbour, "
                           "time|dawn",
                           "Xmp.darktable.history[2]/"
                           "darktable:operation=colorbalancergb",
                           "Xmp.darktable.history_end=2", "Xmp.xmp.Rating=3"};
        QTest::newRow("lightroom")
            << QString(kLightroomSidecar)
            << QStringList{"Xmp.crs.Exposure2012=+0.35",
                           "Xmp.crs.ToneCurvePV2012=0, 0, 128, 140, 255, "
                           "255",
                           "Xmp.acme.Project=Harbour", "Xmp.acme.Info/acme:Client=Port authority"};
        QTest::newRow("made with exiv2")
            << QString::fromStdString(exiv2MadeSidecar())
            << QStringList{"Xmp.dc.creator=Jane Doe",
                           "Xmp.lr.hierarchicalSubject=places|harbour, time|dawn",
                           "Xmp.darktable.history[1]/darktable:operation=exposure",
                           "Xmp.custom.Note=keep me"};
    }
    void keepsOtherProgramsData() {
        QFETCH(QString, sidecar);
        QFETCH(QStringList, mustKeep);
        QTemporaryDir dir;
        const fs::path photo = fs::path(dir.path().toStdString()) / "IMG_0001.CR2";
        const std::string original = sidecar.toStdString();
        QVERIFY(!original.empty());
        writeText(sidecarPath(photo), original);
        const auto before = xmpProperties(original);
        QVERIFY(before.size() >= 4);

        const Recipe recipe = sampleRecipe();
        const Status written = writeSidecar(photo, recipe);
        QVERIFY2(written.ok(), written.ok() ? "" : written.error().message().c_str());
        const std::string text = readText(sidecarPath(photo));
        const auto after = xmpProperties(text);
        for (const auto& [key, value] : before) {
            QVERIFY2(after.count(key), ("lost " + key).c_str());
            QVERIFY2(after.at(key) == value, (key + ": " + after.at(key) + " != " + value).c_str());
        }
        QCOMPARE(after.size(), before.size() + 1);
        for (const QString& pair : mustKeep) {
            const std::string key = pair.section('=', 0, 0).toStdString();
            const std::string value = pair.section('=', 1).toStdString();
            QVERIFY2(after.count(key), ("missing " + key).c_str());
            QVERIFY2(after.at(key) == value, (key + " = " + after.at(key)).c_str());
        }
        // Namespaces keep their URIs (a custom one included).
        for (const char* uri : {"http://example.com/acme/2.0/", "http://example.com/custom/1.0/",
                                "http://darktable.sf.net/"})
            if (original.find(uri) != std::string::npos)
                QVERIFY2(text.find(uri) != std::string::npos, uri);

        auto read = readSidecar(photo);
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message().c_str());
        QVERIFY(read->recipe == recipe);
        // Updating the recipe again keeps everything still.
        Recipe other;
        QVERIFY(other.set("color", "vibrance", 20).ok());
        QVERIFY(writeSidecar(photo, other).ok());
        const auto again = xmpProperties(readText(sidecarPath(photo)));
        QCOMPARE(again.size(), after.size());
        for (const auto& [key, value] : before)
            QVERIFY2(again.count(key) && again.at(key) == value, key.c_str());
        read = readSidecar(photo);
        QVERIFY(read.ok() && read->recipe == other);
    }

    void malformedSidecarIsLeftAlone_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        const std::string good = kDarktableSidecar;
        QTest::newRow("truncated")
            << QByteArray::fromStdString(good.substr(0, good.size() / 2)) << "cannot parse";
        QByteArray binary(4096, '\0');
        for (int i = 0; i < binary.size(); ++i)
            binary[i] = char((i * 7919) ^ (i >> 3));
        QTest::newRow("binary") << binary << "not XMP";
        QTest::newRow("not XMP") << QByteArray("<html><body>notes about the photo</body></html>")
                                 << "not XMP";
        std::string broken = good;
        broken.replace(broken.find("</dc:creator>"), 13, "</dc:creatr>");
        QTest::newRow("mismatched tag") << QByteArray::fromStdString(broken) << "cannot parse";
        QTest::newRow("bad recipe JSON")
            << QByteArray::fromStdString(
                   "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
                   "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                   "<rdf:Description rdf:about=\"\" xmlns:pictor="
                   "\"" +
                   std::string(kPictorXmpNamespace) +
                   "\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                   "pictor:recipe=\"{&quot;ops&quot;:[\" dc:format=\"x\"/>"
                   "</rdf:RDF></x:xmpmeta>")
            << "recipe";
        QTest::newRow("newer recipe format")
            << QByteArray::fromStdString(
                   "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
                   "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                   "<rdf:Description rdf:about=\"\" xmlns:pictor="
                   "\"" +
                   std::string(kPictorXmpNamespace) +
                   "\" pictor:recipe=\"{&quot;pictorRecipe&quot;:7}\"/>"
                   "</rdf:RDF></x:xmpmeta>")
            << "newer Pictor";
    }
    void malformedSidecarIsLeftAlone() {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const fs::path photo = fs::path(dir.path().toStdString()) / "photo.jpg";
        const fs::path path = sidecarPath(photo);
        const std::vector<std::uint8_t> bytes(content.begin(), content.end());
        test::writeBytes(path, bytes);
        const auto modified = fs::last_write_time(path);

        auto read = readSidecar(photo);
        QVERIFY(!read.ok());
        QVERIFY2(read.error().what.find(expected.toStdString()) != std::string::npos,
                 read.error().what.c_str());
        QVERIFY2(read.error().what.find(path.filename().string()) != std::string::npos,
                 read.error().what.c_str());
        QVERIFY(!read.error().hint.empty());

        const Status written = writeSidecar(photo, sampleRecipe());
        QVERIFY(!written.ok());
        QVERIFY(!written.error().hint.empty());
        QVERIFY2(written.error().message().find("unchanged") != std::string::npos,
                 written.error().message().c_str());
        QVERIFY(test::readBytes(path) == bytes); // byte-identical
        QVERIFY(fs::last_write_time(path) == modified);

        // A sidecar whose XMP is fine but whose recipe is unreadable may be replaced on request,
        // keeping the other properties.
        if (expected == "recipe" || expected == "newer Pictor") {
            const Status replaced = writeSidecar(photo, sampleRecipe(), SidecarWriteOptions{true});
            QVERIFY2(replaced.ok(), replaced.ok() ? "" : replaced.error().message().c_str());
            auto again = readSidecar(photo);
            QVERIFY(again.ok() && again->recipe == sampleRecipe());
            if (expected == "recipe")
                QCOMPARE(xmpProperties(readText(path)).count("Xmp.dc.format"), std::size_t(1));
        }
    }

    // Our property is found by namespace URI, whatever prefix a file binds to it; another
    // namespace that happens to use the prefix "pictor" is not ours and is kept.
    void namespaceIsByUri() {
        QTemporaryDir dir;
        const fs::path photo = fs::path(dir.path().toStdString()) / "photo.jpg";
        const std::string head =
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
            "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description "
            "rdf:about=\"\" ";
        const std::string tail = "/></rdf:RDF></x:xmpmeta>";
        writeText(
            sidecarPath(photo),
            head + "xmlns:pr=\"" + kPictorXmpNamespace +
                "\" pr:recipe=\"{&quot;ops&quot;:[{&quot;id&quot;:&quot;exposure&quot;,"
                "&quot;params&quot;:{&quot;exposure&quot;:2}}],&quot;pictorRecipe&quot;:1}\"" +
                tail);
        auto read = readSidecar(photo);
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message().c_str());
        QCOMPARE(read->recipe.value("exposure", "exposure"), 2.0);

        writeText(sidecarPath(photo),
                  head +
                      "xmlns:pictor=\"http://example.com/not-pictor/\" pictor:recipe=\"theirs\"" +
                      tail);
        read = readSidecar(photo);
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message().c_str());
        QVERIFY(read->recipe.empty());
        QVERIFY(writeSidecar(photo, sampleRecipe()).ok());
        const std::string text = readText(sidecarPath(photo));
        QVERIFY2(text.find("http://example.com/not-pictor/") != std::string::npos, text.c_str());
        QVERIFY2(text.find(">theirs<") != std::string::npos ||
                     text.find("=\"theirs\"") != std::string::npos,
                 text.c_str());
        read = readSidecar(photo);
        QVERIFY(read.ok() && read->recipe == sampleRecipe());
    }

    void sidecarThatIsAFolder() {
        QTemporaryDir dir;
        const fs::path photo = fs::path(dir.path().toStdString()) / "photo.jpg";
        fs::create_directory(sidecarPath(photo));
        QVERIFY(!readSidecar(photo).ok());
        const Status written = writeSidecar(photo, sampleRecipe());
        QVERIFY(!written.ok());
        QVERIFY(fs::is_directory(sidecarPath(photo)));
    }

    void xmpPacketWithoutRecipe() {
        auto none = recipeFromXmpPacket(kLightroomSidecar);
        QVERIFY(none.ok() && none->recipe.empty());
        QVERIFY(!recipeFromXmpPacket("<x:xmpmeta").ok());
    }

    void embeddedInExportedFiles_data() {
        QTest::addColumn<QString>("format");
        QTest::newRow("jpeg") << "jpeg";
        QTest::newRow("png") << "png";
        QTest::newRow("tiff") << "tiff";
    }
    void embeddedInExportedFiles() {
        QFETCH(QString, format);
        const int width = 64, height = 48;
        const auto rgb = test::makePatternRgb8(width, height);
        std::vector<std::uint8_t> file;
        if (format == "jpeg") {
            file = test::encodeJpeg(rgb, width, height);
        } else {
            cv::Mat image(height, width, CV_8UC3, const_cast<std::uint8_t*>(rgb.data()));
            std::vector<uchar> out;
            QVERIFY(cv::imencode(format == "png" ? ".png" : ".tiff", image, out));
            file.assign(out.begin(), out.end());
        }
        const Recipe recipe = sampleRecipe();
        auto packet = recipeXmpPacket(recipe);
        QVERIFY2(packet.ok(), packet.ok() ? "" : packet.error().message().c_str());
        MetadataWriteOptions options;
        options.width = width;
        options.height = height;
        options.extraXmpPacket = *packet;
        const Status embedded = embedMetadata(file, nullptr, options);
        QVERIFY2(embedded.ok(), embedded.ok() ? "" : embedded.error().message().c_str());

        // Read back with exiv2 alone, then parse.
        auto image = Exiv2::ImageFactory::open(file.data(), long(file.size()));
        QVERIFY(image.get());
        image->readMetadata();
        const std::string xmpPacket = image->xmpPacket();
        QVERIFY2(xmpPacket.find(kPictorXmpNamespace) != std::string::npos, xmpPacket.c_str());
        auto read = recipeFromXmpPacket(xmpPacket);
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message().c_str());
        QVERIFY2(read->recipe == recipe, toJson(read->recipe).c_str());
    }

    void parallelSidecars() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        std::vector<std::thread> threads;
        std::vector<int> failures(4, 0);
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&, t] {
                const fs::path photo = root / ("p" + std::to_string(t) + ".jpg");
                if (t % 2) writeText(sidecarPath(photo), kDarktableSidecar);
                for (int i = 0; i < 15; ++i) {
                    Recipe r;
                    (void)r.set("exposure", "exposure", (t * 15 + i) / 100.0);
                    if (!writeSidecar(photo, r).ok()) ++failures[t];
                    auto read = readSidecar(photo);
                    if (!read.ok() || !(read->recipe == r)) ++failures[t];
                    if (!recipeXmpPacket(r).ok()) ++failures[t];
                }
            });
        for (auto& th : threads)
            th.join();
        for (int t = 0; t < 4; ++t)
            QCOMPARE(failures[t], 0);
        const auto kept = xmpProperties(readText(root / "p1.jpg.xmp"));
        QVERIFY(kept.count("Xmp.darktable.history[2]/darktable:operation"));
    }
};

QTEST_GUILESS_MAIN(SidecarTest)
#include "tst_sidecar.moc"

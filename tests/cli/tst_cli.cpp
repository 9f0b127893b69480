// pictor-cli as a user drives it: help, version, info, convert, and its error contract (one clear
// line on stderr, a non-zero exit, nothing written).
#include "io/Photo.h"
#include "support/Fixtures.h"

#include <cstring>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace fs = std::filesystem;
using namespace pictor;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const QStringList& args) {
    QProcess process;
    process.start(QString::fromStdString(test::cliPath()), args);
    if (!process.waitForFinished(120000)) {
        process.kill();
        return {};
    }
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString sample() { return qEnvironmentVariable("PICTOR_SAMPLE"); }

} // namespace

class CliTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void helpListsCommands() {
        const Run run = cli({"--help"});
        QCOMPARE(run.exitCode, 0);
        for (const char* command : {"info", "convert", "bench"}) QVERIFY(run.out.contains(command));
        const Run convertHelp = cli({"convert", "--help"});
        QCOMPARE(convertHelp.exitCode, 0);
        QVERIFY(convertHelp.out.contains("--colorspace"));
        QVERIFY(convertHelp.out.contains("--strip"));
    }

    void versionNamesTheComputeDevice() {
        const Run run = cli({"--version"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("Pictor 0."));
        QVERIFY2(run.out.contains("Compute device: CPU") || run.out.contains("Compute device: CUDA"),
                 qPrintable(run.out));
    }

    void infoJsonDescribesTheSample() {
        const Run run = cli({"info", sample(), "--json"});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject info = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(info["format"].toString(), QString("JPEG"));
        QCOMPARE(info["width"].toInt(), 5312);
        QCOMPARE(info["height"].toInt(), 2988);
        QVERIFY(info["colorProfile"].toString().contains("sRGB"));
        QVERIFY(info.contains("metadataCounts"));
        const Run human = cli({"info", sample()});
        QCOMPARE(human.exitCode, 0);
        QVERIFY(human.out.contains("5312 × 2988"));
    }

    void convertWritesAndKeepsMetadata() {
        QTemporaryDir dir;
        const QString source = dir.filePath("camera.jpg");
        auto jpeg = test::encodeJpeg(test::makePatternRgb8(300, 200), 300, 200);
        jpeg = test::withOrientationAndIcc(jpeg, 6);
        test::writeBytes(source.toStdString(), jpeg);
        const QString out = dir.filePath("out.tif");
        const Run run = cli({"convert", source, "-o", out, "--colorspace", "adobergb", "--long-edge", "150"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const Run info = cli({"info", out, "--json"});
        const QJsonObject o = QJsonDocument::fromJson(info.out.toUtf8()).object();
        QCOMPARE(o["width"].toInt(), 100); // rotated upright (orientation 6), then long edge 150
        QCOMPARE(o["height"].toInt(), 150);
        QCOMPARE(o["orientation"].toInt(), 1);
        QCOMPARE(o["bitsPerSample"].toInt(), 16);
        QVERIFY(o["colorProfile"].toString().contains("Adobe RGB"));
    }

    void errorsAreOneClearLineAndWriteNothing_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing input") << QStringList{"convert", "nope.jpg", "-o", "OUT/x.jpg"} << 1 << "does not exist";
        QTest::newRow("corrupt input") << QStringList{"convert", "IN/corrupt.jpg", "-o", "OUT/x.jpg"} << 1 << "JPEG";
        QTest::newRow("bad extension") << QStringList{"convert", "IN/good.jpg", "-o", "OUT/x.bmp"} << 2 << "unknown output format";
        QTest::newRow("bad colorspace") << QStringList{"convert", "IN/good.jpg", "-o", "OUT/x.jpg", "--colorspace", "cmyk"} << 2 << "colour space";
        QTest::newRow("bad quality") << QStringList{"convert", "IN/good.jpg", "-o", "OUT/x.jpg", "--quality", "0"} << 2 << "quality";
        QTest::newRow("no output") << QStringList{"convert", "IN/good.jpg"} << 2 << "-o OUT";
        QTest::newRow("over pixel limit") << QStringList{"convert", "IN/good.jpg", "-o", "OUT/x.jpg", "--max-megapixels", "0.001"} << 1 << "limit";
        QTest::newRow("missing folder") << QStringList{"convert", "IN/good.jpg", "-o", "OUT/none/x.jpg"} << 1 << "does not exist";
        // /sys refuses new files even to root, so this holds when the tests run as root (CI).
        QTest::newRow("unwritable folder") << QStringList{"convert", "IN/good.jpg", "-o", "/sys/pictor-test.jpg"} << 1 << "permission denied";
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << 2 << "unknown command";
        QTest::newRow("info on folder") << QStringList{"info", "IN"} << 1 << "folder";
    }
    void errorsAreOneClearLineAndWriteNothing() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, expected);
        QTemporaryDir in, out;
        test::writeBytes(in.filePath("good.jpg").toStdString(),
                         test::encodeJpeg(test::makePatternRgb8(64, 48), 64, 48));
        auto corrupt = test::encodeJpeg(test::makePatternRgb8(64, 48), 64, 48);
        corrupt.resize(corrupt.size() / 2);
        test::writeBytes(in.filePath("corrupt.jpg").toStdString(), corrupt);
        for (QString& a : args) a.replace("IN", in.path()).replace("OUT", out.path());
        const Run run = cli(args);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(expected), qPrintable(run.err));
        QVERIFY(run.err.trimmed().split('\n').size() <= 2); // message (+ usage pointer)
        QVERIFY2(fs::is_empty(out.path().toStdString()), "an output file was left behind");
    }

    // apply: a recipe brightens exactly as asked, is embedded in the output, and an empty
    // recipe gives exactly what convert gives.
    void applyRendersAndEmbedsTheRecipe() {
        QTemporaryDir dir;
        // A flat grey JPEG: +1 EV must double its linear value.
        std::vector<std::uint8_t> rgb(64 * 48 * 3, 118);
        test::writeBytes(dir.filePath("grey.jpg").toStdString(), test::encodeJpeg(rgb, 64, 48, 100));
        auto writeText = [&](const char* name, const char* text) {
            test::writeBytes(dir.filePath(name).toStdString(), std::vector<std::uint8_t>(text, text + std::strlen(text)));
        };
        writeText("plus1.json", R"({"pictorRecipe":1,"ops":[{"id":"exposure","version":1,"params":{"exposure":1}}]})");
        writeText("empty.json", R"({"pictorRecipe":1,"ops":[]})");
        writeText("bad.json", "{ not json");
        const QString in = dir.filePath("grey.jpg");
        Run run = cli({"apply", in, "-o", dir.filePath("bright.tif"), "--recipe", dir.filePath("plus1.json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QByteArray bright = QByteArray::fromStdString(
            std::string(reinterpret_cast<const char*>(test::readBytes(dir.filePath("bright.tif").toStdString()).data()),
                        test::readBytes(dir.filePath("bright.tif").toStdString()).size()));
        QVERIFY(bright.contains("pictorRecipe")); // the recipe travels with the export
        auto before = loadPhoto(in.toStdString());
        auto after = loadPhoto(dir.filePath("bright.tif").toStdString());
        QVERIFY(before.ok() && after.ok());
        const double ratio = after->pixels.at(30, 20)[1] / before->pixels.at(30, 20)[1];
        QVERIFY2(std::abs(ratio - 2.0) < 2e-3, qPrintable(QString("linear ratio %1").arg(ratio)));

        QCOMPARE(cli({"convert", in, "-o", dir.filePath("converted.jpg")}).exitCode, 0);
        QCOMPARE(cli({"apply", in, "-o", dir.filePath("applied.jpg"), "--recipe", dir.filePath("empty.json")}).exitCode, 0);
        QCOMPARE(test::readBytes(dir.filePath("applied.jpg").toStdString()),
                 test::readBytes(dir.filePath("converted.jpg").toStdString()));

        run = cli({"apply", in, "-o", dir.filePath("never.jpg"), "--recipe", dir.filePath("bad.json")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("recipe"), qPrintable(run.err));
        QVERIFY(!QFile::exists(dir.filePath("never.jpg")));
    }

    void refusesExistingOutputAndTheSource() {
        QTemporaryDir dir;
        const QString source = dir.filePath("a.jpg");
        test::writeBytes(source.toStdString(), test::encodeJpeg(test::makePatternRgb8(64, 48), 64, 48));
        const auto before = test::readBytes(source.toStdString());
        Run run = cli({"convert", source, "-o", source});
        QCOMPARE(run.exitCode, 1);
        run = cli({"convert", source, "-o", source, "--overwrite"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("original"));
        QCOMPARE(test::readBytes(source.toStdString()), before);
        QCOMPARE(cli({"convert", source, "-o", dir.filePath("b.png")}).exitCode, 0);
        QCOMPARE(cli({"convert", source, "-o", dir.filePath("b.png")}).exitCode, 1);
        QCOMPARE(cli({"convert", source, "-o", dir.filePath("b.png"), "--overwrite"}).exitCode, 0);
    }

    // The instruction language: parse prints the canonical form and the recipe, or positioned
    // errors with a suggestion; apply --instructions renders what was understood.
    void parsePrintsCanonicalFormOrErrors() {
        Run run = cli({"parse", "Increase exposure by 0.7 EV; make it a bit warmer", "lift the shadws"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains("Increase exposure by 0.7 EV") && run.out.contains("Increase temperature by 250 K"),
                 qPrintable(run.out));
        const QStringList lines = run.out.trimmed().split('\n');
        const QJsonObject recipe = QJsonDocument::fromJson(lines.last().toUtf8()).object();
        QCOMPARE(recipe["pictorRecipe"].toInt(), 1);
        QVERIFY2(run.err.contains("line 2, column 10") && run.err.contains("did you mean 'shadows'?"), qPrintable(run.err));
        run = cli({"parse", "qwertz uiop"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("unknown target 'qwertz'") && run.out.isEmpty(), qPrintable(run.err));
        QCOMPARE(cli({"parse", ""}).exitCode, 2);
    }

    void applyFollowsInstructions() {
        QTemporaryDir dir;
        std::vector<std::uint8_t> rgb(64 * 48 * 3, 118); // flat grey: +1 EV doubles linear values
        test::writeBytes(dir.filePath("grey.jpg").toStdString(), test::encodeJpeg(rgb, 64, 48, 100));
        const QString in = dir.filePath("grey.jpg");
        Run run = cli({"apply", in, "-o", dir.filePath("bright.tif"), "--instructions",
                       "Increase exposure by 1 EV\nmake it warmre", "--print-recipe"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains("line 2, column 9") && run.err.contains("did you mean 'warmer'?"), qPrintable(run.err));
        QVERIFY2(run.out.contains("\"exposure\":1"), qPrintable(run.out));
        auto before = loadPhoto(in.toStdString());
        auto after = loadPhoto(dir.filePath("bright.tif").toStdString());
        QVERIFY(before.ok() && after.ok());
        const double ratio = after->pixels.at(30, 20)[1] / before->pixels.at(30, 20)[1];
        QVERIFY2(std::abs(ratio - 2.0) < 2e-3, qPrintable(QString("linear ratio %1").arg(ratio)));

        // Nothing understood: exit 1, nothing written.
        run = cli({"apply", in, "-o", dir.filePath("never.jpg"), "--instructions", "shadws and hilights"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("did you mean 'shadows'?"), qPrintable(run.err));
        QVERIFY(!QFile::exists(dir.filePath("never.jpg")));

        // Empty instructions change nothing: the output is convert's, byte for byte.
        const char* empty = "  \n# nothing\n";
        test::writeBytes(dir.filePath("empty.txt").toStdString(), std::vector<std::uint8_t>(empty, empty + std::strlen(empty)));
        QCOMPARE(cli({"convert", in, "-o", dir.filePath("converted.jpg")}).exitCode, 0);
        QCOMPARE(cli({"apply", in, "-o", dir.filePath("applied.jpg"), "--instructions-file", dir.filePath("empty.txt")}).exitCode, 0);
        QCOMPARE(test::readBytes(dir.filePath("applied.jpg").toStdString()),
                 test::readBytes(dir.filePath("converted.jpg").toStdString()));
        QCOMPARE(cli({"apply", in, "-o", dir.filePath("x.jpg"), "--instructions", "a", "--instructions-file", "b"}).exitCode, 2);
    }

    // The Critic from the command line: an under-exposed photo gets an exposure finding, JSON and
    // text carry it, enhance writes the fix with the recipe embedded.
    void critiqueExplainsAnUnderexposedPhoto() {
        QTemporaryDir dir;
        const QString dark = writeUnderexposedJpeg(dir, "dark.jpg");
        const Run json = cli({"critique", dark, "--json", "--no-model"});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject critique = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QVERIFY(critique["score"].toDouble() < critique["scoreAfter"].toDouble());
        QVERIFY2(critique["instructions"].toString().contains("Increase exposure"), qPrintable(json.out));
        QVERIFY(critique["findings"].toArray().size() >= 1);
        const Run text = cli({"critique", dark, "--no-model"});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("Exposure") && text.out.contains("stops under") && text.out.contains("Instructions:"),
                 qPrintable(text.out));
        const Run missing = cli({"critique", dir.filePath("none.jpg")});
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(missing.err.count('\n'), 1);
    }

    void enhanceWritesTheFixWithRecipeAndCritique() {
        QTemporaryDir dir;
        const QString dark = writeUnderexposedJpeg(dir, "dark.jpg");
        const QString out = dir.filePath("enhanced.jpg"), critique = dir.filePath("critique.json");
        const Run run = cli({"enhance", dark, "-o", out, "--critique-out", critique, "--no-model", "--device", "cpu"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("recipe embedded"), qPrintable(run.out + run.err));
        const auto bytes = test::readBytes(out.toStdString());
        const std::string text(bytes.begin(), bytes.end());
        QVERIFY(text.find("pictorRecipe") != std::string::npos);
        auto before = loadPhoto(dark.toStdString());
        auto after = loadPhoto(out.toStdString());
        QVERIFY(before && after);
        double sumBefore = 0, sumAfter = 0;
        for (std::size_t i = 0; i < before->pixels.pixelCount() * 3; ++i) sumBefore += before->pixels.data()[i];
        for (std::size_t i = 0; i < after->pixels.pixelCount() * 3; ++i) sumAfter += after->pixels.data()[i];
        QVERIFY(sumAfter > 1.5 * sumBefore); // brightened
        QFile json(critique);
        QVERIFY(json.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(json.readAll()).object()["findings"].toArray().size() >= 1);
        // Never over an existing file without --overwrite, and nothing is done then.
        QCOMPARE(cli({"enhance", dark, "-o", out, "--no-model"}).exitCode, 1);
        QCOMPARE(cli({"enhance", dark, "-o", dir.filePath("x.bmp"), "--no-model"}).exitCode, 2);
    }

    void enhanceBatchDoesTheGoodOnesAndListsFailures() {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir("in"));
        writeUnderexposedJpeg(dir, "in/one.jpg");
        writeUnderexposedJpeg(dir, "in/two.jpg");
        auto broken = test::encodeJpeg(test::makePatternRgb8(96, 64), 96, 64);
        broken.resize(broken.size() / 2);
        test::writeBytes(dir.filePath("in/broken.jpg").toStdString(), broken);
        test::writeBytes(dir.filePath("in/notes.txt").toStdString(), {'h', 'i'});
        const Run run = cli({"enhance", dir.filePath("in"), "-o", dir.filePath("out"), "--no-model"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(QFile::exists(dir.filePath("out/one.jpg")));
        QVERIFY(QFile::exists(dir.filePath("out/two.jpg")));
        QVERIFY(!QFile::exists(dir.filePath("out/broken.jpg")));
        QVERIFY2(run.out.contains("Enhanced 2 of 3"), qPrintable(run.out));
        QVERIFY2(run.err.contains("broken.jpg") && run.err.contains("1 photo failed"), qPrintable(run.err));
        QVERIFY(!run.err.contains("notes.txt"));
    }

private:
    // A camera-like JPEG about 1.5 stops under: the test pattern's encoded values × 0.45.
    static QString writeUnderexposedJpeg(const QTemporaryDir& dir, const char* name) {
        constexpr int w = 192, h = 128;
        std::vector<std::uint8_t> rgb = test::makePatternRgb8(w, h);
        for (auto& v : rgb) v = std::uint8_t(v * 0.45);
        const QString path = dir.filePath(name);
        test::writeBytes(path.toStdString(), test::encodeJpeg(rgb, w, h));
        return path;
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"

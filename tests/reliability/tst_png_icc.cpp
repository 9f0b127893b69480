// Exported PNGs keep their colour profile for libpng readers: exiv2 0.27 wrote the iCCP chunk
// with an empty profile name, which libpng rejects ("iCCP: bad keyword") together with the
// profile. Found by tst_interruption's batch (the warning on reading Pictor's own PNG).
#include "CliProcess.h"
#include "io/PngIccName.h"
#include "support/Fixtures.h"

#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <filesystem>
#include <string>

namespace fs = std::filesystem;
using namespace pictor;

namespace {

std::uint32_t be32(const std::uint8_t* p) {
    return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3];
}

// The iCCP chunk's profile name, or "<none>" when the file has no iCCP chunk.
std::string iccpName(const std::vector<std::uint8_t>& png) {
    for (std::size_t pos = 8; pos + 12 <= png.size();) {
        const std::size_t length = be32(&png[pos]);
        if (std::memcmp(&png[pos + 4], "iCCP", 4) == 0)
            return std::string(reinterpret_cast<const char*>(&png[pos + 8]));
        pos += 12 + length;
    }
    return "<none>";
}

void appendChunk(std::vector<std::uint8_t>& png, const char* type, const std::string& data,
                 std::uint32_t crc) {
    const std::uint32_t n = std::uint32_t(data.size());
    for (int s = 24; s >= 0; s -= 8)
        png.push_back(std::uint8_t(n >> s));
    png.insert(png.end(), type, type + 4);
    png.insert(png.end(), data.begin(), data.end());
    for (int s = 24; s >= 0; s -= 8)
        png.push_back(std::uint8_t(crc >> s));
}

} // namespace

class PngIccTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void unnamedProfileGetsAName() {
        std::vector<std::uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        appendChunk(png, "IHDR", std::string(13, '\1'), 0);
        appendChunk(png, "iCCP", std::string("\0\0xyz", 5), 0);
        appendChunk(png, "IEND", "", 0xae426082u);
        QVERIFY(nameUnnamedPngIccProfile(png));
        QCOMPARE(iccpName(png), std::string("ICC Profile"));
        // Chunk "ICC Profile\0\0xyz": its CRC (over type and data) as zlib computes it.
        const std::size_t at = 8 + 12 + 13;
        QCOMPARE(be32(&png[at]), 16u);
        QCOMPARE(be32(&png[at + 8 + 16]), 0xd0eebbe1u);
        QVERIFY(!nameUnnamedPngIccProfile(png)); // named now: left alone
    }

    void exportedPngNamesItsProfile() {
        QTemporaryDir dir;
        const fs::path in = fs::path(dir.path().toStdString()) / "in.jpg";
        const fs::path out = fs::path(dir.path().toStdString()) / "out.png";
        test::writeBytes(in, test::encodeJpeg(test::makePatternRgb8(64, 48), 64, 48));
        const auto run = test::runCli({"convert", QString::fromStdString(in.string()), "-o",
                                       QString::fromStdString(out.string())});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe() + run.err));
        QCOMPARE(iccpName(test::readBytes(out)), std::string("ICC Profile"));
    }
};

QTEST_GUILESS_MAIN(PngIccTest)
#include "tst_png_icc.moc"

// Inputs the fuzzers (tests/fuzz) found breaking a contract, kept as plain tests so that the
// fix stays in place without running libFuzzer.
#include "recipe/Sidecar.h"
#include "support/Fixtures.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

namespace fs = std::filesystem;
using namespace pictor;

class FuzzRegressionTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // fuzz_sidecar: characters XML cannot hold (DEL, C1 controls, U+FFFE/U+FFFF) in a recipe's
    // unknown keys came back as spaces from an XMP packet or sidecar.
    void xmpKeepsCharactersXmlCannotHold_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("DEL in an unknown op id")
            << QByteArray("{\"pictorRecipe\":1,\"ops\":[{\"id\":\"t\x7fne\",\"version\":1}]}");
        QTest::newRow("C1 control, U+FFFE, U+FFFF, escaped control")
            << QByteArray("{\"pictorRecipe\":1,\"ops\":[],\"x\":\"a\xc2\x85"
                          "b\xef\xbf\xbe\xef\xbf\xbf\\u0001\"}");
        QTest::newRow("ordinary non-ASCII stays as it is") << QByteArray(
            "{\"pictorRecipe\":1,\"ops\":[],\"note\":\"Fotos \xc3\xa4 \xe2\x82\xac\"}");
    }
    void xmpKeepsCharactersXmlCannotHold() {
        QFETCH(QByteArray, json);
        const auto parsed = recipeFromJson(json.toStdString());
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().what.c_str());

        const auto packet = recipeXmpPacket(parsed->recipe);
        QVERIFY(packet.ok());
        const auto fromPacket = recipeFromXmpPacket(*packet);
        QVERIFY2(fromPacket.ok(), fromPacket.ok() ? "" : fromPacket.error().what.c_str());
        QVERIFY(fromPacket->recipe == parsed->recipe);

        QTemporaryDir dir;
        const fs::path photo = fs::path(dir.path().toStdString()) / "photo.jpg";
        const Status written = writeSidecar(photo, parsed->recipe);
        QVERIFY2(written.ok(), written.ok() ? "" : written.error().what.c_str());
        const auto fromSidecar = readSidecar(photo);
        QVERIFY2(fromSidecar.ok(), fromSidecar.ok() ? "" : fromSidecar.error().what.c_str());
        QVERIFY(fromSidecar->recipe == parsed->recipe);
    }
};

QTEST_GUILESS_MAIN(FuzzRegressionTest)
#include "tst_fuzz_regressions.moc"

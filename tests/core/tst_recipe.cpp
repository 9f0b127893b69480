// Recipe model and its JSON: round trips for every op and param, unknown keys/ops kept and
// reported, clamping reported, malformed and hostile input refused without crashing, chained
// migrations (registered by the test: every real op is still at version 1), hash stability.
// (No raw string literals here: Qt 6.4's moc misreads some of them and then silently generates
// nothing for the test class.)
#include "recipe/Migrations.h"
#include "recipe/Recipe.h"
#include "recipe/RecipeJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <limits>
#include <random>
#include <set>

using namespace pictor;

namespace {

// Setting up a fixture must not fail (and must run in release builds, unlike Q_ASSERT).
void must(bool ok) {
    if (!ok) qFatal("a test fixture could not be built");
}

// A value inside the range that is neither the default nor the neutral.
double offValue(const ParamSpec& p) {
    double v = p.min + 0.37 * (p.max - p.min);
    if (v == p.neutral || v == p.defaultValue) v = p.min + 0.61 * (p.max - p.min);
    return v;
}

bool hasNote(const std::vector<std::string>& notes, const std::string& part) {
    for (const auto& n : notes)
        if (n.find(part) != std::string::npos) return true;
    return false;
}

std::string joined(const std::vector<std::string>& notes) {
    std::string out;
    for (const auto& n : notes)
        out += "[" + n + "] ";
    return out;
}

QJsonDocument doc(const std::string& json) {
    return QJsonDocument::fromJson(QByteArray(json.data(), qsizetype(json.size())));
}

// A recipe with every param of every op set off its default (points for the curve).
Recipe fullRecipe() {
    Recipe r;
    for (const auto& op : opCatalog())
        for (const auto& p : op.params) {
            if (p.kind == ParamKind::Points) {
                auto set =
                    r.setPoints(op.id, p.name, {{0, 0.05}, {0.25, 0.2}, {0.75, 0.8}, {1, 1}});
                must(set.ok());
            } else {
                auto set = r.set(op.id, p.name, offValue(p));
                must(set.ok());
            }
        }
    return r;
}

} // namespace

class RecipeTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // -----------------------------------------------------------------------------------------
    // Model

    void defaultsAndSourceWhite() {
        Recipe r;
        QCOMPARE(r.value("sharpen", "radius"), 1.0);
        QCOMPARE(r.value("crop", "right"), 1.0);
        QCOMPARE(r.value("exposure", "exposure"), 0.0);
        QCOMPARE(r.value("white_balance", "temperature"), 6504.0);
        QCOMPARE(r.value("white_balance", "temperature", SourceWhite{5000, 7}), 5000.0);
        QCOMPARE(r.value("white_balance", "tint", SourceWhite{5000, 7}), 7.0);
        QVERIFY(r.set("white_balance", "temperature", 4300).ok());
        // Set = absolute, whatever the photo's white.
        QCOMPARE(r.value("white_balance", "temperature", SourceWhite{5000, 7}), 4300.0);
        QCOMPARE(r.value("white_balance", "tint", SourceWhite{5000, 7}), 7.0);
        QCOMPARE(r.value("no_such_op", "x"), 0.0);
    }

    void setKeepsPipelineOrder() {
        Recipe r;
        QVERIFY(r.set("vignette", "amount", -20).ok());
        QVERIFY(r.set("denoise", "luminance", 30).ok());
        QVERIFY(r.set("exposure", "exposure", 0.5).ok());
        QVERIFY(r.set("exposure", "exposure", 0.7).ok()); // same op, no duplicate
        QCOMPARE(r.ops.size(), std::size_t(3));
        QCOMPARE(r.ops[0].id, std::string("denoise"));
        QCOMPARE(r.ops[1].id, std::string("exposure"));
        QCOMPARE(r.ops[2].id, std::string("vignette"));
        QCOMPARE(r.value("exposure", "exposure"), 0.7);
        QCOMPARE(r.ops[1].version, findOpSpec("exposure")->version);
        QVERIFY(r.reset("exposure", "exposure"));
        QCOMPARE(r.value("exposure", "exposure"), 0.0);
        QVERIFY(!r.reset("exposure", "exposure"));
        QVERIFY(r.remove("vignette"));
        QVERIFY(!r.find("vignette"));
    }

    void setErrors_data() {
        QTest::addColumn<QString>("op");
        QTest::addColumn<QString>("param");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown op") << "brightness"
                                    << "amount" << 1.0 << "Unknown operation";
        QTest::newRow("unknown param") << "exposure"
                                       << "gain" << 1.0 << "has no parameter";
        QTest::newRow("NaN") << "exposure"
                             << "exposure" << std::numeric_limits<double>::quiet_NaN()
                             << "not a number";
        QTest::newRow("infinity") << "tone"
                                  << "contrast" << std::numeric_limits<double>::infinity()
                                  << "not a number";
        QTest::newRow("points param as number") << "tone_curve"
                                                << "points" << 0.5 << "list of curve points";
    }
    void setErrors() {
        QFETCH(QString, op);
        QFETCH(QString, param);
        QFETCH(double, value);
        QFETCH(QString, expected);
        Recipe r;
        const auto set = r.set(op.toStdString(), param.toStdString(), value);
        QVERIFY(!set.ok());
        QVERIFY2(set.error().what.find(expected.toStdString()) != std::string::npos,
                 set.error().what.c_str());
        QVERIFY(!set.error().hint.empty());
        QVERIFY(r.ops.empty()); // nothing added on error
    }

    void setClampsAndReports() {
        Recipe r;
        auto set = r.set("exposure", "exposure", 7);
        QVERIFY(set.ok());
        QVERIFY(set->clamped);
        QCOMPARE(set->value, 5.0);
        QCOMPARE(r.value("exposure", "exposure"), 5.0);
        QVERIFY2(set->note.find("exposure.exposure") != std::string::npos, set->note.c_str());
        QVERIFY2(set->note.find("7 EV") != std::string::npos, set->note.c_str());
        QVERIFY2(set->note.find("maximum") != std::string::npos, set->note.c_str());
        set = r.set("white_balance", "temperature", 100);
        QVERIFY(set.ok() && set->clamped && set->value == 2000);
        QVERIFY2(set->note.find("minimum") != std::string::npos, set->note.c_str());
        set = r.set("tone", "contrast", 40);
        QVERIFY(set.ok() && !set->clamped && set->note.empty());

        auto pts = r.setPoints("tone_curve", "points", {{0.5, 1.4}, {-0.2, 0}, {0.5, 0.6}});
        QVERIFY(pts.ok());
        QVERIFY(pts->clamped);
        QVERIFY(!pts->note.empty());
        // Clamped, sorted by x, a repeated x keeps its last point.
        const std::vector<CurvePoint> expected{{0, 0}, {0.5, 0.6}};
        QVERIFY(r.curve("tone_curve", "points") == expected);

        std::vector<CurvePoint> tooMany(kMaxCurvePoints + 1, CurvePoint{0.5, 0.5});
        QVERIFY(!r.setPoints("tone_curve", "points", tooMany).ok());
        QVERIFY(!r.setPoints("tone_curve", "points", {{std::nan(""), 0}}).ok());
        QVERIFY(!r.setPoints("exposure", "exposure", {{0, 0}}).ok());
    }

    void neutrality() {
        Recipe r;
        QVERIFY(r.isNeutral());
        for (const auto& op : opCatalog()) {
            auto added = r.ensureOp(op.id);
            QVERIFY(added.ok());
            QVERIFY2((*added)->isNeutral(), op.id.c_str()); // a fresh op changes nothing
        }
        QVERIFY(r.isNeutral());
        QVERIFY(r.activeOps().empty());
        // Every param off its neutral makes its op non-neutral.
        for (const auto& op : opCatalog())
            for (const auto& p : op.params) {
                Recipe one;
                if (p.kind == ParamKind::Points)
                    QVERIFY(one.setPoints(op.id, p.name, {{0.5, 0.7}}).ok());
                else
                    QVERIFY(one.set(op.id, p.name, offValue(p)).ok());
                QVERIFY2(!one.isNeutral(), (op.id + "." + p.name).c_str());
                QCOMPARE(one.activeOps().size(), std::size_t(1));
                one.ops[0].enabled = false;
                QVERIFY2(one.isNeutral(), (op.id + "." + p.name + " disabled").c_str());
            }
        // White balance: neutral is the photo's own white.
        Recipe wb;
        QVERIFY(wb.set("white_balance", "temperature", 6504).ok());
        QVERIFY(wb.isNeutral());
        QVERIFY(!wb.isNeutral(SourceWhite{5200, 0}));
        QVERIFY(wb.set("white_balance", "temperature", 5200).ok());
        QVERIFY(wb.isNeutral(SourceWhite{5200, 0}));
        // A curve on the diagonal is the identity.
        Recipe curve;
        QVERIFY(curve.setPoints("tone_curve", "points", {{0, 0}, {0.3, 0.3}, {1, 1}}).ok());
        QVERIFY(curve.isNeutral());
        QVERIFY(curve.setPoints("tone_curve", "points", {{0, 0}, {0.3, 0.35}, {1, 1}}).ok());
        QVERIFY(!curve.isNeutral());
    }

    void normalizedIsCanonical() {
        Recipe r;
        r.ops.push_back(RecipeOp{"vignette", 1, true, {{"amount", -300}}, {}, {}, {}});
        r.ops.push_back(RecipeOp{"exposure", 1, true, {{"exposure", 1}, {"gain", 2}}, {}, {}, {}});
        r.ops.push_back(RecipeOp{"exposure", 1, false, {{"exposure", 2}}, {}, {}, {}});
        r.ops.push_back(RecipeOp{"sky_replace", 1, true, {{"amount", 3}}, {}, {}, {}});
        r.ops.push_back(
            RecipeOp{"tone_curve", 1, true, {}, {{"points", {{0.9, 0.8}, {0.1, -1}}}}, {}, {}});
        const Recipe n = r.normalized();
        QCOMPARE(n.ops.size(), std::size_t(3));
        QCOMPARE(n.ops[0].id, std::string("exposure"));
        QCOMPARE(n.ops[1].id, std::string("tone_curve"));
        QCOMPARE(n.ops[2].id, std::string("vignette"));
        QCOMPARE(n.value("exposure", "exposure"), 2.0); // the later one wins
        QVERIFY(!n.ops[0].enabled);
        QCOMPARE(n.ops[0].unknownParams.at("gain"), std::string("2"));
        QCOMPARE(n.value("vignette", "amount"), -100.0);
        const std::vector<CurvePoint> curve{{0.1, 0}, {0.9, 0.8}};
        QVERIFY(n.curve("tone_curve", "points") == curve);
        QCOMPARE(n.unknownOps.size(), std::size_t(1));
        QVERIFY(doc(n.unknownOps[0]).isObject());
        QVERIFY(n.normalized() == n);
        // And it survives JSON.
        auto back = recipeFromJson(toJson(n));
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().message().c_str());
        QVERIFY(back->recipe == n);
    }

    // -----------------------------------------------------------------------------------------
    // JSON round trips

    void roundTrip_data() {
        QTest::addColumn<QString>("op");
        QTest::addColumn<QString>("param");
        for (const auto& op : opCatalog())
            for (const auto& p : op.params)
                QTest::newRow((op.id + "." + p.name).c_str())
                    << QString::fromStdString(op.id) << QString::fromStdString(p.name);
        QTest::newRow("all ops") << ""
                                 << "";
    }
    void roundTrip() {
        QFETCH(QString, op);
        QFETCH(QString, param);
        Recipe r;
        if (op.isEmpty()) {
            r = fullRecipe();
            r.ops[1].enabled = false;
        } else {
            const OpSpec* spec = findOpSpec(op.toStdString());
            const ParamSpec* p = spec->param(param.toStdString());
            if (p->kind == ParamKind::Points)
                QVERIFY(r.setPoints(spec->id, p->name, {{0, 0.1}, {1.0 / 3, 0.3}, {1, 0.9}}).ok());
            else
                QVERIFY(r.set(spec->id, p->name, offValue(*p)).ok());
        }
        const std::string json = toJson(r);
        auto parsed = recipeFromJson(json);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message().c_str());
        QVERIFY2(parsed->notes.empty(), joined(parsed->notes).c_str());
        QVERIFY2(parsed->recipe == r, json.c_str());
        QCOMPARE(toJson(parsed->recipe), json);
        QCOMPARE(parsed->recipe.hash(), r.hash());
        if (!op.isEmpty()) {
            // Serialized by name: the param's name and the op's id are in the text.
            QVERIFY(json.find("\"" + param.toStdString() + "\":") != std::string::npos);
            QVERIFY(json.find("\"id\":\"" + op.toStdString() + "\"") != std::string::npos);
        }
    }

    void jsonIsCompactDeterministicAndByName() {
        Recipe a;
        QVERIFY(a.set("exposure", "exposure", 1.3).ok());
        QVERIFY(a.set("tone", "shadows", 40).ok());
        Recipe b;
        QVERIFY(b.set("tone", "shadows", 40).ok());
        QVERIFY(b.set("exposure", "exposure", 1.3).ok());
        QCOMPARE(toJson(a), toJson(b));
        QCOMPARE(
            toJson(a),
            std::string(
                "{\"ops\":[{\"enabled\":true,\"id\":\"exposure\",\"params\":{\"exposure\":1.3},"
                "\"version\":1},{\"enabled\":true,\"id\":\"tone\",\"params\":{\"shadows\":40},"
                "\"version\":1}],\"pictorRecipe\":1}"));
        QCOMPARE(toJson(Recipe{}), std::string("{\"ops\":[],\"pictorRecipe\":1}"));
        // Shortest exact numbers.
        Recipe c;
        QVERIFY(c.set("exposure", "exposure", 0.1 + 0.2).ok());
        auto back = recipeFromJson(toJson(c));
        QVERIFY(back.ok());
        QCOMPARE(back->recipe.value("exposure", "exposure"), 0.1 + 0.2);
    }

    void acceptsWhatPeopleWrite() {
        // Keys in any order, version and enabled omitted, ops out of pipeline order.
        auto parsed = recipeFromJson(
            "{ \"pictorRecipe\": 1, \"ops\": [\n"
            "              {\"id\": \"vignette\", \"params\": {\"amount\": -10}},\n"
            "              {\"params\": {\"exposure\": 0.5}, \"id\": \"exposure\"} ] }");
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message().c_str());
        QVERIFY(parsed->notes.empty());
        QCOMPARE(parsed->recipe.ops.size(), std::size_t(2));
        QCOMPARE(parsed->recipe.ops[0].id, std::string("exposure"));
        QVERIFY(parsed->recipe.ops[0].enabled);
        QCOMPARE(parsed->recipe.ops[0].version, 1);
        QCOMPARE(parsed->recipe.value("vignette", "amount"), -10.0);
    }

    void unknownKeptAndReported_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("note");
        QTest::addColumn<bool>("exposureApplied");
        const QString exposure =
            "{\"enabled\":true,\"id\":\"exposure\",\"params\":{\"exposure\":1},"
            "\"version\":1}";
        QTest::newRow("top-level key") << "{\"future\":{\"a\":[1,2.5,\"x\"],\"b\":null},\"ops\":[" +
                                              exposure + "],\"pictorRecipe\":1}"
                                       << "unknown recipe key 'future'" << true;
        QTest::newRow("op key") << "{\"ops\":[{\"enabled\":true,\"id\":\"exposure\",\"mask\":{"
                                   "\"kind\":\"radial\",\"r\":0.3},"
                                   "\"params\":{\"exposure\":1},\"version\":1}],\"pictorRecipe\":1}"
                                << "unknown key 'mask'" << true;
        QTest::newRow("param")
            << "{\"ops\":[{\"enabled\":true,\"id\":\"exposure\",\"params\":{\"exposure\":1,"
               "\"protect\":[true,false]},\"version\":1}],\"pictorRecipe\":1}"
            << "unknown parameter 'protect'" << true;
        QTest::newRow("op")
            << "{\"ops\":[" + exposure +
                   ",{\"enabled\":false,\"id\":\"sky\",\"params\":{\"x\":[[1]]},\"version\":4}],"
                   "\"pictorRecipe\":1}"
            << "unknown op 'sky'" << true;
        QTest::newRow("newer op version") << "{\"ops\":[{\"enabled\":true,\"id\":\"exposure\","
                                             "\"params\":{\"exposure\":1,\"curve\":\"s\"},"
                                             "\"version\":2}],\"pictorRecipe\":1}"
                                          << "newer Pictor" << false;
        QTest::newRow("duplicate op") << "{\"ops\":[" + exposure +
                                             ",{\"enabled\":true,\"id\":\"exposure\",\"params\":{"
                                             "\"exposure\":2},\"version\":1}],"
                                             "\"pictorRecipe\":1}"
                                      << "more than once" << true;
        QTest::newRow("unicode and escapes")
            << QString::fromUtf8(
                   "{\"na\u00efve \\\"key\\\"\\n\":\"\u65e5\u672c \\u0000 \\\\\",\"ops\":[") +
                   exposure + "],\"pictorRecipe\":1}"
            << "unknown recipe key" << true;
    }
    void unknownKeptAndReported() {
        QFETCH(QString, json);
        QFETCH(QString, note);
        QFETCH(bool, exposureApplied);
        const std::string text = json.toStdString();
        auto parsed = recipeFromJson(text);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message().c_str());
        QVERIFY2(hasNote(parsed->notes, note.toStdString()), joined(parsed->notes).c_str());
        QCOMPARE(parsed->recipe.find("exposure") != nullptr, exposureApplied);
        if (exposureApplied) QCOMPARE(parsed->recipe.value("exposure", "exposure"), 1.0);
        // Written back: the same JSON document, nothing dropped or changed.
        const std::string written = toJson(parsed->recipe);
        QVERIFY2(doc(written) == doc(text), written.c_str());
        QVERIFY(!doc(written).isNull());
        // And stable from then on.
        auto again = recipeFromJson(written);
        QVERIFY(again.ok());
        QCOMPARE(toJson(again->recipe), written);
    }

    void clampedValuesReported_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("op");
        QTest::addColumn<QString>("param");
        QTest::addColumn<double>("expected");
        QTest::addColumn<QString>("note");
        QTest::newRow("exposure above")
            << "{\"ops\":[{\"id\":\"exposure\",\"params\":{\"exposure\":9.5}}],\"pictorRecipe\":1}"
            << "exposure"
            << "exposure" << 5.0 << "exposure.exposure: 9.5 EV is above";
        QTest::newRow("temperature below")
            << "{\"ops\":[{\"id\":\"white_balance\",\"params\":{\"temperature\":1000}}],"
               "\"pictorRecipe\":1}"
            << "white_balance"
            << "temperature" << 2000.0 << "1000 K is below";
        QTest::newRow("crop below")
            << "{\"ops\":[{\"id\":\"crop\",\"params\":{\"left\":-0.5}}],\"pictorRecipe\":1}"
            << "crop"
            << "left" << 0.0 << "crop.left";
        QTest::newRow("huge")
            << "{\"ops\":[{\"id\":\"tone\",\"params\":{\"contrast\":1e308}}],\"pictorRecipe\":1}"
            << "tone"
            << "contrast" << 100.0 << "tone.contrast";
        QTest::newRow("curve point")
            << "{\"ops\":[{\"id\":\"tone_curve\",\"params\":{\"points\":[[0,-3],[1,1]]}}],"
               "\"pictorRecipe\":1}"
            << "tone_curve"
            << "points" << 0.0 << "points outside 0 to 1";
    }
    void clampedValuesReported() {
        QFETCH(QString, json);
        QFETCH(QString, op);
        QFETCH(QString, param);
        QFETCH(double, expected);
        QFETCH(QString, note);
        auto parsed = recipeFromJson(json.toStdString());
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message().c_str());
        QVERIFY2(hasNote(parsed->notes, note.toStdString()), joined(parsed->notes).c_str());
        const Recipe& r = parsed->recipe;
        if (findOpSpec(op.toStdString())->param(param.toStdString())->kind == ParamKind::Points)
            QCOMPARE(r.curve(op.toStdString(), param.toStdString()).at(0).y, expected);
        else
            QCOMPARE(r.value(op.toStdString(), param.toStdString()), expected);
    }

    void malformed_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << ""
                               << "not valid JSON";
        QTest::newRow("truncated") << "{\"ops\":[{\"id\":\"exposure"
                                      "\""
                                   << "not valid JSON";
        QTest::newRow("array") << "[]"
                               << "not a JSON object";
        QTest::newRow("scalar") << "42"
                                << "not valid JSON";
        QTest::newRow("no format") << "{\"ops\":[]}"
                                   << "not a Pictor recipe";
        QTest::newRow("format as text") << "{\"pictorRecipe\":\"1\"}"
                                        << "format version";
        QTest::newRow("format 0") << "{\"pictorRecipe\":0}"
                                  << "format version";
        QTest::newRow("format 1.5") << "{\"pictorRecipe\":1.5}"
                                    << "format version";
        QTest::newRow("newer format") << "{\"pictorRecipe\":2,\"ops\":[]}"
                                      << "newer Pictor";
        QTest::newRow("ops object") << "{\"pictorRecipe\":1,\"ops\":{}}"
                                    << "\"ops\" must be";
        QTest::newRow("op number") << "{\"pictorRecipe\":1,\"ops\":[5]}"
                                   << "op #1";
        QTest::newRow("op without id") << "{\"pictorRecipe\":1,\"ops\":[{\"params\":{}}]}"
                                       << "no \"id\"";
        QTest::newRow("id number") << "{\"pictorRecipe\":1,\"ops\":[{\"id\":7}]}"
                                   << "no \"id\"";
        QTest::newRow("version text")
            << "{\"pictorRecipe\":1,\"ops\":[{\"id\":\"exposure\",\"version\":\"1\"}]}"
            << "version";
        QTest::newRow("version 0")
            << "{\"pictorRecipe\":1,\"ops\":[{\"id\":\"exposure\",\"version\":0}]}"
            << "version";
        QTest::newRow("enabled text")
            << "{\"pictorRecipe\":1,\"ops\":[{\"id\":\"exposure\",\"enabled\":\"yes\"}]}"
            << "enabled";
        QTest::newRow("params list")
            << "{\"pictorRecipe\":1,\"ops\":[{\"id\":\"exposure\",\"params\":[1]}]}"
            << "params";
        QTest::newRow("scalar text") << "{\"pictorRecipe\":1,\"ops\":[{\"id\":\"exposure\","
                                        "\"params\":{\"exposure\":\"+1\"}}]}"
                                     << "exposure.exposure must be a number";
        QTest::newRow("scalar null")
            << "{\"pictorRecipe\":1,\"ops\":[{\"id\":\"tone\",\"params\":{\"contrast\":null}}]}"
            << "tone.contrast must be a number";
        QTest::newRow("scalar list")
            << "{\"pictorRecipe\":1,\"ops\":[{\"id\":\"tone\",\"params\":{\"contrast\":[1]}}]}"
            << "must be a number";
        QTest::newRow("points text") << "{\"pictorRecipe\":1,\"ops\":[{\"id\":\"tone_curve\","
                                        "\"params\":{\"points\":\"s\"}}]}"
                                     << "tone_curve.points must be a list";
        QTest::newRow("point of three") << "{\"pictorRecipe\":1,\"ops\":[{\"id\":\"tone_curve\","
                                           "\"params\":{\"points\":[[0,0,0]]}}]}"
                                        << "[x, y]";
        QTest::newRow("point with text") << "{\"pictorRecipe\":1,\"ops\":[{\"id\":\"tone_curve\","
                                            "\"params\":{\"points\":[[0,\"a\"]]}}]}"
                                         << "[x, y]";
        QString many;
        for (std::size_t i = 0; i <= kMaxCurvePoints; ++i)
            many += (i ? "," : "") + QString("[%1,%1]").arg(double(i) / 100);
        QTest::newRow("too many points")
            << "{\"pictorRecipe\":1,\"ops\":[{\"id\":\"tone_curve\",\"params\":{\"points\":[" +
                   many + "]}}]}"
            << "points";
        QTest::newRow("NaN")
            << "{\"pictorRecipe\":1,\"ops\":[{\"id\":\"exposure\",\"params\":{\"exposure\":NaN}}]}"
            << "not valid JSON";
        QTest::newRow("Infinity") << "{\"pictorRecipe\":1,\"ops\":[{\"id\":\"exposure\",\"params\":"
                                     "{\"exposure\":Infinity}}]}"
                                  << "not valid JSON";
        QTest::newRow("1e400") << "{\"pictorRecipe\":1,\"ops\":[{\"id\":\"exposure\",\"params\":{"
                                  "\"exposure\":1e400}}]}"
                               << "not valid JSON";
        QTest::newRow("trailing garbage") << "{\"pictorRecipe\":1} x"
                                          << "not valid JSON";
        QTest::newRow("two documents") << "{\"pictorRecipe\":1}{}"
                                       << "not valid JSON";
        QTest::newRow("deep nesting in an unknown key")
            << "{\"pictorRecipe\":1,\"x\":" + QString(5000, '[') + QString(5000, ']') + "}"
            << "not valid JSON";
    }
    void malformed() {
        QFETCH(QString, json);
        QFETCH(QString, expected);
        const QByteArray utf8 = json.toUtf8();
        auto parsed = recipeFromJson(std::string_view(utf8.constData(), std::size_t(utf8.size())));
        QVERIFY2(!parsed.ok(), parsed.ok() ? toJson(parsed->recipe).c_str() : "");
        const Error& e = parsed.error();
        QVERIFY2(e.what.find(expected.toStdString()) != std::string::npos, e.what.c_str());
        QVERIFY2(e.what.rfind("Cannot read the edit recipe", 0) == 0, e.what.c_str());
        QVERIFY(!e.hint.empty());
    }

    void hostileInputDoesNotCrash() {
        std::mt19937 rng(7);
        std::vector<std::string> inputs;
        std::string garbage(1 << 20, '\0');
        for (auto& c : garbage)
            c = char(rng());
        inputs.push_back(garbage);
        inputs.push_back(std::string(1 << 20, '['));
        inputs.push_back(std::string(1 << 20, '{'));
        std::string keys = "{";
        for (int i = 0; i < 100000; ++i)
            keys += "\"a:" + std::to_string(i) + "\":" + std::to_string(i) + ",";
        inputs.push_back(keys + "\"pictorRecipe\":1}");
        std::string ops = "{\"pictorRecipe\":1,\"ops\":[";
        for (int i = 0; i < 20000; ++i)
            ops += std::string(i ? "," : "") + "{\"id\":\"op" + std::to_string(i) + "\"}";
        inputs.push_back(ops + "]}");
        inputs.push_back("{\"pictorRecipe\":1,\"ops\":[{\"id\":"
                         "\"" +
                         std::string(1 << 20, 'x') + "\",\"params\":{\"exposure\":1}}]}");
        inputs.push_back(std::string(kMaxRecipeJsonBytes + 1, ' '));
        inputs.push_back("{\"pictorRecipe\":1,\"ops\":[{\"id\":\"exposure\",\"params\":{\"exp"
                         "osure\":1}}],\"\xff\xfe\":\"\xc3\x28\"}");
        int ok = 0;
        for (const auto& input : inputs) {
            auto parsed = recipeFromJson(input);
            if (parsed.ok()) {
                ++ok;
                // Notes stay readable however many there are.
                QVERIFY(parsed->notes.size() <= kMaxRecipeNotes + 1);
                QVERIFY(!toJson(parsed->recipe).empty());
            } else {
                QVERIFY(!parsed.error().what.empty());
            }
        }
        QCOMPARE(ok, 3);                              // the many keys, the many ops, the long id
        QVERIFY(!recipeFromJson(inputs.back()).ok()); // invalid UTF-8: refused
        auto many = recipeFromJson(inputs[3]);
        QCOMPARE(many->notes.size(), kMaxRecipeNotes + 1);
        QCOMPARE(many->recipe.unknown.size(), std::size_t(100000));
        QVERIFY(many->notes.back().find("99950 more") != std::string::npos);
    }

    // -----------------------------------------------------------------------------------------
    // Migrations (the test registers them: no real op has an old version yet)

    void builtinOpsNeedNoMigration() {
        for (const auto& op : opCatalog()) {
            QCOMPARE(op.version, 1);
            QVERIFY(!builtinMigrations().find(op.id, 1));
        }
    }

    void migrationChain_data() {
        QTest::addColumn<int>("fromVersion");
        QTest::addColumn<QString>("params");
        QTest::addColumn<QString>("steps");
        QTest::newRow("v1") << 1 << "{\"amount\":4,\"size\":2}"
                            << "12";
        QTest::newRow("v2") << 2 << "{\"strength\":4,\"size\":2}"
                            << "2";
        QTest::newRow("v3") << 3 << "{\"strength\":40,\"radius\":2}"
                            << "";
    }
    void migrationChain() {
        QFETCH(int, fromVersion);
        QFETCH(QString, params);
        QFETCH(QString, steps);
        // A catalogue with a made-up op at version 3 whose history is:
        // v1 {amount, size} → v2 renames amount → strength → v3 strength ×10, size → radius.
        std::vector<OpSpec> catalog = opCatalog();
        OpSpec test{"test_op", 3, OpKind::Global, "Test", {}};
        test.params.push_back(ParamSpec{"strength", "", 0, 100, 0, 0, "Strength"});
        test.params.push_back(ParamSpec{"radius", "px", 0, 10, 1, 1, "Radius"});
        catalog.push_back(test);
        QString ran;
        MigrationRegistry registry;
        registry.add("test_op", 1, [&](QJsonObject& op) -> Status {
            ran += "1";
            QJsonObject p = op["params"].toObject();
            p["strength"] = p.take("amount");
            op["params"] = p;
            return Ok{};
        });
        registry.add("test_op", 2, [&](QJsonObject& op) -> Status {
            ran += "2";
            QJsonObject p = op["params"].toObject();
            if (!p["strength"].isDouble()) return Error{"strength is missing", {}};
            p["strength"] = p["strength"].toDouble() * 10;
            p["radius"] = p.take("size");
            op["params"] = p;
            return Ok{};
        });
        const std::string json =
            "{\"ops\":[{\"id\":\"test_op\",\"params\":" + params.toStdString() +
            ",\"version\":" + std::to_string(fromVersion) +
            "},{\"id\":\"exposure\",\"params\":{\"exposure\":1}}],"
            "\"pictorRecipe\":1}";
        auto parsed = recipeFromJson(json, RecipeReadOptions{&catalog, &registry});
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message().c_str());
        QCOMPARE(ran, steps); // each step once, in order
        const RecipeOp* op = parsed->recipe.find("test_op");
        QVERIFY(op);
        QCOMPARE(op->version, 3);
        QCOMPARE(op->scalars.at("strength"), 40.0);
        QCOMPARE(op->scalars.at("radius"), 2.0);
        QVERIFY(op->unknownParams.empty());
        if (fromVersion < 3)
            QVERIFY2(hasNote(parsed->notes, "op 'test_op' updated from version " +
                                                std::to_string(fromVersion) + " to 3"),
                     joined(parsed->notes).c_str());
        else
            QVERIFY(parsed->notes.empty());
        QCOMPARE(parsed->recipe.value("exposure", "exposure"), 1.0);
        // Written at the current version, and read again without migrating.
        const std::string written = toJson(parsed->recipe);
        QVERIFY(written.find("\"strength\":40") != std::string::npos);
        QVERIFY(written.find("\"version\":3") != std::string::npos);
        ran.clear();
        auto again = recipeFromJson(written, RecipeReadOptions{&catalog, &registry});
        QVERIFY(again.ok());
        QCOMPARE(ran, QString());
        QVERIFY(again->recipe == parsed->recipe);
    }

    void migrationProblemsKeepTheOp_data() {
        QTest::addColumn<int>("version");
        QTest::addColumn<bool>("withStep2");
        QTest::addColumn<QString>("params");
        QTest::addColumn<QString>("note");
        QTest::newRow("newer than known") << 4 << true << "{\"strength\":1}"
                                          << "newer Pictor";
        QTest::newRow("missing step") << 1 << false << "{\"amount\":1}"
                                      << "No migration of op 'test_op' from version 2 to 3";
        QTest::newRow("failing step") << 2 << true << "{\"other\":1}"
                                      << "strength is missing";
    }
    void migrationProblemsKeepTheOp() {
        QFETCH(int, version);
        QFETCH(bool, withStep2);
        QFETCH(QString, params);
        QFETCH(QString, note);
        std::vector<OpSpec> catalog = opCatalog();
        catalog.push_back(OpSpec{"test_op",
                                 3,
                                 OpKind::Global,
                                 "Test",
                                 {ParamSpec{"strength", "", 0, 100, 0, 0, "Strength"}}});
        MigrationRegistry registry;
        registry.add("test_op", 1, [](QJsonObject& op) -> Status {
            QJsonObject p = op["params"].toObject();
            p["strength"] = p.take("amount");
            op["params"] = p;
            return Ok{};
        });
        if (withStep2)
            registry.add("test_op", 2, [](QJsonObject& op) -> Status {
                if (!op["params"].toObject()["strength"].isDouble())
                    return Error{"strength is missing", {}};
                return Ok{};
            });
        const std::string opJson =
            "{\"enabled\":true,\"id\":\"test_op\",\"params\":" + params.toStdString() +
            ",\"version\":" + std::to_string(version) + "}";
        const std::string json = "{\"ops\":[" + opJson + "],\"pictorRecipe\":1}";
        auto parsed = recipeFromJson(json, RecipeReadOptions{&catalog, &registry});
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message().c_str());
        QVERIFY(!parsed->recipe.find("test_op")); // not applied
        QCOMPARE(parsed->recipe.unknownOps.size(), std::size_t(1));
        QVERIFY(doc("[" + parsed->recipe.unknownOps[0] + "]") == doc("[" + opJson + "]"));
        QVERIFY2(hasNote(parsed->notes, note.toStdString()), joined(parsed->notes).c_str());
        QVERIFY(doc(toJson(parsed->recipe)) == doc(json)); // kept verbatim
    }

    // -----------------------------------------------------------------------------------------
    // Hash

    void hashIsStable() {
        Recipe a = fullRecipe();
        Recipe b = fullRecipe();
        QCOMPARE(a.hash(), b.hash());
        for (std::size_t i = 0; i < a.ops.size(); ++i)
            QCOMPARE(a.ops[i].hash(), b.ops[i].hash());
        auto back = recipeFromJson(toJson(a));
        QVERIFY(back.ok());
        QCOMPARE(back->recipe.hash(), a.hash());
        // Stable across runs and machines: a fixed value (FNV-1a over a defined encoding).
        Recipe fixed;
        QVERIFY(fixed.set("exposure", "exposure", 1.5).ok());
        QCOMPARE(fixed.ops[0].hash(), std::uint64_t(0x59d2c6fd9487e9b0ull));
        // Effective values: an absent white-balance param is the photo's white.
        Recipe asShot;
        QVERIFY(asShot.set("white_balance", "tint", 5).ok());
        Recipe explicitWhite = asShot;
        QVERIFY(explicitWhite.set("white_balance", "temperature", 5000).ok());
        QCOMPARE(asShot.hash(SourceWhite{5000, 0}), explicitWhite.hash(SourceWhite{5000, 0}));
        QVERIFY(asShot.hash(SourceWhite{5600, 0}) != explicitWhite.hash(SourceWhite{5600, 0}));
        // Neutral ops, disabled ops and unknown keys do not change what renders.
        Recipe extra = fixed;
        QVERIFY(extra.ensureOp("tone").ok());
        extra.unknown["future"] = "1";
        QCOMPARE(extra.hash(), fixed.hash());
        QVERIFY(extra.set("tone", "contrast", 10).ok());
        extra.find("tone")->enabled = false;
        QCOMPARE(extra.hash(), fixed.hash());
    }

    void hashChangesWithEveryParam_data() {
        QTest::addColumn<QString>("op");
        QTest::addColumn<QString>("param");
        for (const auto& op : opCatalog())
            for (const auto& p : op.params)
                QTest::newRow((op.id + "." + p.name).c_str())
                    << QString::fromStdString(op.id) << QString::fromStdString(p.name);
    }
    void hashChangesWithEveryParam() {
        QFETCH(QString, op);
        QFETCH(QString, param);
        const Recipe base = fullRecipe();
        const std::string id = op.toStdString();
        const ParamSpec* p = findOpSpec(id)->param(param.toStdString());
        const std::uint64_t opHash = base.find(id)->hash();
        std::set<std::uint64_t> seen{base.hash()};
        const std::vector<double> fractions{0.0, 0.1, 0.5, 0.9, 1.0};
        for (double f : fractions) {
            Recipe changed = base;
            if (p->kind == ParamKind::Points)
                QVERIFY(changed.setPoints(id, p->name, {{0, f}, {1, 1}}).ok());
            else
                QVERIFY(changed.set(id, p->name, p->min + f * (p->max - p->min)).ok());
            if (changed == base) continue;
            QVERIFY2(changed.find(id)->hash() != opHash, std::to_string(f).c_str());
            QVERIFY2(seen.insert(changed.hash()).second, std::to_string(f).c_str());
        }
        Recipe disabled = base;
        disabled.find(id)->enabled = false;
        QVERIFY(disabled.find(id)->hash() != opHash);
        QVERIFY(disabled.hash() != base.hash());
        Recipe tiny = base;
        if (p->kind == ParamKind::Scalar) {
            const double v = tiny.value(id, p->name);
            QVERIFY(tiny.set(id, p->name, std::nextafter(v, p->max)).ok());
            QVERIFY(tiny.find(id)->hash() != opHash);
        }
    }
};

QTEST_GUILESS_MAIN(RecipeTest)
#include "tst_recipe.moc"

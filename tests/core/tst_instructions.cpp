// The instruction language, text only: many phrasings → params (synonyms, word orders,
// punctuation, case, units), typos → positioned errors with suggestions, graded words strictly
// ordered per param, relative changes on a base recipe and the photo's own white, round trips
// format(parse(x)) and parse(format(recipe)) for every param, and hostile input (binary, invalid
// UTF-8, very long, many lines) that must give errors — never a crash, never silence.
#include "instructions/Instructions.h"

#include <QRegularExpression>
#include <QTest>

#include <cmath>
#include <random>
#include <string>

using namespace pictor;

namespace {

// "op.param=value", "op.param>value" or "op.param<value", ';'-separated.
void checkExpectations(const Recipe& recipe, const QString& expected, const QString& text) {
    for (const QString& item : expected.split(';', Qt::SkipEmptyParts)) {
        const int at = int(item.indexOf(QRegularExpression("[=<>]")));
        QVERIFY2(at > 0, qPrintable("bad expectation " + item));
        const QStringList key = item.left(at).split('.');
        const char relation = item[at].toLatin1();
        const double want = item.mid(at + 1).toDouble();
        const double got = recipe.value(key[0].toStdString(), key[1].toStdString());
        const QString what = QString("%1: %2 is %3").arg(text, item.left(at)).arg(got, 0, 'g', 17);
        if (relation == '=') QVERIFY2(got == want, qPrintable(what + ", want " + item));
        if (relation == '>') QVERIFY2(got > want, qPrintable(what + ", want " + item));
        if (relation == '<') QVERIFY2(got < want, qPrintable(what + ", want " + item));
    }
}

// Every non-neutral scalar param, plus HSL, crop and a curve: a recipe that uses everything.
Recipe everyParamRecipe(std::mt19937& rng) {
    Recipe r;
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (const auto& op : opCatalog()) {
        if (op.id == "crop") {
            const double l = 0.3 * unit(rng), t = 0.3 * unit(rng);
            (void)r.set("crop", "left", l);
            (void)r.set("crop", "top", t);
            (void)r.set("crop", "right", 0.7 + 0.3 * unit(rng));
            (void)r.set("crop", "bottom", 0.7 + 0.3 * unit(rng));
            continue;
        }
        for (const auto& p : op.params) {
            if (p.kind == ParamKind::Points) {
                (void)r.setPoints(op.id, p.name,
                                  {{0, 0.05}, {unit(rng) * 0.5, unit(rng)}, {1, 0.97}});
                continue;
            }
            (void)r.set(op.id, p.name, p.min + (p.max - p.min) * unit(rng));
        }
    }
    return r;
}

void expectSameValues(const Recipe& a, const Recipe& b, const SourceWhite& white) {
    for (const auto& op : opCatalog())
        for (const auto& p : op.params) {
            if (p.kind == ParamKind::Points) {
                QVERIFY2(a.curve(op.id, p.name) == b.curve(op.id, p.name),
                         qPrintable(QString::fromStdString(op.id)));
                continue;
            }
            const double va = a.value(op.id, p.name, white), vb = b.value(op.id, p.name, white);
            QVERIFY2(va == vb, qPrintable(QString("%1.%2: %3 became %4")
                                              .arg(QString::fromStdString(op.id),
                                                   QString::fromStdString(p.name))
                                              .arg(va, 0, 'g', 17)
                                              .arg(vb, 0, 'g', 17)));
        }
}

} // namespace

class TestInstructions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void phrasings_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char* text, const char* expected) {
            QTest::newRow(text) << text << expected;
        };
        // The examples.
        row("Increase exposure by 0.7 EV", "exposure.exposure=0.7");
        row("Make it a bit warmer", "white_balance.temperature=6754");
        row("Lift the shadows a lot", "tone.shadows=40");
        row("Less saturation", "color.saturation=-20");
        row("Reduce noise (strength 40)", "denoise.luminance=40");
        row("Straighten by -1.5°", "straighten.angle=-1.5");
        row("set exposure to +1", "exposure.exposure=1");
        row("brighter and warmer", "exposure.exposure=0.5;white_balance.temperature=7004");
        // Units and number forms.
        row("exposure +0.7 EV", "exposure.exposure=0.7");
        row("Increase exposure by 0.7EV", "exposure.exposure=0.7");
        row("raise exposure by 1 stop", "exposure.exposure=1");
        row("decrease exposure by 1.5 stops", "exposure.exposure=-1.5");
        row("+.5 ev", "exposure.exposure=0.5");
        row("exposure −0.3", "exposure.exposure=-0.3");
        row("exposure = 2", "exposure.exposure=2");
        row("exposure: -1", "exposure.exposure=-1");
        row("set exposure to 1e-05", "exposure.exposure=1e-05");
        row("warmer by 800 K", "white_balance.temperature=7304");
        row("warmer by 800 kelvin", "white_balance.temperature=7304");
        row("set temperature to 5500K", "white_balance.temperature=5500");
        row("set the white balance to 5000 K", "white_balance.temperature=5000");
        row("+300 K", "white_balance.temperature=6804");
        row("Straighten by 2 degrees", "straighten.angle=2");
        row("rotate -3 deg", "straighten.angle=-3");
        row("fix the horizon by 2 degrees", "straighten.angle=2");
        row("increase exposure by 1/4 EV", "exposure.exposure=0.25");
        row("reduce contrast by 15%", "tone.contrast=-15");
        row("contrast 30 percent", "tone.contrast=30");
        row("set sharpening radius to 1.5 px", "sharpen.radius=1.5");
        row("sharpening radius +0.5 pixels", "sharpen.radius=1.5");
        // Synonyms, verbs and word orders.
        row("Make it brighter", "exposure.exposure=0.5");
        row("darker", "exposure.exposure=-0.5");
        row("more brightness", "exposure.exposure=0.5");
        row("brighten slightly", "exposure.exposure=0.25");
        row("cool it down a touch", "white_balance.temperature=6254");
        row("make the temperature cooler", "white_balance.temperature=6004");
        row("less warm", "white_balance.temperature=6004");
        row("more magenta", "white_balance.tint=10");
        row("a little greener", "white_balance.tint=-5");
        row("tint -12", "white_balance.tint=-12");
        row("more contrast", "tone.contrast=20");
        row("punchier", "tone.contrast=20");
        row("flatter", "tone.contrast=-20");
        row("open up the shadows", "tone.shadows=20");
        row("shadows +25", "tone.shadows=25");
        row("+25 shadows", "tone.shadows=25");
        row("brighten the shadows", "tone.shadows=20");
        row("recover the highlights", "tone.highlights=-20");
        row("pull down highlights by 30", "tone.highlights=-30");
        row("raise the whites slightly", "tone.whites=10");
        row("crush the blacks", "tone.blacks=-20");
        row("lift black point", "tone.blacks=20");
        row("more saturated", "color.saturation=20");
        row("desaturate strongly", "color.saturation=-40");
        row("boost vibrance", "color.vibrance=20");
        row("vibrancy +10", "color.vibrance=10");
        row("remove haze", "dehaze.amount=20");
        row("more haze", "dehaze.amount=-20");
        row("dehaze 30", "dehaze.amount=30");
        row("add clarity", "clarity.amount=20");
        row("less local contrast", "clarity.amount=-20");
        row("denoise a bit", "denoise.luminance=12.5");
        row("less noise", "denoise.luminance=25");
        row("reduce colour noise by 20", "denoise.chroma=20");
        row("sharpen moderately", "sharpen.amount=30");
        row("more sharpness", "sharpen.amount=30");
        row("add a vignette", "vignette.amount=-20");
        row("add a strong vignette", "vignette.amount=-40");
        row("darken the corners a lot", "vignette.amount=-40");
        row("set vignette midpoint to 30", "vignette.midpoint=30");
        row("more saturation in the reds", "hsl.saturation_red=15");
        row("reds saturation +10", "hsl.saturation_red=10");
        row("blue luminance -20", "hsl.luminance_blue=-20");
        row("shift the orange hue by +10", "hsl.hue_orange=10");
        row("decrease aqua saturation by 5", "hsl.saturation_aqua=-5");
        // Case, punctuation, separators, comments.
        row("LIFT THE SHADOWS!", "tone.shadows=20");
        row("  increase   EXPOSURE by 0.7 ev.  ", "exposure.exposure=0.7");
        row("brighter, warmer & more contrast",
            "exposure.exposure=0.5;white_balance.temperature=7004;tone.contrast=20");
        row("warmer then sharpen", "white_balance.temperature=7004;sharpen.amount=30");
        row("brighter; brighter", "exposure.exposure=1");
        row("brighter\nwarmer\r\n", "exposure.exposure=0.5;white_balance.temperature=7004");
        row("brighter # the sky is fine", "exposure.exposure=0.5");
        row("Please make the photo a tiny bit brighter", "exposure.exposure=0.125");
        row("much brighter", "exposure.exposure=1");
        row("dramatically brighter", "exposure.exposure=1.5");
        // Absolute vs relative, reset, crop, curve.
        row("increase exposure by 1; set exposure to 0.25", "exposure.exposure=0.25");
        row("increase exposure by 1; reset exposure", "exposure.exposure=0");
        row("crop 10% from the left", "crop.left=0.1;crop.right=1");
        row("crop 5% off the bottom and 10% off the right", "crop.bottom=0.95;crop.right=0.9");
        row("Crop to left 0.1, top 0.05, right 0.9", "crop.left=0.1;crop.top=0.05;crop.right=0.9");
        // Clamped, with a note (checked in clamping()).
        row("Increase exposure by 7 EV", "exposure.exposure=5");
    }
    void phrasings() {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const ParsedInstructions parsed = parseInstructions(text.toStdString());
        QString errors;
        for (const auto& e : parsed.errors)
            errors += QString::fromStdString(e.message + " / " + e.suggestion + "; ");
        QVERIFY2(parsed.errors.empty(), qPrintable(errors));
        QCOMPARE(parsed.understoodLines, parsed.totalLines);
        QVERIFY(parsed.totalLines >= 1);
        checkExpectations(parsed.recipe, expected, text);
        // The canonical form of what was understood reads back to the same recipe.
        const std::string canonical = formatInstructions(parsed.recipe);
        const ParsedInstructions again = parseInstructions(canonical);
        QVERIFY2(again.errors.empty(), canonical.c_str());
        expectSameValues(parsed.recipe, again.recipe, {});
        QCOMPARE(formatInstructions(again.recipe), canonical);
        // So does each instruction's own canonical form.
        std::string lines;
        for (const auto& l : parsed.lines)
            lines += l.canonical + "\n";
        expectSameValues(parsed.recipe, parseInstructions(lines).recipe, {});
    }

    void errors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("length");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("suggestion");
        QTest::newRow("typo target")
            << "lift the shadws" << 1 << 10 << 6 << "unknown target 'shadws'"
            << "shadows";
        QTest::newRow("typo exposure")
            << "increase exposre by 0.5" << 1 << 10 << 7 << "unknown target"
            << "exposure";
        QTest::newRow("typo verb")
            << "incrase exposure by 0.5" << 1 << 1 << 7 << "unknown word 'incrase'"
            << "increase";
        QTest::newRow("typo swap") << "more satruation" << 1 << 6 << 10 << "unknown target"
                                   << "saturation";
        QTest::newRow("second line")
            << "brighter\nmore contrast\nwarmre" << 3 << 1 << 6 << "unknown target"
            << "warmer";
        QTest::newRow("after semicolon")
            << "brighter; more clarty" << 1 << 16 << 6 << "unknown target"
            << "clarity";
        QTest::newRow("unknown word")
            << "brighter in the sky" << 1 << 17 << 3 << "unknown word 'sky'"
            << "";
        QTest::newRow("wrong unit")
            << "increase exposure by 500 K" << 1 << 22 << 5 << "measured in EV"
            << "EV";
        QTest::newRow("no amount") << "exposure" << 1 << 1 << 8 << "no change given"
                                   << "Increase exposure";
        QTest::newRow("no target") << "increase by 0.5" << 1 << 1 << 15 << "no target"
                                   << "exposure";
        QTest::newRow("two amounts") << "exposure +1 +2" << 1 << 13 << 2 << "two amounts"
                                     << "";
        QTest::newRow("two targets") << "more contrast saturation" << 1 << 15 << 10 << "two targets"
                                     << "and";
        QTest::newRow("band alone") << "more reds" << 1 << 6 << 4 << "which of the reds"
                                    << "red saturation";
        QTest::newRow("empty crop")
            << "crop to left 0.9, right 0.1" << 1 << 1 << 27 << "leaves nothing"
            << "";
        QTest::newRow("bad curve") << "set the tone curve to (0, 0) (1)" << 1 << 1 << 31 << "pairs"
                                   << "tone curve";
        QTest::newRow("unit alone") << "brighter by %" << 1 << 13 << 1 << "needs a number"
                                    << "%";
    }
    void errors() {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(int, length);
        QFETCH(QString, message);
        QFETCH(QString, suggestion);
        const ParsedInstructions parsed = parseInstructions(text.toStdString());
        QVERIFY(!parsed.errors.empty());
        const InstructionError& e = parsed.errors.front();
        const QString got =
            QString("%1:%2+%3 %4 — %5")
                .arg(e.line)
                .arg(e.column)
                .arg(e.length)
                .arg(QString::fromStdString(e.message), QString::fromStdString(e.suggestion));
        QVERIFY2(e.line == line && e.column == column && e.length == length, qPrintable(got));
        QVERIFY2(QString::fromStdString(e.message).contains(message), qPrintable(got));
        QVERIFY2(QString::fromStdString(e.suggestion).contains(suggestion), qPrintable(got));
        QVERIFY(parsed.understoodLines < parsed.totalLines);
    }

    void otherLinesStillApply() {
        const auto parsed = parseInstructions(
            "Increase exposure by 0.7 EV\nlift the shadws\nwarmer and clarty\nmore contrast");
        QCOMPARE(parsed.totalLines, 4);
        QCOMPARE(parsed.understoodLines, 2);
        QCOMPARE(parsed.recipe.value("exposure", "exposure"), 0.7);
        QCOMPARE(parsed.recipe.value("tone", "contrast"), 20.0);
        QCOMPARE(parsed.recipe.value("tone", "shadows"), 0.0);
        // An instruction applies whole or not at all: "warmer" did not apply without "clarty".
        QCOMPARE(parsed.recipe.value("white_balance", "temperature"), 6504.0);
        QVERIFY(parsed.lines[1].errors.size() == 1 && !parsed.lines[1].understood);
        QVERIFY(parsed.lines[2].canonical.empty());
        QCOMPARE(
            QString::fromStdString(parsed.errors[0].message + " — " + parsed.errors[0].suggestion),
            QString("unknown target 'shadws' — did you mean 'shadows'?"));
    }

    void gradedWordsStrictlyOrdered_data() {
        QTest::addColumn<QString>("templ");
        QTest::addColumn<QString>("param");
        for (const char* t :
             {"make it %1 brighter|exposure.exposure",
              "make it %1 warmer|white_balance.temperature", "%1 more magenta|white_balance.tint",
              "increase contrast %1|tone.contrast", "lift the shadows %1|tone.shadows",
              "recover the highlights %1|tone.highlights", "raise the whites %1|tone.whites",
              "deepen the blacks %1|tone.blacks", "%1 more vibrance|color.vibrance",
              "desaturate %1|color.saturation", "remove haze %1|dehaze.amount",
              "add clarity %1|clarity.amount", "reduce noise %1|denoise.luminance",
              "sharpen %1|sharpen.amount", "darken the corners %1|vignette.amount",
              "%1 more red saturation|hsl.saturation_red", "straighten %1|straighten.angle"}) {
            const QStringList parts = QString(t).split('|');
            QTest::newRow(t) << parts[0] << parts[1];
        }
    }
    void gradedWordsStrictlyOrdered() {
        QFETCH(QString, templ);
        QFETCH(QString, param);
        const QStringList key = param.split('.');
        // Grades in increasing strength; the change from neutral must grow strictly.
        const char* grades[] = {"a tiny bit", "slightly", "a touch", "moderately",
                                "",           "strongly", "a lot",   "dramatically"};
        const double levels[] = {0.25, 0.5, 0.5, 1, 1, 2, 2, 3};
        double previous = 0, previousLevel = 0;
        for (int i = 0; i < 8; ++i) {
            const QString text = templ.arg(grades[i]).simplified();
            const auto parsed = parseInstructions(text.toStdString());
            QVERIFY2(parsed.errors.empty(), qPrintable(text));
            const double v = parsed.recipe.value(key[0].toStdString(), key[1].toStdString());
            const double neutral = key[1] == "temperature" ? 6504 : 0;
            const double change = std::abs(v - neutral);
            QVERIFY2(change > 0, qPrintable(text));
            if (levels[i] > previousLevel)
                QVERIFY2(change > previous, qPrintable(text));
            else
                QCOMPARE(change, previous);
            previous = change;
            previousLevel = levels[i];
        }
    }

    void relativeToBaseAndSourceWhite() {
        Recipe base;
        (void)base.set("exposure", "exposure", 1);
        const SourceWhite raw{5000, 8};
        auto parsed =
            parseInstructions("increase exposure by 0.5; warmer; more magenta", base, raw);
        QCOMPARE(parsed.recipe.value("exposure", "exposure"), 1.5);
        QCOMPARE(parsed.recipe.value("white_balance", "temperature", raw), 5500.0);
        QCOMPARE(parsed.recipe.value("white_balance", "tint", raw), 18.0);
        // "warmer" raises the temperature value (Lightroom's sense), from the base when it sets it.
        (void)base.set("white_balance", "temperature", 7000);
        parsed = parseInstructions("cooler by 1000 K", base, raw);
        QCOMPARE(parsed.recipe.value("white_balance", "temperature", raw), 6000.0);
        // Absolute forms ignore the base.
        parsed = parseInstructions("set exposure to -0.5", base, raw);
        QCOMPARE(parsed.recipe.value("exposure", "exposure"), -0.5);
        // Formatting is relative to the same white and reads back exactly.
        const std::string text = formatInstructions(parsed.recipe, raw);
        QVERIFY2(QString::fromStdString(text).contains("Increase temperature by 2000 K"),
                 text.c_str());
        expectSameValues(parsed.recipe, parseInstructions(text, {}, raw).recipe, raw);
    }

    void clamping() {
        const auto parsed = parseInstructions("Increase exposure by 7 EV");
        QCOMPARE(parsed.recipe.value("exposure", "exposure"), 5.0);
        QCOMPARE(parsed.notes.size(), std::size_t(1));
        QVERIFY(QString::fromStdString(parsed.notes[0]).contains("above the maximum"));
        QCOMPARE(parsed.understoodLines, 1);
    }

    void recipeRoundTripsEveryParam() {
        std::mt19937 rng(7);
        for (int round = 0; round < 50; ++round) {
            const Recipe recipe = everyParamRecipe(rng);
            const SourceWhite white = round % 2 ? SourceWhite{} : SourceWhite{4321.5, -7.25};
            const std::string text = formatInstructions(recipe, white);
            const ParsedInstructions parsed = parseInstructions(text, {}, white);
            QVERIFY2(parsed.errors.empty(),
                     (text + "\n→ " + (parsed.errors.empty() ? "" : parsed.errors.front().message))
                         .c_str());
            expectSameValues(recipe, parsed.recipe, white);
            QCOMPARE(formatInstructions(parsed.recipe, white), text);
        }
    }

    void oneParamIsOneLine() {
        for (const auto& op : opCatalog())
            for (const auto& p : op.params) {
                Recipe r;
                if (p.kind == ParamKind::Points)
                    QVERIFY(r.setPoints(op.id, p.name, {{0, 0}, {0.5, 0.6}, {1, 1}}).ok());
                else
                    QVERIFY(r.set(op.id, p.name,
                                  p.neutral == p.max ? p.max - (p.max - p.min) / 3
                                                     : p.min + (p.max - p.min) / 3)
                                .ok());
                const auto lines = formatInstructionLines(r);
                QVERIFY2(lines.size() == 1,
                         qPrintable(QString::fromStdString(op.id + "." + p.name)));
                QVERIFY(formatInstructions(r).find('\n') == std::string::npos);
                expectSameValues(r, parseInstructions(lines[0]).recipe, {});
            }
        // A curve on the diagonal is still written, so that its points read back.
        Recipe diagonal;
        QVERIFY(diagonal.setPoints("tone_curve", "points", {{0, 0}, {1, 1}}).ok());
        QCOMPARE(formatInstructions(diagonal), std::string("Set the tone curve to (0, 0) (1, 1)"));
        expectSameValues(diagonal, parseInstructions(formatInstructions(diagonal)).recipe, {});
        // A neutral recipe, and disabled ops, say nothing.
        QVERIFY(formatInstructions(Recipe{}).empty());
        Recipe disabled;
        QVERIFY(disabled.set("exposure", "exposure", 1).ok());
        disabled.find("exposure")->enabled = false;
        QVERIFY(formatInstructions(disabled).empty());
    }

    void hostileInputGivesErrorsNotCrashes_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff\xfe\x80\x7f", 7);
        QTest::newRow("invalid utf8") << QByteArray("more \xc3\x28 and \xe2\x82 contrast\xf0");
        QTest::newRow("unicode") << QByteArray("更亮一点 😀 brillante");
        QTest::newRow("smart quotes") << QByteArray("make it \xe2\x80\x9cwarmer\xe2\x80\x9d");
        QTest::newRow("huge number") << QByteArray("exposure 1e999999");
        QTest::newRow("long number") << QByteArray("exposure " + QByteArray(5000, '9'));
        QTest::newRow("long word") << QByteArray(100000, 'x');
        QTest::newRow("many words") << QByteArray("brighter ").repeated(5000);
        QTest::newRow("many separators") << QByteArray(";;;,,,&&& and and").repeated(1000);
        QTest::newRow("parentheses")
            << QByteArray(5000, '(') + "brighter" + QByteArray(5000, ')') + "x";
        QTest::newRow("too many lines") << QByteArray("brighter\n").repeated(3000);
        QTest::newRow("too large") << QByteArray(300 * 1024, 'a');
        QTest::newRow("nan") << QByteArray("exposure nan; set exposure to inf; exposure -");
        QTest::newRow("only symbols") << QByteArray("@@@ *** /// <<< >>>");
        QTest::newRow("lone unit") << QByteArray("°; %; K; EV");
        QTest::newRow("curve junk") << QByteArray("curve 1 2 3 4 5 6 7 8 9 x");
    }
    void hostileInputGivesErrorsNotCrashes() {
        QFETCH(QByteArray, bytes);
        const ParsedInstructions parsed =
            parseInstructions(std::string_view(bytes.constData(), std::size_t(bytes.size())));
        QVERIFY(!parsed.errors.empty()); // never silence
        for (const auto& l : parsed.lines)
            QVERIFY(l.understood || !l.errors.empty());
        for (const auto& e : parsed.errors) {
            QVERIFY(e.line >= 1 && e.column >= 1 && e.length >= 1);
            QVERIFY(!e.message.empty());
        }
    }

    void randomBytesNeverCrash() {
        std::mt19937 rng(11);
        const std::string alphabet =
            "abcdefghijklmnopqrstuvwxyz EV K%°.,;:=+-0123456789\n\t()\xff\xc3";
        std::uniform_int_distribution<int> pick(0, int(alphabet.size()) - 1), len(0, 200),
            byte(0, 255);
        for (int i = 0; i < 2000; ++i) {
            std::string s;
            const int n = len(rng);
            for (int k = 0; k < n; ++k)
                s += i % 2 ? alphabet[std::size_t(pick(rng))] : char(byte(rng));
            const ParsedInstructions parsed = parseInstructions(s);
            for (const auto& l : parsed.lines)
                QVERIFY(l.understood || !l.errors.empty());
            // Whatever was understood formats and reads back.
            expectSameValues(parsed.recipe,
                             parseInstructions(formatInstructions(parsed.recipe)).recipe, {});
        }
        // Random sequences of real words also never crash, and are understood or explained.
        const char* words[] = {"increase", "exposure", "by",    "0.5",     "EV",  "warmer", "a",
                               "lot",      "and",      "less",  "shadows", "to",  "set",    "crop",
                               "left",     "curve",    "reset", "reds",    "hue", "-3"};
        std::uniform_int_distribution<int> w(0, 19), count(1, 8);
        for (int i = 0; i < 2000; ++i) {
            std::string s;
            for (int k = count(rng); k > 0; --k)
                s += std::string(words[w(rng)]) + " ";
            const ParsedInstructions parsed = parseInstructions(s);
            QCOMPARE(parsed.totalLines, 1);
            QVERIFY2(parsed.lines[0].understood || !parsed.lines[0].errors.empty(), s.c_str());
        }
    }

    void emptyTextChangesNothing() {
        Recipe base;
        QVERIFY(base.set("tone", "contrast", 10).ok());
        for (const char* text : {"", "   ", "\n\n", "# only a comment", " ; ; "}) {
            const auto parsed = parseInstructions(text, base);
            QCOMPARE(parsed.totalLines, 0);
            QVERIFY(parsed.errors.empty());
            QVERIFY(parsed.recipe == base);
        }
    }
};

QTEST_APPLESS_MAIN(TestInstructions)
#include "tst_instructions.moc"

// The instruction language on a real photo (the bundled sample, downscaled): every target moves
// its own measurable quantity the right way (exposure → mean L*, warmer → mean b*, tint → a*,
// saturation/vibrance → chroma, contrast → spread of L*, shadows → darkest quartile, highlights →
// brightest quartile, sharpness → detail energy, vignette → corners, …), graded words are
// strictly ordered in that quantity, and numeric amounts are exact (+0.7 EV is a gain of 2^0.7).
#include "image/Resize.h"
#include "instructions/EffectMeasures.h"
#include "instructions/Instructions.h"
#include "io/Photo.h"
#include "pipeline/Render.h"

#include <QTest>

#include <cmath>
#include <cstdlib>

using namespace pictor;

class TestInstructionsRender : public QObject {
    Q_OBJECT

    Image m_photo;
    EffectMeasures m_before;

    EffectMeasures measure(const std::string& text) {
        const ParsedInstructions parsed = parseInstructions(text);
        if (!parsed.errors.empty() || parsed.totalLines == 0) {
            QTest::qFail(("not understood: " + text).c_str(), __FILE__, __LINE__);
            return {};
        }
        auto rendered = renderRecipe(m_photo, parsed.recipe);
        if (!rendered) {
            QTest::qFail(rendered.error().message().c_str(), __FILE__, __LINE__);
            return {};
        }
        return measureEffect(*rendered);
    }

private Q_SLOTS:
    void initTestCase() {
        const char* sample = std::getenv("PICTOR_SAMPLE");
        if (!sample) QSKIP("PICTOR_SAMPLE is not set (run through CTest)");
        auto photo = loadPhoto(sample);
        QVERIFY2(photo.ok(), photo.ok() ? "" : photo.error().message().c_str());
        m_photo = resizeToLongEdge(photo->pixels, 128); // small: the suite stays fast
        m_before = measureEffect(m_photo);
    }

    void targetMovesItsQuantity_data() {
        QTest::addColumn<QString>("templ"); // %1 = graded word
        QTest::addColumn<QString>("param");
        for (const char* row : {"Make it %1 brighter|exposure.exposure",
                                "Make it %1 darker|exposure.exposure",
                                "Make it %1 warmer|white_balance.temperature",
                                "Make it %1 cooler|white_balance.temperature",
                                "%1 more magenta|white_balance.tint",
                                "%1 more green|white_balance.tint",
                                "Increase contrast %1|tone.contrast",
                                "Reduce contrast %1|tone.contrast",
                                "Lift the shadows %1|tone.shadows",
                                "Recover the highlights %1|tone.highlights",
                                "Raise the whites %1|tone.whites",
                                "Deepen the blacks %1|tone.blacks",
                                "%1 more vibrance|color.vibrance",
                                "Boost saturation %1|color.saturation",
                                "Desaturate %1|color.saturation",
                                "Remove haze %1|dehaze.amount",
                                "Add clarity %1|clarity.amount",
                                "Reduce noise %1|denoise.luminance",
                                "Sharpen %1|sharpen.amount",
                                "Darken the corners %1|vignette.amount"}) {
            const QStringList parts = QString(row).split('|');
            QTest::newRow(row) << parts[0] << parts[1];
        }
    }
    void targetMovesItsQuantity() {
        QFETCH(QString, templ);
        QFETCH(QString, param);
        const QStringList key = param.split('.');
        const ExpectedEffect effect = expectedEffect(key[0].toStdString(), key[1].toStdString());
        QVERIFY(!effect.quantity.empty());
        const double before = quantity(m_before, effect.quantity);
        double previous = before;
        for (const char* grade : {"a touch", "moderately", "a lot"}) {
            const std::string text = templ.arg(grade).toStdString();
            const ParsedInstructions parsed = parseInstructions(text);
            const OpSpec* op = findOpSpec(key[0].toStdString());
            const ParamSpec* p = op->param(key[1].toStdString());
            const double neutral = p->relativeToSourceWhite ? sourceWhiteValue(*p, {}) : p->neutral;
            const double paramChange = parsed.recipe.value(op->id, p->name) - neutral;
            QVERIFY2(paramChange != 0, text.c_str());
            // The measure must move in the direction the param moved, further for a stronger word.
            const int sign = (paramChange > 0 ? 1 : -1) * effect.sign;
            const double after = quantity(measure(text), effect.quantity);
            const QString what =
                QString("%1: %2 %3 → %4 (previous grade %5)")
                    .arg(QString::fromStdString(text), QString::fromStdString(effect.quantity))
                    .arg(before)
                    .arg(after)
                    .arg(previous);
            QVERIFY2((after - before) * sign > 0, qPrintable(what));
            QVERIFY2((after - previous) * sign > 0, qPrintable(what));
            previous = after;
        }
    }

    void numericAmountsAreExact_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("ev");
        QTest::newRow("+0.7 EV") << "Increase exposure by 0.7 EV" << 0.7;
        QTest::newRow("-1.3 stops") << "Decrease exposure by 1.3 stops" << -1.3;
        QTest::newRow("set +1") << "set exposure to +1" << 1.0;
        QTest::newRow("bare EV") << "+0.25 EV" << 0.25;
    }
    void numericAmountsAreExact() {
        QFETCH(QString, text);
        QFETCH(double, ev);
        const EffectMeasures after = measure(text.toStdString());
        const double measured = std::log2(after.meanLinearY / m_before.meanLinearY);
        QVERIFY2(std::abs(measured - ev) < 1e-4,
                 qPrintable(QString("%1 measured %2 EV").arg(text).arg(measured, 0, 'g', 9)));
    }
};

QTEST_GUILESS_MAIN(TestInstructionsRender)
#include "tst_instructions_render.moc"

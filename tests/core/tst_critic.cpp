// The Critic end to end on generated scenes: a clean scene is left alone (do no harm), each
// defect gets the finding and the instruction that addresses it, the score improves after the
// suggested edit, and the JSON carries everything the window and the CLI show.
#include "CriticScenes.h"
#include "critic/Critic.h"
#include "critic/CritiqueJson.h"
#include "critic/ModelAdvice.h"
#include "critic/Reasoning.h"
#include "instructions/Instructions.h"
#include "io/Photo.h"
#include "nn/CriticModel.h"
#include "nn/CriticNet.h"
#include "ops/GlobalOps.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <ATen/ATen.h>

#include <cmath>

using namespace pictor;
using namespace pictor::critic;
using namespace pictor::test;

namespace {

const Finding* findingFor(const Critique& c, Aspect aspect) {
    for (const Finding& f : c.findings)
        if (f.aspect == aspect) return &f;
    return nullptr;
}

Critique critiqueOf(const Image& image) {
    auto result = critique(image);
    if (!result) qFatal("critique failed: %s", result.error().message().c_str());
    return std::move(result).value();
}

// The need of `aspect` among `needs` (assessNeeds gives one per aspect): null when there is none,
// or more than one, so that a test looping over needs cannot pass by finding nothing.
const Need* needFor(const std::vector<Need>& needs, Aspect aspect) {
    const Need* found = nullptr;
    for (const Need& n : needs) {
        if (n.aspect != aspect) continue;
        if (found) return nullptr;
        found = &n;
    }
    return found;
}

// The value of a need's evidence `key` (NaN when it has none).
double evidenceValue(const Need& need, const std::string& key) {
    for (const Evidence& e : need.evidence)
        if (e.key == key) return e.value;
    return std::nan("");
}

} // namespace

class TestCritic : public QObject {
    Q_OBJECT

    Image m_clean;

private Q_SLOTS:
    void initTestCase() { m_clean = makeCleanScene(); }

    void cleanSceneIsLeftAlone() {
        const Critique c = critiqueOf(m_clean);
        QVERIFY2(c.findings.empty(),
                 c.findings.empty() ? "" : c.findings.front().reasoning.c_str());
        QVERIFY(c.recipe.isNeutral());
        QVERIFY(c.instructions.empty());
        QVERIFY2(c.score >= 90, qPrintable(QString::number(c.score)));
        QCOMPARE(c.scoreAfter, c.score);
    }

    void underExposureIsFoundAndFixed() {
        Image dark = m_clean;
        scaleExposure(dark, -1.5);
        const Critique c = critiqueOf(dark);
        const Finding* f = findingFor(c, Aspect::Exposure);
        QVERIFY(f);
        const double ev = c.recipe.value("exposure", "exposure");
        QVERIFY2(ev > 0.9 && ev < 2.0, qPrintable(QString::number(ev)));
        QVERIFY(f->severity != Severity::Minor);
        QVERIFY(f->instruction.find("exposure") != std::string::npos);
        QVERIFY(f->reasoning.find("stops under") != std::string::npos);
        bool cited = false;
        for (const Evidence& e : f->evidence)
            cited = cited || (e.key == "median_luminance" && e.unit == "%");
        QVERIFY(cited);
        QVERIFY2(c.scoreAfter > c.score + 5,
                 qPrintable(QString("%1 → %2").arg(c.score).arg(c.scoreAfter)));
        QCOMPARE(c.findings.front().aspect, Aspect::Exposure); // the most severe first
    }

    // A dark photo with a saturated blue sky: the sky's blue channel reaches white long before
    // the mid-tones reach mid grey. Brightening stops before it clips (or is left out, with the
    // reason given, when the sky is at white already): the score after the edit must not drop.
    void brighteningStopsBeforeSaturatedColoursClip_data() {
        QTest::addColumn<double>("skyBlue");
        QTest::addColumn<bool>("brightened");
        QTest::newRow("room for a third of a stop") << 0.75 << true;
        QTest::newRow("no room") << 0.95 << false;
    }
    void brighteningStopsBeforeSaturatedColoursClip() {
        QFETCH(double, skyBlue);
        QFETCH(bool, brightened);
        Image dark = m_clean;
        scaleExposure(dark, -1.5);
        for (int y = 0; y < dark.height() / 8; ++y) {
            float* px = dark.row(y);
            for (int x = 0; x < dark.width(); ++x, px += 3) {
                px[0] = 0.02f;
                px[1] = 0.06f;
                px[2] = float(skyBlue);
            }
        }
        const Critique c = critiqueOf(dark);
        const Finding* f = findingFor(c, Aspect::Exposure);
        QVERIFY2(f, c.summary.c_str());
        const double ev = c.recipe.value("exposure", "exposure");
        const double room = std::log2(0.98 / skyBlue);
        if (brightened) {
            QVERIFY2(ev > 0.1 && ev <= room, qPrintable(QString::number(ev)));
            QVERIFY(f->instruction.find("exposure") != std::string::npos);
        } else {
            QCOMPARE(ev, 0.0);
            QVERIFY(f->fix.empty());
        }
        QVERIFY2(c.analysisAfter.clippedHighlights <= c.analysis.clippedHighlights + 0.011,
                 qPrintable(QString::number(c.analysisAfter.clippedHighlights)));
        QVERIFY2(c.scoreAfter >= c.score,
                 qPrintable(QString("%1 → %2").arg(c.score).arg(c.scoreAfter)));
        bool cited = false;
        for (const Evidence& e : f->evidence)
            cited = cited || e.key == "brightening_headroom";
        QVERIFY(cited);
        QVERIFY2(f->reasoning.find("saturated") != std::string::npos, f->reasoning.c_str());
    }

    void overExposureIsDarkened() {
        Image bright = m_clean;
        scaleExposure(bright, 0.5);
        // Keep it unclipped, as a RAW would be: the Critic may then darken.
        AnalysisOptions raw;
        raw.raw = true;
        CriticOptions options;
        options.analysis = raw;
        auto c = critique(bright, options);
        QVERIFY(c);
        Image brighter = m_clean;
        scaleExposure(brighter, 1.5);
        auto c2 = critique(brighter, options);
        QVERIFY(c2);
        QVERIFY(c2->recipe.value("exposure", "exposure") < 0);
        QVERIFY(c2->score < c->score);
    }

    // A rendered photo whose data still holds the highlights above white (a scene-referred
    // edit, a float file) is darkened, and its "clipped highlights" and harsh contrast, which
    // are the exposure's, get no fixes of their own.
    void overExposureAboveWhiteIsDarkenedAlone() {
        Image bright = m_clean;
        scaleExposure(bright, 1.2);
        const Critique c = critiqueOf(bright);
        const double ev = c.recipe.value("exposure", "exposure");
        QVERIFY2(ev < -0.6 && ev > -1.6, qPrintable(QString::fromStdString(c.instructions)));
        QVERIFY2(!c.recipe.find("tone"), qPrintable(QString::fromStdString(c.instructions)));
    }

    void castIsNeutralisedInTheRightDirection_data() {
        QTest::addColumn<double>("r");
        QTest::addColumn<double>("b");
        QTest::addColumn<int>("direction");
        QTest::newRow("warm (≈ 90 mired, tungsten-like)") << 1.45 << 0.55 << -1;
        QTest::newRow("cool") << 0.75 << 1.35 << 1;
    }
    void castIsNeutralisedInTheRightDirection() {
        QFETCH(double, r);
        QFETCH(double, b);
        QFETCH(int, direction);
        Image cast = m_clean;
        applyChannelGains(cast, r, 1.0, b);
        const Critique c = critiqueOf(cast);
        QVERIFY2(findingFor(c, Aspect::WhiteBalance),
                 qPrintable(QString("cast %1 mired, tint %2, agreement %3")
                                .arg(c.analysis.combined.miredShift)
                                .arg(c.analysis.combined.tintShift)
                                .arg(c.analysis.whiteConfidence)));
        const double shift = c.recipe.value("white_balance", "temperature") - 6504;
        QVERIFY2(shift * direction > 300, qPrintable(QString::number(shift)));
        QVERIFY(c.scoreAfter > c.score);
        // The rendered edit is closer to neutral than the photo.
        QVERIFY(c.analysisAfter.combined.strength < c.analysis.combined.strength);
    }

    // A scene bluer than any daylight could light it (blue hour, dusk fog): the blue is the
    // photo's, not a cast. The finding says so and changes nothing; the score is not lowered.
    void aSceneBluerThanDaylightIsKept() {
        Image dusk = m_clean;
        applyChannelGains(dusk, 0.3, 0.55, 1.0);
        const Critique c = critiqueOf(dusk);
        QVERIFY2(c.analysis.greyWorld.temperature >= 25000 &&
                     c.analysis.greyEdge.temperature >= 25000,
                 qPrintable(QString("%1 K, %2 K")
                                .arg(c.analysis.greyWorld.temperature)
                                .arg(c.analysis.greyEdge.temperature)));
        const Finding* f = findingFor(c, Aspect::WhiteBalance);
        QVERIFY2(f, qPrintable(QString("%1 (cast %2 mired, tint %3)")
                                   .arg(QString::fromStdString(c.summary))
                                   .arg(c.analysis.combined.miredShift)
                                   .arg(c.analysis.combined.tintShift)));
        QVERIFY(f->fix.empty());
        QVERIFY(!c.recipe.find("white_balance"));
        QVERIFY2(f->reasoning.find("bluer than any daylight") != std::string::npos,
                 f->reasoning.c_str());
        // The same scene with a cast a light could give is still corrected (the test above).
        Image cool = m_clean;
        applyChannelGains(cool, 0.75, 1.0, 1.35);
        QVERIFY(critiqueOf(cool).recipe.find("white_balance"));
    }
    void noiseBlurHazeAndTiltEachGetTheirFix_data() {
        QTest::addColumn<int>("defect");
        QTest::addColumn<QString>("op");
        QTest::newRow("noise") << int(Aspect::Noise) << "denoise";
        QTest::newRow("blur") << int(Aspect::Sharpness) << "sharpen";
        QTest::newRow("haze") << int(Aspect::Haze) << "dehaze";
        QTest::newRow("tilt") << int(Aspect::Tilt) << "straighten";
    }
    void noiseBlurHazeAndTiltEachGetTheirFix() {
        QFETCH(int, defect);
        QFETCH(QString, op);
        const Aspect aspect = Aspect(defect);
        Image image;
        if (aspect == Aspect::Tilt) {
            SceneOptions options;
            options.tiltDegrees = 3;
            image = makeCleanScene(options);
        } else {
            image = m_clean;
            if (aspect == Aspect::Noise) addEncodedNoise(image, 0.03, 11);
            if (aspect == Aspect::Sharpness) gaussianBlur(image, 2.5);
            if (aspect == Aspect::Haze) addHaze(image, 0.5, 0.85);
        }
        const Critique c = critiqueOf(image);
        const Finding* f = findingFor(c, aspect);
        QVERIFY2(f, c.summary.c_str());
        QVERIFY(f->fix.find(op.toStdString()));
        QVERIFY(!f->instruction.empty());
        QVERIFY2(c.scoreAfter > c.score,
                 qPrintable(QString("%1 → %2").arg(c.score).arg(c.scoreAfter)));
        if (aspect == Aspect::Tilt)
            QVERIFY(std::abs(c.recipe.value("straighten", "angle") + 3) < 0.3);
    }

    void aCastOnAHazyPhotoIsReadFromTheVeil_data() {
        QTest::addColumn<double>("r");
        QTest::addColumn<double>("b");
        QTest::addColumn<int>("direction");
        QTest::newRow("warm veil") << 1.2 << 0.8 << -1;
        QTest::newRow("cool veil") << 0.85 << 1.2 << 1;
    }
    void aCastOnAHazyPhotoIsReadFromTheVeil() {
        // Haze, then a cast on everything (the veil too): the veil is the one surface whose
        // colour is known, so the cast is found and undone before the haze is.
        QFETCH(double, r);
        QFETCH(double, b);
        QFETCH(int, direction);
        Image image = m_clean;
        addHaze(image, 0.5, 0.85);
        applyChannelGains(image, r, 1.0, b);
        const Critique c = critiqueOf(image);
        QVERIFY2(findingFor(c, Aspect::Haze) && findingFor(c, Aspect::WhiteBalance),
                 qPrintable(QString("%1 (veil: %2 K, tint %3, halves' agreement %4)")
                                .arg(QString::fromStdString(c.summary))
                                .arg(c.analysis.veilWhite.temperature)
                                .arg(c.analysis.veilWhite.tint)
                                .arg(c.analysis.veilAgreement)));
        const double shift = c.recipe.value("white_balance", "temperature") - 6504;
        QVERIFY2(shift * direction > 300, qPrintable(QString::number(shift)));
        QVERIFY(c.recipe.value("dehaze", "amount") > 0);
    }

    void instructionsParseBackToTheRecipe() {
        Image image = m_clean;
        scaleExposure(image, -1.2);
        applyChannelGains(image, 1.45, 1.0, 0.55);
        const Critique c = critiqueOf(image);
        QVERIFY(c.findings.size() >= 2);
        const ParsedInstructions parsed = parseInstructions(c.instructions);
        QVERIFY(parsed.errors.empty());
        for (const RecipeOp& op : c.recipe.ops)
            for (const auto& [param, value] : op.scalars)
                QVERIFY2(std::abs(parsed.recipe.value(op.id, param) - value) < 1e-9, param.c_str());
    }

    void jsonCarriesTheCritique() {
        Image dark = m_clean;
        scaleExposure(dark, -1.5);
        const QJsonObject json = critiqueToJson(critiqueOf(dark));
        QCOMPARE(json["pictorCritique"].toInt(), kCritiqueFormatVersion);
        QVERIFY(json["score"].isDouble() && json["scoreAfter"].isDouble());
        QVERIFY(json["scoreAfter"].toDouble() > json["score"].toDouble());
        QVERIFY(json["instructions"].toString().contains("exposure"));
        QVERIFY(json["recipe"].toObject()["ops"].isArray());
        const QJsonObject first = json["findings"].toArray().first().toObject();
        QCOMPARE(first["aspect"].toString(), QString("exposure"));
        QVERIFY(QStringList({"minor", "moderate", "major"}).contains(first["severity"].toString()));
        QVERIFY(!first["reasoning"].toString().isEmpty());
        QVERIFY(first["instruction"].toString().startsWith("Increase exposure"));
        const QJsonObject evidence = first["evidence"].toArray().first().toObject();
        for (const char* key : {"key", "label", "value", "unit", "text"})
            QVERIFY2(evidence.contains(key), key);
        QVERIFY(json["analysis"].toObject()["histogram"].toArray().size() == 64);
        QVERIFY(json["analysis"].toObject().contains("noiseSigma"));
    }

    void rawAsShotWhiteIsTheReference() {
        // A RAW whose as-shot white is 5000 K: a neutral scene needs no white-balance change,
        // and a suggested temperature is relative to 5000 K.
        Photo photo;
        photo.pixels = m_clean;
        photo.source.raw = RawInfo{};
        photo.source.raw->asShotTemperatureK = 5000;
        photo.source.raw->asShotTint = 5;
        auto c = critique(photo);
        QVERIFY(c);
        QVERIFY(c->analysis.raw);
        QCOMPARE(c->analysis.sourceWhite.temperature, 5000.0);
        QVERIFY(!findingFor(*c, Aspect::WhiteBalance));
        QVERIFY(std::abs(c->analysis.combined.temperature - 5000) < 400);
    }

    void modelAdviceIsGatedAndSanityChecked() {
        Image dark = m_clean;
        scaleExposure(dark, -1.5);
        const Analysis a = analyzeImage(dark);
        nn::ModelPrediction prediction;
        // The network's raw value; the instruction gets it rounded as a person would set it.
        prediction.params = {{"exposure", "exposure", 1.4137, 0.9},
                             {"color", "saturation", 30, 0.9}, // analysis: colours are fine
                             {"white_balance", "temperature", 4000, 0.2}}; // low confidence
        for (const std::string& d : nn::modelDefects())
            prediction.defects.push_back({d, 0.9});
        // The model's exposure is a second estimate beside the headroom's: 0.6 and 0.4 of the
        // correction, rounded to 0.05 EV.
        std::vector<Need> needs = assessNeeds(a, 1.4137);
        const std::vector<double> used = applyModelAdvice(prediction, a, {}, needs);
        bool sawExposure = false;
        for (std::size_t i = 0; i < needs.size(); ++i) {
            if (needs[i].aspect == Aspect::Exposure) {
                sawExposure = true;
                const double headroom = -evidenceValue(needs[i], "exposure_error");
                const double expected = std::round((0.6 * 1.4137 + 0.4 * headroom) / 0.05) * 0.05;
                QVERIFY2(headroom > 1.0, std::to_string(headroom).c_str());
                QVERIFY(std::abs(needs[i].fix.value("exposure", "exposure") - expected) < 1e-9);
                QCOMPARE(evidenceValue(needs[i], "model_exposure_error"), -1.4137);
                QCOMPARE(used[i], 0.9);
            }
            if (needs[i].aspect == Aspect::Saturation) QVERIFY(!needs[i].fix.find("color"));
            if (needs[i].aspect == Aspect::WhiteBalance) QVERIFY(used[i] < 0);
        }
        QVERIFY(sawExposure);
        // A model sure that nothing is wrong vetoes minor analysis findings, and its "0 EV"
        // pulls a 1 EV headroom estimate inside the range left alone.
        Image slightly = m_clean;
        scaleExposure(slightly, -1.0);
        const Analysis b = analyzeImage(slightly);
        QVERIFY(assessNeeds(b).front().actionable); // the headroom alone corrects it
        std::vector<Need> minor = assessNeeds(b, 0.0);
        nn::ModelPrediction none;
        for (const std::string& d : nn::modelDefects())
            none.defects.push_back({d, 0.01});
        none.params = {{"exposure", "exposure", 0.0, 0.9}};
        (void)applyModelAdvice(none, b, {}, minor);
        for (const Need& n : minor)
            if (n.aspect == Aspect::Exposure || n.magnitude < 0.34) QVERIFY(!n.actionable);
    }

    // A straightening crops the photo, more the larger it is: past 5° the line must be clearer
    // (a branch at 6.6° found at 62 % confidence is not a horizon).
    void largeStraighteningsNeedClearerLines_data() {
        QTest::addColumn<double>("tilt");
        QTest::addColumn<double>("confidence");
        QTest::addColumn<bool>("straightened");
        QTest::newRow("4.8° at 62 %") << 4.8 << 0.62 << true;
        QTest::newRow("6.6° at 62 %") << 6.6 << 0.62 << false;
        QTest::newRow("6.6° at 75 %") << 6.6 << 0.75 << true;
        QTest::newRow("-7.5° at 70 %") << -7.5 << 0.70 << false;
        QTest::newRow("-7.5° at 90 %") << -7.5 << 0.90 << true;
        QTest::newRow("0.5° at 100 %: too small to matter") << 0.5 << 1.0 << false;
        QTest::newRow("9° at 100 %: a slope, not a tilt") << 9.0 << 1.0 << false;
    }
    void largeStraighteningsNeedClearerLines() {
        QFETCH(double, tilt);
        QFETCH(double, confidence);
        QFETCH(bool, straightened);
        Analysis a = analyzeImage(m_clean);
        a.horizonTiltDegrees = tilt;
        a.horizonConfidence = confidence;
        const std::vector<Need> needs = assessNeeds(a);
        const Need* tiltNeed = needFor(needs, Aspect::Tilt);
        QVERIFY(tiltNeed);
        QCOMPARE(tiltNeed->actionable, straightened);
        if (straightened) QCOMPARE(tiltNeed->fix.value("straighten", "angle"), -tilt);
    }

    // Highlights above white (RAW, a scene-referred edit) are brought back by as much as puts the
    // 99th percentile at white, whatever the clipped share: a fifth of the frame just past white
    // needs a touch, a few per cent far past it a lot. Checked against the tone op itself.
    void highlightsAboveWhiteAreBroughtBackToWhite_data() {
        QTest::addColumn<double>("y99");
        QTest::addColumn<double>("clipped");
        QTest::addColumn<bool>("fixed");
        QTest::newRow("a fifth just past white: a note") << 1.03 << 0.20 << false;
        QTest::newRow("a third of a stop over") << 1.25 << 0.05 << true;
        QTest::newRow("half a stop over, little clipped") << 1.45 << 0.012 << true;
        QTest::newRow("half a stop over, much clipped") << 1.45 << 0.20 << true;
        QTest::newRow("two stops over: capped") << 4.0 << 0.10 << true;
        QTest::newRow("below white: nothing to bring back") << 0.97 << 0.20 << false;
    }
    void highlightsAboveWhiteAreBroughtBackToWhite() {
        QFETCH(double, y99);
        QFETCH(double, clipped);
        QFETCH(bool, fixed);
        Analysis a = analyzeImage(m_clean);
        a.lumaPercentiles[6] = y99;
        a.clippedHighlights = clipped;
        const std::vector<Need> needs = assessNeeds(a);
        const Need* highlights = needFor(needs, Aspect::Highlights);
        QVERIFY(highlights);
        QVERIFY(highlights->actionable); // found either way: at least 1 % clipped
        QCOMPARE(!highlights->fix.empty(), fixed);
        Finding finding;
        finding.aspect = Aspect::Highlights;
        finding.evidence = highlights->evidence;
        finding.fix = highlights->fix;
        const std::string why = reasoningFor(finding, a);
        // What the text says follows what was decided: pulled down, too little to, or lost.
        const char* expected = fixed       ? "pulling the highlights down"
                               : y99 > 1.0 ? "too little to pull"
                                           : "no detail there";
        QVERIFY2(why.find(expected) != std::string::npos, why.c_str());
        if (!fixed) return;
        const double amount = highlights->fix.value("tone", "highlights");
        QVERIFY2(amount < 0 && amount >= -80, qPrintable(QString::number(amount)));
        // A grey pixel at the 99th percentile, through the tone op with that amount.
        ops::ToneParams params;
        params.highlights = at::tensor(amount, at::kFloat);
        const float v = float(y99);
        const float after =
            ops::tone(at::tensor({v, v, v}, at::kFloat).reshape({1, 1, 3}), params)[0][0][0]
                .item<float>();
        if (amount > -80) // 5-unit steps: within a few hundredths of white
            QVERIFY2(std::abs(after - 1.0f) < 0.04f,
                     qPrintable(QString("%1 → %2 with %3").arg(y99).arg(after).arg(amount)));
        else
            QVERIFY2(after > 1.0f && after < v, qPrintable(QString::number(after)));
    }

    // A veil lifts the darkest tones (L* 1 % ≥ 35) and flattens the rest; a contrasty scene
    // keeps some spread under a thin veil and is still dehazed. A veil is one colour: halves of
    // clearly different colours are the scene's.
    void aVeilIsFoundUnlessThePhotoIsContrastyOrColourless_data() {
        QTest::addColumn<double>("spread");
        QTest::addColumn<double>("brightest"); // Y at 99 %
        QTest::addColumn<double>("neutral");
        QTest::addColumn<double>("agreement"); // of the top and bottom halves' veil colours
        QTest::addColumn<bool>("dehazed");
        QTest::newRow("flat, colourful") << 8.0 << 0.9 << 0.3 << 0.9 << true;
        QTest::newRow("contrasty scene under a thin veil") << 19.0 << 0.9 << 0.3 << 0.9 << true;
        QTest::newRow("contrasty and past white: over-exposed")
            << 19.0 << 1.6 << 0.3 << 0.9 << false;
        QTest::newRow("too contrasty for a veil") << 26.0 << 0.9 << 0.3 << 0.9 << false;
        QTest::newRow("colourless: a grey backdrop or fog on purpose")
            << 8.0 << 0.9 << 0.9 << 0.9 << false;
        QTest::newRow("halves of different colours: the scene's, not a veil")
            << 8.0 << 0.9 << 0.3 << 0.05 << false;
        QTest::newRow("halves a little apart: a veil") << 8.0 << 0.9 << 0.3 << 0.2 << true;
    }
    void aVeilIsFoundUnlessThePhotoIsContrastyOrColourless() {
        QFETCH(double, spread);
        QFETCH(double, brightest);
        QFETCH(double, neutral);
        QFETCH(double, agreement);
        QFETCH(bool, dehazed);
        Analysis a = analyzeImage(m_clean);
        a.veilAgreement = agreement;
        a.darkChannelMean = 0.55;
        a.lightnessPercentiles[0] = 45;
        a.lightnessStdDev = spread;
        a.lumaPercentiles[6] = brightest;
        a.neutralFraction = neutral;
        const std::vector<Need> needs = assessNeeds(a);
        const Need* haze = needFor(needs, Aspect::Haze);
        QVERIFY(haze); // exactly one: a check that cannot pass by finding none
        QCOMPARE(haze->actionable, dehazed);
        if (dehazed) QCOMPARE(haze->fix.value("dehaze", "amount"), 100.0);
    }

    // A pale blue sky over pale sand has everything a veil has (no dark pixels, a high dark
    // channel, little spread) but two colours: it is left alone, where a veil over the photo
    // (the haze row of noiseBlurHazeAndTiltEachGetTheirFix) is removed.
    void aPaleSkyOverSandIsNotDehazed() {
        Image scene(384, 256);
        for (int y = 0; y < scene.height(); ++y) {
            float* px = scene.row(y);
            const bool sky = y < scene.height() / 2;
            for (int x = 0; x < scene.width(); ++x, px += 3) {
                // A gentle ripple, so that the halves are not perfectly flat.
                const float ripple = 0.03f * std::sin(0.11f * float(x) + 0.07f * float(y));
                px[0] = (sky ? 0.42f : 0.70f) + ripple;
                px[1] = (sky ? 0.55f : 0.58f) + ripple;
                px[2] = (sky ? 0.80f : 0.40f) + ripple;
            }
        }
        const Critique c = critiqueOf(scene);
        // What would have read as haze: nothing dark, a high dark channel, a flat photo.
        QVERIFY2(c.analysis.lightnessPercentiles[0] >= 35 && c.analysis.darkChannelMean >= 0.3 &&
                     c.analysis.lightnessStdDev < 16,
                 qPrintable(QString("L* at 1 %: %1, dark channel %2, σ %3")
                                .arg(c.analysis.lightnessPercentiles[0])
                                .arg(c.analysis.darkChannelMean)
                                .arg(c.analysis.lightnessStdDev)));
        QVERIFY2(c.analysis.veilAgreement < 0.15,
                 qPrintable(QString::number(c.analysis.veilAgreement)));
        QVERIFY2(!c.recipe.find("dehaze"), c.instructions.c_str());
    }

    void aFlatPhotoIsNotedAndLeftAlone() {
        // Photos this flat are mostly flat on purpose: a finding that says so, with no fix; a
        // harsh one gets less contrast.
        Analysis flat = analyzeImage(m_clean);
        flat.lightnessStdDev = 8;
        flat.lightnessSpread = 25;
        const Need* contrast = nullptr;
        const std::vector<Need> needs = assessNeeds(flat);
        for (const Need& n : needs)
            if (n.aspect == Aspect::Contrast) contrast = &n;
        QVERIFY(contrast && contrast->actionable && contrast->fix.empty());
        Finding noted;
        noted.aspect = Aspect::Contrast;
        noted.evidence = contrast->evidence;
        QVERIFY(reasoningFor(noted, flat).find("flat on purpose") != std::string::npos);

        Analysis harsh = analyzeImage(m_clean);
        harsh.lightnessStdDev = 36;
        harsh.clippedHighlights = harsh.crushedShadows = 0.02;
        for (const Need& n : assessNeeds(harsh))
            if (n.aspect == Aspect::Contrast)
                QVERIFY(n.actionable && n.fix.value("tone", "contrast") < 0);
    }

    void samplePhotoGetsFewChanges() {
        // The bundled sample is a well-made backlit golden-hour photo: its warmth is the mood and
        // its clipped sun is normal, so the Critic must leave it (nearly) alone.
        const QByteArray sample = qgetenv("PICTOR_SAMPLE");
        if (sample.isEmpty()) QSKIP("PICTOR_SAMPLE is not set (run through CTest)");
        LoadOptions load;
        load.rawHalfSize = true;
        auto photo = loadPhoto(sample.toStdString(), load);
        QVERIFY2(photo, photo ? "" : photo.error().message().c_str());
        auto c = critique(*photo);
        QVERIFY(c);
        for (const Finding& f : c->findings)
            QVERIFY2(f.severity == Severity::Minor, f.reasoning.c_str());
        QVERIFY2(c->recipe.activeOps().size() <= 1, c->instructions.c_str());
        QVERIFY2(c->score >= 80, qPrintable(QString::number(c->score)));
    }

    void aLoadedModelIsConsultedAndItsFailureIsNoted() {
        // A real (untrained, seeded) network: the critique goes through the model path.
        const nn::CriticModel model = nn::makeCriticModel(
            std::make_shared<nn::CriticNet>(kAnalysisFeatureCount, 1), "untrained test net");
        CriticOptions options;
        options.model = &model;
        auto c = critique(m_clean, options);
        QVERIFY(c);
        QCOMPARE(c->model, std::string("untrained test net"));
        QVERIFY(c->notes.empty());
        // A model made for another feature vector fails to predict: the analysis-only critique
        // still comes back, with a note saying why.
        const nn::CriticModel wrong = nn::makeCriticModel(
            std::make_shared<nn::CriticNet>(kAnalysisFeatureCount + 1, 1), "wrong features");
        options.model = &wrong;
        auto d = critique(m_clean, options);
        QVERIFY(d);
        QVERIFY(d->model.empty());
        QCOMPARE(int(d->notes.size()), 1);
        QVERIFY(d->findings.empty());
    }

    void emptyImageIsAnError() {
        auto c = critique(Image{});
        QVERIFY(!c);
        QVERIFY(!c.error().what.empty());
    }

    void tinyAndExtremeImagesGiveAnAnswer_data() {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<float>("value");
        QTest::newRow("1×1 grey") << 1 << 1 << 0.18f;
        QTest::newRow("3×2 black") << 3 << 2 << 0.0f;
        QTest::newRow("40×9 white") << 40 << 9 << 1.0f;
        QTest::newRow("64×64 very dark") << 64 << 64 << 0.001f;
        QTest::newRow("64×64 scene-referred 8× white") << 64 << 64 << 8.0f;
    }
    void tinyAndExtremeImagesGiveAnAnswer() {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(float, value);
        Image image(width, height);
        std::fill_n(image.data(), image.pixelCount() * 3, value);
        auto c = critique(image);
        // Either a critique or a clear error; never a crash, never a non-finite score.
        if (c) {
            QVERIFY(std::isfinite(c->score) && std::isfinite(c->scoreAfter));
            QVERIFY(c->score >= 0 && c->score <= 100);
        } else {
            QVERIFY(!c.error().what.empty());
        }
    }
};

QTEST_GUILESS_MAIN(TestCritic)
#include "tst_critic.moc"

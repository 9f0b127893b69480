// The Critic's analysis on generated scenes with defects of known size: each measure must move
// in the right direction by roughly the right amount, and stay quiet on the clean scene.
#include "CriticScenes.h"
#include "critic/Analysis.h"

#include <QTest>

#include <cmath>

using namespace pictor;
using namespace pictor::critic;
using namespace pictor::test;

namespace {

// Rows of dark windows on a pale wall, anti-aliased (4×4 supersampling), the left half turned
// counter-clockwise by `leftTilt` degrees and the right half by `rightTilt`.
Image windowedFacade(int w, int h, double leftTilt, double rightTilt) {
    Image facade(w, h);
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const double tilt = x < w / 2 ? leftTilt : rightTilt;
            const double c = std::cos(tilt * M_PI / 180), s = std::sin(tilt * M_PI / 180);
            double sum = 0;
            for (int k = 0; k < 16; ++k) {
                const double px = x + (k % 4 + 0.5) / 4 - w / 2.0;
                const double py = y + (k / 4 + 0.5) / 4 - h / 2.0;
                // Undo the counter-clockwise turn (y grows downwards on screen).
                const double u = c * px - s * py + 1000, v = s * px + c * py + 1000;
                const int column = int(u / 44);
                const double stagger = 17.0 * ((column * 7) % 5);
                const double cu = std::fmod(u, 44.0), cv = std::fmod(v + stagger, 58.0);
                sum += (cu > 12 && cu < 34 && cv > 14 && cv < 44) ? 0.04 : 0.45;
            }
            float* p = facade.at(x, y);
            p[0] = p[1] = p[2] = float(sum / 16);
        }
    }
    return facade;
}

} // namespace

class TestAnalysis : public QObject {
    Q_OBJECT

    Image m_clean;
    Analysis m_cleanAnalysis;

private Q_SLOTS:
    void initTestCase() {
        m_clean = makeCleanScene();
        m_cleanAnalysis = analyzeImage(m_clean);
    }

    void cleanSceneMeasuresAsWellMade() {
        const Analysis& a = m_cleanAnalysis;
        QCOMPARE(a.thumbnailWidth, 384);
        QCOMPARE(a.photoWidth, 768);
        QVERIFY2(std::abs(a.keyEv) < 1.0, qPrintable(QString::number(a.keyEv)));
        QVERIFY(a.lumaPercentiles[6] > 0.6 && a.lumaPercentiles[6] < 1.0);
        QVERIFY(a.clippedHighlights < 0.005);
        QVERIFY(a.noiseSigma < 0.004);
        QVERIFY2(a.blur < 0.4, qPrintable(QString::number(a.blur)));
        QVERIFY(std::abs(a.horizonTiltDegrees) < 0.3);
        QVERIFY(a.horizonConfidence > 0.6);
        double sum = 0;
        for (double h : a.histogram)
            sum += h;
        QVERIFY(std::abs(sum - 1) < 1e-9);
        for (std::size_t i = 1; i < a.lumaPercentiles.size(); ++i)
            QVERIFY(a.lumaPercentiles[i] >= a.lumaPercentiles[i - 1]);
    }

    void darkeningLowersTheKeyByItsStops() {
        Image dark = m_clean;
        scaleExposure(dark, -1.5);
        const Analysis a = analyzeImage(dark);
        QVERIFY2(std::abs((a.keyEv - m_cleanAnalysis.keyEv) + 1.5) < 0.1,
                 qPrintable(QString::number(a.keyEv)));
        QVERIFY(a.deepShadows > m_cleanAnalysis.deepShadows);
        QVERIFY(a.meanLightness < m_cleanAnalysis.meanLightness - 10);
    }

    void castGivesCorrectingWhiteBalance_data() {
        QTest::addColumn<double>("r");
        QTest::addColumn<double>("b");
        QTest::addColumn<int>("direction"); // sign of (correcting temperature − source)
        QTest::newRow("warm cast → lower temperature") << 1.25 << 0.72 << -1;
        QTest::newRow("cool cast → higher temperature") << 0.8 << 1.3 << 1;
    }
    void castGivesCorrectingWhiteBalance() {
        QFETCH(double, r);
        QFETCH(double, b);
        QFETCH(int, direction);
        Image cast = m_clean;
        applyChannelGains(cast, r, 1.0, b);
        const Analysis a = analyzeImage(cast);
        for (const WhiteEstimate* w : {&a.greyWorld, &a.greyEdge, &a.combined}) {
            const double shift = w->temperature - a.sourceWhite.temperature;
            QVERIFY2(shift * direction > 300, qPrintable(QString::number(w->temperature)));
        }
        // The same gains on every pixel: both cues see the same cast.
        QVERIFY(a.whiteConfidence > 0.7);
        QVERIFY(a.combined.strength > m_cleanAnalysis.combined.strength);
    }

    void noiseSigmaIsMeasured_data() {
        QTest::addColumn<double>("sigma");
        QTest::newRow("σ 0.01") << 0.01;
        QTest::newRow("σ 0.02") << 0.02;
        QTest::newRow("σ 0.04") << 0.04;
    }
    void noiseSigmaIsMeasured() {
        QFETCH(double, sigma);
        Image noisy = m_clean;
        addEncodedNoise(noisy, sigma, 7);
        const Analysis a = analyzeImage(noisy);
        // Independent noise of σ in R, G and B is σ·√(0.2627² + 0.678² + 0.0593²) in luminance.
        const double expected =
            sigma * std::sqrt(0.2627 * 0.2627 + 0.678 * 0.678 + 0.0593 * 0.0593);
        QVERIFY2(std::abs(a.noiseSigma - expected) < 0.15 * expected,
                 qPrintable(QString("measured %1 for %2").arg(a.noiseSigma).arg(expected)));
        // Independent noise in each channel is colour noise too.
        QVERIFY(a.chromaNoiseSigma > 0.5 * sigma);
    }

    void blurRaisesTheBlurMeasure() {
        Image soft = m_clean;
        gaussianBlur(soft, 2.0);
        const Analysis a = analyzeImage(soft);
        QVERIFY2(a.blur > m_cleanAnalysis.blur + 0.15,
                 qPrintable(QString("%1 vs %2").arg(a.blur).arg(m_cleanAnalysis.blur)));
        Image softer = m_clean;
        gaussianBlur(softer, 4.0);
        QVERIFY(analyzeImage(softer).blur > a.blur);
    }

    void hazeRaisesTheDarkChannel() {
        Image hazy = m_clean;
        addHaze(hazy, 0.55, 0.85);
        const Analysis a = analyzeImage(hazy);
        QVERIFY2(
            a.darkChannelMean > m_cleanAnalysis.darkChannelMean + 0.15,
            qPrintable(
                QString("%1 vs %2").arg(a.darkChannelMean).arg(m_cleanAnalysis.darkChannelMean)));
        QVERIFY(a.lightnessStdDev < m_cleanAnalysis.lightnessStdDev);
        QVERIFY(a.lightnessPercentiles[0] > 30);
    }

    void horizonTiltIsFound_data() {
        QTest::addColumn<double>("tilt");
        QTest::newRow("+3°") << 3.0;
        QTest::newRow("−2°") << -2.0;
        QTest::newRow("+1°") << 1.0;
    }
    void horizonTiltIsFound() {
        QFETCH(double, tilt);
        SceneOptions options;
        options.tiltDegrees = tilt;
        const Analysis a = analyzeImage(makeCleanScene(options));
        QVERIFY2(std::abs(a.horizonTiltDegrees - tilt) < 0.3,
                 qPrintable(QString::number(a.horizonTiltDegrees)));
        QVERIFY(a.horizonConfidence > 0.5);
    }

    // A facade of staggered windows: many short level and plumb edges, no line long enough to
    // be a horizon. Its roll is found from the edges' orientations as a whole.
    void rollWithoutAHorizonIsFoundFromTheEdges_data() {
        QTest::addColumn<double>("tilt");
        QTest::newRow("level") << 0.0;
        QTest::newRow("+2.5°") << 2.5;
        QTest::newRow("−4°") << -4.0;
    }
    void rollWithoutAHorizonIsFoundFromTheEdges() {
        QFETCH(double, tilt);
        const Image facade = windowedFacade(768, 512, tilt, tilt);
        const Analysis a = analyzeImage(facade);
        // The histogram reads a roll short by up to a fifth (the pixel grid's pull towards
        // level, HorizonTilt.h); never the wrong way.
        QVERIFY2(
            std::abs(a.horizonTiltDegrees - tilt) < 0.3 + 0.25 * std::abs(tilt) &&
                a.horizonTiltDegrees * tilt >= 0,
            qPrintable(
                QString("%1 (confidence %2)").arg(a.horizonTiltDegrees).arg(a.horizonConfidence)));
        QVERIFY2(a.horizonConfidence >= 0.6, qPrintable(QString::number(a.horizonConfidence)));
    }

    void keystoneIsNotRoll() {
        // A camera tilted up leans the verticals of the left and right halves opposite ways;
        // the whole histogram has a peak at neither, but each half has its own, and a roll would
        // lean them alike: no straightening is suggested.
        const Analysis a = analyzeImage(windowedFacade(768, 512, 2.5, -2.5));
        QVERIFY2(
            a.horizonConfidence < 0.6 || std::abs(a.horizonTiltDegrees) < 0.7,
            qPrintable(
                QString("%1 (confidence %2)").arg(a.horizonTiltDegrees).arg(a.horizonConfidence)));
        // The same halves leaning alike are a roll, found.
        const Analysis rolled = analyzeImage(windowedFacade(768, 512, 2.5, 2.5));
        QVERIFY(rolled.horizonConfidence >= 0.6 && rolled.horizonTiltDegrees > 1.5);
    }

    void featuresHaveTheDocumentedShape() {
        const std::vector<float> f = analysisFeatures(m_cleanAnalysis);
        QCOMPARE(int(f.size()), kAnalysisFeatureCount);
        for (float v : f)
            QVERIFY(std::isfinite(v) && std::abs(v) <= 4);
        QCOMPARE(f[3], float(m_cleanAnalysis.lightnessPercentiles[3] / 100)); // documented order
        Image noisy = m_clean;
        addEncodedNoise(noisy, 0.03, 3);
        QVERIFY(analysisFeatures(analyzeImage(noisy))[29] > f[29] + 0.3);
    }

    void degenerateImagesDoNotBreakIt() {
        const Analysis empty = analyzeImage(Image{});
        QCOMPARE(empty.thumbnailWidth, 0);
        QCOMPARE(int(analysisFeatures(empty).size()), kAnalysisFeatureCount);
        Image tiny(3, 2);
        std::fill_n(tiny.data(), 18, 0.5f);
        const Analysis a = analyzeImage(tiny);
        QCOMPARE(a.thumbnailWidth, 3);
        QVERIFY(std::abs(a.medianLuminance - 0.5) < 1e-4);
        Image black(64, 64);
        std::fill_n(black.data(), 64 * 64 * 3, 0.0f);
        const Analysis b = analyzeImage(black);
        QVERIFY(b.crushedShadows > 0.99);
        for (float v : analysisFeatures(b))
            QVERIFY(std::isfinite(v));
    }
};

QTEST_GUILESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"

// The capture-defect model (train/Degradations): the invertible defects are undone by their target
// params through the Artist's own ops (and through the renderer), draws are reproducible from the
// seed, and each defect is labelled and shaped as documented.
#include "image/ImageMetrics.h"
#include "nn/CriticNet.h"
#include "ops/GlobalOps.h"
#include "pipeline/Render.h"
#include "train/Degradations.h"

#include <ATen/ATen.h>

#include <QtTest>

#include <cstring>

using namespace pictor;
using train::Defect;
using train::Degradation;

namespace {

// A small photo-like image: smooth colour gradients, a few saturated patches, deep shadows and
// bright highlights (values 0.002 … 0.9), so that every op has something to act on.
at::Tensor fixture(int size = 48) {
    const at::Tensor y = at::linspace(0, 1, size).reshape({size, 1});
    const at::Tensor x = at::linspace(0, 1, size).reshape({1, size});
    at::Tensor r = 0.02 + 0.7 * x * y + 0.1 * at::sin(x * 9);
    at::Tensor g = 0.01 + 0.5 * (1 - x) * y + 0.05 * at::cos(y * 7);
    at::Tensor b = 0.002 + 0.6 * (1 - y) * x * x;
    return at::stack({r, g, b}, -1).clamp(0.002, 0.9).to(at::kFloat).contiguous();
}

at::Tensor scalar(double v) {
    return at::scalar_tensor(v, at::kFloat);
}

// The target recipe's global ops in pipeline order, straight through the op functions.
at::Tensor undo(const at::Tensor& image, const Degradation& d) {
    at::Tensor x = ops::whiteBalance(image, scalar(d.temperature), scalar(d.tint));
    x = ops::exposure(x, scalar(d.exposure));
    x = ops::tone(x, {scalar(d.contrast), scalar(d.highlights), scalar(d.shadows), scalar(d.whites),
                      scalar(d.blacks)});
    return ops::color(x, scalar(0), scalar(d.saturation));
}

Image toImage(const at::Tensor& t) {
    const at::Tensor c = t.contiguous();
    Image image(int(c.size(1)), int(c.size(0)));
    std::memcpy(image.data(), c.data_ptr<float>(), std::size_t(c.numel()) * 4);
    return image;
}

} // namespace

class TestDegradations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void invertibleDefects_areUndoneByTheirTarget_data() {
        QTest::addColumn<int>("defect");
        QTest::addColumn<int>("sign");
        QTest::addColumn<int>("variant");
        QTest::newRow("underexposed") << int(Defect::Exposure) << -1 << 0;
        QTest::newRow("overexposed") << int(Defect::Exposure) << 1 << 0;
        QTest::newRow("warm cast") << int(Defect::ColorCast) << 1 << 0;
        QTest::newRow("cool cast") << int(Defect::ColorCast) << -1 << 0;
        QTest::newRow("green tint") << int(Defect::ColorCast) << 1 << 1;
        QTest::newRow("flat") << int(Defect::Contrast) << 1 << 0;
        QTest::newRow("harsh") << int(Defect::Contrast) << -1 << 0;
        QTest::newRow("blocked shadows") << int(Defect::Contrast) << 1 << 1;
        QTest::newRow("hot highlights") << int(Defect::Contrast) << 1 << 2;
        QTest::newRow("dull") << int(Defect::Saturation) << 1 << 0;
        QTest::newRow("garish") << int(Defect::Saturation) << -1 << 0;
    }
    void invertibleDefects_areUndoneByTheirTarget() {
        QFETCH(int, defect);
        QFETCH(int, sign);
        QFETCH(int, variant);
        const at::Tensor clean = fixture();
        for (double strength : {0.3, 1.0}) {
            const Degradation d = train::fixedDegradation(Defect(defect), strength, sign, variant);
            QVERIFY(!d.clean());
            const at::Tensor degraded = train::applyDegradation(clean, d, 7);
            QVERIFY2((degraded - clean).abs().max().item<double>() > 0.005,
                     "the defect changes the image");
            const double error = (undo(degraded, d) - clean).abs().max().item<double>();
            QVERIFY2(error < 2e-3,
                     qPrintable(QString("%1: max error %2").arg(d.describe().c_str()).arg(error)));
            // Through the renderer (3D LUT for the non-linear ops): close, not bit-exact. The LUT's
            // domain starts at 0, so colours pushed outside Rec.2020 (garish) are compared above
            // only.
            if (degraded.min().item<double>() < 0) continue;
            auto rendered = renderRecipe(toImage(degraded), d.targetRecipe());
            QVERIFY(rendered.ok());
            const ImageQuality q = compareImages(*rendered, toImage(clean));
            QVERIFY2(q.deltaE00 < 0.6,
                     qPrintable(QString("%1: ΔE00 %2").arg(d.describe().c_str()).arg(q.deltaE00)));
        }
    }

    void cleanDraw_isNeutral() {
        const Degradation d;
        QVERIFY(d.clean());
        QVERIFY(d.targetRecipe().isNeutral());
        QVERIFY(at::equal(train::applyDegradation(fixture(), d, 1), fixture()));
        QCOMPARE(QString::fromStdString(d.describe()), QString("none"));
    }

    void draws_areReproducibleFromTheSeed() {
        std::mt19937_64 a(42), b(42), c(43);
        bool anyDifferent = false;
        for (int i = 0; i < 50; ++i) {
            const Degradation da = train::sampleDegradation(a, true, 0.1);
            const Degradation db = train::sampleDegradation(b, true, 0.1);
            const Degradation dc = train::sampleDegradation(c, true, 0.1);
            QCOMPARE(da.describe(), db.describe());
            anyDifferent |= da.describe() != dc.describe();
        }
        QVERIFY(anyDifferent);
        const Degradation noisy = train::fixedDegradation(Defect::Noise, 0.5, 1);
        const at::Tensor x = fixture();
        QVERIFY(
            at::equal(train::applyDegradation(x, noisy, 5), train::applyDegradation(x, noisy, 5)));
        QVERIFY(
            !at::equal(train::applyDegradation(x, noisy, 5), train::applyDegradation(x, noisy, 6)));
    }

    void noise_growsWithTheSignal() {
        // Poisson-Gaussian: σ² = a·x + b, so bright areas are noisier than dark ones.
        const Degradation d = train::fixedDegradation(Defect::Noise, 1.0, 1);
        const at::Tensor dark = at::full({64, 64, 3}, 0.01f), bright = at::full({64, 64, 3}, 0.6f);
        const double sDark = (train::applyDegradation(dark, d, 3) - dark).std().item<double>();
        const double sBright =
            (train::applyDegradation(bright, d, 3) - bright).std().item<double>();
        QVERIFY2(sBright > 3 * sDark, qPrintable(QString("σ %1 vs %2").arg(sBright).arg(sDark)));
    }

    void tilt_cropsAndTargetsTheOppositeAngle() {
        const Degradation d = train::fixedDegradation(Defect::Tilt, 0.5, 1);
        QVERIFY(d.tiltDegrees > 0);
        const at::Tensor out = train::applyDegradation(fixture(64), d, 1);
        QVERIFY(out.size(0) < 64 && out.size(1) < 64);
        const auto values = d.targetValues();
        const auto& targets = nn::paramTargets();
        for (std::size_t i = 0; i < targets.size(); ++i)
            if (targets[i].op == "straighten") QCOMPARE(values[i], -d.tiltDegrees);
    }

    void everyDefect_isLabelledAndTargeted() {
        for (int k = 0; k < train::kDefectCount; ++k) {
            const Degradation d = train::fixedDegradation(Defect(k), 0.6, 1);
            const auto present = d.present();
            for (int j = 0; j < train::kDefectCount; ++j)
                QCOMPARE(present[j], j == k);
            QVERIFY2(!d.targetRecipe().isNeutral(), train::defectName(Defect(k)));
        }
    }
};

QTEST_GUILESS_MAIN(TestDegradations)
#include "tst_degradations.moc"

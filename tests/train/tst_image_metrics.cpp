// PSNR, SSIM and CIEDE2000 (image/ImageMetrics) against known values: Sharma, Wu & Dalal's
// CIEDE2000 test pairs and images whose PSNR follows from the definition.
#include "image/ImageMetrics.h"

#include <QtTest>

#include <cmath>

using namespace pictor;

class TestImageMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ciede2000_matchesSharmaPairs_data() {
        QTest::addColumn<double>("L1");
        QTest::addColumn<double>("a1");
        QTest::addColumn<double>("b1");
        QTest::addColumn<double>("L2");
        QTest::addColumn<double>("a2");
        QTest::addColumn<double>("b2");
        QTest::addColumn<double>("expected");
        QTest::newRow("pair 1") << 50.0 << 2.6772 << -79.7751 << 50.0 << 0.0 << -82.7485 << 2.0425;
        QTest::newRow("pair 2") << 50.0 << 3.1571 << -77.2803 << 50.0 << 0.0 << -82.7485 << 2.8615;
        QTest::newRow("pair 3") << 50.0 << 2.8361 << -74.0200 << 50.0 << 0.0 << -82.7485 << 3.4412;
        QTest::newRow("pair 7 (grey)") << 50.0 << 0.0 << 0.0 << 50.0 << -1.0 << 2.0 << 2.3669;
        QTest::newRow("pair 13 (hue wrap)")
            << 50.0 << 2.49 << -0.001 << 50.0 << -2.49 << 0.0009 << 7.1792;
        QTest::newRow("pair 17 (large)") << 50.0 << 2.5 << 0.0 << 73.0 << 25.0 << -18.0 << 27.1492;
        QTest::newRow("pair 19") << 50.0 << 2.5 << 0.0 << 50.0 << 3.1736 << 0.5854 << 1.0000;
        QTest::newRow("pair 25") << 60.2574 << -34.0099 << 36.2677 << 60.4626 << -34.1751 << 39.4387
                                 << 1.2644;
        QTest::newRow("pair 34 (dark)")
            << 2.0776 << 0.0795 << -1.1350 << 0.9033 << -0.0636 << -0.5514 << 0.9082;
    }
    void ciede2000_matchesSharmaPairs() {
        QFETCH(double, L1);
        QFETCH(double, a1);
        QFETCH(double, b1);
        QFETCH(double, L2);
        QFETCH(double, a2);
        QFETCH(double, b2);
        QFETCH(double, expected);
        QVERIFY2(std::abs(ciede2000({L1, a1, b1}, {L2, a2, b2}) - expected) < 1e-4,
                 qPrintable(QString::number(ciede2000({L1, a1, b1}, {L2, a2, b2}), 'f', 5)));
        // Symmetric.
        QVERIFY(std::abs(ciede2000({L2, a2, b2}, {L1, a1, b1}) - expected) < 1e-4);
    }

    void identicalImages_arePerfect() {
        Image a(20, 12);
        for (std::size_t i = 0; i < a.pixelCount() * 3; ++i)
            a.data()[i] = float(i % 7) / 7.0f;
        const ImageQuality q = compareImages(a, a);
        QCOMPARE(q.psnr, 100.0);
        QVERIFY(std::abs(q.ssim - 1.0) < 1e-9);
        QCOMPARE(q.deltaE00, 0.0);
    }

    void psnr_followsFromTheEncodedDifference() {
        // Encoded value 0.1 against black: MSE 0.01 → exactly 20 dB.
        Image black(16, 16), grey(16, 16);
        const float linear = float(std::pow((0.1 + 0.055) / 1.055, 2.4));
        for (std::size_t i = 0; i < black.pixelCount() * 3; ++i) {
            black.data()[i] = 0;
            grey.data()[i] = linear;
        }
        const ImageQuality q = compareImages(grey, black);
        QVERIFY2(std::abs(q.psnr - 20.0) < 1e-3, qPrintable(QString::number(q.psnr)));
        // White vs black in L*: 100 units, CIEDE2000 of (100,0,0)/(0,0,0) = 100.
        QVERIFY(q.deltaE00 > 0);
    }

    void ssim_dropsWithStructureLoss() {
        Image pattern(32, 32), flat(32, 32);
        for (int y = 0; y < 32; ++y)
            for (int x = 0; x < 32; ++x)
                for (int c = 0; c < 3; ++c) {
                    pattern.at(x, y)[c] = ((x / 2 + y / 2) % 2) ? 0.8f : 0.05f;
                    flat.at(x, y)[c] = 0.4f;
                }
        const ImageQuality q = compareImages(flat, pattern);
        QVERIFY(q.ssim < 0.2);
        QVERIFY(q.psnr < 15);
    }

    void differentSizes_giveNaN() {
        const ImageQuality q = compareImages(Image(4, 4), Image(5, 4));
        QVERIFY(std::isnan(q.psnr) && std::isnan(q.ssim) && std::isnan(q.deltaE00));
    }
};

QTEST_GUILESS_MAIN(TestImageMetrics)
#include "tst_image_metrics.moc"

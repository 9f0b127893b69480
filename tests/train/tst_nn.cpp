// The learned Critic's network and weights file (core/nn): save/load round trip, the checks that
// refuse a wrong file, a training step that learns, and — with the committed model — a prediction
// that points the right way.
#include "critic/Analysis.h"
#include "nn/CriticModel.h"
#include "nn/CriticNet.h"
#include "nn/Sha256.h"
#include "train/CriticTraining.h"
#include "train/Degradations.h"
#include "train/SamplePool.h"

#include <ATen/ATen.h>

#include <QTemporaryDir>
#include <QtTest>

#include <cstring>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>

using namespace pictor;

namespace {

at::Tensor fixture(int size, double phase) {
    const at::Tensor y = at::linspace(0, 1, size).reshape({size, 1});
    const at::Tensor x = at::linspace(0, 1, size).reshape({1, size});
    at::Tensor r = 0.05 + 0.6 * x * y + 0.1 * at::sin(x * 9 + phase);
    at::Tensor g = 0.03 + 0.5 * (1 - x) * y + 0.08 * at::cos(y * 7 + phase);
    at::Tensor b = 0.02 + 0.5 * (1 - y) * x;
    return at::stack({r, g, b}, -1).clamp(0.002, 0.9).to(at::kFloat).contiguous();
}

void writeFile(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), std::streamsize(bytes.size()));
}

void writeModel(const std::filesystem::path& path, const std::string& bytes) {
    writeFile(path, bytes);
    writeFile(path.string() + ".sha256",
              nn::sha256Hex(bytes) + "  " + path.filename().string() + "\n");
}

Image toImage(const at::Tensor& t) {
    const at::Tensor c = t.contiguous();
    Image image(int(c.size(1)), int(c.size(0)));
    std::memcpy(image.data(), c.data_ptr<float>(), std::size_t(c.numel()) * 4);
    return image;
}

} // namespace

class TestNn : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sha256_knownVectors() {
        QCOMPARE(QString::fromStdString(nn::sha256Hex("")),
                 QString("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(QString::fromStdString(nn::sha256Hex("abc")),
                 QString("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(QString::fromStdString(nn::sha256Hex(
                     std::string("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))),
                 QString("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
    }

    void quantiles_matchATen_data() {
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("withNan");
        QTest::newRow("one value") << 1 << false;
        QTest::newRow("two values") << 2 << false;
        QTest::newRow("thumbnail") << 256 * 171 << false;
        QTest::newRow("ties") << -1000 << false; // 1000 values from only 5 levels
        QTest::newRow("NaN") << 500 << true;
    }
    void quantiles_matchATen() {
        // The priors the model was trained on used at::quantile; the selection-based version
        // must give the same numbers.
        QFETCH(int, count);
        QFETCH(bool, withNan);
        at::manual_seed(3);
        at::Tensor values =
            count > 0 ? at::randn({count}) : at::randint(0, 5, {-count}).to(at::kFloat) * 0.25;
        if (withNan) values[7] = std::numeric_limits<float>::quiet_NaN();
        const std::vector<float> qs = {0.0f, 0.01f, 0.1f, 0.25f, 0.5f, 0.75f, 0.9f, 0.99f, 1.0f};
        const at::Tensor ours = nn::quantiles(values, qs);
        const at::Tensor theirs =
            at::quantile(values, at::tensor(std::vector<float>(qs.begin(), qs.end())));
        QCOMPARE(ours.size(0), std::int64_t(qs.size()));
        for (std::int64_t i = 0; i < ours.size(0); ++i) {
            const float a = ours[i].item<float>(), b = theirs[i].item<float>();
            if (withNan) {
                QVERIFY(std::isnan(a) && std::isnan(b));
                continue;
            }
            QVERIFY2(std::abs(a - b) <= 1e-6f * std::max(1.0f, std::abs(b)),
                     qPrintable(QString("q %1: %2 vs %3").arg(qs[std::size_t(i)]).arg(a).arg(b)));
        }
    }

    void saveLoad_roundTripsExactly() {
        QTemporaryDir dir;
        const std::filesystem::path path = dir.filePath("m.pnn").toStdString();
        nn::CriticNet net(critic::kAnalysisFeatureCount, 3);
        net.setFeatureNormalization(at::rand({nn::kPriorCount + critic::kAnalysisFeatureCount}),
                                    at::rand({nn::kPriorCount + critic::kAnalysisFeatureCount}) +
                                        0.5);
        writeModel(path, net.serialize("test"));
        auto loaded = nn::loadCriticModel(path);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message().c_str());
        QCOMPARE(loaded->featureCount(), critic::kAnalysisFeatureCount);
        const auto& a = net.tensors();
        const auto& b = loaded->net().tensors();
        QCOMPARE(a.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i)
            QVERIFY2(at::equal(a[i].second, b[i].second), a[i].first.c_str());
        // Same predictions from the in-memory and the loaded network.
        const std::vector<float> features(critic::kAnalysisFeatureCount, 0.1f);
        const Image image = toImage(fixture(40, 0));
        auto p1 = nn::makeCriticModel(std::make_shared<nn::CriticNet>(net), "mem")
                      .predict(image, features);
        auto p2 = loaded->predict(image, features);
        QVERIFY(p1.ok() && p2.ok());
        QCOMPARE(p1->params.size(), nn::paramTargets().size());
        QCOMPARE(p1->defects.size(), nn::modelDefects().size());
        for (std::size_t i = 0; i < p1->params.size(); ++i)
            QCOMPARE(p1->params[i].value, p2->params[i].value);
    }

    void wrongFiles_areRefusedWithAClearError_data() {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing file") << "missing"
                                      << "is missing";
        QTest::newRow("missing checksum") << "nosum"
                                          << "checksum";
        QTest::newRow("wrong checksum") << "flipbyte"
                                        << "does not match its checksum";
        QTest::newRow("newer format") << "format"
                                      << "format version 9";
        QTest::newRow("other architecture") << "arch"
                                            << "architecture";
        QTest::newRow("truncated") << "truncate"
                                   << "truncated";
        QTest::newRow("not a model") << "garbage"
                                     << "not a Pictor model";
    }
    void wrongFiles_areRefusedWithAClearError() {
        QFETCH(QString, damage);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const std::filesystem::path path = dir.filePath("m.pnn").toStdString();
        std::string bytes = nn::CriticNet(4, 1).serialize("test");
        if (damage == "format") bytes.replace(bytes.find("format 1"), 8, "format 9");
        if (damage == "arch") bytes.replace(bytes.find("critic-cnn-1"), 12, "critic-cnn-7");
        if (damage == "truncate") bytes.resize(bytes.size() - 100);
        if (damage == "garbage") bytes = "\x89PNG\r\n\x1a\n not a model";
        if (damage != "missing") writeModel(path, bytes);
        if (damage == "nosum") std::filesystem::remove(path.string() + ".sha256");
        if (damage == "flipbyte") {
            bytes[bytes.size() / 2] ^= 0x20;
            writeFile(path, bytes);
        }
        auto loaded = nn::loadCriticModel(path);
        QVERIFY(!loaded.ok());
        QVERIFY2(QString::fromStdString(loaded.error().message()).contains(expected),
                 loaded.error().message().c_str());
    }

    void predict_refusesAWrongFeatureCount() {
        const auto model = nn::makeCriticModel(std::make_shared<nn::CriticNet>(5, 1), "mem");
        const std::vector<float> features(3, 0.f);
        auto p = model.predict(toImage(fixture(32, 0)), features);
        QVERIFY(!p.ok());
        QVERIFY(QString::fromStdString(p.error().message()).contains("expects 5"));
        QVERIFY(!model.predict(Image(), std::vector<float>(5, 0.f)).ok());
    }

    void trainingSteps_reduceTheLoss() {
        // A fixed batch of degraded fixtures; 20 Adam steps must clearly reduce its loss, and the
        // render loss (stage iii) must be finite and differentiable through the Artist's ops.
        std::mt19937_64 rng(11);
        std::vector<train::TrainingSample> samples;
        for (int i = 0; i < 8; ++i) {
            const at::Tensor clean = fixture(64, i * 0.7);
            const train::Degradation d = train::sampleDegradation(rng, false, 0.2);
            const at::Tensor degraded = train::applyDegradation(clean, d, std::uint64_t(i));
            samples.push_back(train::makeSample(clean, degraded, d, std::vector<float>(4, 0.f)));
        }
        const train::Batch batch = train::makeBatch(samples, at::kCPU);
        nn::CriticNet net(4, 5);
        train::Adam adam(net.parameters(), 3e-3);
        const train::LossWeights weights{1.0, 0.5, 1.0, 3.0};
        const double first = train::computeLosses(net, batch, weights).total.item<double>();
        double last = first;
        for (int step = 0; step < 20; ++step) {
            adam.zeroGrad();
            const train::Losses losses = train::computeLosses(net, batch, weights);
            QVERIFY(std::isfinite(losses.total.item<double>()));
            losses.total.backward();
            adam.step();
            last = losses.total.item<double>();
        }
        QVERIFY2(last < 0.7 * first, qPrintable(QString("loss %1 → %2").arg(first).arg(last)));
    }

    void samplePool_keepsTheNewestAndDrawsFromAllOfThem() {
        // Each sample is told apart by its one feature. A pool of 4 fed 7 keeps the last 4; draws
        // come from all of them (an empty pool draws none, using no random numbers), and the same
        // seed draws the same batch (reproducible training).
        train::SamplePool pool(4);
        std::mt19937_64 rng(3);
        QVERIFY(pool.draw(5, rng).empty());
        for (int i = 0; i < 7; ++i) {
            train::TrainingSample s;
            s.features = at::full({1}, float(i));
            pool.add(s);
        }
        QCOMPARE(pool.size(), std::size_t(4));
        std::set<int> seen;
        std::vector<int> first;
        for (const auto& s : pool.draw(200, rng)) {
            seen.insert(int(s.features.item<float>()));
            first.push_back(int(s.features.item<float>()));
        }
        QCOMPARE(seen, (std::set<int>{3, 4, 5, 6}));
        std::mt19937_64 again(3);
        std::vector<int> second;
        for (const auto& s : pool.draw(200, again))
            second.push_back(int(s.features.item<float>()));
        QCOMPARE(second, first);
        pool.clear();
        QCOMPARE(pool.size(), std::size_t(0));
    }

    void committedModel_brightensADarkenedPhoto() {
        const std::filesystem::path path =
            std::filesystem::path(PICTOR_SOURCE_MODELS_DIR) / nn::kCriticModelFile;
        if (!std::filesystem::exists(path))
            QSKIP("models/critic-v1.pnn is absent (train it with pictor-train)");
        auto model = nn::loadCriticModel(path);
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message().c_str());
        const Image clean = toImage(fixture(160, 0.3) * 1.2);
        const Image dark = toImage(fixture(160, 0.3) * 1.2 * 0.25); // −2 EV
        auto predict = [&](const Image& image) {
            return model->predict(image, critic::analysisFeatures(critic::analyzeImage(image)));
        };
        auto pDark = predict(dark), pClean = predict(clean);
        QVERIFY(pDark.ok() && pClean.ok());
        const double evDark = pDark->param("exposure", "exposure")->value;
        const double evClean = pClean->param("exposure", "exposure")->value;
        // The right direction and a clear difference (the size is the bench's business).
        QVERIFY2(
            evDark > 0.3 && evDark > evClean + 0.4,
            qPrintable(QString("exposure: darkened %1 EV, clean %2 EV").arg(evDark).arg(evClean)));
        QVERIFY(pDark->defectProbability("exposure") > pClean->defectProbability("exposure"));
    }
};

QTEST_GUILESS_MAIN(TestNn)
#include "tst_nn.moc"

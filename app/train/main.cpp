// pictor-train: trains the learned Critic (core/nn) on degraded crops of real photos.
//
//   pictor-train --data ../shared/data --out models/critic-v1.pnn [--seed N] [--steps A,B,C]
//                [--batch N] [--reuse N] [--pool N] [--threads N] [--quick]
//
// Data: <data>/photos/train and <data>/photos/train_extra (decoded once, kept reduced in memory);
// <data>/photos/val is only evaluated, never trained on. Each sample is a random crop of a photo,
// degraded by train/Degradations (the target is its exact or calibrated inverse), thumbnailed,
// measured by the deterministic analysis (critic/Analysis) and the network's own priors.
// Three stages (as the paper): (i) single defects, regression + detection; (ii) mixed defects;
// (iii) end-to-end through the Artist's differentiable global ops, loss = ΔE to the clean crop,
// clean photos weighted ×3 (do no harm). Seeded; CUDA when libtorch sees it. --reuse N trains on
// each sample N times on average (SamplePool.h): N times the gradient steps for the same data.
#include "PhotoCache.h"

#include "critic/Analysis.h"
#include "nn/CriticModel.h"
#include "nn/CriticNet.h"
#include "nn/Sha256.h"
#include "train/CriticTraining.h"
#include "train/Degradations.h"
#include "train/SamplePool.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

using namespace pictor;

namespace {

struct Options {
    std::filesystem::path data = "../shared/data";
    std::filesystem::path out = "critic-v1.pnn";
    std::uint64_t seed = 1;
    int steps[3] = {700, 700, 500};
    int batch = 24;
    int reuse = 1;               // gradient steps each sample serves (1: a fresh batch every step)
    std::size_t poolSize = 1024; // samples the pool keeps when reuse > 1 (~0.3 MB each)
    int threads = 1; // data generation dominates; on a shared 2-core machine one thread is fastest
    int photoSize = 256; // side of the square "photo" crops that are degraded
    std::size_t photoLimit = 0;
    std::size_t valLimit = 0;
    bool quick = false;
};

int usage(const char* why) {
    std::fprintf(stderr,
                 "pictor-train: %s\nUsage: pictor-train [--data DIR] [--out FILE.pnn] [--seed N] "
                 "[--steps A,B,C] [--batch N] [--reuse N] [--pool N] [--threads N] [--quick]\n",
                 why);
    return 2;
}

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

Image imageFromTensor(const at::Tensor& hwc) {
    const at::Tensor c = hwc.to(at::kCPU, at::kFloat).contiguous();
    Image image(int(c.size(1)), int(c.size(0)));
    std::memcpy(image.data(), c.data_ptr<float>(), std::size_t(c.numel()) * sizeof(float));
    return image;
}

std::vector<float> features(const at::Tensor& degraded) {
    return critic::analysisFeatures(critic::analyzeImage(imageFromTensor(degraded)));
}

// A random square crop (70–100 % of the short side, random flip) reduced to `size`.
at::Tensor randomCrop(const trainapp::CachedPhoto& photo, std::mt19937_64& rng, int size) {
    const std::int64_t h = photo.pixels.size(0), w = photo.pixels.size(1);
    const std::int64_t shortSide = std::min(h, w);
    const std::int64_t side =
        std::uniform_int_distribution<std::int64_t>(shortSide * 7 / 10, shortSide)(rng);
    const std::int64_t y0 = std::uniform_int_distribution<std::int64_t>(0, h - side)(rng);
    const std::int64_t x0 = std::uniform_int_distribution<std::int64_t>(0, w - side)(rng);
    at::Tensor crop = photo.pixels.narrow(0, y0, side).narrow(1, x0, side).to(at::kFloat);
    if (std::bernoulli_distribution(0.5)(rng)) crop = crop.flip({1});
    if (side > size) {
        crop = at::adaptive_avg_pool2d(crop.permute({2, 0, 1}).unsqueeze(0), {size, size})
                   .squeeze(0)
                   .permute({1, 2, 0});
    }
    return crop.contiguous();
}

// Where the time goes (printed with the progress): degrade, analyse, make the sample.
double gDegradeSeconds = 0, gAnalysisSeconds = 0, gSampleSeconds = 0;

train::TrainingSample sample(const at::Tensor& clean, const train::Degradation& d,
                             std::uint64_t noiseSeed) {
    auto t = Clock::now();
    const at::Tensor degraded = train::applyDegradation(clean, d, noiseSeed);
    gDegradeSeconds += secondsSince(t);
    t = Clock::now();
    const auto f = features(degraded);
    gAnalysisSeconds += secondsSince(t);
    t = Clock::now();
    auto result = train::makeSample(clean, degraded, d, f);
    gSampleSeconds += secondsSince(t);
    return result;
}

// The fixed validation set: every val photo (centre crop) × each defect at strength 0.6 (the
// direction alternating by photo) and clean.
std::vector<train::TrainingSample> validationSet(const std::vector<trainapp::CachedPhoto>& photos,
                                                 int size,
                                                 std::vector<train::Degradation>& degradations) {
    std::vector<train::TrainingSample> samples;
    for (std::size_t i = 0; i < photos.size(); ++i) {
        const at::Tensor& p = photos[i].pixels;
        const std::int64_t side = std::min(p.size(0), p.size(1));
        at::Tensor crop = p.narrow(0, (p.size(0) - side) / 2, side)
                              .narrow(1, (p.size(1) - side) / 2, side)
                              .to(at::kFloat);
        crop = at::adaptive_avg_pool2d(crop.permute({2, 0, 1}).unsqueeze(0), {size, size})
                   .squeeze(0)
                   .permute({1, 2, 0})
                   .contiguous();
        for (int k = 0; k <= train::kDefectCount; ++k) {
            train::Degradation d;
            if (k < train::kDefectCount)
                d = train::fixedDegradation(train::Defect(k), 0.6, (i % 2) ? 1 : -1, int(i % 3));
            degradations.push_back(d);
            samples.push_back(sample(crop, d, 1000 + i * 16 + std::uint64_t(k)));
        }
    }
    return samples;
}

struct ValReport {
    double loss = 0, f1 = 0, precision = 0, recall = 0, renderBefore = 0, renderAfter = 0,
           doNoHarm = 0;
    std::vector<double>
        mae; // per param, in OpSpec units (temperature: mired), where its defect is present
};

ValReport validate(const nn::CriticNet& net, const std::vector<train::TrainingSample>& samples,
                   const at::Device& device) {
    at::NoGradGuard noGrad;
    ValReport r;
    const train::Batch batch = train::makeBatch(samples, device);
    const nn::NetOutput out = net.forward(batch.images, batch.features);
    r.loss = at::smooth_l1_loss(out.mean, batch.targets, at::Reduction::Mean, 0.5).item<double>();
    const at::Tensor predicted = (out.defectLogits > 0).to(at::kFloat);
    const double tp = (predicted * batch.defects).sum().item<double>();
    const double fp = (predicted * (1 - batch.defects)).sum().item<double>();
    const double fn = ((1 - predicted) * batch.defects).sum().item<double>();
    r.precision = tp / std::max(1.0, tp + fp);
    r.recall = tp / std::max(1.0, tp + fn);
    r.f1 = 2 * r.precision * r.recall / std::max(1e-9, r.precision + r.recall);
    const auto& targets = nn::paramTargets();
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const at::Tensor err =
            (out.mean.select(1, std::int64_t(i)) - batch.targets.select(1, std::int64_t(i))).abs() *
            targets[i].scale;
        r.mae.push_back(err.mean().item<double>());
    }
    int renderable = 0, clean = 0;
    for (std::size_t b = 0; b < samples.size(); ++b) {
        if (!samples[b].renderable) continue;
        const at::Tensor rendered =
            train::renderGlobal(batch.degraded[std::int64_t(b)], out.mean[std::int64_t(b)]);
        const double after =
            train::meanDeltaE76(rendered, batch.clean[std::int64_t(b)]).item<double>();
        if (samples[b].isClean) {
            r.doNoHarm += after;
            ++clean;
        } else {
            r.renderBefore +=
                train::meanDeltaE76(batch.degraded[std::int64_t(b)], batch.clean[std::int64_t(b)])
                    .item<double>();
            r.renderAfter += after;
            ++renderable;
        }
    }
    r.renderBefore /= std::max(1, renderable);
    r.renderAfter /= std::max(1, renderable);
    r.doNoHarm /= std::max(1, clean);
    return r;
}

void printValidation(const char* when, const ValReport& r) {
    std::printf("  val %-10s loss %.4f | defects P %.3f R %.3f F1 %.3f | global-op ΔE76 %.2f → "
                "%.2f | clean ΔE76 %.2f\n",
                when, r.loss, r.precision, r.recall, r.f1, r.renderBefore, r.renderAfter,
                r.doNoHarm);
    std::printf("      MAE:");
    const auto& targets = nn::paramTargets();
    for (std::size_t i = 0; i < targets.size(); ++i)
        std::printf(" %s %.2f", targets[i].param.c_str(), r.mae[i]);
    std::printf("\n");
    std::fflush(stdout);
}

bool save(const nn::CriticNet& net, const std::filesystem::path& out, const std::string& note) {
    const std::string bytes = net.serialize(note);
    std::filesystem::path sumPath = out;
    sumPath += ".sha256";
    std::ofstream file(out, std::ios::binary | std::ios::trunc);
    file.write(bytes.data(), std::streamsize(bytes.size()));
    std::ofstream sum(sumPath, std::ios::trunc);
    sum << nn::sha256Hex(bytes) << "  " << out.filename().string() << "\n";
    return bool(file) && bool(sum);
}

} // namespace

int main(int argc, char** argv) {
    Options o;
    std::string command = "pictor-train";
    for (int i = 1; i < argc; ++i)
        command += std::string(" ") + argv[i];
    // --quick first: it sets defaults that explicit options then override.
    for (int i = 1; i < argc; ++i)
        if (std::string(argv[i]) == "--quick") {
            o.quick = true;
            o.steps[0] = o.steps[1] = 15;
            o.steps[2] = 10;
            o.batch = 8;
            o.photoLimit = 6;
            o.valLimit = 3;
            o.photoSize = 192;
        }
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
        const char* v = nullptr;
        if (a == "--quick") {
        } else if (a == "--data" && (v = next())) {
            o.data = v;
        } else if (a == "--out" && (v = next())) {
            o.out = v;
        } else if (a == "--seed" && (v = next())) {
            o.seed = std::strtoull(v, nullptr, 10);
        } else if (a == "--batch" && (v = next())) {
            o.batch = std::max(2, std::atoi(v));
        } else if (a == "--pool" && (v = next())) {
            o.poolSize = std::size_t(std::clamp(std::atoi(v), 16, 1 << 16));
        } else if (a == "--reuse" && (v = next())) {
            o.reuse = std::clamp(std::atoi(v), 1, 64);
        } else if (a == "--threads" && (v = next())) {
            o.threads = std::max(1, std::atoi(v));
        } else if (a == "--steps" && (v = next())) {
            if (std::sscanf(v, "%d,%d,%d", &o.steps[0], &o.steps[1], &o.steps[2]) != 3)
                return usage("--steps needs three numbers: A,B,C");
        } else if (a == "--help" || a == "-h") {
            return usage("trains the learned Critic");
        } else {
            return usage(("unknown or incomplete option " + a).c_str());
        }
    }
    at::set_num_threads(o.threads);
    at::manual_seed(o.seed);
    const at::Device device = at::hasCUDA() ? at::Device(at::kCUDA) : at::Device(at::kCPU);
    const auto start = Clock::now();

    std::printf(
        "pictor-train: seed %llu, device %s, %d threads, batch %d, reuse %d, steps %d/%d/%d\n",
        static_cast<unsigned long long>(o.seed), device.is_cuda() ? "CUDA" : "CPU", o.threads,
        o.batch, o.reuse, o.steps[0], o.steps[1], o.steps[2]);
    std::vector<trainapp::CachedPhoto> photos;
    for (const char* sub : {"photos/train", "photos/train_extra"}) {
        auto part = trainapp::loadPhotoCache(o.data / sub, 400, o.photoLimit);
        photos.insert(photos.end(), part.begin(), part.end());
    }
    const auto valPhotos = trainapp::loadPhotoCache(o.data / "photos/val", 400, o.valLimit);
    if (photos.empty() || valPhotos.empty()) {
        std::fprintf(
            stderr,
            "pictor-train: no photos under %s/photos/{train,train_extra,val}. Point --data at the "
            "shared data folder.\n",
            o.data.c_str());
        return 1;
    }
    std::printf("photos: %zu training, %zu validation (decoded in %.1f s)\n", photos.size(),
                valPhotos.size(), secondsSince(start));

    std::mt19937_64 rng(o.seed);
    std::uint64_t noiseSeed = o.seed * 1000003ULL;
    auto draw = [&](bool mixed, double cleanFraction) {
        const auto& photo =
            photos[std::uniform_int_distribution<std::size_t>(0, photos.size() - 1)(rng)];
        const at::Tensor clean = randomCrop(photo, rng, o.photoSize);
        const train::Degradation d = train::sampleDegradation(rng, mixed, cleanFraction);
        return sample(clean, d, ++noiseSeed);
    };

    nn::CriticNet net(critic::kAnalysisFeatureCount, o.seed);
    {
        // Feature standardisation from a first draw of mixed samples (stored with the weights).
        std::vector<at::Tensor> f;
        for (int i = 0; i < (o.quick ? 32 : 256); ++i)
            f.push_back(draw(true, 0.2).features);
        const at::Tensor all = at::stack(f);
        net.setFeatureNormalization(all.mean(0), all.std(0) + 0.05);
    }
    std::vector<train::Degradation> valDegradations;
    const auto valSamples = validationSet(valPhotos, o.photoSize, valDegradations);
    net.to(device);
    train::Adam adam(net.parameters(), 2e-3);
    printValidation("untrained", validate(net, valSamples, device));

    struct Stage {
        const char* name;
        bool mixed;
        double clean, lr;
        train::LossWeights weights;
    };
    const Stage stages[3] = {{"i single", false, 0.15, 2e-3, {1.0, 0.5, 0.0, 3.0}},
                             {"ii mixed", true, 0.15, 1e-3, {1.0, 0.5, 0.0, 3.0}},
                             {"iii render", true, 0.2, 4e-4, {0.3, 0.3, 1.0, 3.0}}};
    train::SamplePool pool(o.quick ? std::size_t(4 * o.batch) : o.poolSize);
    const int freshPerStep = (o.batch + o.reuse - 1) / o.reuse;
    for (int s = 0; s < 3; ++s) {
        const Stage& stage = stages[s];
        if (o.reuse > 1) {
            // A full pool of this stage's mix first, so that the first batches do not repeat a few.
            pool.clear();
            while (pool.size() < pool.capacity())
                pool.add(draw(stage.mixed, stage.clean));
        }
        double sumReg = 0, sumDet = 0, sumRender = 0;
        int count = 0;
        auto lastPrint = Clock::now();
        for (int step = 1; step <= o.steps[s]; ++step) {
            // Cosine decay within the stage.
            adam.setLearningRate(stage.lr *
                                 (0.55 + 0.45 * std::cos(M_PI * step / std::max(1, o.steps[s]))));
            std::vector<train::TrainingSample> samples;
            if (o.reuse == 1) {
                for (int b = 0; b < o.batch; ++b)
                    samples.push_back(draw(stage.mixed, stage.clean));
            } else {
                for (int b = 0; b < freshPerStep; ++b)
                    pool.add(draw(stage.mixed, stage.clean));
                samples = pool.draw(std::size_t(o.batch), rng);
            }
            const train::Batch batch = train::makeBatch(samples, device);
            adam.zeroGrad();
            const train::Losses losses = train::computeLosses(net, batch, stage.weights);
            losses.total.backward();
            adam.step();
            sumReg += losses.regression;
            sumDet += losses.detection;
            sumRender += losses.render;
            ++count;
            if (step % 25 == 0 || step == o.steps[s]) {
                std::printf(
                    "stage %-10s step %4d/%d  regression %.4f  detection %.4f  render ΔE %.2f  "
                    "%.1f samples/s  %.0f s\n",
                    stage.name, step, o.steps[s], sumReg / count, sumDet / count, sumRender / count,
                    count * (o.reuse == 1 ? o.batch : freshPerStep) / secondsSince(lastPrint),
                    secondsSince(start));
                lastPrint = Clock::now();
                std::printf("    time so far: degrade %.0f s, analysis %.0f s, sample %.0f s\n",
                            gDegradeSeconds, gAnalysisSeconds, gSampleSeconds);
                std::fflush(stdout);
                sumReg = sumDet = sumRender = 0;
                count = 0;
            }
        }
        printValidation(stage.name, validate(net, valSamples, device));
        std::ostringstream note;
        note << "trained by `" << command << "`, stage " << (s + 1) << "/3, seed " << o.seed << ", "
             << photos.size() << " photos, " << int(secondsSince(start)) << " s";
        if (!save(net, o.out, note.str())) {
            std::fprintf(stderr, "pictor-train: cannot write %s\n", o.out.c_str());
            return 1;
        }
    }
    auto loaded = nn::loadCriticModel(o.out);
    if (!loaded) {
        std::fprintf(stderr, "pictor-train: the saved model does not load: %s\n",
                     loaded.error().message().c_str());
        return 1;
    }
    std::printf("saved %s (%s), %.0f s in all\n", o.out.c_str(), loaded->description().c_str(),
                secondsSince(start));
    return 0;
}

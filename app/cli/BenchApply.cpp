#include "BenchApply.h"

#include "CliSupport.h"
#include "io/FileIo.h"
#include "recipe/RecipeJson.h"
#include "synthetic/SyntheticPhotos.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <vector>

namespace pictor::cli {

namespace {

// CPU seconds used by this process's finished children (user + system).
double childCpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    auto seconds = [](const timeval& t) { return double(t.tv_sec) + 1e-6 * double(t.tv_usec); };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

struct ProgramTime {
    double wall = 0, cpu = 0;
    bool ok = false;
    QString error;
};

// Runs `program args` to completion (stdout and stderr kept for the error message), timed.
ProgramTime runTimed(const QString& program, const QStringList& args) {
    ProgramTime t;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    const double cpu = childCpuSeconds();
    const auto start = std::chrono::steady_clock::now();
    process.start(program, args);
    if (!process.waitForFinished(-1)) {
        t.error = process.errorString();
        return t;
    }
    t.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    t.cpu = childCpuSeconds() - cpu;
    t.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!t.ok) t.error = QString::fromLocal8Bit(process.readAll()).right(600);
    return t;
}

// One untimed run (caches, a first start's set-up), then the median wall time of `runs`, with the
// CPU time of that run. The output file is removed before every run (darktable-cli does not
// overwrite: it would write OUT_01.jpg).
ProgramTime medianRun(int runs, const QString& program, const QStringList& args,
                      const QString& out) {
    std::vector<ProgramTime> times;
    for (int i = 0; i <= runs; ++i) {
        QFile::remove(out);
        ProgramTime t = runTimed(program, args);
        if (!t.ok || !QFile::exists(out)) {
            if (t.ok) t.error = "it wrote no " + out;
            t.ok = false;
            return t;
        }
        if (i > 0) times.push_back(t);
    }
    std::sort(times.begin(), times.end(),
              [](const ProgramTime& a, const ProgramTime& b) { return a.wall < b.wall; });
    return times[times.size() / 2];
}

void print(const char* label, const ProgramTime& t) {
    std::printf("  %-52s%8.3f s  (CPU %.3f s)\n", label, t.wall, t.cpu);
    std::fflush(stdout);
}

} // namespace

int benchApply(const QCommandLineParser& parser, const Recipe& recipe) {
    const int runs = std::max(1, parser.value("runs").toInt());
    const int width = 6000, height = 4000;
    QTemporaryDir folder;
    if (!folder.isValid()) {
        printError(
            {"cannot create a temporary folder for the benchmark", "Check TMPDIR and disk space."});
        return Failure;
    }
    const QString dir = folder.path();
    const auto jpeg = synthetic::makeCameraJpeg(width, height, 92);
    const QString input = dir + "/camera.jpg", recipePath = dir + "/recipe.json";
    const std::string json = toJson(recipe);
    if (jpeg.empty() || !writeFileAtomically(input.toStdString(), jpeg.data(), jpeg.size()) ||
        !writeFileAtomically(recipePath.toStdString(),
                             reinterpret_cast<const std::uint8_t*>(json.data()), json.size())) {
        printError({"could not write the benchmark's JPEG and recipe to " + dir.toStdString(), ""});
        return Failure;
    }
    std::printf(
        "Pictor bench apply — a %d × %d (24 MP) generated JPEG (%s, EXIF+GPS+IPTC+XMP+ICC), "
        "exported to JPEG end to end, median of %d runs after one untimed run\n",
        width, height, humanBytes(jpeg.size()).c_str(), runs);

    const QString pictorOut = dir + "/pictor.jpg";
    const ProgramTime pictor =
        medianRun(runs, QCoreApplication::applicationFilePath(),
                  {"apply", input, "-o", pictorOut, "--recipe", recipePath}, pictorOut);
    if (!pictor.ok) {
        printError({"pictor-cli apply failed: " + pictor.error.toStdString(), ""});
        return Failure;
    }
    print("pictor-cli apply, recipe using every op", pictor);

    const QString darktable = QStandardPaths::findExecutable("darktable-cli");
    if (darktable.isEmpty()) {
        std::printf("  darktable-cli not found on PATH: comparison skipped "
                    "(Debian: apt-get install darktable)\n");
        return Success;
    }
    const QString darktableOut = dir + "/darktable.jpg";
    const ProgramTime dt = medianRun(
        runs, darktable, {input, darktableOut, "--core", "--configdir", dir + "/darktable-config"},
        darktableOut);
    if (!dt.ok) {
        printError({"darktable-cli failed: " + dt.error.toStdString(), ""});
        return Failure;
    }
    print("darktable-cli, its defaults", dt);
    const double ratio = pictor.wall / dt.wall;
    std::printf("  Pictor / darktable: %.2f (CPU %.2f)  goal ≤ 0.33: %s\n", ratio,
                pictor.cpu / dt.cpu, ratio <= 1.0 / 3.0 ? "met" : "NOT met");
    return Success;
}

} // namespace pictor::cli

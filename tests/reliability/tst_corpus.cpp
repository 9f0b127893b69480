// The shared corpus through the command line (issue 7): `pictor-cli info` and `convert` on the
// files under ../shared/data — photos, camera RAW (real and stripped), malformed exiv2 crash
// reproducers, metadata fixtures, and the text files beside them. Each run either succeeds or
// exits 1 with exactly one "pictor-cli: error: …" line; none crashes (signal, sanitizer report),
// hangs past the per-file limit, or leaves anything but a complete output behind. The source files
// are never changed (size and modification time are compared).
//
// Every pictor-cli start costs ~0.7 s (libtorch's static initialisation), so running all ~600
// files twice takes ~15 min on 2 cores. CI therefore takes a fixed, evenly spaced sample of each
// folder: PICTOR_CORPUS_PER_FOLDER files (default 2; 0 = every file). Per-file limit:
// PICTOR_CORPUS_TIMEOUT_S (default 60 s).
#include "CliProcess.h"
#include "support/Fixtures.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

namespace fs = std::filesystem;
using namespace pictor;
using test::ProcessResult;

namespace {

int envInt(const char* name, int fallback) {
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value >= 0 ? value : fallback;
}

// Up to `perFolder` files of each folder, evenly spaced in name order (0 = all).
std::vector<fs::path> sample(const fs::path& root, int perFolder) {
    std::map<fs::path, std::vector<fs::path>> byFolder;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file()) byFolder[e.path().parent_path()].push_back(e.path());
    std::vector<fs::path> chosen;
    for (auto& [folder, files] : byFolder) {
        std::sort(files.begin(), files.end());
        const std::size_t n = files.size();
        const std::size_t take = perFolder == 0 ? n : std::min(n, std::size_t(perFolder));
        for (std::size_t i = 0; i < take; ++i)
            chosen.push_back(files[i * n / take]);
    }
    return chosen;
}

bool sanitizerReport(const QString& err) {
    return err.contains("AddressSanitizer") || err.contains("LeakSanitizer") ||
           err.contains("runtime error:");
}

// Why a run breaks the contract, or "" when it keeps it. A refusal ends with exactly one
// "pictor-cli: error: …" line; libraries may print warnings of their own before it (libpng
// writes to stderr itself: "libpng warning: iTXt: CRC error"), which `noise` collects.
QString contractBreach(const ProcessResult& run, QStringList& noise) {
    if (run.crashed || run.timedOut) return run.describe() + "\n" + run.err.left(2000);
    if (sanitizerReport(run.err)) return "sanitizer report:\n" + run.err.left(4000);
    if (run.exitCode == 0) return {};
    const QStringList lines = run.errLines();
    if (run.exitCode != 1) return run.describe() + " (expected 0 or 1): " + run.err.left(500);
    if (lines.isEmpty() || !lines.last().startsWith("pictor-cli: error: ") ||
        lines.filter("pictor-cli:").size() != 1)
        return "not one clear error line: " + run.err.left(2000);
    noise += lines.mid(0, lines.size() - 1);
    return {};
}

} // namespace

class CorpusTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void infoAndConvertEveryKindOfFile() {
        PICTOR_REQUIRE_SHARED("malformed");
        const int perFolder = envInt("PICTOR_CORPUS_PER_FOLDER", 2);
        const int timeoutMs = envInt("PICTOR_CORPUS_TIMEOUT_S", 60) * 1000;
        const std::vector<fs::path> files = sample(test::sharedData(), perFolder);
        QVERIFY(!files.empty());
        QTemporaryDir outRoot;
        QVERIFY(outRoot.isValid());

        std::mutex mutex;
        QStringList problems, noisy;
        std::atomic<std::size_t> next{0};
        std::atomic<int> converted{0}, refused{0};
        double slowest = 0;
        QString slowestFile;
        auto worker = [&] {
            for (std::size_t i = next++; i < files.size(); i = next++) {
                const fs::path& file = files[i];
                const QString name =
                    QString::fromStdString(fs::relative(file, test::sharedData()).string());
                const auto sizeBefore = fs::file_size(file);
                const auto timeBefore = fs::last_write_time(file);
                const ProcessResult info =
                    test::runCli({"info", QString::fromStdString(file.string())}, timeoutMs);
                // Each convert writes into a folder of its own: anything else there is debris.
                const fs::path outDir = fs::path(outRoot.path().toStdString()) / std::to_string(i);
                fs::create_directory(outDir);
                const fs::path out = outDir / "out.jpg";
                const ProcessResult convert =
                    test::runCli({"convert", QString::fromStdString(file.string()), "-o",
                                  QString::fromStdString(out.string()), "--long-edge", "256"},
                                 timeoutMs);
                QStringList found, noise;
                if (QString b = contractBreach(info, noise); !b.isEmpty()) found << "info: " + b;
                if (QString b = contractBreach(convert, noise); !b.isEmpty())
                    found << "convert: " + b;
                std::vector<std::string> left;
                for (const auto& e : fs::directory_iterator(outDir))
                    left.push_back(e.path().filename().string());
                const bool wrote = convert.exitCode == 0 && !convert.crashed && !convert.timedOut;
                if (wrote &&
                    (left != std::vector<std::string>{"out.jpg"} || fs::file_size(out) == 0))
                    found << "convert succeeded but did not leave exactly one non-empty output";
                if (!wrote && !left.empty())
                    found << QString("convert failed but left %1 file(s), e.g. %2")
                                 .arg(left.size())
                                 .arg(QString::fromStdString(left.front()));
                if (fs::file_size(file) != sizeBefore || fs::last_write_time(file) != timeBefore)
                    found << "the source file changed";
                fs::remove_all(outDir);

                std::lock_guard lock(mutex);
                (wrote ? converted : refused)++;
                for (const QString& f : found)
                    problems << name + ": " + f;
                if (info.seconds + convert.seconds > slowest) {
                    slowest = info.seconds + convert.seconds;
                    slowestFile = name;
                }
            }
        };
        const int workers = std::max(2, QThread::idealThreadCount());
        std::vector<std::thread> threads;
        for (int w = 0; w < workers; ++w)
            threads.emplace_back(worker);
        for (auto& t : threads)
            t.join();

        qInfo("%zu files (%s per folder): %d converted, %d refused with a clear error; slowest %s "
              "(%.1f s for info + convert)",
              files.size(), perFolder == 0 ? "all" : qPrintable(QString::number(perFolder)),
              converted.load(), refused.load(), qPrintable(slowestFile), slowest);
        if (!noisy.isEmpty())
            qInfo("%lld file(s) made a library print to stderr before Pictor's error line: %s",
                  qlonglong(noisy.size()), qPrintable(noisy.join("; ")));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join("\n")));
    }
};

int main(int argc, char** argv) {
    // Qt Test stops a test function after 5 minutes; a loaded machine or the whole corpus
    // (PICTOR_CORPUS_PER_FOLDER=0) needs longer. CTest's TIMEOUT still bounds the run.
    if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", QByteArray::number(4 * 3600 * 1000));
    QCoreApplication app(argc, argv);
    CorpusTest test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_corpus.moc"

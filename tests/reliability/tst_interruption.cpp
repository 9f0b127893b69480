// Never lose data (issue 7): exports and sidecar writes interrupted by a full disk (a tiny tmpfs),
// a read-only folder (a tmpfs remounted read-only) and SIGKILL mid-write leave no partial or
// temporary file, the source photo byte-identical and any earlier sidecar or export intact.
// Concurrent exports of one photo, and a batch (`enhance FOLDER`) with failing inputs, finish
// correctly for the good ones. The mount tests run in a private mount namespace (MountSandbox.h)
// and skip with a message where mounting is not permitted.
#include "CliProcess.h"
#include "MountSandbox.h"
#include "recipe/Sidecar.h"
#include "support/Fixtures.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <map>
#include <random>
#include <thread>

#include <unistd.h>

namespace fs = std::filesystem;
using namespace pictor;
using test::ProcessResult;

namespace {

std::string g_mountProblem; // why mounting is impossible here; empty when it works

// A JPEG of `width` × `height` whose pixels carry noise, so that 16-bit TIFF exports of it stay
// large (seconds to write, megabytes on disk) instead of compressing away.
std::vector<std::uint8_t> noisyJpeg(int width, int height) {
    auto rgb = test::makePatternRgb8(width, height);
    std::mt19937 random(42);
    for (auto& v : rgb)
        v = std::uint8_t(std::clamp(int(v) + int(random() % 41) - 20, 0, 255));
    return test::encodeJpeg(rgb, width, height, 97);
}

// Every file under `folder` with its bytes: what must be unchanged after a failed write.
std::map<std::string, std::vector<std::uint8_t>> snapshot(const fs::path& folder) {
    std::map<std::string, std::vector<std::uint8_t>> files;
    for (const auto& e : fs::recursive_directory_iterator(folder))
        files[fs::relative(e.path(), folder).string()] =
            e.is_regular_file() ? test::readBytes(e.path()) : std::vector<std::uint8_t>{};
    return files;
}

QString describeEntries(const fs::path& folder) {
    QStringList names;
    for (const auto& e : fs::directory_iterator(folder))
        names << QString::fromStdString(e.path().filename().string());
    names.sort();
    return names.join(", ");
}

// A clean CLI failure: exit 1 and exactly one line on stderr that contains `expected`.
void verifyCleanFailure(const ProcessResult& run, const QString& expected) {
    QVERIFY2(!run.crashed && !run.timedOut, qPrintable(run.describe() + ": " + run.err));
    QVERIFY2(run.exitCode == 1, qPrintable(run.describe() + ": " + run.err));
    QVERIFY2(run.errLines().size() == 1, qPrintable("more than one line on stderr: " + run.err));
    QVERIFY2(run.err.contains(expected), qPrintable("expected '" + expected + "' in: " + run.err));
}

QStringList args(std::initializer_list<fs::path> paths, QStringList rest = {}) {
    QStringList list;
    for (const auto& p : paths)
        list << QString::fromStdString(p.string());
    return list + rest;
}

// A recipe with a 64 KiB note in it: its sidecar cannot fit on an almost full disk.
Recipe bulkyRecipe() {
    Recipe recipe;
    (void)recipe.set("exposure", "exposure", 0.5);
    recipe.unknown["note"] = "\"" + std::string(64 * 1024, 'x') + "\"";
    return recipe;
}

// Fills the file system of `dir` until `leave` bytes are free.
void fillDisk(const fs::path& dir, std::uint64_t leave) {
    const std::uint64_t free = test::freeBytes(dir.string());
    QVERIFY2(free > leave + 4096, "the tmpfs is too small for the test");
    test::writeBytes(dir / "filler", std::vector<std::uint8_t>(free - leave, 1));
}

// Folders of the interrupted writes: the source photo with an earlier sidecar, and an earlier
// export in the destination. `dest` may be a mount point.
struct Scene {
    fs::path source, dest, earlierExport;
    std::vector<std::uint8_t> sourceBytes;
    std::vector<std::uint8_t> sidecarBytes;

    void create(const fs::path& sourceDir, const fs::path& destDir,
                const std::vector<std::uint8_t>& photo) {
        source = sourceDir / "photo.jpg";
        dest = destDir;
        test::writeBytes(source, photo);
        sourceBytes = photo;
        Recipe earlier;
        (void)earlier.set("exposure", "exposure", 0.3);
        const Status s = writeSidecar(source, earlier);
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().what.c_str());
        sidecarBytes = test::readBytes(sidecarPath(source));
        earlierExport = dest / "earlier.tif";
        test::writeBytes(earlierExport, std::vector<std::uint8_t>(3000, 0x5a));
    }
    void verifySourceIntact() const {
        QVERIFY2(test::readBytes(source) == sourceBytes, "the source photo changed");
        QVERIFY2(test::readBytes(sidecarPath(source)) == sidecarBytes,
                 "the earlier sidecar changed");
    }
};

} // namespace

class InterruptionTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_work;
    std::vector<fs::path> m_mounts;

    fs::path work() const { return m_work.path().toStdString(); }

    // A fresh folder under the work folder, optionally with a tmpfs of `bytes` mounted on it.
    fs::path folder(const char* name, std::uint64_t tmpfsBytes = 0) {
        const fs::path dir = work() / name;
        fs::create_directories(dir);
        if (tmpfsBytes > 0) {
            const std::string problem = test::mountTmpfs(dir.string(), tmpfsBytes);
            if (!problem.empty())
                qWarning("%s", problem.c_str());
            else
                m_mounts.push_back(dir);
        }
        return dir;
    }

private Q_SLOTS:
    void cleanupTestCase() {
        for (const auto& dir : m_mounts)
            test::unmount(dir.string()); // already gone when passed
    }

    void initTestCase() {
        QVERIFY(m_work.isValid());
        QVERIFY2(QFileInfo(test::cliProgram()).isExecutable(), "PICTOR_CLI is not set");
    }

    void fullDisk_data() {
        QTest::addColumn<bool>("overwrite");
        QTest::newRow("new export") << false;
        QTest::newRow("overwrite an earlier export") << true;
    }
    void fullDisk() {
        if (!g_mountProblem.empty())
            QSKIP(("no tmpfs for the full-disk test: " + g_mountProblem).c_str());
        QFETCH(bool, overwrite);
        const fs::path dest = folder(overwrite ? "full-overwrite" : "full-new", 1 << 20);
        Scene scene;
        // The source lives on the full disk too: even with no space left it must stay as it was.
        scene.create(dest, dest, noisyJpeg(400, 300));
        fillDisk(dest, 64 * 1024);
        const auto before = snapshot(dest);
        const fs::path out = overwrite ? scene.earlierExport : dest / "out.tif";
        QStringList extra = {"-o", QString::fromStdString(out.string())};
        if (overwrite) extra << "--overwrite";
        const ProcessResult run = test::runCli(args({"convert", scene.source}, extra));
        verifyCleanFailure(run, "disk is full");
        QVERIFY2(snapshot(dest) == before, qPrintable("folder changed: " + describeEntries(dest)));
        scene.verifySourceIntact();
        test::unmount(dest.string());
    }

    // The sidecar of a photo on a disk with 4 KiB left: the write fails, the earlier one stays.
    void fullDiskSidecar() {
        if (!g_mountProblem.empty())
            QSKIP(("no tmpfs for the full-disk test: " + g_mountProblem).c_str());
        const fs::path dest = folder("full-sidecar", 1 << 20);
        Scene scene;
        scene.create(dest, dest, noisyJpeg(64, 48));
        fillDisk(dest, 4096);
        const auto before = snapshot(dest);
        const Status written = writeSidecar(scene.source, bulkyRecipe());
        QVERIFY(!written.ok());
        QVERIFY2(written.error().what.find("disk is full") != std::string::npos,
                 written.error().what.c_str());
        QVERIFY2(snapshot(dest) == before, qPrintable("folder changed: " + describeEntries(dest)));
        scene.verifySourceIntact();
        test::unmount(dest.string());
    }

    void readOnlyFolder() {
        if (!g_mountProblem.empty()) QSKIP(("no read-only mount: " + g_mountProblem).c_str());
        const fs::path dest = folder("read-only", 8 << 20);
        Scene scene;
        scene.create(dest, dest, noisyJpeg(320, 240));
        const std::string problem = test::remountReadOnly(dest.string());
        QVERIFY2(problem.empty(), problem.c_str());
        const auto before = snapshot(dest);

        verifyCleanFailure(test::runCli(args({"convert", scene.source, "-o", dest / "out.jpg"})),
                           "read-only");
        verifyCleanFailure(test::runCli(args({"convert", scene.source, "-o", scene.earlierExport},
                                             {"--overwrite"})),
                           "read-only");
        const Status sidecar = writeSidecar(scene.source, bulkyRecipe());
        QVERIFY(!sidecar.ok());
        QVERIFY2(sidecar.error().what.find("read-only") != std::string::npos,
                 sidecar.error().what.c_str());
        QVERIFY2(snapshot(dest) == before, qPrintable("folder changed: " + describeEntries(dest)));
        scene.verifySourceIntact();
        test::unmount(dest.string());
    }

    // SIGKILL while the export is being written (its file open in the destination folder): the
    // folder holds nothing new — no partial output, no named temporary file.
    void killedMidWrite_data() {
        QTest::addColumn<bool>("overwrite");
        QTest::newRow("new export") << false;
        QTest::newRow("overwrite an earlier export") << true;
    }
    void killedMidWrite() {
        QFETCH(bool, overwrite);
        static const std::vector<std::uint8_t> photo =
            noisyJpeg(3000, 2000); // ~36 MB as 16-bit TIFF
        const fs::path base = work() / (overwrite ? "kill-overwrite" : "kill-new");
        const fs::path dest = base / "out";
        fs::create_directories(dest);
        Scene scene;
        scene.create(base, dest, photo);
        const auto before = snapshot(dest);
        const fs::path out = overwrite ? scene.earlierExport : dest / "big.tif";

        bool caught = false;
        for (int attempt = 0; attempt < 3 && !caught; ++attempt) {
            QProcess process;
            QStringList a = args({"convert", scene.source, "-o", out});
            if (overwrite) a << "--overwrite";
            process.start(test::cliProgram(), a);
            QVERIFY(process.waitForStarted());
            const std::string fdDir = "/proc/" + std::to_string(process.processId()) + "/fd";
            QElapsedTimer clock;
            clock.start();
            // Poll the process's open files until one lies in the destination folder.
            while (!caught && process.state() == QProcess::Running && clock.elapsed() < 120000) {
                std::error_code ec;
                for (const auto& fd : fs::directory_iterator(fdDir, ec)) {
                    const fs::path target = fs::read_symlink(fd.path(), ec);
                    if (!ec && target.parent_path() == dest) {
                        ::kill(pid_t(process.processId()), SIGKILL);
                        qInfo("killed while it had '%s' open", target.c_str());
                        caught = true;
                        break;
                    }
                }
                if (!caught) std::this_thread::sleep_for(std::chrono::microseconds(200));
            }
            process.waitForFinished(30000);
            if (!caught) {
                // It finished first: the export must be complete; undo it and try again.
                QCOMPARE(process.exitCode(), 0);
                if (!overwrite)
                    fs::remove(out);
                else
                    test::writeBytes(out, before.at("earlier.tif"));
                continue;
            }
            QCOMPARE(process.exitStatus(), QProcess::CrashExit);
            QVERIFY2(
                snapshot(dest) == before,
                qPrintable("after SIGKILL mid-write the folder holds: " + describeEntries(dest)));
        }
        QVERIFY2(caught, "the export always finished before it could be killed mid-write");
        scene.verifySourceIntact();
    }

    // Two exports of one photo at once: to different files both succeed; to one file without
    // --overwrite exactly one wins and the other fails cleanly. Exports are deterministic, so
    // every output must equal the others, byte for byte.
    void concurrentExports() {
        const fs::path dir = work() / "concurrent";
        fs::create_directories(dir);
        const fs::path source = dir / "photo.jpg";
        test::writeBytes(source, noisyJpeg(800, 600));
        const auto sourceBytes = test::readBytes(source);
        std::vector<std::uint8_t> reference;
        for (bool sameOutput : {false, true}) {
            const fs::path outA = dir / (sameOutput ? "same.jpg" : "a.jpg");
            const fs::path outB = dir / (sameOutput ? "same.jpg" : "b.jpg");
            QProcess a, b;
            a.start(test::cliProgram(), args({"convert", source, "-o", outA}));
            b.start(test::cliProgram(), args({"convert", source, "-o", outB}));
            QVERIFY(a.waitForFinished(120000) && b.waitForFinished(120000));
            QCOMPARE(a.exitStatus(), QProcess::NormalExit);
            QCOMPARE(b.exitStatus(), QProcess::NormalExit);
            if (!sameOutput) {
                QCOMPARE(a.exitCode() + b.exitCode(), 0);
                reference = test::readBytes(outA);
                QVERIFY(reference.size() > 1000);
                QVERIFY(test::readBytes(outB) == reference);
                continue;
            }
            QVERIFY2((a.exitCode() == 0) != (b.exitCode() == 0), "exactly one export must win");
            QProcess& loser = a.exitCode() == 0 ? b : a;
            QCOMPARE(loser.exitCode(), 1);
            const QString err = QString::fromUtf8(loser.readAllStandardError());
            QVERIFY2(err.contains("already exists") && err.count('\n') == 1, qPrintable(err));
            QVERIFY(test::readBytes(outA) == reference);
        }
        QVERIFY(test::readBytes(source) == sourceBytes);
        QCOMPARE(describeEntries(dir), QString("a.jpg, b.jpg, photo.jpg, same.jpg"));
    }

    // `pictor-cli enhance FOLDER -o OUT`, a batch whose inputs partly fail: each good photo is
    // enhanced and exported, each bad one is named in the summary with no output, the failures
    // do not stop the others, and the exit status says that something failed.
    void batchWithFailingInputs() {
        const fs::path in = work() / "batch-in", out = work() / "batch-out";
        fs::create_directories(in);
        fs::create_directories(out);
        const auto good = noisyJpeg(320, 240);
        test::writeBytes(in / "a-good.jpg", good);
        test::writeBytes(in / "b-truncated.jpg",
                         {good.begin(), good.begin() + long(good.size() / 2)});
        test::writeBytes(in / "c-not-a-photo.jpg", {'n', 'o', 't', 'e', 's', '\n'});
        test::writeBytes(in / "d-good.jpg", noisyJpeg(200, 300));
        const auto inputs = snapshot(in);
        const ProcessResult run = test::runCli(args({"enhance", in, "-o", out}, {"--no-model"}));
        QVERIFY2(!run.crashed && !run.timedOut, qPrintable(run.describe() + ": " + run.err));
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe() + ": " + run.err));
        QVERIFY2(run.err.contains("b-truncated.jpg") && run.err.contains("c-not-a-photo.jpg"),
                 qPrintable(run.err));
        QCOMPARE(describeEntries(out), QString("a-good.jpg, d-good.jpg"));
        QVERIFY(fs::file_size(out / "a-good.jpg") > 1000 &&
                fs::file_size(out / "d-good.jpg") > 1000);
        QVERIFY(snapshot(in) == inputs);
    }
};

int main(int argc, char** argv) {
    // Before anything starts a thread: a user namespace needs a single-threaded process.
    g_mountProblem = test::enterPrivateMountNamespace();
    QCoreApplication app(argc, argv);
    InterruptionTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_interruption.moc"

// writeFileAtomically (core/io/FileIo.h), in process: the target holds all of the new bytes or
// what it held before, nothing else appears in the folder, and of concurrent writers without
// overwrite exactly one wins. Interrupted writes (full disk, kill, read-only) are in
// tst_interruption.
#include "io/FileIo.h"
#include "support/Fixtures.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using namespace pictor;

namespace {

std::vector<std::uint8_t> pattern(std::size_t size, std::uint8_t seed) {
    std::vector<std::uint8_t> bytes(size);
    for (std::size_t i = 0; i < size; ++i)
        bytes[i] = std::uint8_t(i * 131 + seed);
    return bytes;
}

std::vector<std::string> entries(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(folder))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

Status write(const fs::path& path, const std::vector<std::uint8_t>& bytes, bool overwrite) {
    return writeFileAtomically(path, bytes.data(), bytes.size(), WriteOptions{overwrite});
}

} // namespace

class AtomicWriteTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesOnlyTheTarget_data() {
        QTest::addColumn<int>("size");
        QTest::newRow("empty") << 0;
        QTest::newRow("small") << 100;
        QTest::newRow("8 MiB") << (8 << 20);
    }
    void writesOnlyTheTarget() {
        QFETCH(int, size);
        QTemporaryDir dir;
        const fs::path target = fs::path(dir.path().toStdString()) / "out.bin";
        const auto bytes = pattern(std::size_t(size), 7);
        const Status s = write(target, bytes, false);
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().what.c_str());
        QCOMPARE(entries(target.parent_path()), std::vector<std::string>{"out.bin"});
        QVERIFY(test::readBytes(target) == bytes);
        // Readable by others like any file the user makes (0644 before the umask).
        QVERIFY((fs::status(target).permissions() & fs::perms::owner_read) != fs::perms::none);
    }

    void existingFileKeptWithoutOverwrite() {
        QTemporaryDir dir;
        const fs::path target = fs::path(dir.path().toStdString()) / "photo.jpg";
        const auto old = pattern(5000, 1), fresh = pattern(7000, 2);
        QVERIFY(write(target, old, false).ok());
        const Status refused = write(target, fresh, false);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().what.find("already exists") != std::string::npos);
        QVERIFY(test::readBytes(target) == old);
        QVERIFY(write(target, fresh, true).ok());
        QVERIFY(test::readBytes(target) == fresh);
        QCOMPARE(entries(target.parent_path()), std::vector<std::string>{"photo.jpg"});
    }

    void failuresLeaveNothing() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        const auto bytes = pattern(1000, 3);
        QVERIFY(!write(root / "missing" / "out.bin", bytes, false).ok());
        fs::create_directory(root / "sub");
        const Status onFolder = write(root / "sub", bytes, true);
        QVERIFY(!onFolder.ok());
        QVERIFY(onFolder.error().what.find("folder") != std::string::npos);
        QCOMPARE(entries(root), std::vector<std::string>{"sub"});
        QVERIFY(entries(root / "sub").empty());
    }

    // Concurrent exports to one name: without overwrite exactly one wins and the others are told
    // the file exists; with overwrite every writer succeeds and the file is one of them, whole.
    void concurrentWriters_data() {
        QTest::addColumn<bool>("overwrite");
        QTest::newRow("no overwrite") << false;
        QTest::newRow("overwrite") << true;
    }
    void concurrentWriters() {
        QFETCH(bool, overwrite);
        constexpr int kWriters = 8;
        QTemporaryDir dir;
        const fs::path target = fs::path(dir.path().toStdString()) / "same.jpg";
        std::vector<std::vector<std::uint8_t>> contents;
        for (int i = 0; i < kWriters; ++i)
            contents.push_back(pattern(std::size_t(200000 + i * 1000), std::uint8_t(i)));
        std::atomic<int> wins{0}, existsErrors{0}, otherErrors{0};
        std::atomic<bool> go{false};
        std::vector<std::thread> writers;
        for (int i = 0; i < kWriters; ++i)
            writers.emplace_back([&, i] {
                while (!go)
                    std::this_thread::yield();
                const Status s = write(target, contents[std::size_t(i)], overwrite);
                if (s.ok())
                    ++wins;
                else if (s.error().what.find("already exists") != std::string::npos)
                    ++existsErrors;
                else
                    ++otherErrors;
            });
        go = true;
        for (auto& t : writers)
            t.join();
        QCOMPARE(otherErrors.load(), 0);
        QCOMPARE(wins.load(), overwrite ? kWriters : 1);
        QCOMPARE(existsErrors.load(), overwrite ? 0 : kWriters - 1);
        const auto onDisk = test::readBytes(target);
        QVERIFY(std::find(contents.begin(), contents.end(), onDisk) != contents.end());
        QCOMPARE(entries(target.parent_path()), std::vector<std::string>{"same.jpg"});
    }
};

QTEST_GUILESS_MAIN(AtomicWriteTest)
#include "tst_atomic_write.moc"

#pragma once
// Runs pictor-cli (or any program) for the reliability tests and tells a clean failure from a
// crash or a hang: the exit code, whether a signal ended it, whether it ran past its time limit.
#include <QString>
#include <QStringList>

namespace pictor::test {

struct ProcessResult {
    int exitCode = -1;     // valid when neither crashed nor timedOut
    bool crashed = false;  // ended by a signal (segfault, abort, sanitizer abort …)
    bool timedOut = false; // still running at the limit; it was killed
    QString out;
    QString err;
    double seconds = 0;

    // "exit 1", "crashed", "timed out after 30 s" — for failure messages.
    QString describe() const;
    // stderr without its trailing newline split into lines (empty lines dropped).
    QStringList errLines() const;
};

// Runs `program args…` and waits at most `timeoutMs`.
ProcessResult runProcess(const QString& program, const QStringList& args, int timeoutMs);

// pictor-cli from PICTOR_CLI (set by CTest).
ProcessResult runCli(const QStringList& args, int timeoutMs = 120000);
QString cliProgram();

} // namespace pictor::test

#include "CliProcess.h"

#include <QElapsedTimer>
#include <QProcess>

namespace pictor::test {

QString ProcessResult::describe() const {
    if (timedOut) return QString("timed out after %1 s").arg(seconds, 0, 'f', 1);
    if (crashed) return "crashed (ended by a signal)";
    return QString("exit %1").arg(exitCode);
}

QStringList ProcessResult::errLines() const {
    return err.split('\n', Qt::SkipEmptyParts);
}

ProcessResult runProcess(const QString& program, const QStringList& args, int timeoutMs) {
    ProcessResult result;
    QProcess process;
    QElapsedTimer clock;
    clock.start();
    process.start(program, args);
    if (!process.waitForStarted(timeoutMs)) {
        result.crashed = true;
        result.err = "cannot start " + program + ": " + process.errorString();
        return result;
    }
    if (!process.waitForFinished(timeoutMs)) {
        result.timedOut = true;
        process.kill();
        process.waitForFinished(10000);
    } else if (process.exitStatus() == QProcess::CrashExit) {
        result.crashed = true;
    } else {
        result.exitCode = process.exitCode();
    }
    result.seconds = double(clock.elapsed()) / 1000.0;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QString cliProgram() {
    return qEnvironmentVariable("PICTOR_CLI");
}

ProcessResult runCli(const QStringList& args, int timeoutMs) {
    return runProcess(cliProgram(), args, timeoutMs);
}

} // namespace pictor::test

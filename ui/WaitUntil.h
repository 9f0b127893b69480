#pragma once
// Runs the event loop until a condition holds: how the offscreen drivers of the real window
// (--screenshot, --bench-ui) wait for it without a person. The loop sleeps until an event comes
// (a short timer wakes it to check the condition and the timeout), so the GUI thread does not
// spin and take a core from the load and render workers, just as in QApplication::exec().
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

namespace pictor::ui {

// False on timeout.
template <typename Done> bool waitUntil(Done done, int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    QTimer wake;
    wake.start(10);
    while (!done()) {
        if (timer.elapsed() > timeoutMs) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

} // namespace pictor::ui

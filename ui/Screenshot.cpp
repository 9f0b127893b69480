#include "Screenshot.h"

#include "MainWindow.h"
#include "RenderWorker.h"
#include "WaitUntil.h"

#include <QImage>
#include <QPixmap>

#include <cstdio>

namespace pictor::ui {

int takeScreenshot(MainWindow& window, const QString& photo, const QString& pngPath) {
    bool shown = false;
    QObject::connect(&window, &MainWindow::photoShown, [&]() { shown = true; });
    window.openFile(photo);
    if (!waitUntil([&]() { return shown; }, 120000)) {
        std::fprintf(stderr, "pictor: timed out opening %s\n", qPrintable(photo));
        return 1;
    }
    if (window.currentPath().isEmpty()) {
        std::fprintf(stderr, "pictor: %s\n", qPrintable(window.errorText()));
        return 1;
    }
    bool critiqued = false;
    QObject::connect(&window, &MainWindow::critiqueShown, [&]() { critiqued = true; });
    window.autoEnhance();
    if (!waitUntil([&]() { return critiqued; }, 120000)) {
        std::fprintf(stderr, "pictor: timed out waiting for the Critic\n");
        return 1;
    }
    if (!waitUntil([&]() { return !window.renderWorker()->busy(); }, 120000)) return 1;
    waitUntil([]() { return false; }, 1500); // filmstrip thumbnails, final layout

    if (!window.grab().toImage().save(pngPath)) {
        std::fprintf(stderr, "pictor: cannot write %s\n", qPrintable(pngPath));
        return 1;
    }
    std::printf("%s\n", qPrintable(pngPath));
    return 0;
}

} // namespace pictor::ui

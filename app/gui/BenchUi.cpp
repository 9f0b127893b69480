#include "BenchUi.h"

#include "AdjustmentsPanel.h"
#include "MainWindow.h"
#include "ParamControl.h"
#include "PhotoLoad.h"
#include "PhotoView.h"
#include "RenderWorker.h"
#include "WaitUntil.h"
#include "io/FileIo.h"
#include "recipe/Sidecar.h"
#include "synthetic/SyntheticPhotos.h"

#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QSlider>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace pictor::ui {

namespace {

constexpr int kWidth = 6000, kHeight = 4000; // 24 megapixels, as `pictor-cli bench io`
constexpr int kMoves = 60;                   // slider positions in one drag
constexpr int kMoveIntervalMs = 16;          // a mouse drag reports about 60 moves a second
constexpr int kStepPositions = 2;            // of the slider's 1000: 0.02 EV a move
constexpr int kTimeoutMs = 300000;

struct RunFigures {
    double openToPreview = 0; // openFile → the photo painted in the view
    double openToEdited = 0;  // openFile → the recipe's first frame painted (unedited: the same)
    double load = 0;          // of which loadForEditing, in its worker
    double full = 0;          // openFile → the full-resolution photo decoded behind the preview
    double moves = 0;         // first → last slider move (60 × 16 ms when the timer keeps up)
    double drag = 0;          // first move → the last move's frame painted
    int frames = 0;           // newly rendered frames painted in that time
    double lastMoveLatency = 0; // last move → its frame painted
    double release = 0;         // release → the full-size frame painted (drag frames are drafts)
    double render = 0;          // median render + display conversion per frame, in the worker
    std::map<int, int> frameWidths; // drag frames rendered, by width (the worker adapts drafts)
    double guiCpu = 0; // CPU time of the GUI thread from the first move to the last frame
    double fps() const { return drag > 0 ? frames / drag : 0; }
};

// CPU seconds of the calling thread so far.
double threadCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

double median(std::vector<double> values) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

std::string loadAverage() {
    QFile file("/proc/loadavg");
    if (!file.open(QIODevice::ReadOnly)) return "unknown";
    const QList<QByteArray> fields = file.readAll().split(' ');
    return fields.size() >= 3 ? (fields[0] + " " + fields[1] + " " + fields[2]).toStdString()
                              : "unknown";
}

// What reached the screen: every paint of the photo reports the edited image's key; a key not
// seen before is a new frame.
struct Screen {
    QElapsedTimer clock;
    qint64 key = 0;
    qint64 newFrameAt = 0; // ns on `clock`
    int frames = 0;
    double seconds(qint64 from) const { return (newFrameAt - from) / 1e9; }
};

// The last frame asked of the worker is on screen and nothing more is coming.
bool settled(MainWindow& window, const PhotoView& view, const Screen& screen) {
    return !window.renderWorker()->busy() && screen.key == view.image().cacheKey();
}

bool openRun(MainWindow& window, const PhotoView& view, Screen& screen, const QString& path,
             const Recipe& recipe, RunFigures& out) {
    // Every run opens the photo as the first did: the previous run's drag is not kept.
    window.saveNow();
    std::error_code ignored;
    std::filesystem::remove(sidecarPath(path.toStdString()), ignored);
    if (!recipe.empty()) {
        if (Status s = writeSidecar(path.toStdString(), recipe); !s) {
            std::fprintf(stderr, "pictor: %s\n", s.error().message().c_str());
            return false;
        }
    }

    bool shown = false;
    auto connection = QObject::connect(&window, &MainWindow::photoShown, [&]() { shown = true; });
    qint64 fullAt = 0;
    auto fullConnection = QObject::connect(&window, &MainWindow::fullPhotoLoaded,
                                           [&]() { fullAt = screen.clock.nsecsElapsed(); });
    const qint64 before = screen.key;
    const qint64 start = screen.clock.nsecsElapsed();
    window.openFile(path);
    const bool ok = waitUntil([&]() { return shown && screen.key != before; }, kTimeoutMs);
    QObject::disconnect(connection);
    if (!ok || window.currentPath().isEmpty()) {
        std::fprintf(stderr, "pictor: could not open the benchmark photo: %s\n",
                     qPrintable(window.errorText()));
        return false;
    }
    out.openToPreview = screen.seconds(start);
    out.load = window.current()->seconds;
    // The drag starts on a settled window: the open's own render (of the sidecar's recipe; none
    // here) on screen, the full-resolution photo decoded.
    const bool settledOk = waitUntil(
        [&]() { return settled(window, view, screen) && window.current()->photo; }, kTimeoutMs);
    out.openToEdited = screen.seconds(start);
    QObject::disconnect(fullConnection);
    out.full = ((fullAt ? fullAt : screen.clock.nsecsElapsed()) - start) / 1e9;
    return settledOk;
}

bool dragRun(MainWindow& window, const PhotoView& view, Screen& screen, RunFigures& out) {
    ParamControl* control = window.findChild<AdjustmentsPanel*>()->control("exposure", "exposure");
    QSlider* slider = control->slider();
    std::vector<double> renders;
    auto connection = QObject::connect(window.renderWorker(), &RenderWorker::rendered,
                                       [&](const RenderedPreview& preview) {
                                           renders.push_back(preview.seconds);
                                           ++out.frameWidths[preview.display.width()];
                                       });

    int moved = 0, framesBefore = 0;
    qint64 firstMove = 0, lastMove = 0;
    const int start = slider->value();
    QTimer mouse;
    mouse.setTimerType(Qt::PreciseTimer);
    mouse.setInterval(kMoveIntervalMs);
    auto move = [&]() { // what a mouse move on the pressed slider does
        slider->setValue(start + ++moved * kStepPositions);
        lastMove = screen.clock.nsecsElapsed();
        if (moved == 1) {
            firstMove = lastMove;
            framesBefore = screen.frames;
        }
        if (moved == kMoves) mouse.stop();
    };
    QObject::connect(&mouse, &QTimer::timeout, move);
    const double guiCpuStart = threadCpuSeconds();
    slider->setSliderDown(true); // pressed: the drag begins
    move();
    mouse.start();
    bool ok = waitUntil(
        [&]() {
            return moved == kMoves && screen.newFrameAt > lastMove && settled(window, view, screen);
        },
        kTimeoutMs);
    QObject::disconnect(connection);
    out.guiCpu = threadCpuSeconds() - guiCpuStart;
    out.moves = (lastMove - firstMove) / 1e9;
    out.drag = screen.seconds(firstMove);
    out.frames = screen.frames - framesBefore;
    out.lastMoveLatency = screen.seconds(lastMove);
    out.render = median(renders);
    const qint64 release = screen.clock.nsecsElapsed();
    slider->setSliderDown(false); // released: one undo step, the frame rendered in full
    // A photo with a draft copy gets one more frame, the preview in full.
    const bool drafts = window.current()->draft != nullptr;
    ok = ok && waitUntil(
                   [&]() {
                       return settled(window, view, screen) &&
                              (screen.newFrameAt > release || !drafts);
                   },
                   kTimeoutMs);
    out.release = screen.newFrameAt > release ? screen.seconds(release) : 0;
    return ok;
}

} // namespace

int benchUi(MainWindow& window, int runs, const Recipe& recipe) {
    QTemporaryDir folder;
    if (!folder.isValid()) {
        std::fprintf(stderr, "pictor: cannot create a temporary folder for the benchmark\n");
        return 1;
    }
    const auto jpeg = synthetic::makeCameraJpeg(kWidth, kHeight, 92);
    const QString path = folder.filePath("camera.jpg");
    if (jpeg.empty() || !writeFileAtomically(path.toStdString(), jpeg.data(), jpeg.size())) {
        std::fprintf(stderr, "pictor: could not write the benchmark JPEG\n");
        return 1;
    }
    std::printf("Pictor bench ui — the window (platform %s) on a generated %d × %d (24 MP) JPEG "
                "of %.1f MB; %d runs, median\n",
                qPrintable(QGuiApplication::platformName()), kWidth, kHeight, jpeg.size() / 1e6,
                runs);
    std::printf("machine: %d cores, load average %s\n", QThread::idealThreadCount(),
                loadAverage().c_str());
    std::printf("edit: %s\n", recipe.empty() ? "none (the photo opens unedited)"
                                             : (std::to_string(recipe.activeOps().size()) +
                                                " ops, from the photo's sidecar")
                                                   .c_str());
    std::printf("drag: exposure slider, %d moves %d ms apart, latest request wins in the worker\n",
                kMoves, kMoveIntervalMs);
    std::fflush(stdout);

    auto* view = window.findChild<PhotoView*>();
    Screen screen;
    screen.clock.start();
    QObject::connect(view, &PhotoView::photoPainted, [&screen](qint64 key) {
        if (key == screen.key) return;
        screen.key = key;
        screen.newFrameAt = screen.clock.nsecsElapsed();
        ++screen.frames;
    });

    std::vector<RunFigures> all;
    for (int run = 1; run <= runs; ++run) {
        RunFigures f;
        if (!openRun(window, *view, screen, path, recipe, f) ||
            !dragRun(window, *view, screen, f)) {
            std::fprintf(stderr, "pictor: the benchmark timed out\n");
            window.saveNow(); // nothing left to write once the folder is gone
            return 1;
        }
        std::printf(
            "  run %d: open → first preview %4.0f ms (load %4.0f ms), full photo %4.0f ms · "
            "drag: %d moves in %4.0f ms, %d frames in %4.0f ms = %4.1f fps, last move → "
            "frame %4.0f ms, render %3.0f ms a frame; release → full frame %4.0f ms\n",
            run, f.openToPreview * 1e3, f.load * 1e3, f.full * 1e3, kMoves, f.moves * 1e3, f.frames,
            f.drag * 1e3, f.fps(), f.lastMoveLatency * 1e3, f.render * 1e3, f.release * 1e3);
        std::fflush(stdout);
        all.push_back(f);
    }
    window.saveNow();

    auto med = [&all](auto field) {
        std::vector<double> values;
        for (const RunFigures& f : all)
            values.push_back(field(f));
        return median(values);
    };
    const double open = med([](const RunFigures& f) { return f.openToPreview; });
    const double fps = med([](const RunFigures& f) { return f.fps(); });
    std::printf("  open → first preview on screen          %6.0f ms  (goal ≤ 500 ms: %s)\n",
                open * 1e3, open <= 0.5 ? "met" : "NOT met");
    std::printf("    of which loading (decode, preview)   %6.0f ms\n",
                med([](const RunFigures& f) { return f.load; }) * 1e3);
    if (!recipe.empty())
        std::printf("  open → edited preview on screen        %6.0f ms\n",
                    med([](const RunFigures& f) { return f.openToEdited; }) * 1e3);
    std::printf("  open → full-resolution photo decoded   %6.0f ms\n",
                med([](const RunFigures& f) { return f.full; }) * 1e3);
    std::printf("  preview frames while dragging          %6.1f fps (goal ≥ 30: %s)\n", fps,
                fps >= 30 ? "met" : "NOT met");
    std::printf("  last slider move → its frame on screen %6.0f ms\n",
                med([](const RunFigures& f) { return f.lastMoveLatency; }) * 1e3);
    std::printf("  render a frame (worker)                %6.0f ms\n",
                med([](const RunFigures& f) { return f.render; }) * 1e3);
    std::printf("  GUI thread busy during the drag        %6.0f %%\n",
                med([](const RunFigures& f) { return f.drag > 0 ? f.guiCpu / f.drag : 0; }) * 100);
    std::printf("  release → full-size frame on screen    %6.0f ms\n",
                med([](const RunFigures& f) { return f.release; }) * 1e3);
    const LoadedPhoto& shown = *window.current();
    std::string drafts;
    for (const auto& draft : window.renderWorker()->drafts())
        drafts += (drafts.empty() ? "" : ", ") + std::to_string(draft->width()) + " × " +
                  std::to_string(draft->height());
    std::map<int, int> widths;
    for (const RunFigures& f : all)
        for (const auto& [width, count] : f.frameWidths)
            widths[width] += count;
    std::string used;
    for (const auto& [width, count] : widths)
        used += (used.empty() ? "" : ", ") + std::to_string(count) + " × " + std::to_string(width) +
                " px wide";
    std::printf("preview %d × %d; drafts for drag frames %s; rendered while dragging: %s\n",
                shown.preview->width(), shown.preview->height(),
                drafts.empty() ? "none" : drafts.c_str(), used.c_str());
    std::printf("load average after: %s\n", loadAverage().c_str());
    return 0;
}

} // namespace pictor::ui

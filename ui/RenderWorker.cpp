#include "RenderWorker.h"

#include "DisplayImage.h"
#include "image/Resize.h"
#include "pipeline/Render.h"

#include <QtConcurrent/QtConcurrent>

#include <chrono>

namespace pictor::ui {

RenderedPreview renderPreview(const Image& source, const Recipe& recipe, const SourceWhite& white,
                              double pixelScale, const std::function<bool(double)>& progress,
                              StageCache* cache, std::uint64_t sourceKey, DeviceKind device) {
    const auto start = std::chrono::steady_clock::now();
    RenderedPreview out;
    if (recipe.isNeutral(white)) {
        out.display = toDisplayImage(source);
    } else {
        RenderSettings settings;
        settings.sourceWhite = white;
        settings.pixelScale = pixelScale;
        settings.device = device;
        settings.progress = progress;
        if (getenv("TIMING"))
            settings.onStage = [](const std::string& n, double sec) {
                fprintf(stderr, "%s %.1f | ", n.c_str(), sec * 1000);
            };
        auto image = renderRecipeCached(source, sourceKey, recipe, settings, cache);
        if (!image) {
            out.error = QString::fromStdString(image.error().message());
            return out;
        }
        auto t0 = std::chrono::steady_clock::now();
        out.display = toDisplayImage(**image);
        if (getenv("TIMING"))
            fprintf(
                stderr, "display %.1f (%dx%d) total %.1f ps %.3f\n",
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                    .count(),
                (*image)->width(), (*image)->height(),
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                    .count(),
                pixelScale);
    }
    out.histogram = computeHistogram(out.display);
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return out;
}

RenderWorker::RenderWorker(QObject* parent)
    : QObject(parent) {
    qRegisterMetaType<pictor::ui::RenderedPreview>();
    connect(&m_watcher, &QFutureWatcher<RenderedPreview>::finished, this, &RenderWorker::finished);
}

RenderWorker::~RenderWorker() {
    if (m_cancel) *m_cancel = true;
    m_watcher.waitForFinished();
}

void RenderWorker::setSource(std::shared_ptr<const Image> preview, const SourceWhite& white,
                             double pixelScale, std::shared_ptr<const Image> draft) {
    cancel();
    m_source = std::move(preview);
    m_drafts.clear();
    if (draft) {
        // The smaller drafts, made once per photo (a few milliseconds on an 800-px draft).
        int longEdge = std::max(draft->width(), draft->height());
        m_drafts.push_back(std::move(draft));
        while (int(longEdge * kDraftStep) >= kMinDraftLongEdge) {
            longEdge = int(longEdge * kDraftStep);
            m_drafts.push_back(
                std::make_shared<const Image>(resizeToLongEdge(*m_drafts.front(), longEdge)));
        }
    }
    m_draftSecondsPerPixel = 0;
    m_white = white;
    m_pixelScale = pixelScale;
    // Budget: a 1600-px preview's stage output is ~20 MB; a dozen stages, three values each.
    m_cache = std::make_shared<StageCache>(std::size_t(768) << 20);
    m_sourceKey = newSourceKey();
}

int RenderWorker::draftLevel() const {
    // The largest draft whose predicted render fits the budget; the smallest when none does.
    // The prediction scales the recent seconds a pixel, which fixed costs (a local op's reduced
    // guide) make higher on small drafts: going back up needs the cost to really have dropped.
    const int last = int(m_drafts.size()) - 1;
    for (int level = 0; level < last; ++level)
        if (m_draftSecondsPerPixel * double(m_drafts[std::size_t(level)]->pixelCount()) <=
            kDraftBudgetSeconds)
            return level;
    return std::max(last, 0);
}

void RenderWorker::noteDraftFrame(std::size_t pixels, double seconds) {
    if (pixels == 0 || !(seconds >= 0)) return;
    const double perPixel = seconds / double(pixels);
    // A running average of the last few frames: one slow frame (a stage cache miss) moves it
    // half way, not all the way.
    m_draftSecondsPerPixel =
        m_draftSecondsPerPixel > 0 ? 0.5 * (m_draftSecondsPerPixel + perPixel) : perPixel;
}

void RenderWorker::request(const Recipe& recipe, bool draft) {
    if (!m_source) return;
    const Request wanted{recipe, draft && !m_drafts.empty()};
    const bool started = m_started && *m_started == wanted;
    if (m_running) {
        if (started)
            m_pending.reset(); // the render running now is the one wanted
        else
            m_pending = wanted; // latest wins: an older pending request is dropped
        return;
    }
    if (!started) start(wanted);
}

void RenderWorker::cancel() {
    m_pending.reset();
    m_started.reset();
    if (m_cancel) *m_cancel = true;
}

void RenderWorker::start(const Request& request) {
    m_started = request;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const std::uint64_t serial = ++m_serial;
    auto cancelFlag = m_cancel;
    const int level = request.draft ? draftLevel() : -1;
    auto source = request.draft ? m_drafts[std::size_t(level)] : m_source;
    m_runningDraftPixels = request.draft ? source->pixelCount() : 0;
    const Recipe recipe = request.recipe;
    const SourceWhite white = m_white;
    // Local ops size their radii by it: a draft looks like the preview, only softer.
    const double scale = m_pixelScale * source->width() / m_source->width();
    const std::shared_ptr<StageCache> cache = m_cache;
    // Each source size has its own stages: 1 the preview, 2 + level the drafts.
    const std::uint64_t key = mixKey(m_sourceKey, std::uint64_t(level + 2));
    const DeviceKind device = m_device;
    m_running = true;
    Q_EMIT busyChanged(true);
    Q_EMIT progress(0);
    m_watcher.setFuture(QtConcurrent::run([=, this]() {
        // Queued to the worker object's thread (the GUI's); the destructor waits for this job,
        // and Qt drops queued calls whose context object is gone.
        auto report = [this, cancelFlag](double fraction) {
            QMetaObject::invokeMethod(
                this,
                [this, fraction]() {
                    if (busy()) Q_EMIT progress(int(fraction * 100));
                },
                Qt::QueuedConnection);
            return !*cancelFlag;
        };
        RenderedPreview out =
            renderPreview(*source, recipe, white, scale, report, cache.get(), key, device);
        out.cancelled = *cancelFlag;
        out.serial = serial;
        return out;
    }));
}

void RenderWorker::finished() {
    const RenderedPreview result = m_watcher.result();
    if (m_runningDraftPixels > 0 && !result.cancelled && result.error.isEmpty())
        noteDraftFrame(m_runningDraftPixels, result.seconds);
    if (m_pending) { // show this frame, then go on with the newest request
        const Request next = std::move(*m_pending);
        m_pending.reset();
        if (!result.cancelled && result.error.isEmpty()) Q_EMIT rendered(result);
        start(next);
        return;
    }
    m_running = false;
    if (!result.error.isEmpty()) m_started.reset(); // asking again tries again
    Q_EMIT busyChanged(false);
    if (result.cancelled)
        Q_EMIT cancelled();
    else if (!result.error.isEmpty())
        Q_EMIT failed(result.error);
    else
        Q_EMIT rendered(result);
}

} // namespace pictor::ui

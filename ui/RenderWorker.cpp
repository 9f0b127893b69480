#include "RenderWorker.h"

#include "DisplayImage.h"
#include "pipeline/Render.h"

#include <QtConcurrent/QtConcurrent>

#include <chrono>

namespace pictor::ui {

RenderedPreview renderPreview(const Image& source, const Recipe& recipe, const SourceWhite& white,
                              double pixelScale, const std::function<bool(double)>& progress,
                              StageCache* cache, std::uint64_t sourceKey) {
    const auto start = std::chrono::steady_clock::now();
    RenderedPreview out;
    if (recipe.isNeutral(white)) {
        out.display = toDisplayImage(source);
    } else {
        RenderSettings settings;
        settings.sourceWhite = white;
        settings.pixelScale = pixelScale;
        settings.progress = progress;
        auto image = renderRecipeCached(source, sourceKey, recipe, settings, cache);
        if (!image) {
            out.error = QString::fromStdString(image.error().message());
            return out;
        }
        out.display = toDisplayImage(**image);
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
    m_draft = std::move(draft);
    m_white = white;
    m_pixelScale = pixelScale;
    // Budget: a 1600-px preview's stage output is ~20 MB; a dozen stages, three values each.
    m_cache = std::make_shared<StageCache>(std::size_t(768) << 20);
    m_sourceKey = newSourceKey();
}

void RenderWorker::request(const Recipe& recipe, bool draft) {
    if (!m_source) return;
    const Request wanted{recipe, draft && m_draft};
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
    auto source = request.draft ? m_draft : m_source;
    const Recipe recipe = request.recipe;
    const SourceWhite white = m_white;
    // Local ops size their radii by it: a draft looks like the preview, only softer.
    const double scale = m_pixelScale * source->width() / m_source->width();
    const std::shared_ptr<StageCache> cache = m_cache;
    const std::uint64_t key = mixKey(m_sourceKey, request.draft ? 2 : 1);
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
            renderPreview(*source, recipe, white, scale, report, cache.get(), key);
        out.cancelled = *cancelFlag;
        out.serial = serial;
        return out;
    }));
}

void RenderWorker::finished() {
    const RenderedPreview result = m_watcher.result();
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

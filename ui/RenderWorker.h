#pragma once
// Renders the recipe onto the preview off the GUI thread (QtConcurrent). Requests coalesce:
// while a render runs, newer requests replace each other and only the latest starts when it
// ends, so a slider drag shows a steady stream of frames and never queues stale work.
// A request for the recipe already on screen or being rendered (the release at the end of a
// drag re-applies its last value) costs nothing. Progress is reported, a render can be
// cancelled, failures arrive as messages.
#include "Histogram.h"
#include "compute/ComputeDevice.h"
#include "image/Image.h"
#include "pipeline/StageCache.h"
#include "recipe/Recipe.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QImage>
#include <QObject>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace pictor::ui {

struct RenderedPreview {
    QImage display;      // sRGB, for the screen
    Histogram histogram; // of `display`
    double seconds = 0;  // render + conversion time, in the worker
    QString error;       // empty on success
    bool cancelled = false;
    std::uint64_t serial = 0; // which request this answers
};

class RenderWorker : public QObject {
    Q_OBJECT
public:
    explicit RenderWorker(QObject* parent = nullptr);
    ~RenderWorker() override; // cancels and waits: no render outlives the window

    // The image every render starts from (a preview of the photo), its white and how many of its
    // pixels make one full-resolution pixel; optionally a smaller copy of it for draft frames.
    // Cancels what runs for the previous photo.
    void setSource(std::shared_ptr<const Image> preview, const SourceWhite& white,
                   double pixelScale, std::shared_ptr<const Image> draft = nullptr);
    // `draft`: render on the smaller copy when there is one (the frames of a slider drag, where
    // the frame rate matters more than the last bit of sharpness; the release renders in full).
    // Drafts adapt to the recipe's cost: when the last drafts took longer than a frame's budget,
    // the next ones use a smaller copy (down to kMinDraftLongEdge), so that a drag stays fluid
    // with a heavy edit; when they are cheap, a larger one again.
    void request(const Recipe& recipe, bool draft = false);
    // Where the renders run (CPU by default); a failure there (CUDA out of memory, a broken
    // driver) arrives as failed(), like any other.
    void setDevice(DeviceKind device) { m_device = device; }
    void cancel();
    // From a request until its result is delivered (the future ends a little earlier).
    bool busy() const { return m_running; }
    std::uint64_t lastSerial() const { return m_serial; }
    // The draft copies, largest first (the given draft, then smaller ones made from it), and the
    // one the next draft frame will use.
    const std::vector<std::shared_ptr<const Image>>& drafts() const { return m_drafts; }
    int draftLevel() const;
    // A draft frame of `pixels` took `seconds` (render and conversion): what draftLevel() goes
    // by. The worker notes each one it renders; public for tests.
    void noteDraftFrame(std::size_t pixels, double seconds);

    static constexpr double kDraftBudgetSeconds = 0.025; // a frame's render, paint aside: 30 fps
    static constexpr double kDraftStep = 0.7;            // long edge of each smaller draft
    static constexpr int kMinDraftLongEdge = 384;

Q_SIGNALS:
    void busyChanged(bool busy);
    void progress(int percent);
    void rendered(const pictor::ui::RenderedPreview& preview);
    void failed(const QString& message);
    void cancelled();

private:
    struct Request {
        Recipe recipe;
        bool draft = false;
        bool operator==(const Request&) const = default;
    };
    void start(const Request& request);
    void finished();

    std::shared_ptr<const Image> m_source;
    std::vector<std::shared_ptr<const Image>> m_drafts;
    // Render seconds a pixel of the recent draft frames (a running average; 0: none yet), and
    // the pixels of the draft being rendered now (0: not a draft).
    double m_draftSecondsPerPixel = 0;
    std::size_t m_runningDraftPixels = 0;
    // Stage outputs of recent renders of this source (preview and draft, told apart by their
    // keys): moving a slider recomputes only its stage and the later ones. A new one per source,
    // shared with the job that uses it (a cancelled job may still be finishing with the old one).
    std::shared_ptr<StageCache> m_cache;
    std::uint64_t m_sourceKey = 0;
    SourceWhite m_white;
    double m_pixelScale = 1;
    DeviceKind m_device = DeviceKind::Cpu;
    std::optional<Request> m_pending;
    std::optional<Request> m_started; // the latest render started, unless cancelled or failed
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::uint64_t m_serial = 0;
    bool m_running = false;
    QFutureWatcher<RenderedPreview> m_watcher;
};

// The render itself (also used by the benchmark): recipe onto `source`, converted for display.
// With a cache (and `sourceKey` naming `source`), the stages before the first changed op are
// reused from earlier renders of the same source.
RenderedPreview renderPreview(const Image& source, const Recipe& recipe, const SourceWhite& white,
                              double pixelScale, const std::function<bool(double)>& progress = {},
                              StageCache* cache = nullptr, std::uint64_t sourceKey = 0,
                              DeviceKind device = DeviceKind::Cpu);

} // namespace pictor::ui

#pragma once
// The Pictor window: the photo with before/after comparison in the centre, the filmstrip of its
// folder below, histogram, image info and adjustments on the right. Loading and rendering run
// off the GUI thread; every edit is undoable and autosaved to the photo's sidecar; failures are
// shown in the window, never swallowed.
#include "ExportJob.h"
#include "compute/ComputeDevice.h"
#include "recipe/Recipe.h"

#include <QFutureWatcher>
#include <QMainWindow>
#include <QTimer>

#include <memory>

class QAction;
class QLabel;
class QMenu;

namespace pictor::ui {

class AdjustmentsPanel;
class CritiquePanel;
class InstructionEditor;
struct CritiqueOutcome;
class EditSession;
class Filmstrip;
class HistogramView;
class PhotoInfo;
class PhotoView;
class RenderWorker;
struct FullPhoto;
struct LoadedPhoto;
struct RenderedPreview;
enum class EditOrigin;

struct MainWindowOptions {
    int previewLongEdge = 1600; // renders run on a copy this size; exports use the full photo
    // The frames of a slider drag render on a copy this size (a quarter of the pixels: the frame
    // rate on two cores); the release renders the preview in full. 0: never.
    int draftLongEdge = 800;
    bool remember = true; // recent files in QSettings (tests turn it off)
    // Where previews and exports render (the status bar names it): main() chooses CUDA when
    // libtorch sees a GPU, else the CPU.
    DeviceKind device = DeviceKind::Cpu;
};

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const QString& deviceDescription, QWidget* parent = nullptr,
                        MainWindowOptions options = {});
    ~MainWindow() override;
    void openFile(const QString& path);

    EditSession* session() const { return m_session; }
    RenderWorker* renderWorker() const { return m_worker; }
    QString currentPath() const;
    const LoadedPhoto* current() const { return m_current.get(); }
    QString errorText() const; // the message bar's text; empty when hidden
    void saveNow();            // writes a pending autosave at once
    // Exports the photos in the background with progress (the open one with its current edit).
    void exportPhotos(const QStringList& paths, const ExportSettings& settings);
    // Runs the Critic in the background; its findings appear in the critique panel and its
    // ticked instructions become one undo step.
    void autoEnhance();
    bool criticBusy() const { return m_critic.isRunning(); }

Q_SIGNALS:
    void photoShown();      // a load finished, with a photo or an error message on screen
    void fullPhotoLoaded(); // the open photo's full resolution arrived after its fast preview
    void previewRendered(); // a render finished and is on screen
    void renderFailed(const QString& message);
    void exportFinished(const QStringList& written, const QStringList& errors);
    void critiqueShown(bool ok);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private Q_SLOTS:
    void chooseFile();
    void loadFinished();
    void fullPhotoFinished();

private:
    void buildActions();
    void buildMenus();
    void buildDocks();
    void recipeChanged(const Recipe& recipe, EditOrigin origin);
    void rendered(const RenderedPreview& preview);
    void showError(const QString& message);
    void clearError();
    void resetEdit();
    void addRecent(const QString& path);
    void updateRecentMenu();
    void updateActions();
    void autosave();
    void chooseExport();
    void critiqueFinished();
    void startFullPhoto();

    MainWindowOptions m_options;
    PhotoView* m_view = nullptr;
    QLabel* m_errorBar = nullptr;
    Filmstrip* m_filmstrip = nullptr;
    HistogramView* m_histogram = nullptr;
    PhotoInfo* m_info = nullptr;
    AdjustmentsPanel* m_adjustments = nullptr;
    CritiquePanel* m_critique = nullptr;
    InstructionEditor* m_instructions = nullptr;
    QAction* m_enhanceAction = nullptr;
    QFutureWatcher<std::shared_ptr<CritiqueOutcome>> m_critic;
    Recipe m_critiqueBase;
    EditSession* m_session = nullptr;
    RenderWorker* m_worker = nullptr;
    QLabel* m_renderTime = nullptr;
    QLabel* m_zoomLabel = nullptr;
    QMenu* m_recentMenu = nullptr;

    QAction* m_openAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_resetAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_cancelAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_fitAction = nullptr;
    QAction* m_actualAction = nullptr;
    QAction* m_zoomInAction = nullptr;
    QAction* m_zoomOutAction = nullptr;
    QAction* m_toggleBeforeAction = nullptr;
    QAction* m_splitAction = nullptr;
    QAction* m_sideAction = nullptr;

    std::shared_ptr<LoadedPhoto> m_current;
    QString m_loadingPath;
    QString m_pendingPath; // asked for while another load ran: the latest request wins
    QFutureWatcher<std::shared_ptr<LoadedPhoto>> m_loader;
    // The full-resolution decode behind a fast preview: one at a time, for `m_fullFor`.
    QFutureWatcher<std::shared_ptr<FullPhoto>> m_fullLoader;
    std::shared_ptr<LoadedPhoto> m_fullFor;
    bool m_enhanceQueued = false; // Auto-enhance asked for before the full photo was there
    QTimer m_autosave;
    bool m_dirty = false;
};

} // namespace pictor::ui

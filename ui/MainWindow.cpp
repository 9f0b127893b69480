#include "MainWindow.h"

#include "AdjustmentsPanel.h"
#include "CritiquePanel.h"
#include "EditSession.h"
#include "ExportDialog.h"
#include "Filmstrip.h"
#include "Histogram.h"
#include "InstructionEditor.h"
#include "PhotoInfo.h"
#include "PhotoLoad.h"
#include "PhotoView.h"
#include "PreferencesDialog.h"
#include "RenderWorker.h"
#include "critic/Critic.h"
#include "nn/CriticModel.h"
#include "recipe/Sidecar.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressDialog>
#include <QRegularExpression>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrent>

#include <utility>

namespace pictor::ui {

struct CritiqueOutcome {
    QString path;
    std::optional<critic::Critique> critique;
    QString error;
};

namespace {
constexpr int kMaxRecent = 10;
constexpr int kAutosaveDelayMs = 400;

// A toolbar button's text without the mnemonic Japanese and Chinese write in brackets
// ("開く(&O)…"): Qt drops only the '&' and would show "開く(O)…". English texts are left to Qt.
void dropBracketedMnemonic(QAction* action) {
    static const QRegularExpression mnemonic(QStringLiteral("\\s*\\(&[^)]\\)"));
    const QString text = action->text();
    // Empty: Qt derives the button's text from the action's. Unchanged: no changed() signal.
    action->setIconText(text.contains(mnemonic)
                            ? QString(text).remove(mnemonic).remove(QLatin1Char('&'))
                            : QString());
}
} // namespace

MainWindow::MainWindow(const QString& deviceDescription, QWidget* parent, MainWindowOptions options)
    : QMainWindow(parent)
    , m_options(options) {
    setWindowTitle(tr("Pictor"));
    setAcceptDrops(true);
    m_session = new EditSession(this);
    m_worker = new RenderWorker(this);
    m_worker->setDevice(m_options.device);

    auto* centre = new QWidget(this);
    auto* layout = new QVBoxLayout(centre);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_errorBar = new QLabel(centre);
    m_errorBar->setObjectName("errorBar");
    m_errorBar->setWordWrap(true);
    m_errorBar->setStyleSheet("QLabel { background: #7a1f1f; color: white; padding: 6px; }");
    m_errorBar->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorBar->hide();
    m_view = new PhotoView(centre);
    m_filmstrip = new Filmstrip(centre);
    layout->addWidget(m_errorBar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_filmstrip);
    setCentralWidget(centre);

    buildActions();
    buildDocks();
    buildMenus();

    m_renderTime = new QLabel(this);
    m_zoomLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_zoomLabel);
    statusBar()->addPermanentWidget(m_renderTime);
    statusBar()->addPermanentWidget(new QLabel(tr("Compute: %1").arg(deviceDescription), this));

    connect(&m_loader, &QFutureWatcher<std::shared_ptr<LoadedPhoto>>::finished, this,
            &MainWindow::loadFinished);
    connect(&m_fullLoader, &QFutureWatcher<std::shared_ptr<FullPhoto>>::finished, this,
            &MainWindow::fullPhotoFinished);
    connect(m_session, &EditSession::recipeChanged, this, &MainWindow::recipeChanged);
    connect(m_session, &EditSession::dragEnded, this, [this]() {
        if (m_current) m_worker->request(m_session->recipe()); // in full, after draft frames
    });
    connect(m_worker, &RenderWorker::rendered, this, &MainWindow::rendered);
    connect(m_worker, &RenderWorker::failed, this, [this](const QString& message) {
        showError(tr("The preview could not be rendered: %1").arg(message));
        Q_EMIT renderFailed(message);
    });
    connect(m_worker, &RenderWorker::cancelled, this,
            [this]() { statusBar()->showMessage(tr("Rendering cancelled"), 4000); });
    connect(m_worker, &RenderWorker::busyChanged, this, [this](bool busy) {
        m_view->setBusy(busy, 0);
        m_cancelAction->setEnabled(busy);
    });
    connect(m_worker, &RenderWorker::progress, this,
            [this](int percent) { m_view->setBusy(true, percent); });
    connect(m_view, &PhotoView::zoomChanged, this,
            [this](double zoom) { m_zoomLabel->setText(tr("Zoom %1 %").arg(qRound(zoom * 100))); });
    connect(m_filmstrip, &Filmstrip::photoActivated, this, &MainWindow::openFile);
    m_autosave.setSingleShot(true);
    m_autosave.setInterval(kAutosaveDelayMs);
    connect(&m_autosave, &QTimer::timeout, this, &MainWindow::autosave);
    updateActions();
    resize(1500, 950);
}

MainWindow::~MainWindow() {
    saveNow();
    m_loader.waitForFinished();
    m_fullLoader.waitForFinished();
    m_critic.waitForFinished();
}

void MainWindow::buildActions() {
    m_openAction = new QAction(QIcon::fromTheme("document-open"), tr("&Open…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseFile);

    m_exportAction = new QAction(QIcon::fromTheme("document-save-as"), tr("&Export…"), this);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::chooseExport);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_undoAction = m_session->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setIcon(QIcon::fromTheme("edit-undo"));
    m_redoAction = m_session->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcut(QKeySequence::Redo);
    m_redoAction->setIcon(QIcon::fromTheme("edit-redo"));

    m_resetAction = new QAction(QIcon::fromTheme("edit-clear"), tr("&Reset all edits"), this);
    m_resetAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(m_resetAction, &QAction::triggered, this, &MainWindow::resetEdit);

    m_enhanceAction = new QAction(QIcon::fromTheme("tools-wizard"), tr("&Auto-enhance"), this);
    m_enhanceAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_enhanceAction->setToolTip(
        tr("The Critic measures the photo, explains what holds it back and suggests an edit"));
    connect(m_enhanceAction, &QAction::triggered, this, &MainWindow::autoEnhance);

    m_cancelAction = new QAction(QIcon::fromTheme("process-stop"), tr("Cancel rendering"), this);
    m_cancelAction->setShortcut(QKeySequence::Cancel);
    connect(m_cancelAction, &QAction::triggered, m_worker, &RenderWorker::cancel);

    m_fitAction = new QAction(tr("Zoom to &fit"), this);
    m_fitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(m_fitAction, &QAction::triggered, m_view, &PhotoView::zoomToFit);
    m_actualAction = new QAction(tr("&100 %"), this);
    m_actualAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(m_actualAction, &QAction::triggered, m_view, &PhotoView::zoomTo100);
    m_zoomInAction = new QAction(tr("Zoom &in"), this);
    m_zoomInAction->setShortcut(QKeySequence::ZoomIn);
    connect(m_zoomInAction, &QAction::triggered, this, [this]() { m_view->zoomBy(1.25); });
    m_zoomOutAction = new QAction(tr("Zoom &out"), this);
    m_zoomOutAction->setShortcut(QKeySequence::ZoomOut);
    connect(m_zoomOutAction, &QAction::triggered, this, [this]() { m_view->zoomBy(0.8); });

    m_toggleBeforeAction = new QAction(tr("Show &before (toggle)"), this);
    m_toggleBeforeAction->setShortcut(QKeySequence(Qt::Key_Backslash));
    m_toggleBeforeAction->setCheckable(true);
    connect(m_toggleBeforeAction, &QAction::triggered, m_view, &PhotoView::toggleBefore);
    connect(m_view, &PhotoView::compareChanged, this,
            [this]() { m_toggleBeforeAction->setChecked(m_view->showingBefore()); });
    m_splitAction = new QAction(tr("Before/after &split"), this);
    m_splitAction->setShortcut(QKeySequence(Qt::Key_Y));
    m_splitAction->setCheckable(true);
    m_sideAction = new QAction(tr("Before/after &side by side"), this);
    m_sideAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Y));
    m_sideAction->setCheckable(true);
    connect(m_splitAction, &QAction::triggered, this, [this](bool on) {
        m_sideAction->setChecked(false);
        m_view->setCompareMode(on ? CompareMode::Split : CompareMode::Off);
    });
    connect(m_sideAction, &QAction::triggered, this, [this](bool on) {
        m_splitAction->setChecked(false);
        m_view->setCompareMode(on ? CompareMode::SideBySide : CompareMode::Off);
    });
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    updateRecentMenu();
    file->addAction(m_exportAction);
    file->addSeparator();
    QAction* preferences =
        file->addAction(tr("&Preferences…"), this, [this]() { PreferencesDialog(this).exec(); });
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
    file->addAction(m_quitAction);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_enhanceAction);
    edit->addAction(m_resetAction);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QAction* a : {m_fitAction, m_actualAction, m_zoomInAction, m_zoomOutAction})
        view->addAction(a);
    view->addSeparator();
    for (QAction* a : {m_toggleBeforeAction, m_splitAction, m_sideAction})
        view->addAction(a);
    view->addSeparator();
    view->addAction(m_cancelAction);

    QToolBar* tools = addToolBar(tr("Main"));
    tools->setObjectName("mainToolbar");
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    tools->setMovable(false);
    for (QAction* a : {m_openAction, m_exportAction})
        tools->addAction(a);
    tools->addSeparator();
    tools->addAction(m_enhanceAction);
    for (QAction* a : {m_undoAction, m_redoAction, m_resetAction})
        tools->addAction(a);
    tools->addSeparator();
    for (QAction* a : {m_fitAction, m_actualAction})
        tools->addAction(a);
    tools->addSeparator();
    for (QAction* a : {m_toggleBeforeAction, m_splitAction, m_sideAction, m_cancelAction})
        tools->addAction(a);
    // Undo and redo change their text with the stack, hence on every change.
    for (QAction* a : tools->actions()) {
        dropBracketedMnemonic(a);
        connect(a, &QAction::changed, this, [a]() { dropBracketedMnemonic(a); });
    }
}

void MainWindow::buildDocks() {
    auto* right = new QWidget(this);
    auto* layout = new QVBoxLayout(right);
    layout->setContentsMargins(4, 4, 4, 4);
    m_histogram = new HistogramView(right);
    m_info = new PhotoInfo(right);
    m_adjustments = new AdjustmentsPanel(m_session, right);
    layout->addWidget(m_histogram);
    layout->addWidget(m_info);
    layout->addWidget(m_adjustments, 1);
    auto* dock = new QDockWidget(tr("Develop"), this);
    dock->setObjectName("developDock");
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock->setWidget(right);
    dock->setMinimumWidth(340);
    addDockWidget(Qt::RightDockWidgetArea, dock);

    auto* left = new QSplitter(Qt::Vertical, this);
    m_critique = new CritiquePanel(m_session, left);
    auto* instructionsBox = new QWidget(left);
    auto* instructionsLayout = new QVBoxLayout(instructionsBox);
    instructionsLayout->setContentsMargins(4, 4, 4, 4);
    instructionsLayout->addWidget(
        new QLabel(tr("<b>Instructions</b> — edit freely; sliders follow"), instructionsBox));
    m_instructions = new InstructionEditor(m_session, instructionsBox);
    instructionsLayout->addWidget(m_instructions, 1);
    left->addWidget(m_critique);
    left->addWidget(instructionsBox);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 1);
    auto* critiqueDock = new QDockWidget(tr("Critique"), this);
    critiqueDock->setObjectName("critiqueDock");
    critiqueDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    critiqueDock->setWidget(left);
    critiqueDock->setMinimumWidth(360);
    addDockWidget(Qt::LeftDockWidgetArea, critiqueDock);
    connect(&m_critic, &QFutureWatcher<std::shared_ptr<CritiqueOutcome>>::finished, this,
            &MainWindow::critiqueFinished);
}

void MainWindow::autoEnhance() {
    if (!m_current || m_critic.isRunning()) return;
    if (!m_current->photo) { // the Critic looks at the full photo: it runs when that arrives
        m_enhanceQueued = true;
        m_critique->setBusy(tr("The Critic is looking at the photo…"));
        m_enhanceAction->setEnabled(false);
        return;
    }
    m_enhanceQueued = false;
    m_critiqueBase = m_session->recipe();
    m_critique->setBusy(tr("The Critic is looking at the photo…"));
    m_enhanceAction->setEnabled(false);
    auto photo = m_current->photo;
    const QString path = m_current->path;
    m_critic.setFuture(QtConcurrent::run([photo, path]() {
        auto out = std::make_shared<CritiqueOutcome>();
        out->path = path;
        critic::CriticOptions options;
        // The learned model when one is installed; otherwise the measured analysis alone.
        std::optional<nn::CriticModel> model;
        if (std::error_code ec; std::filesystem::exists(nn::defaultCriticModelPath(), ec)) {
            auto loaded = nn::loadCriticModel(nn::defaultCriticModelPath());
            if (loaded) model = std::move(loaded).value();
        }
        if (model) options.model = &*model;
        auto result = critic::critique(*photo, options);
        if (result)
            out->critique = std::move(result).value();
        else
            out->error = QString::fromStdString(result.error().message());
        return out;
    }));
}

void MainWindow::critiqueFinished() {
    const auto outcome = m_critic.result();
    updateActions();
    if (!m_current || outcome->path != m_current->path) { // the user moved on to another photo
        m_critique->clear();
        return;
    }
    if (!outcome->critique) {
        m_critique->setBusy(tr("The Critic failed: %1").arg(outcome->error));
        showError(tr("Auto-enhance failed: %1").arg(outcome->error));
        Q_EMIT critiqueShown(false);
        return;
    }
    m_critique->showCritique(*outcome->critique, m_critiqueBase, m_current->white);
    Q_EMIT critiqueShown(true);
}

QString MainWindow::currentPath() const {
    return m_current ? m_current->path : QString();
}

QString MainWindow::errorText() const {
    return m_errorBar->isHidden() ? QString() : m_errorBar->text();
}

void MainWindow::showError(const QString& message) {
    m_errorBar->setText(message);
    m_errorBar->show();
}

void MainWindow::clearError() {
    m_errorBar->hide();
}

void MainWindow::updateActions() {
    const bool open = m_current != nullptr;
    for (QAction* a : {m_exportAction, m_resetAction, m_fitAction, m_actualAction, m_zoomInAction,
                       m_zoomOutAction, m_toggleBeforeAction, m_splitAction, m_sideAction})
        a->setEnabled(open);
    m_resetAction->setEnabled(open && !m_session->recipe().isNeutral());
    m_enhanceAction->setEnabled(open && !m_critic.isRunning() && !m_enhanceQueued);
    m_cancelAction->setEnabled(m_worker->busy());
}

void MainWindow::chooseFile() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open photo"), m_filmstrip->folder(),
        tr("Photos (%1);;All files (*)")
            .arg(photoNameFilters().filter(QRegularExpression("^\\*\\.[a-z0-9]+$")).join(' ')));
    if (!path.isEmpty()) openFile(path);
}

void MainWindow::openFile(const QString& path) {
    if (m_loader.isRunning()) { // never block the GUI thread: run it when the current load ends
        m_pendingPath = path;
        return;
    }
    saveNow(); // the edit of the photo being left is on disk before another one opens
    m_loadingPath = path;
    m_view->setMessage(tr("Opening %1…").arg(QFileInfo(path).fileName()));
    statusBar()->showMessage(tr("Opening %1…").arg(path));
    m_loader.setFuture(QtConcurrent::run(loadForEditing, path, m_options.previewLongEdge,
                                         m_options.draftLongEdge));
}

void MainWindow::loadFinished() {
    if (!m_pendingPath.isEmpty()) { // a newer request supersedes this result
        openFile(std::exchange(m_pendingPath, QString()));
        return;
    }
    auto loaded = m_loader.result();
    if (!loaded->error.isEmpty()) {
        // The window goes on working: no photo is open, the error says what happened.
        m_worker->setSource(nullptr, {}, 1);
        m_current.reset();
        m_enhanceQueued = false;
        m_session->load({});
        m_critique->clear();
        m_view->clearPhoto();
        m_view->setMessage(loaded->error);
        m_info->showPhoto(nullptr, {});
        m_histogram->setHistograms({}, {});
        showError(loaded->error);
        statusBar()->showMessage(tr("Could not open %1").arg(m_loadingPath));
        setWindowTitle(tr("Pictor"));
        updateActions();
        Q_EMIT photoShown();
        return;
    }
    clearError();
    m_current = loaded;
    m_enhanceQueued = false;
    m_worker->setSource(loaded->preview, loaded->white, loaded->pixelScale, loaded->draft);
    m_view->setPhoto(loaded->before, loaded->fullWidth);
    m_renderTime->clear();
    m_histogram->setHistograms(loaded->beforeHistogram, loaded->beforeHistogram);
    m_info->showPhoto(loaded->description.get(), loaded->summary);
    m_adjustments->setSourceWhite(loaded->white);
    m_instructions->setSourceWhite(loaded->white);
    m_critique->clear();
    m_session->load(loaded->recipe);
    m_filmstrip->showFolderOf(loaded->path);
    setWindowTitle(tr("%1 — Pictor").arg(QFileInfo(loaded->path).fileName()));
    statusBar()->showMessage(loaded->notes.isEmpty() ? loaded->summary
                                                     : loaded->notes.join(QStringLiteral("; ")));
    addRecent(loaded->path);
    updateActions();
    if (!loaded->photo) startFullPhoto();
    Q_EMIT photoShown();
}

void MainWindow::startFullPhoto() {
    if (m_fullLoader.isRunning()) return; // for a photo left since: it restarts when that ends
    m_fullFor = m_current;
    const QString path = m_current->path;
    m_fullLoader.setFuture(
        QtConcurrent::run([path]() { return std::make_shared<FullPhoto>(loadFullPhoto(path)); }));
}

void MainWindow::fullPhotoFinished() {
    const FullPhoto full = *m_fullLoader.result();
    const auto target = std::exchange(m_fullFor, nullptr);
    if (!m_current || m_current->photo) return;
    if (target != m_current) { // decoded for a photo no longer open; now the open one's turn
        startFullPhoto();
        return;
    }
    if (full.photo) {
        m_current->photo = full.photo;
        if (m_enhanceQueued) autoEnhance();
        Q_EMIT fullPhotoLoaded();
        return;
    }
    showError(tr("The full-resolution photo could not be read: %1").arg(full.error));
    if (m_enhanceQueued) {
        m_enhanceQueued = false;
        updateActions();
        m_critique->setBusy(tr("The Critic failed: %1").arg(full.error));
        Q_EMIT critiqueShown(false);
    }
}

void MainWindow::recipeChanged(const Recipe& recipe, EditOrigin origin) {
    if (!m_current) return;
    // An unedited photo opens showing its unedited preview (`before`), which is what rendering a
    // neutral recipe makes: that render would only compete with the first paint.
    if (origin != EditOrigin::Load || !recipe.isNeutral(m_current->white))
        m_worker->request(recipe, m_session->dragging());
    if (origin != EditOrigin::Load) {
        m_dirty = true;
        m_autosave.start();
    }
    updateActions();
}

void MainWindow::rendered(const RenderedPreview& preview) {
    if (!m_current) return;
    clearError();
    m_view->setAfter(preview.display);
    m_histogram->setAfter(preview.histogram);
    m_renderTime->setText(tr("Rendered in %1 ms").arg(qRound(preview.seconds * 1000)));
    Q_EMIT previewRendered();
}

void MainWindow::resetEdit() {
    Recipe cleared;
    // What this build cannot read (from a newer Pictor) is kept: it renders nothing here.
    cleared.unknownOps = m_session->recipe().unknownOps;
    cleared.unknown = m_session->recipe().unknown;
    m_session->apply(cleared, tr("Reset all edits"), EditOrigin::Sliders);
}

void MainWindow::autosave() {
    if (!m_current || !m_dirty) return;
    m_dirty = false;
    const std::filesystem::path photo = m_current->path.toStdString();
    // No sidecar is created for a photo that was never edited.
    if (m_session->recipe().empty() && !std::filesystem::exists(sidecarPath(photo))) return;
    if (Status s = writeSidecar(photo, m_session->recipe()); !s)
        showError(
            tr("The edit could not be saved: %1").arg(QString::fromStdString(s.error().message())));
}

void MainWindow::saveNow() {
    if (m_autosave.isActive()) m_autosave.stop();
    autosave();
}

void MainWindow::chooseExport() {
    const QStringList paths = m_filmstrip->selectedPaths();
    if (paths.isEmpty()) return;
    ExportDialog dialog(paths, this);
    if (dialog.exec() != QDialog::Accepted) return;
    ExportDialog::save(dialog.settings());
    exportPhotos(paths, dialog.settings());
}

void MainWindow::exportPhotos(const QStringList& paths, const ExportSettings& settings) {
    saveNow(); // other photos' recipes come from their sidecars
    std::vector<ExportItem> items;
    for (const QString& path : paths) {
        ExportItem item{path, nullptr, std::nullopt};
        if (m_current && QFileInfo(path) == QFileInfo(m_current->path)) {
            item.photo = m_current->photo;
            item.recipe = m_session->recipe();
        }
        items.push_back(std::move(item));
    }
    auto* progress = new QProgressDialog(tr("Exporting…"), tr("Cancel"), 0, 1000, this);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    progress->setAutoClose(false);
    auto* watcher = new QFutureWatcher<QString>(this);
    // Results: "ok:<path>" or "error:<message>", one per photo, in order.
    connect(watcher, &QFutureWatcher<QString>::progressValueChanged, progress,
            &QProgressDialog::setValue);
    connect(progress, &QProgressDialog::canceled, watcher, &QFutureWatcher<QString>::cancel);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, progress]() {
        QStringList written, errors;
        for (const QString& r : watcher->future().results())
            (r.startsWith("ok:") ? written : errors) << r.mid(r.indexOf(':') + 1);
        if (watcher->isCanceled()) errors << tr("Export cancelled");
        progress->deleteLater();
        watcher->deleteLater();
        if (!errors.isEmpty()) showError(tr("Export: %1").arg(errors.join(QStringLiteral("; "))));
        statusBar()->showMessage(tr("Exported %n photo(s)", nullptr, int(written.size())), 8000);
        Q_EMIT exportFinished(written, errors);
    });
    const DeviceKind device = m_options.device;
    watcher->setFuture(QtConcurrent::run([items, settings, device](QPromise<QString>& promise) {
        promise.setProgressRange(0, 1000);
        const int n = int(items.size());
        for (int i = 0; i < n; ++i) {
            if (promise.isCanceled()) return;
            auto result = exportPhoto(
                items[std::size_t(i)], i + 1, settings,
                [&](double f) {
                    promise.setProgressValue(int(1000 * (i + f) / n));
                    return !promise.isCanceled();
                },
                device);
            promise.addResult(result ? QStringLiteral("ok:") + *result
                                     : QStringLiteral("error:%1: %2")
                                           .arg(QFileInfo(items[std::size_t(i)].path).fileName(),
                                                QString::fromStdString(result.error().message())));
        }
    }));
}

void MainWindow::addRecent(const QString& path) {
    if (!m_options.remember) return;
    QSettings settings;
    QStringList recent = settings.value("recentFiles").toStringList();
    recent.removeAll(QFileInfo(path).absoluteFilePath());
    recent.prepend(QFileInfo(path).absoluteFilePath());
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue("recentFiles", recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent =
        m_options.remember ? QSettings().value("recentFiles").toStringList() : QStringList();
    for (const QString& path : recent) {
        QAction* a = m_recentMenu->addAction(QFileInfo(path).fileName(), this,
                                             [this, path]() { openFile(path); });
        a->setToolTip(path);
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile()) {
            openFile(url.toLocalFile());
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveNow();
    m_worker->cancel();
    event->accept();
}

} // namespace pictor::ui

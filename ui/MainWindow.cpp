#include "MainWindow.h"

#include "DisplayImage.h"
#include "PhotoView.h"
#include "io/Photo.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrent>

#include <utility>

namespace pictor::ui {

struct LoadedPhoto {
    QImage display;
    QString summary;
    QString error;
};

namespace {
constexpr int kDisplayLongEdge = 2560; // enough for a fitted view on a 4K screen

std::shared_ptr<LoadedPhoto> loadForDisplay(const QString& path) {
    auto result = std::make_shared<LoadedPhoto>();
    LoadOptions options;
    options.maxPixels = defaultMaxPixels();
    auto photo = loadPhoto(path.toStdString(), options);
    if (!photo) {
        result->error = QString::fromStdString(photo.error().message());
        return result;
    }
    result->display = toDisplayImage(photo->pixels, kDisplayLongEdge);
    // "5312 × 2988 · JPEG · sRGB …"; RAW colour descriptions already name the format.
    const QString format = QString::fromStdString(formatName(photo->source.format));
    const QString colour = QString::fromStdString(photo->source.colorProfile);
    result->summary = QStringLiteral("%1 × %2 · %3")
                          .arg(photo->pixels.width())
                          .arg(photo->pixels.height())
                          .arg(colour.startsWith(format) ? colour : format + QStringLiteral(" · ") + colour);
    return result;
}
} // namespace

MainWindow::MainWindow(const QString& deviceDescription, QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("Pictor"));
    m_view = new PhotoView(this);
    setCentralWidget(m_view);

    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::chooseFile);
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    statusBar()->addPermanentWidget(new QLabel(tr("Compute: %1").arg(deviceDescription), this));
    connect(&m_loader, &QFutureWatcher<std::shared_ptr<LoadedPhoto>>::finished, this,
            &MainWindow::loadFinished);
    resize(1200, 800);
}

MainWindow::~MainWindow() { m_loader.waitForFinished(); }

void MainWindow::chooseFile() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open photo"), QString(),
        tr("Photos (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic *.heif *.avif *.dng *.cr2 *.cr3 "
           "*.crw *.nef *.nrw *.arw *.srf *.sr2 *.raf *.orf *.rw2 *.pef *.srw *.x3f *.iiq *.3fr "
           "*.mrw *.kdc *.dcr *.erf *.mos);;All files (*)"));
    if (!path.isEmpty()) openFile(path);
}

void MainWindow::openFile(const QString& path) {
    if (m_loader.isRunning()) { // never block the GUI thread: run it when the current load ends
        m_pendingPath = path;
        return;
    }
    m_loadingPath = path;
    m_view->setMessage(tr("Opening %1…").arg(QFileInfo(path).fileName()));
    statusBar()->showMessage(tr("Opening %1…").arg(path));
    m_loader.setFuture(QtConcurrent::run(loadForDisplay, path));
}

void MainWindow::loadFinished() {
    if (!m_pendingPath.isEmpty()) { // a newer request supersedes this result
        openFile(std::exchange(m_pendingPath, QString()));
        return;
    }
    const auto loaded = m_loader.result();
    if (!loaded->error.isEmpty()) {
        m_view->setImage({});
        m_view->setMessage(loaded->error);
        statusBar()->showMessage(tr("Could not open %1").arg(m_loadingPath));
        Q_EMIT photoShown();
        return;
    }
    m_view->setImage(loaded->display);
    setWindowTitle(tr("%1 — Pictor").arg(QFileInfo(m_loadingPath).fileName()));
    statusBar()->showMessage(loaded->summary);
    Q_EMIT photoShown();
}

} // namespace pictor::ui

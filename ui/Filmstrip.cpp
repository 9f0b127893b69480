#include "Filmstrip.h"

#include "DisplayImage.h"
#include "io/Photo.h"

#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QPromise>
#include <QtConcurrent/QtConcurrent>

namespace pictor::ui {

namespace {
constexpr int kThumb = 96;

QImage loadThumbnail(const QString& path) {
    QImageReader reader(path);
    reader.setAutoTransform(true);
    if (reader.canRead() && reader.size().isValid()) { // JPEG: Qt decodes at a reduced DCT scale
        reader.setScaledSize(reader.size().scaled(kThumb * 2, kThumb * 2, Qt::KeepAspectRatio));
        QImage image = reader.read();
        if (!image.isNull()) return image;
    }
    LoadOptions options; // RAW, HEIF, float TIFF: Pictor's own decoders, RAW at half size
    options.rawHalfSize = true;
    options.maxPixels = defaultMaxPixels();
    auto photo = loadPhoto(path.toStdString(), options);
    return photo ? toDisplayImage(photo->pixels, kThumb * 2) : QImage();
}
} // namespace

QStringList photoNameFilters() {
    QStringList patterns;
    for (const char* ext :
         {"jpg", "jpeg", "png", "tif", "tiff", "webp", "heic", "heif", "avif", "dng", "cr2",
          "cr3", "crw",  "nef", "nrw", "arw",  "srf",  "sr2",  "raf",  "orf",  "rw2", "pef",
          "srw", "x3f",  "iiq", "3fr", "mrw",  "kdc",  "dcr",  "erf",  "mos"})
        patterns << QStringLiteral("*.%1").arg(QLatin1String(ext))
                 << QStringLiteral("*.%1").arg(QLatin1String(ext)).toUpper();
    return patterns;
}

Filmstrip::Filmstrip(QWidget* parent)
    : QListWidget(parent) {
    setViewMode(QListView::IconMode);
    setFlow(QListView::LeftToRight);
    setWrapping(false);
    setMovement(QListView::Static);
    setIconSize(QSize(kThumb, kThumb));
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setFixedHeight(kThumb + 44);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setTextElideMode(Qt::ElideMiddle);
    setStyleSheet(
        QStringLiteral("QListWidget { background: #2b2b2b; color: #ddd; border: none; }"));
    setGridSize(QSize(kThumb + 24, kThumb + 22));
    connect(&m_thumbnails, &QFutureWatcher<Thumbnail>::resultReadyAt, this,
            &Filmstrip::thumbnailReady);
    connect(this, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        const QString path = item->data(Qt::UserRole).toString();
        if (path != m_current && selectedItems().size() <= 1) Q_EMIT photoActivated(path);
    });
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const QString path = item->data(Qt::UserRole).toString();
        if (path != m_current) Q_EMIT photoActivated(path);
    });
}

Filmstrip::~Filmstrip() {
    m_thumbnails.cancel();
    m_thumbnails.waitForFinished();
}

void Filmstrip::showFolderOf(const QString& photo) {
    const QFileInfo info(photo);
    const QString folder = info.absolutePath();
    m_current = info.absoluteFilePath();
    if (folder != m_folder) {
        m_thumbnails.cancel();
        m_thumbnails.waitForFinished();
        clear();
        m_folder = folder;
        const QFileInfoList files =
            QDir(folder).entryInfoList(photoNameFilters(), QDir::Files, QDir::Name);
        QStringList paths;
        for (const QFileInfo& f : files) {
            auto* item = new QListWidgetItem(f.fileName(), this);
            item->setData(Qt::UserRole, f.absoluteFilePath());
            item->setToolTip(f.fileName());
            item->setSizeHint(QSize(kThumb + 20, kThumb + 20));
            paths << f.absoluteFilePath();
        }
        m_thumbnails.setFuture(QtConcurrent::run([paths](QPromise<Thumbnail>& promise) {
            for (const QString& path : paths) {
                if (promise.isCanceled()) return;
                promise.addResult(Thumbnail{path, loadThumbnail(path)});
            }
        }));
    }
    for (int i = 0; i < count(); ++i) {
        if (item(i)->data(Qt::UserRole).toString() == m_current) {
            const QSignalBlocker block(this);
            setCurrentItem(item(i), QItemSelectionModel::ClearAndSelect);
            scrollToItem(item(i));
        }
    }
}

void Filmstrip::thumbnailReady(int index) {
    const Thumbnail t = m_thumbnails.resultAt(index);
    if (index < count() && item(index)->data(Qt::UserRole).toString() == t.path &&
        !t.image.isNull())
        item(index)->setIcon(QIcon(QPixmap::fromImage(t.image)));
}

QStringList Filmstrip::selectedPaths() const {
    QStringList paths;
    for (const QListWidgetItem* item : selectedItems())
        paths << item->data(Qt::UserRole).toString();
    if (paths.isEmpty() && !m_current.isEmpty()) paths << m_current;
    return paths;
}

} // namespace pictor::ui

#pragma once
// The photos of the open photo's folder as a strip of thumbnails, for moving between them.
// Thumbnails load in the background, nearest first, and stop when the folder changes.
#include <QFutureWatcher>
#include <QImage>
#include <QListWidget>

namespace pictor::ui {

struct Thumbnail {
    QString path;
    QImage image;
};

class Filmstrip : public QListWidget {
    Q_OBJECT
public:
    explicit Filmstrip(QWidget* parent = nullptr);
    ~Filmstrip() override;

    // Shows the folder of `photo` (re-listed only when the folder changes) and selects it.
    void showFolderOf(const QString& photo);
    QStringList selectedPaths() const; // the current photo when nothing else is selected
    QString folder() const { return m_folder; }

Q_SIGNALS:
    void photoActivated(const QString& path);

private:
    void thumbnailReady(int index);

    QString m_folder;
    QString m_current;
    QFutureWatcher<Thumbnail> m_thumbnails;
};

// File-name patterns of the photos Pictor opens ("*.jpg", "*.nef", …).
QStringList photoNameFilters();

} // namespace pictor::ui

#pragma once
// The image-info panel: camera, lens, exposure, ISO, focal length, capture time, size — what a
// photographer checks first, from the file's metadata.
#include <QLabel>

namespace pictor {
struct Photo;
struct MetadataSummary;
} // namespace pictor

namespace pictor::ui {

class PhotoInfo : public QLabel {
    Q_OBJECT
public:
    explicit PhotoInfo(QWidget* parent = nullptr);
    void showPhoto(const Photo* photo, const QString& summary); // nullptr clears
};

// "1/250 s · f/2.8 · ISO 400 · 35 mm" (what the file lacks is left out).
QString exposureLine(const MetadataSummary& summary);

} // namespace pictor::ui

#pragma once
// Opening a photo for editing, off the GUI thread: the full-resolution photo (kept for export),
// a preview copy that renders run on, the unedited display image and its histogram, and the
// recipe saved in the photo's sidecar.
#include "Histogram.h"
#include "io/Photo.h"
#include "recipe/Recipe.h"

#include <QImage>
#include <QString>
#include <QStringList>

#include <memory>

namespace pictor::ui {

struct LoadedPhoto {
    QString path;
    std::shared_ptr<const Photo> photo;
    std::shared_ptr<const Image> preview; // long edge ≤ the requested preview size
    double pixelScale = 1;                // preview pixels per full-resolution pixel
    SourceWhite white;                    // as-shot for RAW, D65 otherwise
    QImage before;                        // the preview, unedited, for the screen
    Histogram beforeHistogram;
    QString summary;   // "5312 × 2988 · JPEG · sRGB (embedded ICC)"
    Recipe recipe;     // from the sidecar; empty when there is none
    QStringList notes; // what reading the sidecar reported (kept unknown keys, migrations …)
    QString error;     // empty on success
    double seconds = 0;
};

std::shared_ptr<LoadedPhoto> loadForEditing(const QString& path, int previewLongEdge);

// The photo's own white: what an absent white-balance param means (Recipe.h).
SourceWhite sourceWhiteOf(const Photo& photo);

} // namespace pictor::ui

#pragma once
// Opening a photo for editing, off the GUI thread: a preview copy that renders run on, the
// unedited display image and its histogram, the recipe saved in the photo's sidecar, and the
// full-resolution photo (kept for export and the Critic). A JPEG's preview comes from a fast
// reduced decode (LoadOptions::previewLongEdge) so that it is on screen in a fraction of the time
// a full 24 MP decode takes; its full-resolution photo is then decoded by loadFullPhoto().
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
    // Full resolution. Null after a reduced preview decode until loadFullPhoto() supplies it.
    std::shared_ptr<const Photo> photo;
    // Where the photo came from and its metadata (the info panel); its pixels may be gone.
    std::shared_ptr<const Photo> description;
    int fullWidth = 0; // the full-resolution size, upright
    int fullHeight = 0;
    std::shared_ptr<const Image> preview; // long edge ≤ the requested preview size
    std::shared_ptr<const Image> draft;   // smaller still, for drag frames; null when not asked
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

// `draftLongEdge` > 0: also a draft copy that size when the preview is larger.
std::shared_ptr<LoadedPhoto> loadForEditing(const QString& path, int previewLongEdge,
                                            int draftLongEdge = 0);

// The full-resolution photo after a reduced preview decode; `error` says why not when null.
struct FullPhoto {
    std::shared_ptr<const Photo> photo;
    QString error;
};
FullPhoto loadFullPhoto(const QString& path);

// The photo's own white: what an absent white-balance param means (Recipe.h).
SourceWhite sourceWhiteOf(const Photo& photo);

} // namespace pictor::ui

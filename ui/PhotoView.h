#pragma once
// The central view: the edited photo on a neutral grey surround (so that the surround does not
// bias colour judgement), with zoom (fit, 100 %, wheel, keys), pan by dragging, and before/after
// comparison as a split with a draggable divider, side by side, or a toggle (`\`).
//
// The images are previews (a reduced copy of the photo); `fullWidth` says how wide the photo
// really is, so that "100 %" means one photo pixel per screen pixel.
#include <QImage>
#include <QWidget>

namespace pictor::ui {

enum class CompareMode { Off, Split, SideBySide };

class PhotoView : public QWidget {
    Q_OBJECT
public:
    explicit PhotoView(QWidget* parent = nullptr);

    // A new photo: `before` unedited; the after image starts equal to it; the view fits it.
    void setPhoto(const QImage& before, int fullWidth);
    void setAfter(const QImage& after);
    void clearPhoto();
    void setMessage(const QString& message);   // shown instead of a photo (loading, errors)
    void setBusy(bool busy, int percent = -1); // the render progress indicator

    void setCompareMode(CompareMode mode);
    CompareMode compareMode() const { return m_compare; }
    void toggleBefore(); // `\`: show the unedited photo until toggled again
    bool showingBefore() const { return m_showBefore; }

    void zoomToFit();
    void zoomTo100();
    void zoomBy(double factor, QPointF anchor = {-1, -1});
    bool fitted() const { return m_fit; }
    double zoom() const; // screen pixels per full-resolution photo pixel

    const QImage& image() const { return m_after; }
    const QImage& beforeImage() const { return m_before; }
    const QString& message() const { return m_message; }
    double splitPosition() const { return m_split; }
    void setSplitPosition(double fraction);

    QSize sizeHint() const override { return {960, 640}; }

Q_SIGNALS:
    void zoomChanged(double zoom);
    void compareChanged();
    // A paint put the photo on screen; `afterKey` is the cacheKey() of the edited image it drew,
    // so a new key means a newly rendered frame reached the screen (--bench-ui counts these).
    void photoPainted(qint64 afterKey);

protected:
    void paintEvent(QPaintEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QRectF paneRect(int pane, int panes) const; // side by side: the two halves
    double fitScale(const QRectF& pane) const;  // screen px per preview px when fitted
    double previewScale(const QRectF& pane) const;
    QRectF imageRect(const QRectF& pane) const; // where the preview lands on screen
    void clampPan();
    bool nearDivider(QPointF pos) const;
    void drawPane(QPainter& painter, const QImage& image, const QRectF& pane, const QString& label);

    QImage m_before;
    QImage m_after;
    QString m_message;
    int m_fullWidth = 0;
    bool m_fit = true;
    double m_zoom = 1.0; // screen px per full-resolution px, when not fitted
    QPointF m_pan;       // offset of the image centre from the pane centre, screen px
    CompareMode m_compare = CompareMode::Off;
    bool m_showBefore = false;
    double m_split = 0.5; // divider position, fraction of the image width
    bool m_busy = false;
    int m_percent = -1;
    enum class Drag { None, Pan, Divider } m_drag = Drag::None;
    QPointF m_dragLast;
};

} // namespace pictor::ui

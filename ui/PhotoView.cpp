#include "PhotoView.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace pictor::ui {

namespace {
const QColor kSurround(64, 64, 64);
constexpr double kMinZoom = 0.02;
constexpr double kMaxZoom = 16.0;
constexpr int kMargin = 12;
constexpr int kBusyBarHeight = 4; // the rendering indicator along the top edge
} // namespace

PhotoView::PhotoView(QWidget* parent)
    : QWidget(parent) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setMinimumSize(320, 240);
}

void PhotoView::setPhoto(const QImage& before, int fullWidth) {
    m_before = before;
    m_after = before;
    m_fullWidth = std::max(fullWidth, before.width());
    m_message.clear();
    m_showBefore = false;
    zoomToFit();
}

void PhotoView::setAfter(const QImage& after) {
    m_after = after;
    update();
}

void PhotoView::clearPhoto() {
    m_before = m_after = QImage();
    m_fullWidth = 0;
    update();
}

void PhotoView::setMessage(const QString& message) {
    m_message = message;
    update();
}

void PhotoView::setBusy(bool busy, int percent) {
    if (busy == m_busy && percent == m_percent) return;
    m_busy = busy;
    m_percent = percent;
    // Only the bar's strip: a render reports progress after every stage, and repainting the
    // whole view each time cost the GUI thread a few milliseconds a report during a drag.
    update(QRect(0, 0, width(), kBusyBarHeight));
}

void PhotoView::setCompareMode(CompareMode mode) {
    m_compare = mode;
    m_showBefore = false;
    clampPan();
    update();
    Q_EMIT compareChanged();
}

void PhotoView::toggleBefore() {
    m_showBefore = !m_showBefore;
    update();
    Q_EMIT compareChanged();
}

void PhotoView::setSplitPosition(double fraction) {
    m_split = std::clamp(fraction, 0.0, 1.0);
    update();
}

QRectF PhotoView::paneRect(int pane, int panes) const {
    const QRectF all = QRectF(rect()).adjusted(kMargin, kMargin, -kMargin, -kMargin);
    if (panes == 1) return all;
    const double w = (all.width() - kMargin) / 2;
    return {all.left() + pane * (w + kMargin), all.top(), w, all.height()};
}

double PhotoView::fitScale(const QRectF& pane) const {
    if (m_after.isNull()) return 1;
    const double s = std::min(pane.width() / m_after.width(), pane.height() / m_after.height());
    // A small photo is shown at 100 % rather than blown up.
    return std::min(s, double(m_fullWidth) / m_after.width());
}

double PhotoView::previewScale(const QRectF& pane) const {
    if (m_fit) return fitScale(pane);
    return m_zoom * double(m_fullWidth) / std::max(1, m_after.width());
}

double PhotoView::zoom() const {
    if (m_after.isNull() || m_fullWidth == 0) return 1;
    const int panes = m_compare == CompareMode::SideBySide ? 2 : 1;
    return previewScale(paneRect(0, panes)) * m_after.width() / double(m_fullWidth);
}

QRectF PhotoView::imageRect(const QRectF& pane) const {
    const double s = previewScale(pane);
    const QSizeF size(m_after.width() * s, m_after.height() * s);
    const QPointF centre = pane.center() + (m_fit ? QPointF() : m_pan);
    return {centre - QPointF(size.width() / 2, size.height() / 2), size};
}

void PhotoView::clampPan() {
    if (m_after.isNull()) return;
    const int panes = m_compare == CompareMode::SideBySide ? 2 : 1;
    const QRectF pane = paneRect(0, panes);
    const double s = previewScale(pane);
    // The image may move until its edge reaches the pane's centre line, no further.
    const double maxX = std::max(0.0, (m_after.width() * s - pane.width()) / 2);
    const double maxY = std::max(0.0, (m_after.height() * s - pane.height()) / 2);
    m_pan.setX(std::clamp(m_pan.x(), -maxX, maxX));
    m_pan.setY(std::clamp(m_pan.y(), -maxY, maxY));
}

void PhotoView::zoomToFit() {
    m_fit = true;
    m_pan = {};
    update();
    Q_EMIT zoomChanged(zoom());
}

void PhotoView::zoomTo100() {
    m_fit = false;
    m_zoom = 1.0;
    clampPan();
    update();
    Q_EMIT zoomChanged(zoom());
}

void PhotoView::zoomBy(double factor, QPointF anchor) {
    if (m_after.isNull()) return;
    const int panes = m_compare == CompareMode::SideBySide ? 2 : 1;
    const QRectF pane = paneRect(0, panes);
    const double before = zoom();
    const double after = std::clamp(before * factor, kMinZoom, kMaxZoom);
    if (anchor.x() < 0) anchor = pane.center();
    // Keep the photo point under the anchor where it is: pan scales about the anchor.
    const QPointF centre = pane.center() + (m_fit ? QPointF() : m_pan);
    const QPointF offset = centre - anchor;
    m_pan = anchor + offset * (after / before) - pane.center();
    m_fit = false;
    m_zoom = after;
    if (m_zoom <= fitScale(pane) * m_after.width() / double(m_fullWidth) + 1e-9) {
        m_fit = true; // zooming out past "fit" snaps back to fit
        m_pan = {};
    }
    clampPan();
    update();
    Q_EMIT zoomChanged(zoom());
}

bool PhotoView::nearDivider(QPointF pos) const {
    if (m_compare != CompareMode::Split || m_after.isNull() || m_showBefore) return false;
    const QRectF r = imageRect(paneRect(0, 1));
    const double x = r.left() + m_split * r.width();
    return std::abs(pos.x() - x) <= 6 && pos.y() >= r.top() && pos.y() <= r.bottom();
}

void PhotoView::drawPane(QPainter& painter, const QImage& image, const QRectF& pane,
                         const QString& label) {
    painter.save();
    painter.setClipRect(pane);
    painter.drawImage(imageRect(pane), image);
    if (!label.isEmpty()) {
        const QRectF box(pane.left() + 8, pane.top() + 8,
                         painter.fontMetrics().horizontalAdvance(label) + 16, 22);
        painter.fillRect(box, QColor(0, 0, 0, 150));
        painter.setPen(Qt::white);
        painter.drawText(box, Qt::AlignCenter, label);
    }
    painter.restore();
}

void PhotoView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), kSurround);
    if (!m_message.isEmpty() || m_after.isNull()) {
        painter.setPen(QColor(220, 220, 220));
        painter.drawText(rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap,
                         m_message.isEmpty() ? tr("Open a photo (Ctrl+O) or drop one here")
                                             : m_message);
    } else {
        // Smooth scaling below 100 % of the photo (a preview reduced to the pane, or a drag's
        // smaller draft enlarged to it: softer, not blocky); nearest neighbour from 100 %, so
        // that the photo's pixels stay visible.
        painter.setRenderHint(QPainter::SmoothPixmapTransform, zoom() < 1.0);
        if (m_showBefore) {
            drawPane(painter, m_before, paneRect(0, 1), tr("Before"));
        } else if (m_compare == CompareMode::SideBySide) {
            drawPane(painter, m_before, paneRect(0, 2), tr("Before"));
            drawPane(painter, m_after, paneRect(1, 2), tr("After"));
        } else if (m_compare == CompareMode::Split) {
            const QRectF pane = paneRect(0, 1);
            const QRectF r = imageRect(pane);
            const double x = r.left() + m_split * r.width();
            painter.save();
            painter.setClipRect(QRectF(pane.left(), pane.top(), x - pane.left(), pane.height()));
            painter.drawImage(r, m_before);
            painter.setClipRect(QRectF(x, pane.top(), pane.right() - x, pane.height()));
            painter.drawImage(r, m_after);
            painter.restore();
            painter.setPen(QPen(Qt::white, 2));
            painter.drawLine(QPointF(x, std::max(r.top(), pane.top())),
                             QPointF(x, std::min(r.bottom(), pane.bottom())));
            painter.setBrush(Qt::white);
            painter.drawEllipse(QPointF(x, pane.center().y()), 6, 6);
            drawPane(painter, QImage(), QRectF(pane.left(), pane.top(), 200, 40), tr("Before"));
            drawPane(painter, QImage(), QRectF(pane.right() - 80, pane.top(), 80, 40), tr("After"));
        } else {
            drawPane(painter, m_after, paneRect(0, 1), QString());
        }
    }
    if (m_busy) { // a thin bar along the top edge: rendering, with progress when known
        const double fraction = m_percent >= 0 ? m_percent / 100.0 : 1.0;
        painter.fillRect(QRectF(0, 0, width(), kBusyBarHeight), QColor(0, 0, 0, 120));
        painter.fillRect(QRectF(0, 0, width() * fraction, kBusyBarHeight), QColor(90, 160, 255));
    }
    if (m_message.isEmpty() && !m_after.isNull()) Q_EMIT photoPainted(m_after.cacheKey());
}

void PhotoView::wheelEvent(QWheelEvent* event) {
    if (m_after.isNull()) return;
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) return;
    zoomBy(std::pow(1.25, steps), event->position());
    event->accept();
}

void PhotoView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || m_after.isNull()) return;
    m_dragLast = event->position();
    if (nearDivider(event->position()))
        m_drag = Drag::Divider;
    else if (!m_fit) {
        m_drag = Drag::Pan;
        setCursor(Qt::ClosedHandCursor);
    }
}

void PhotoView::mouseMoveEvent(QMouseEvent* event) {
    if (m_drag == Drag::Divider) {
        const QRectF r = imageRect(paneRect(0, 1));
        setSplitPosition((event->position().x() - r.left()) / std::max(1.0, r.width()));
    } else if (m_drag == Drag::Pan) {
        m_pan += event->position() - m_dragLast;
        m_dragLast = event->position();
        clampPan();
        update();
    } else {
        setCursor(nearDivider(event->position()) ? Qt::SplitHCursor
                  : m_fit                        ? Qt::ArrowCursor
                                                 : Qt::OpenHandCursor);
    }
}

void PhotoView::mouseReleaseEvent(QMouseEvent*) {
    m_drag = Drag::None;
    unsetCursor();
}

void PhotoView::mouseDoubleClickEvent(QMouseEvent* event) {
    // As in Lightroom: a double click toggles between fit and 100 % at the clicked point.
    if (m_fit) {
        zoomBy(1.0 / std::max(1e-6, zoom()), event->position());
    } else {
        zoomToFit();
    }
}

void PhotoView::keyPressEvent(QKeyEvent* event) {
    const QPointF step =
        event->modifiers() & Qt::ShiftModifier ? QPointF(200, 200) : QPointF(40, 40);
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.25);
        break;
    case Qt::Key_Minus:
        zoomBy(0.8);
        break;
    case Qt::Key_0:
        zoomToFit();
        break;
    case Qt::Key_1:
        zoomTo100();
        break;
    case Qt::Key_Backslash:
        toggleBefore();
        break;
    case Qt::Key_Left:
        m_pan.rx() += step.x();
        clampPan();
        update();
        break;
    case Qt::Key_Right:
        m_pan.rx() -= step.x();
        clampPan();
        update();
        break;
    case Qt::Key_Up:
        m_pan.ry() += step.y();
        clampPan();
        update();
        break;
    case Qt::Key_Down:
        m_pan.ry() -= step.y();
        clampPan();
        update();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void PhotoView::resizeEvent(QResizeEvent*) {
    clampPan();
    if (m_fit) Q_EMIT zoomChanged(zoom());
}

} // namespace pictor::ui

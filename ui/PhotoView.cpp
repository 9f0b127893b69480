#include "PhotoView.h"

#include <QPainter>

namespace pictor::ui {

PhotoView::PhotoView(QWidget* parent) : QWidget(parent) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(320, 240);
}

void PhotoView::setImage(const QImage& image) {
    m_image = image;
    m_message.clear();
    update();
}

void PhotoView::setMessage(const QString& message) {
    m_message = message;
    update();
}

void PhotoView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), QColor(64, 64, 64));
    if (!m_message.isEmpty() || m_image.isNull()) {
        painter.setPen(QColor(220, 220, 220));
        painter.drawText(rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap,
                         m_message.isEmpty() ? tr("Open a photo (Ctrl+O)") : m_message);
        return;
    }
    const QSize fitted = m_image.size().scaled(size() - QSize(24, 24), Qt::KeepAspectRatio);
    const QSize shown = m_image.width() <= fitted.width() ? m_image.size() : fitted;
    const QRect target(QPoint((width() - shown.width()) / 2, (height() - shown.height()) / 2), shown);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(target, m_image);
}

} // namespace pictor::ui

#pragma once
// Shows one photo, fitted to the widget, on a neutral grey surround (as editors do, so that the
// surround does not bias colour judgement).
#include <QImage>
#include <QWidget>

namespace pictor::ui {

class PhotoView : public QWidget {
    Q_OBJECT
public:
    explicit PhotoView(QWidget* parent = nullptr);
    void setImage(const QImage& image);
    void setMessage(const QString& message); // shown instead of a photo (loading, errors)
    QSize sizeHint() const override { return {960, 640}; }
    const QImage& image() const { return m_image; }
    const QString& message() const { return m_message; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QImage m_image;
    QString m_message;
};

} // namespace pictor::ui

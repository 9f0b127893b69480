#include "PhotoInfo.h"

#include "io/Photo.h"

namespace pictor::ui {

QString exposureLine(const MetadataSummary& m) {
    QStringList parts;
    if (!m.exposureTime.empty())
        parts << QString::fromStdString(m.exposureTime);
    else if (m.exposureSeconds) {
        const double s = *m.exposureSeconds;
        parts << (s < 1 && s > 0 ? QStringLiteral("1/%1 s").arg(qRound(1 / s))
                                 : QStringLiteral("%1 s").arg(s));
    }
    if (m.fNumber) parts << QStringLiteral("f/%1").arg(*m.fNumber, 0, 'g', 3);
    if (m.iso) parts << QStringLiteral("ISO %1").arg(*m.iso);
    if (m.focalLengthMm) parts << QStringLiteral("%1 mm").arg(*m.focalLengthMm, 0, 'g', 4);
    return parts.join(QStringLiteral(" · "));
}

PhotoInfo::PhotoInfo(QWidget* parent)
    : QLabel(parent) {
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setAlignment(Qt::AlignTop | Qt::AlignLeft);
    setMargin(6);
    showPhoto(nullptr, {});
}

void PhotoInfo::showPhoto(const Photo* photo, const QString& summary) {
    if (!photo) {
        setText(tr("No photo open"));
        return;
    }
    const MetadataSummary m = photo->metadata ? photo->metadata->summary() : MetadataSummary{};
    QString make = QString::fromStdString(m.cameraMake),
            model = QString::fromStdString(m.cameraModel);
    if (photo->source.raw && model.isEmpty()) {
        make = QString::fromStdString(photo->source.raw->cameraMake);
        model = QString::fromStdString(photo->source.raw->cameraModel);
    }
    // Models often repeat the make ("Canon" + "Canon EOS R5"): show it once.
    const QString camera =
        model.startsWith(make, Qt::CaseInsensitive) ? model : (make + ' ' + model).trimmed();
    const auto row = [](const QString& label, const QString& value) {
        return QStringLiteral(
                   "<tr><td style='color:#999;padding-right:8px'>%1</td><td>%2</td></tr>")
            .arg(label.toHtmlEscaped(),
                 value.isEmpty() ? QStringLiteral("—") : value.toHtmlEscaped());
    };
    QString html =
        QStringLiteral("<b>%1</b><table>")
            .arg(QString::fromStdString(photo->source.path.filename().string()).toHtmlEscaped());
    html += row(tr("Camera"), camera);
    html += row(tr("Lens"), QString::fromStdString(m.lens));
    html += row(tr("Exposure"), exposureLine(m));
    html += row(tr("Taken"), QString::fromStdString(m.captureTime));
    html += row(tr("Image"), summary);
    html += QStringLiteral("</table>");
    setText(html);
}

} // namespace pictor::ui

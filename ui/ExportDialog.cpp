#include "ExportDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>

namespace pictor::ui {

ExportDialog::ExportDialog(const QStringList& photos, QWidget* parent)
    : QDialog(parent)
    , m_photos(photos) {
    setWindowTitle(tr("Export %n photo(s)", nullptr, int(photos.size())));
    auto* form = new QFormLayout;
    m_format = new QComboBox(this);
    m_format->addItem(tr("JPEG"), "jpg");
    m_format->addItem(tr("TIFF (16-bit capable)"), "tif");
    m_format->addItem(tr("PNG (16-bit capable)"), "png");
    m_quality = new QSpinBox(this);
    m_quality->setRange(1, 100);
    m_colorSpace = new QComboBox(this);
    for (auto space : {OutputColorSpace::SRgb, OutputColorSpace::DisplayP3,
                       OutputColorSpace::AdobeRgb, OutputColorSpace::Rec2020})
        m_colorSpace->addItem(QString::fromStdString(colorSpaceName(space)), int(space));
    m_depth = new QComboBox(this);
    m_depth->addItem(tr("8 bits per channel"), 8);
    m_depth->addItem(tr("16 bits per channel"), 16);
    m_longEdge = new QSpinBox(this);
    m_longEdge->setRange(0, 100000);
    m_longEdge->setSpecialValueText(tr("Full size"));
    m_longEdge->setSuffix(tr(" px"));
    m_longEdge->setSingleStep(100);
    m_metadata = new QComboBox(this);
    m_metadata->addItem(tr("Keep all"), int(MetadataStrip::None));
    m_metadata->addItem(tr("Remove location (GPS)"), int(MetadataStrip::Gps));
    m_metadata->addItem(tr("Remove all"), int(MetadataStrip::All));
    m_template = new QLineEdit(this);
    m_template->setToolTip(
        tr("{name}: the photo's name, {n}: its number in the export, {date}: today"));
    m_destination = new QLineEdit(this);
    m_destination->setPlaceholderText(tr("The photo's own folder"));
    auto* browse = new QPushButton(tr("Choose…"), this);
    auto* destinationRow = new QHBoxLayout;
    destinationRow->addWidget(m_destination, 1);
    destinationRow->addWidget(browse);
    m_example = new QLabel(this);
    m_example->setWordWrap(true);

    form->addRow(tr("Format"), m_format);
    form->addRow(tr("Quality"), m_quality);
    form->addRow(tr("Colour space"), m_colorSpace);
    form->addRow(tr("Bit depth"), m_depth);
    form->addRow(tr("Long edge"), m_longEdge);
    form->addRow(tr("Metadata"), m_metadata);
    form->addRow(tr("File name"), m_template);
    form->addRow(tr("Destination"), destinationRow);
    form->addRow(QString(), m_example);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, [this]() {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Export to"), m_destination->text());
        if (!dir.isEmpty()) m_destination->setText(dir);
    });
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    setSettings(saved());
    for (QComboBox* c : {m_format, m_depth})
        connect(c, &QComboBox::currentIndexChanged, this, &ExportDialog::updateState);
    connect(m_template, &QLineEdit::textChanged, this, &ExportDialog::updateState);
    connect(m_destination, &QLineEdit::textChanged, this, &ExportDialog::updateState);
    updateState();
}

void ExportDialog::updateState() {
    const bool jpeg = m_format->currentData().toString() == "jpg";
    m_quality->setEnabled(jpeg);
    if (jpeg) m_depth->setCurrentIndex(0); // JPEG holds 8 bits only
    m_depth->setEnabled(!jpeg);
    if (!m_photos.isEmpty()) {
        const ExportSettings s = settings();
        const QString folder =
            s.destination.isEmpty() ? QFileInfo(m_photos.first()).absolutePath() : s.destination;
        m_example->setText(tr("e.g. %1").arg(QDir(folder).filePath(
            exportFileName(s.nameTemplate, m_photos.first(), 1, s.extension))));
    }
}

ExportSettings ExportDialog::settings() const {
    ExportSettings s;
    s.extension = m_format->currentData().toString();
    s.quality = m_quality->value();
    s.colorSpace = OutputColorSpace(m_colorSpace->currentData().toInt());
    s.depth = m_depth->currentData().toInt();
    s.longEdge = m_longEdge->value();
    s.strip = MetadataStrip(m_metadata->currentData().toInt());
    s.nameTemplate = m_template->text();
    s.destination = m_destination->text().trimmed();
    return s;
}

void ExportDialog::setSettings(const ExportSettings& s) {
    m_format->setCurrentIndex(std::max(0, m_format->findData(s.extension)));
    m_quality->setValue(s.quality);
    m_colorSpace->setCurrentIndex(std::max(0, m_colorSpace->findData(int(s.colorSpace))));
    m_depth->setCurrentIndex(s.depth == 16 ? 1 : 0);
    m_longEdge->setValue(s.longEdge);
    m_metadata->setCurrentIndex(std::max(0, m_metadata->findData(int(s.strip))));
    m_template->setText(s.nameTemplate);
    m_destination->setText(s.destination);
}

ExportSettings ExportDialog::saved() {
    QSettings q;
    ExportSettings s;
    q.beginGroup("export");
    s.extension = q.value("format", s.extension).toString();
    s.quality = q.value("quality", s.quality).toInt();
    s.colorSpace = OutputColorSpace(q.value("colorSpace", int(s.colorSpace)).toInt());
    s.depth = q.value("depth", s.depth).toInt();
    s.longEdge = q.value("longEdge", s.longEdge).toInt();
    s.strip = MetadataStrip(q.value("strip", int(s.strip)).toInt());
    s.nameTemplate = q.value("template", s.nameTemplate).toString();
    s.destination = q.value("destination", s.destination).toString();
    return s;
}

void ExportDialog::save(const ExportSettings& s) {
    QSettings q;
    q.beginGroup("export");
    q.setValue("format", s.extension);
    q.setValue("quality", s.quality);
    q.setValue("colorSpace", int(s.colorSpace));
    q.setValue("depth", s.depth);
    q.setValue("longEdge", s.longEdge);
    q.setValue("strip", int(s.strip));
    q.setValue("template", s.nameTemplate);
    q.setValue("destination", s.destination);
}

} // namespace pictor::ui

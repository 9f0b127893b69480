#pragma once
// The export dialog: format, quality, colour space, bit depth, long edge, metadata, file-name
// template and destination. Remembers the last choices.
#include "ExportJob.h"

#include <QDialog>

class QComboBox;
class QSpinBox;
class QLineEdit;
class QLabel;

namespace pictor::ui {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    ExportDialog(const QStringList& photos, QWidget* parent = nullptr);
    ExportSettings settings() const;
    void setSettings(const ExportSettings& settings);

    static ExportSettings saved();           // from QSettings (defaults when none)
    static void save(const ExportSettings&); // to QSettings

private:
    void updateState();

    QStringList m_photos;
    QComboBox* m_format = nullptr;
    QSpinBox* m_quality = nullptr;
    QComboBox* m_colorSpace = nullptr;
    QComboBox* m_depth = nullptr;
    QSpinBox* m_longEdge = nullptr;
    QComboBox* m_metadata = nullptr;
    QLineEdit* m_template = nullptr;
    QLineEdit* m_destination = nullptr;
    QLabel* m_example = nullptr;
};

} // namespace pictor::ui

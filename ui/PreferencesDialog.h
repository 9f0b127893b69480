#pragma once
// Preferences: the UI language (applies at the next start, as all text is built once).
#include <QDialog>

class QComboBox;

namespace pictor::ui {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);
    void accept() override;

private:
    QComboBox* m_language = nullptr;
};

} // namespace pictor::ui

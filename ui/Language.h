#pragma once
// The UI language: the system locale by default, or the one chosen in Preferences (QSettings
// "language"). Translations are built from translations/*.ts and embedded under :/i18n.
#include <QLocale>
#include <QString>
#include <QVector>

class QCoreApplication;

namespace pictor::ui {

struct Language {
    QString code; // "" = follow the system, else "en", "de", "ja", "zh_CN"
    QString name; // in its own language
};

QVector<Language> availableLanguages();
QString chosenLanguage(); // "" when following the system
void setChosenLanguage(const QString& code);
QLocale effectiveLocale(); // the chosen language's, or the system's
// Installs Pictor's and Qt's own translations for effectiveLocale(); false when none exists
// (English needs none).
bool installTranslations(QCoreApplication& app);

} // namespace pictor::ui

#include "Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace pictor::ui {

QVector<Language> availableLanguages() {
    return {{QString(), QCoreApplication::translate("pictor::ui::Language", "System default")},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")},
            {QStringLiteral("ja"), QStringLiteral("日本語")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

QString chosenLanguage() {
    return QSettings().value("language").toString();
}

void setChosenLanguage(const QString& code) {
    QSettings settings;
    if (code.isEmpty())
        settings.remove("language");
    else
        settings.setValue("language", code);
}

QLocale effectiveLocale() {
    const QString code = chosenLanguage();
    return code.isEmpty() ? QLocale::system() : QLocale(code);
}

bool installTranslations(QCoreApplication& app) {
    const QLocale locale = effectiveLocale();
    QLocale::setDefault(locale);
    auto* pictor = new QTranslator(&app);
    const bool ours = pictor->load(locale, QStringLiteral("pictor"), QStringLiteral("_"),
                                   QStringLiteral(":/i18n"));
    if (ours)
        QCoreApplication::installTranslator(pictor);
    else
        delete pictor;
    // Qt's own strings (standard dialog buttons) when Debian's qt6-translations are installed.
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return ours;
}

} // namespace pictor::ui

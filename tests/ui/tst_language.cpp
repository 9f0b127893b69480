// Japanese and Simplified Chinese: chosen in Preferences, loaded from the embedded .qm files
// (:/i18n, built from translations/*.ts as for the app) through Language.cpp, they translate the
// window and the Critic's reasoning. A missing or empty .qm, a string the code no longer marks,
// or a translation that lost a placeholder or an accelerator fails here.
#include "Language.h"
#include "MainWindow.h"
#include "critic/Critic.h"
#include "image/Resize.h"
#include "io/Photo.h"
#include "pipeline/Render.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace pictor;

namespace {

// Kana or CJK ideographs: text in Japanese or Chinese rather than the English source.
bool hasCjk(const QString& text) {
    for (const QChar c : text)
        if (c.unicode() >= 0x3040 && c.unicode() <= 0x9fff) return true;
    return false;
}
bool hasCjk(const std::string& text) {
    return hasCjk(QString::fromStdString(text));
}

// Placeholders (%1…%9, %n) a translation must keep, sorted.
QStringList placeholders(const QString& text) {
    QStringList out;
    static const QRegularExpression re(QStringLiteral("%(\\d|n)"));
    for (auto it = re.globalMatch(text); it.hasNext();)
        out << it.next().captured(0);
    out.sort();
    return out;
}

bool hasAccelerator(const QString& text) {
    return QString(text).remove(QStringLiteral("&&")).contains(QLatin1Char('&'));
}

// A darkened copy of the bundled sample: the Critic finds something to explain.
Image darkSample() {
    auto sample = loadPhoto(qEnvironmentVariable("PICTOR_SAMPLE").toStdString());
    if (!sample) return {};
    Recipe dark;
    (void)dark.set("exposure", "exposure", -2.0);
    auto pixels = renderRecipe(resizeToLongEdge(sample->pixels, 480), dark);
    return pixels ? *pixels : Image{};
}

} // namespace

class LanguageTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_settings.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
        QApplication::setOrganizationName("PictorTest");
    }

    void cleanup() {
        for (QTranslator* t : qApp->findChildren<QTranslator*>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        ui::setChosenLanguage({});
        QLocale::setDefault(QLocale::c());
    }

    void windowAndCritic_data() {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("autoEnhance");
        QTest::addColumn<QString>("button");
        QTest::addColumn<QString>("summaryStart");
        // The toolbar button without the bracketed mnemonic ("自動補正(A)" would be Qt's own).
        QTest::newRow("ja") << "ja" << QStringLiteral("自動補正(&A)") << QStringLiteral("自動補正")
                            << QStringLiteral("スコア");
        QTest::newRow("zh_CN") << "zh_CN" << QStringLiteral("自动增强(&A)")
                               << QStringLiteral("自动增强") << QStringLiteral("评分");
    }

    void windowAndCritic() {
        QFETCH(QString, code);
        QFETCH(QString, autoEnhance);
        QFETCH(QString, button);
        QFETCH(QString, summaryStart);
        ui::setChosenLanguage(code);
        QVERIFY2(ui::installTranslations(*qApp), "no embedded .qm for the chosen language");

        ui::MainWindowOptions options;
        options.remember = false;
        ui::MainWindow window("CPU (test)", nullptr, options);
        QAction* enhance = nullptr;
        for (QAction* a : window.findChildren<QAction*>())
            if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_E)) enhance = a;
        QVERIFY(enhance);
        QCOMPARE(enhance->text(), autoEnhance);
        auto* toolbar = window.findChild<QToolBar*>("mainToolbar");
        QVERIFY(toolbar);
        auto* enhanceButton = qobject_cast<QToolButton*>(toolbar->widgetForAction(enhance));
        QVERIFY(enhanceButton);
        QCOMPARE(enhanceButton->text(), button);
        QVERIFY(hasCjk(enhance->toolTip()));
        QVERIFY(hasCjk(window.windowTitle()) || window.windowTitle() == "Pictor");

        const Image image = darkSample();
        QVERIFY(!image.empty());
        critic::CriticOptions criticOptions;
        criticOptions.scoreAfter = false;
        auto critique = critic::critique(image, criticOptions);
        QVERIFY(critique);
        QVERIFY(!critique->findings.empty());
        QVERIFY2(QString::fromStdString(critique->summary).startsWith(summaryStart),
                 critique->summary.c_str());
        for (const critic::Finding& f : critique->findings) {
            QVERIFY2(hasCjk(f.reasoning), f.reasoning.c_str());
            QVERIFY2(hasCjk(critic::aspectLabel(f.aspect)), critic::aspectLabel(f.aspect).c_str());
            for (const critic::Evidence& e : f.evidence)
                QVERIFY2(hasCjk(e.label), e.label.c_str());
        }
    }

    // English is the source: no translator, the strings as written.
    void englishNeedsNone() {
        ui::setChosenLanguage("en");
        QVERIFY(!ui::installTranslations(*qApp));
        ui::MainWindowOptions options;
        options.remember = false;
        ui::MainWindow window("CPU (test)", nullptr, options);
        QAction* enhance = nullptr;
        for (QAction* a : window.findChildren<QAction*>())
            if (a->text() == "&Auto-enhance") enhance = a;
        QVERIFY(enhance);
        auto* toolbar = window.findChild<QToolBar*>("mainToolbar");
        QVERIFY(toolbar);
        auto* button = qobject_cast<QToolButton*>(toolbar->widgetForAction(enhance));
        QVERIFY(button);
        QCOMPARE(button->text(), QStringLiteral("Auto-enhance"));
    }

    // Every message of the Japanese and Chinese sources is translated, keeps the source's
    // placeholders and, where the source has one, an accelerator.
    void everyMessageTranslated_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("ja") << PICTOR_TRANSLATIONS_DIR "/pictor_ja.ts";
        QTest::newRow("zh_CN") << PICTOR_TRANSLATIONS_DIR "/pictor_zh_CN.ts";
    }

    void everyMessageTranslated() {
        QFETCH(QString, file);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&f);
        int messages = 0;
        QString source;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement) continue;
            if (xml.name() == u"source") {
                source = xml.readElementText();
                ++messages;
            } else if (xml.name() == u"translation") {
                const QString type = xml.attributes().value("type").toString();
                QVERIFY2(type.isEmpty(), qPrintable(type + ": " + source));
                // Plural messages hold <numerusform> children; their text is checked the same.
                const QString text =
                    xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
                QVERIFY2(!text.isEmpty(), qPrintable(source));
                QVERIFY2(placeholders(text) == placeholders(source),
                         qPrintable(source + " → " + text));
                QVERIFY2(hasAccelerator(text) == hasAccelerator(source),
                         qPrintable(source + " → " + text));
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY2(messages > 150, qPrintable(QString::number(messages)));
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(LanguageTest)
#include "tst_language.moc"

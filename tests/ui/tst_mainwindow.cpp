// The window opens a photo off the GUI thread and shows it; a broken file shows the error.
#include "MainWindow.h"
#include "PhotoView.h"
#include "support/Fixtures.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pictor;

class MainWindowTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsTheSamplePhoto() {
        ui::MainWindow window("CPU (test)");
        window.show();
        QSignalSpy shown(&window, &ui::MainWindow::photoShown);
        window.openFile(qEnvironmentVariable("PICTOR_SAMPLE"));
        QVERIFY(shown.wait(60000));
        auto* view = window.findChild<ui::PhotoView*>();
        QVERIFY(view);
        QVERIFY(!view->image().isNull());
        QCOMPARE(view->image().width(), 2560); // display copy, long edge capped
        QVERIFY(window.windowTitle().contains("seeding"));
        // The photo is on screen: the centre of the grabbed view is not the grey surround.
        const QImage grab = view->grab().toImage();
        QVERIFY(grab.pixelColor(grab.width() / 2, grab.height() / 2) != QColor(64, 64, 64));
    }

    void showsErrorsForBrokenFiles() {
        QTemporaryDir dir;
        const QString path = dir.filePath("broken.jpg");
        test::writeBytes(path.toStdString(), {0xFF, 0xD8, 0xFF, 0xE0, 0, 0});
        ui::MainWindow window("CPU (test)");
        QSignalSpy shown(&window, &ui::MainWindow::photoShown);
        window.openFile(path);
        QVERIFY(shown.wait(30000));
        auto* view = window.findChild<ui::PhotoView*>();
        QVERIFY(view->image().isNull());
        QVERIFY2(view->message().contains("broken.jpg"), qPrintable(view->message()));
    }
};

QTEST_MAIN(MainWindowTest)
#include "tst_mainwindow.moc"

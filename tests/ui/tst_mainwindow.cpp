// The window, driven as a user would, offscreen: open, edit with sliders (live preview, one undo
// step per drag), undo, autosave and restore, export with metadata, cancel a render, survive a
// corrupt file. Photos are small generated camera JPEGs (EXIF, GPS, ICC) and the bundled sample
// opened with a small preview, so that the suite runs in seconds.
#include "AdjustmentsPanel.h"
#include "CritiquePanel.h"
#include "DisplayImage.h"
#include "EditSession.h"
#include "ExportJob.h"
#include "Histogram.h"
#include "InstructionEditor.h"
#include "MainWindow.h"
#include "ParamControl.h"
#include "PhotoLoad.h"
#include "PhotoView.h"
#include "RenderWorker.h"
#include "compute/ComputeDevice.h"
#include "image/Resize.h"
#include "io/Export.h"
#include "io/Photo.h"
#include "pipeline/Render.h"
#include "recipe/Sidecar.h"
#include "support/Fixtures.h"
#include "synthetic/SyntheticPhotos.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>

using namespace pictor;

namespace {
constexpr int kPreview = 400;

ui::MainWindowOptions testOptions() {
    ui::MainWindowOptions o;
    o.previewLongEdge = kPreview;
    o.remember = false;
    return o;
}

// Mean absolute difference of two same-size images, in 8-bit levels.
double meanDifference(const QImage& a, const QImage& b) {
    if (a.size() != b.size() || a.isNull()) return -1;
    const QImage x = a.convertToFormat(QImage::Format_RGB888),
                 y = b.convertToFormat(QImage::Format_RGB888);
    double sum = 0;
    for (int row = 0; row < x.height(); ++row)
        for (int i = 0; i < x.width() * 3; ++i)
            sum += std::abs(int(x.constScanLine(row)[i]) - int(y.constScanLine(row)[i]));
    return sum / (double(x.width()) * x.height() * 3);
}

double meanLevel(const QImage& image) {
    QImage black(image.size(), QImage::Format_RGB888);
    black.fill(Qt::black);
    return meanDifference(image, black);
}

QString writeCameraJpeg(const QTemporaryDir& dir, const QString& name, int width = 480,
                        int height = 320) {
    const QString path = dir.filePath(name);
    test::writeBytes(path.toStdString(), synthetic::makeCameraJpeg(width, height, 90));
    return path;
}

// The bundled sample, reduced to 640 px and made dark, cool, dull and hazy, carrying a camera's
// metadata (EXIF with GPS, from a generated camera JPEG): the Critic has things to say, and the
// export can be checked for metadata. Not cooler than 4000 K: at 3200 K the sky's blue channel
// sits near white, and the Critic rightly declines to brighten it.
QString writeDullPhoto(const QTemporaryDir& dir, const QString& name) {
    const QString camera = writeCameraJpeg(dir, "camera-source.jpg", 64, 48);
    auto meta = loadPhoto(camera.toStdString());
    auto sample = loadPhoto(qEnvironmentVariable("PICTOR_SAMPLE").toStdString());
    if (!meta || !sample) return {};
    Recipe dull;
    (void)dull.set("exposure", "exposure", -1.5);
    (void)dull.set("white_balance", "temperature", 4000);
    (void)dull.set("white_balance", "tint", 30);
    (void)dull.set("color", "saturation", -50);
    (void)dull.set("dehaze", "amount", -60);
    auto pixels = renderRecipe(resizeToLongEdge(sample->pixels, 640), dull);
    if (!pixels) return {};
    const QString path = dir.filePath(name);
    auto written =
        exportImage(*pixels, meta->metadata.get(), camera.toStdString(), path.toStdString(), {});
    std::filesystem::remove(camera.toStdString());
    return written ? path : QString();
}

bool openAndWait(ui::MainWindow& window, const QString& path) {
    QSignalSpy shown(&window, &ui::MainWindow::photoShown);
    window.openFile(path);
    return shown.wait(30000);
}

// Waits until the worker is idle: the latest request is then on screen (the worker reports
// idle and delivers the frame in the same call).
bool waitForRender(ui::MainWindow& window) {
    QElapsedTimer timer;
    timer.start();
    while (window.renderWorker()->busy() && timer.elapsed() < 30000)
        QTest::qWait(5);
    return !window.renderWorker()->busy();
}
} // namespace

class MainWindowTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QApplication::setOrganizationName("PictorTest"); }

    void showsTheSamplePhoto() {
        ui::MainWindow window("CPU (test)", nullptr, testOptions());
        window.show();
        QVERIFY(openAndWait(window, qEnvironmentVariable("PICTOR_SAMPLE")));
        auto* view = window.findChild<ui::PhotoView*>();
        QVERIFY(view);
        QVERIFY(!view->image().isNull());
        QCOMPARE(view->image().width(), kPreview); // the preview copy, long edge capped
        QVERIFY(window.windowTitle().contains("seeding"));
        QVERIFY(waitForRender(window));
        // Unedited: the preview on screen is the unedited one, nothing was rendered.
        QCOMPARE(window.renderWorker()->lastSerial(), std::uint64_t(0));
        // The photo is on screen: the centre of the grabbed view is not the grey surround.
        const QImage grab = view->grab().toImage();
        QVERIFY(grab.pixelColor(grab.width() / 2, grab.height() / 2) != QColor(64, 64, 64));
        auto* histogram = window.findChild<ui::HistogramView*>();
        QVERIFY(!histogram->after().empty());
    }

    // The histogram counts every pixel, from the display format (RGB32, which QPainter draws
    // without converting) as from RGB888.
    void histogramCountsEveryPixel() {
        QImage image(3, 2, QImage::Format_RGB888);
        image.setPixelColor(0, 0, QColor(0, 0, 0));
        image.setPixelColor(1, 0, QColor(255, 255, 255));
        image.setPixelColor(2, 0, QColor(10, 20, 30));
        image.setPixelColor(0, 1, QColor(10, 20, 30));
        image.setPixelColor(1, 1, QColor(200, 100, 0));
        image.setPixelColor(2, 1, QColor(10, 255, 30));
        for (const QImage& in : {image, image.convertToFormat(QImage::Format_RGB32)}) {
            const ui::Histogram h = ui::computeHistogram(in);
            QCOMPARE(h.pixels, std::uint64_t(6));
            QCOMPARE(h.bins[0][10], 3u);
            QCOMPARE(h.bins[1][20], 2u);
            QCOMPARE(h.bins[2][30], 3u);
            QCOMPARE(h.bins[1][255], 2u);
            QCOMPARE(h.bins[3][0], 1u);
            QCOMPARE(h.clippedShadows, 2.0 / 6);    // black, and blue at 0
            QCOMPARE(h.clippedHighlights, 2.0 / 6); // white, and green at 255
        }
        Image grey(4, 4);
        std::fill(grey.data(), grey.data() + grey.pixelCount() * 3, 0.18f);
        QCOMPARE(ui::toDisplayImage(grey).format(), QImage::Format_RGB32);
    }

    // A large JPEG shows from a fast reduced decode first; its full resolution (for export and
    // the Critic) follows in the background, and the preview matches one made from it.
    void previewFirstThenFullPhoto() {
        QTemporaryDir dir;
        const QString path = writeCameraJpeg(dir, "large.jpg", 2400, 1600);
        ui::MainWindow window("CPU (test)", nullptr, testOptions());
        QSignalSpy full(&window, &ui::MainWindow::fullPhotoLoaded);
        QVERIFY(openAndWait(window, path));
        QVERIFY(!window.current()->photo); // only the 600 × 400 decode (2/8) so far
        QCOMPARE(window.current()->fullWidth, 2400);
        QCOMPARE(window.current()->fullHeight, 1600);
        QVERIFY(window.current()->description->source.reduced);
        auto* view = window.findChild<ui::PhotoView*>();
        QCOMPARE(view->image().width(), kPreview);
        QVERIFY(std::abs(window.current()->pixelScale - double(kPreview) / 2400) < 1e-9);
        QTRY_COMPARE_WITH_TIMEOUT(full.count(), 1, 30000);
        const auto photo = window.current()->photo;
        QVERIFY(photo);
        QCOMPARE(photo->pixels.width(), 2400);
        QVERIFY(!photo->source.reduced);
        const QImage fromFull = ui::toDisplayImage(photo->pixels, kPreview);
        const double difference = meanDifference(view->beforeImage(), fromFull);
        QVERIFY2(difference >= 0 && difference < 2, qPrintable(QString::number(difference)));
    }

    // A slider drag changes the preview live and is one undo step; undo restores the unedited
    // preview; redo brings the edit back.
    void sliderDragIsOneUndoStep() {
        QTemporaryDir dir;
        ui::MainWindow window("CPU (test)", nullptr, testOptions());
        QVERIFY(openAndWait(window, writeCameraJpeg(dir, "a.jpg")));
        QVERIFY(waitForRender(window));
        auto* view = window.findChild<ui::PhotoView*>();
        const QImage unedited = view->image();
        auto* control = window.findChild<ui::AdjustmentsPanel*>()->control("exposure", "exposure");
        QVERIFY(control);
        QSlider* slider = control->slider();
        QSignalSpy frames(&window, &ui::MainWindow::previewRendered);
        slider->setSliderDown(true); // pressed
        for (int step = 1; step <= 5; ++step)
            slider->setValue(slider->value() + 40); // +0.4 EV each
        slider->setSliderDown(false);               // released
        QCOMPARE(window.session()->undoStack()->count(), 1);
        QVERIFY(waitForRender(window));
        QVERIFY(frames.count() >= 1);
        QVERIFY(std::abs(window.session()->recipe().value("exposure", "exposure") - 2.0) < 1e-9);
        QVERIFY2(meanLevel(view->image()) > meanLevel(unedited) + 10, "brighter after +2 EV");

        window.session()->undoStack()->undo();
        QVERIFY(window.session()->recipe().isNeutral());
        QCOMPARE(control->value(), 0.0); // the slider follows the recipe
        QVERIFY(waitForRender(window));
        QVERIFY(meanDifference(view->image(), unedited) < 0.01);
        window.session()->undoStack()->redo();
        QVERIFY(waitForRender(window));
        QVERIFY(meanLevel(view->image()) > meanLevel(unedited) + 10);
    }

    // While a slider is dragged the frames are drafts (the smaller copy); the release renders the
    // preview in full, also when the drag ends where it began (no edit, no undo step).
    void dragFramesAreDraftsReleaseRendersInFull() {
        QTemporaryDir dir;
        ui::MainWindowOptions options = testOptions();
        options.draftLongEdge = kPreview / 2;
        ui::MainWindow window("CPU (test)", nullptr, options);
        QVERIFY(openAndWait(window, writeCameraJpeg(dir, "d.jpg")));
        QVERIFY(waitForRender(window));
        auto* view = window.findChild<ui::PhotoView*>();
        QSlider* slider =
            window.findChild<ui::AdjustmentsPanel*>()->control("exposure", "exposure")->slider();
        const int start = slider->value();
        slider->setSliderDown(true);
        slider->setValue(start + 40);
        QVERIFY(waitForRender(window));
        QCOMPARE(view->image().width(), kPreview / 2);
        QCOMPARE(view->beforeImage().width(), kPreview);
        slider->setSliderDown(false);
        QVERIFY(waitForRender(window));
        QCOMPARE(view->image().width(), kPreview);
        QCOMPARE(window.session()->undoStack()->count(), 1);

        slider->setSliderDown(true); // there and back
        slider->setValue(start);
        QVERIFY(waitForRender(window));
        slider->setValue(start + 40);
        QVERIFY(waitForRender(window));
        QCOMPARE(view->image().width(), kPreview / 2);
        slider->setSliderDown(false);
        QVERIFY(waitForRender(window));
        QCOMPARE(view->image().width(), kPreview);
        QCOMPARE(window.session()->undoStack()->count(), 1);
    }

    // Edits autosave to the sidecar and come back when the photo is opened again.
    void editsComeBackFromTheSidecar() {
        QTemporaryDir dir;
        const QString path = writeCameraJpeg(dir, "b.jpg");
        {
            ui::MainWindow window("CPU (test)", nullptr, testOptions());
            QVERIFY(openAndWait(window, path));
            Recipe r;
            QVERIFY(r.set("tone", "shadows", 40).ok());
            window.session()->apply(r, "test", ui::EditOrigin::Sliders);
            window.saveNow();
            QVERIFY(std::filesystem::exists(sidecarPath(path.toStdString())));
        }
        ui::MainWindow window("CPU (test)", nullptr, testOptions());
        QVERIFY(openAndWait(window, path));
        QCOMPARE(window.session()->recipe().value("tone", "shadows"), 40.0);
        QCOMPARE(window.findChild<ui::AdjustmentsPanel*>()->control("tone", "shadows")->value(),
                 40.0);
        QCOMPARE(window.session()->undoStack()->count(), 0);
    }

    // Export: the file exists, carries the edit (brighter than an unedited export), keeps the
    // camera metadata and the recipe, and a second export never overwrites the first.
    void exportKeepsMetadataAndNeverOverwrites() {
        QTemporaryDir dir;
        const QString path = writeCameraJpeg(dir, "c.jpg");
        const auto originalBytes = test::readBytes(path.toStdString());
        ui::MainWindow window("CPU (test)", nullptr, testOptions());
        QVERIFY(openAndWait(window, path));
        Recipe r;
        QVERIFY(r.set("exposure", "exposure", 1.0).ok());
        window.session()->apply(r, "test", ui::EditOrigin::Sliders);

        ui::ExportSettings settings;
        settings.nameTemplate = "{name}-out";
        QSignalSpy done(&window, &ui::MainWindow::exportFinished);
        window.exportPhotos({path}, settings);
        QVERIFY(done.wait(60000));
        QStringList written = done.at(0).at(0).toStringList();
        QVERIFY2(done.at(0).at(1).toStringList().isEmpty(),
                 qPrintable(done.at(0).at(1).toStringList().join(';')));
        QCOMPARE(written.size(), 1);
        QCOMPARE(QFileInfo(written[0]).fileName(), QString("c-out.jpg"));

        auto exported = loadPhoto(written[0].toStdString());
        auto original = loadPhoto(path.toStdString());
        QVERIFY(exported.ok() && original.ok());
        const auto meta = exported->metadata->summary();
        QCOMPARE(meta.cameraModel, original->metadata->summary().cameraModel);
        QVERIFY(!meta.cameraModel.empty());
        QVERIFY(meta.gps.has_value());
        QVERIFY(meta.iso.has_value());
        // +1 EV: the exported photo is brighter than the original.
        double sumOut = 0, sumIn = 0;
        for (std::size_t i = 0; i < exported->pixels.pixelCount() * 3; ++i) {
            sumOut += exported->pixels.data()[i];
            sumIn += original->pixels.data()[i];
        }
        QVERIFY2(sumOut > sumIn * 1.5, qPrintable(QString("%1 vs %2").arg(sumOut).arg(sumIn)));

        done.clear();
        window.exportPhotos({path}, settings);
        QVERIFY(done.wait(60000));
        QCOMPARE(QFileInfo(done.at(0).at(0).toStringList().value(0)).fileName(),
                 QString("c-out-2.jpg"));
        QVERIFY(test::readBytes(path.toStdString()) == originalBytes); // the original is untouched
    }

    // The whole loop: Auto-enhance → findings → untick one, rewrite another → the preview
    // follows → undo → export keeps the edit and the metadata.
    void autoEnhanceFindingsEditUndoExport() {
        QTemporaryDir dir;
        const QString path = writeDullPhoto(dir, "dull.jpg");
        QVERIFY(!path.isEmpty());
        ui::MainWindow window("CPU (test)", nullptr, testOptions());
        QVERIFY(openAndWait(window, path));
        QVERIFY(waitForRender(window));
        auto* view = window.findChild<ui::PhotoView*>();
        const QImage unedited = view->image();

        QSignalSpy critiqued(&window, &ui::MainWindow::critiqueShown);
        window.autoEnhance();
        QVERIFY(critiqued.wait(60000));
        QVERIFY(critiqued.at(0).at(0).toBool());
        auto* panel = window.findChild<ui::CritiquePanel*>();
        QVERIFY2(panel->rowCount() >= 2, qPrintable(QString::number(panel->rowCount())));
        QVERIFY(panel->scoreText().contains("→"));
        QVERIFY(!window.session()->recipe().isNeutral());
        QCOMPARE(window.session()->undoStack()->count(), 1); // Auto-enhance is one step
        QVERIFY(waitForRender(window));
        const QImage enhanced = view->image();
        QVERIFY(meanDifference(enhanced, unedited) > 2);
        // The instruction box shows the recipe.
        auto* editor = window.findChild<ui::InstructionEditor*>();
        QVERIFY(!editor->textEdit()->toPlainText().isEmpty());

        // Untick the first suggestion: its params go back, the preview changes.
        const Recipe withAll = window.session()->recipe();
        panel->rowCheck(0)->setChecked(false);
        QVERIFY(!(window.session()->recipe() == withAll));
        QVERIFY(waitForRender(window));
        const QImage unticked = view->image();
        QVERIFY(meanDifference(unticked, enhanced) > 0.5);

        // Rewrite the second one; a misspelt line reports an error and changes nothing else.
        panel->rowText(1)->setText("Increase vibrance by 40");
        Q_EMIT panel->rowText(1)->editingFinished();
        QCOMPARE(window.session()->recipe().value("color", "vibrance"), 40.0);
        QVERIFY(waitForRender(window));
        QVERIFY(meanDifference(view->image(), unticked) > 0.1);
        panel->rowText(1)->setText("Increase vibrnce by 40");
        Q_EMIT panel->rowText(1)->editingFinished();
        QVERIFY(!panel->rowError(1).isEmpty());
        QCOMPARE(window.session()->recipe().value("exposure", "exposure"), 0.0); // still unticked

        // Undo goes back one step and changes the recipe.
        const Recipe beforeUndo = window.session()->recipe();
        window.session()->undoStack()->undo();
        QVERIFY(!(window.session()->recipe() == beforeUndo));
        const Recipe exportedRecipe = window.session()->recipe();
        QVERIFY(waitForRender(window));

        QSignalSpy done(&window, &ui::MainWindow::exportFinished);
        ui::ExportSettings settings;
        window.exportPhotos({path}, settings);
        QVERIFY(done.wait(60000));
        const QStringList written = done.at(0).at(0).toStringList();
        QCOMPARE(written.size(), 1);
        auto exported = loadPhoto(written[0].toStdString());
        auto original = loadPhoto(path.toStdString());
        QVERIFY(exported && original);
        QVERIFY(exported->metadata->summary().gps.has_value());
        QCOMPARE(exported->metadata->summary().cameraModel,
                 original->metadata->summary().cameraModel);
        // The export is the edit: it matches the rendered recipe, not the original.
        auto expected = renderRecipe(original->pixels, exportedRecipe);
        QVERIFY(expected.ok());
        double toEdit = 0, toOriginal = 0;
        const std::size_t n = exported->pixels.pixelCount() * 3;
        for (std::size_t i = 0; i < n; ++i) {
            toEdit += std::abs(exported->pixels.data()[i] - expected->data()[i]);
            toOriginal += std::abs(exported->pixels.data()[i] - original->pixels.data()[i]);
        }
        QVERIFY2(toEdit * 3 < toOriginal,
                 qPrintable(QString("%1 vs %2").arg(toEdit).arg(toOriginal)));
    }

    // Instruction text ↔ sliders: text moves the sliders (the valid lines apply, the bad one is
    // underlined with a suggestion); a slider rewrites the text.
    void instructionTextAndSlidersFollowEachOther() {
        QTemporaryDir dir;
        ui::MainWindow window("CPU (test)", nullptr, testOptions());
        QVERIFY(openAndWait(window, writeCameraJpeg(dir, "t.jpg")));
        auto* editor = window.findChild<ui::InstructionEditor*>();
        auto* panel = window.findChild<ui::AdjustmentsPanel*>();
        editor->textEdit()->setPlainText(
            "Increase exposure by 0.5 EV\nLift the shadws a lot\nIncrease contrast by 20");
        editor->applyNow();
        QCOMPARE(window.session()->recipe().value("exposure", "exposure"), 0.5);
        QCOMPARE(window.session()->recipe().value("tone", "contrast"), 20.0);
        QCOMPARE(panel->control("exposure", "exposure")->value(), 0.5);
        QCOMPARE(editor->underlinedCount(), 1);
        QVERIFY2(editor->errorsText().contains("Line 2"), qPrintable(editor->errorsText()));
        QVERIFY2(editor->errorsText().contains("shadows"),
                 qPrintable(editor->errorsText())); // the suggestion
        // The typed text stays as typed.
        QVERIFY(editor->textEdit()->toPlainText().contains("shadws"));

        panel->control("tone", "contrast")->spinBox()->setValue(35);
        QCOMPARE(window.session()->recipe().value("tone", "contrast"), 35.0);
        QVERIFY2(editor->textEdit()->toPlainText().contains("35"),
                 qPrintable(editor->textEdit()->toPlainText()));
        QVERIFY(!editor->textEdit()->toPlainText().contains("shadws"));
        QVERIFY(waitForRender(window));
    }

    void exportFileNames_data() {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("expected");
        QTest::newRow("name") << "{name}"
                              << "IMG_1.jpg";
        QTest::newRow("number") << "{name}-{n}"
                                << "IMG_1-007.jpg";
        QTest::newRow("slashes are not folders") << "../{name}/x"
                                                 << ".._IMG_1_x.jpg";
        QTest::newRow("empty falls back") << "  "
                                          << "IMG_1.jpg";
    }
    void exportFileNames() {
        QFETCH(QString, pattern);
        QFETCH(QString, expected);
        QCOMPARE(ui::exportFileName(pattern, "/photos/IMG_1.CR2", 7, "jpg"), expected);
    }

    // A long render can be cancelled: the worker reports it and shows no frame for it.
    void cancelMidRender() {
        auto loaded = ui::loadForEditing(qEnvironmentVariable("PICTOR_SAMPLE"), 1200);
        QVERIFY(loaded->error.isEmpty());
        ui::RenderWorker worker;
        worker.setSource(loaded->preview, loaded->white, loaded->pixelScale);
        Recipe heavy; // local ops: several stages, each a cancellation point
        QVERIFY(heavy.set("denoise", "luminance", 60).ok());
        QVERIFY(heavy.set("clarity", "amount", 50).ok());
        QVERIFY(heavy.set("dehaze", "amount", 40).ok());
        QVERIFY(heavy.set("sharpen", "amount", 80).ok());
        QSignalSpy cancelled(&worker, &ui::RenderWorker::cancelled);
        QSignalSpy rendered(&worker, &ui::RenderWorker::rendered);
        QSignalSpy progress(&worker, &ui::RenderWorker::progress);
        worker.request(heavy);
        QVERIFY(worker.busy());
        worker.cancel();
        QVERIFY(cancelled.wait(30000));
        QCOMPARE(rendered.count(), 0);
        QVERIFY(!worker.busy());
        // The worker still works afterwards.
        Recipe light;
        QVERIFY(light.set("exposure", "exposure", 0.5).ok());
        worker.request(light);
        QVERIFY(rendered.wait(30000));
        QVERIFY(progress.count() > 0);
    }

    // Slider requests during a render coalesce: only the newest one is rendered after it.
    void requestsCoalesce() {
        auto loaded = ui::loadForEditing(qEnvironmentVariable("PICTOR_SAMPLE"), 300);
        ui::RenderWorker worker;
        worker.setSource(loaded->preview, loaded->white, loaded->pixelScale);
        QSignalSpy rendered(&worker, &ui::RenderWorker::rendered);
        for (int i = 1; i <= 20; ++i) {
            Recipe r;
            QVERIFY(r.set("exposure", "exposure", i * 0.1).ok());
            worker.request(r);
        }
        while (worker.busy())
            QVERIFY(rendered.wait(30000));
        QCOMPARE(rendered.count(), 2); // the first, then the latest; 18 were dropped
        QCOMPARE(worker.lastSerial(), std::uint64_t(2));
    }

    // The window's device reaches its renders: previews and exports run where main() chose
    // (CUDA when there is a GPU). Without CUDA, asking for it fails with a clear message and
    // writes nothing; with CUDA the same requests render.
    void previewsAndExportsRenderOnTheChosenDevice() {
        const bool cuda = chooseComputeDevice(DeviceKind::Cuda).ok();
        QTemporaryDir dir;
        const QString path = writeCameraJpeg(dir, "g.jpg");
        ui::MainWindowOptions options = testOptions();
        options.device = DeviceKind::Cuda;
        ui::MainWindow window("CUDA (test)", nullptr, options);
        QVERIFY(openAndWait(window, path));
        QSignalSpy failed(window.renderWorker(), &ui::RenderWorker::failed);
        QSignalSpy rendered(window.renderWorker(), &ui::RenderWorker::rendered);
        Recipe r;
        QVERIFY(r.set("exposure", "exposure", 0.7).ok());
        window.session()->apply(r, "test", ui::EditOrigin::Sliders);
        QVERIFY(waitForRender(window));
        if (cuda) {
            QCOMPARE(failed.count(), 0);
            QVERIFY(rendered.count() >= 1);
        } else {
            QCOMPARE(failed.count(), 1);
            QVERIFY2(failed.at(0).at(0).toString().contains("CUDA"),
                     qPrintable(failed.at(0).at(0).toString()));
            QVERIFY(window.errorText().contains("CUDA"));
        }

        QSignalSpy done(&window, &ui::MainWindow::exportFinished);
        window.exportPhotos({path}, ui::ExportSettings{});
        QVERIFY(done.wait(60000));
        const QStringList written = done.at(0).at(0).toStringList();
        const QStringList errors = done.at(0).at(1).toStringList();
        if (cuda) {
            QCOMPARE(written.size(), 1);
        } else {
            QCOMPARE(written.size(), 0);
            QCOMPARE(errors.size(), 1);
            QVERIFY2(errors[0].contains("CUDA"), qPrintable(errors[0]));
            // Nothing exported (the photo and, after the edit, its sidecar only).
            QCOMPARE(QDir(dir.path()).entryList({"g-edit*"}, QDir::Files), QStringList{});
        }
    }

    // Drafts adapt to the edit's cost: slow draft frames move the drag to a smaller copy, fast
    // ones back to the largest; a frame really rendered on a draft is noted.
    void draftSizeFollowsTheFrameTime() {
        auto loaded = ui::loadForEditing(qEnvironmentVariable("PICTOR_SAMPLE"), 1600, 800);
        QVERIFY(loaded->draft);
        ui::RenderWorker worker;
        worker.setSource(loaded->preview, loaded->white, loaded->pixelScale, loaded->draft);
        const auto& drafts = worker.drafts();
        QCOMPARE(int(drafts.size()), 3); // 800, 560 and 392 px on the long edge
        QCOMPARE(std::max(drafts[0]->width(), drafts[0]->height()), 800);
        QCOMPARE(std::max(drafts[1]->width(), drafts[1]->height()), 560);
        QCOMPARE(std::max(drafts[2]->width(), drafts[2]->height()), 392);
        QCOMPARE(worker.draftLevel(), 0); // nothing measured: the largest

        const double budget = ui::RenderWorker::kDraftBudgetSeconds;
        worker.noteDraftFrame(drafts[0]->pixelCount(), 4 * budget); // a heavy edit
        QCOMPARE(worker.draftLevel(), 2);
        for (int i = 0; i < 8; ++i) // light again: 1/10 of the budget on the smallest
            worker.noteDraftFrame(drafts[2]->pixelCount(), budget / 10);
        QCOMPARE(worker.draftLevel(), 0);
        worker.noteDraftFrame(drafts[0]->pixelCount(), 3 * budget); // too slow for the largest
        QCOMPARE(worker.draftLevel(), 1);

        // Drag frames rendered by the worker are noted (whatever they cost here, the estimate
        // moves off zero), and a new photo starts again from the largest draft.
        QSignalSpy rendered(&worker, &ui::RenderWorker::rendered);
        worker.setSource(loaded->preview, loaded->white, loaded->pixelScale, loaded->draft);
        QCOMPARE(worker.draftLevel(), 0);
        Recipe r;
        QVERIFY(r.set("exposure", "exposure", 0.3).ok());
        worker.request(r, true);
        QVERIFY(rendered.wait(30000));
        QCOMPARE(rendered.at(0).at(0).value<ui::RenderedPreview>().display.width(),
                 drafts[0]->width());
        worker.noteDraftFrame(drafts[0]->pixelCount(), 1000.0); // swamps whatever it measured
        QCOMPARE(worker.draftLevel(), 2);
    }

    // A request for the recipe on screen or being rendered renders nothing more (a drag's release
    // re-applies its last value); after a cancel it renders again.
    void sameRecipeIsNotRenderedTwice() {
        auto loaded = ui::loadForEditing(qEnvironmentVariable("PICTOR_SAMPLE"), 300);
        ui::RenderWorker worker;
        worker.setSource(loaded->preview, loaded->white, loaded->pixelScale);
        QSignalSpy rendered(&worker, &ui::RenderWorker::rendered);
        Recipe a, b;
        QVERIFY(a.set("exposure", "exposure", 0.5).ok());
        QVERIFY(b.set("exposure", "exposure", 1.0).ok());
        worker.request(a);
        worker.request(b);
        worker.request(a); // `a` is being rendered: `b` is dropped, `a` not queued again
        while (worker.busy())
            QVERIFY(rendered.wait(30000));
        QCOMPARE(rendered.count(), 1);
        worker.request(a); // on screen already
        QVERIFY(!worker.busy());
        worker.cancel();
        worker.request(a);
        QVERIFY(worker.busy());
        QVERIFY(rendered.wait(30000));
        QCOMPARE(rendered.count(), 2);
        QCOMPARE(worker.lastSerial(), std::uint64_t(2));
    }

    // A corrupt file shows its error; the window keeps working and opens the next photo.
    void corruptFileShowsErrorAndWindowKeepsWorking() {
        QTemporaryDir dir;
        const QString broken = dir.filePath("broken.jpg");
        test::writeBytes(broken.toStdString(), {0xFF, 0xD8, 0xFF, 0xE0, 0, 0});
        ui::MainWindow window("CPU (test)", nullptr, testOptions());
        QVERIFY(openAndWait(window, broken));
        auto* view = window.findChild<ui::PhotoView*>();
        QVERIFY(view->image().isNull());
        QVERIFY2(view->message().contains("broken.jpg"), qPrintable(view->message()));
        QVERIFY(window.errorText().contains("broken.jpg"));
        QVERIFY(window.currentPath().isEmpty());

        QVERIFY(openAndWait(window, writeCameraJpeg(dir, "good.jpg")));
        QVERIFY(!view->image().isNull());
        QVERIFY(window.errorText().isEmpty());
        QVERIFY(waitForRender(window));
    }

    // Zoom: fit, 100 %, wheel-style steps; compare modes and the `\` toggle.
    void zoomAndCompare() {
        QTemporaryDir dir;
        ui::MainWindow window("CPU (test)", nullptr, testOptions());
        window.resize(1200, 800);
        window.show();
        QVERIFY(openAndWait(window, writeCameraJpeg(dir, "z.jpg", 2400, 1600)));
        auto* view = window.findChild<ui::PhotoView*>();
        QVERIFY(view->fitted());
        QVERIFY(view->zoom() < 1.0);
        view->zoomTo100();
        QVERIFY(std::abs(view->zoom() - 1.0) < 1e-9);
        view->zoomBy(2.0);
        QVERIFY(std::abs(view->zoom() - 2.0) < 1e-9);
        view->zoomBy(0.001); // far out: snaps back to fit
        QVERIFY(view->fitted());
        QTest::keyClick(view, Qt::Key_Backslash);
        QVERIFY(view->showingBefore());
        QTest::keyClick(view, Qt::Key_Backslash);
        QVERIFY(!view->showingBefore());
        view->setCompareMode(ui::CompareMode::Split);
        view->setSplitPosition(2.0);
        QCOMPARE(view->splitPosition(), 1.0);
    }
};

QTEST_MAIN(MainWindowTest)
#include "tst_mainwindow.moc"

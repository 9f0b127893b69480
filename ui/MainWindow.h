#pragma once
// The Pictor window. For now: open a photo (menu, shortcut or command line) and show it; loading
// runs off the GUI thread and failures are shown, never swallowed.
#include <QFutureWatcher>
#include <QMainWindow>

#include <memory>

namespace pictor::ui {

class PhotoView;
struct LoadedPhoto;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const QString& deviceDescription, QWidget* parent = nullptr);
    ~MainWindow() override;
    void openFile(const QString& path);

Q_SIGNALS:
    void photoShown(); // a load finished, with a photo or an error message on screen

private Q_SLOTS:
    void chooseFile();
    void loadFinished();

private:
    PhotoView* m_view = nullptr;
    QString m_loadingPath;
    QString m_pendingPath; // asked for while another load ran: the latest request wins
    QFutureWatcher<std::shared_ptr<LoadedPhoto>> m_loader;
};

} // namespace pictor::ui

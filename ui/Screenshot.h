#pragma once
// Evidence for the README: opens a photo, waits for its render (and Auto-enhance when the
// window offers it), and saves a grab of the whole window. Returns a process exit status.
class QString;

namespace pictor::ui {

class MainWindow;

int takeScreenshot(MainWindow& window, const QString& photo, const QString& pngPath);

} // namespace pictor::ui

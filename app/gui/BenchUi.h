#pragma once
// `pictor --bench-ui [--runs N]`: the real window, driven offscreen, on a generated 24-megapixel
// JPEG: open → first preview on screen, then an exposure slider drag at mouse rate (frames shown
// per second, latency from the last move to its frame). With a recipe the photo opens edited
// (from its sidecar, as a photo edited before) and the drag renders every op of it. Prints
// figures (median of the runs) and returns a process exit status; it asserts nothing about them.
#include "recipe/Recipe.h"

namespace pictor::ui {

class MainWindow;

int benchUi(MainWindow& window, int runs, const Recipe& recipe);

} // namespace pictor::ui

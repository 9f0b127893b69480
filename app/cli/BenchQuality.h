#pragma once
#include <QCommandLineParser>

namespace pictor::cli {
// pictor-cli bench quality --photos DIR [--seed N] [--long-edge PX] [--model FILE]: applies a fixed
// suite of capture defects (train/Degradations) to each photo, runs Auto-enhance (the Critic with
// the learned model, then the renderer) and prints PSNR, SSIM and ΔE00 to the clean photo for "do
// nothing", a classical baseline (auto-levels + grey-world) and Pictor; defect detection precision
// and recall; and "do no harm" (ΔE00 of a clean photo after Auto-enhance).
int benchQuality(const QCommandLineParser& parser);
} // namespace pictor::cli

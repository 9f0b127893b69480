#pragma once
// --device auto|cpu|cuda, shared by the commands that render or run networks (apply, bench,
// enhance): one parser, one error message. The device is chosen once per command.
#include "compute/ComputeDevice.h"

#include <QCommandLineParser>

#include <string>
#include <variant>

namespace pictor::cli {

void addDeviceOption(QCommandLineParser& parser);

// The device the options ask for (automatic — CUDA when libtorch sees one — when absent), or the
// exit code after printing the error: 2 for an unknown name, 1 for CUDA asked for but absent.
std::variant<ComputeDevice, int> deviceFromOptions(const QCommandLineParser& parser,
                                                   const std::string& command);

} // namespace pictor::cli

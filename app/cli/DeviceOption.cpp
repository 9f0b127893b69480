#include "DeviceOption.h"

#include "CliSupport.h"

namespace pictor::cli {

void addDeviceOption(QCommandLineParser& parser) {
    parser.addOption({"device",
                      "Where to compute: auto (CUDA when there is a GPU, else CPU), cpu or cuda.",
                      "auto|cpu|cuda", "auto"});
}

std::variant<ComputeDevice, int> deviceFromOptions(const QCommandLineParser& parser,
                                                   const std::string& command) {
    const std::string name = parser.value("device").toStdString();
    std::optional<DeviceKind> requested;
    if (!name.empty() && name != "auto") {
        requested = parseDeviceKind(name);
        if (!requested) {
            printUsageError("unknown device '" + name + "' (use auto, cpu or cuda)", command);
            return int(UsageError);
        }
    }
    auto device = chooseComputeDevice(requested);
    if (!device) {
        printError(device.error());
        return int(Failure);
    }
    return std::move(device).value();
}

} // namespace pictor::cli

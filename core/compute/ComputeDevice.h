#pragma once
// The compute device (CPU or CUDA), chosen once at start: CUDA when libtorch sees one, unless the
// user asks for a specific device. Torch headers stay inside the .cpp.
#include "util/Result.h"

#include <optional>
#include <string>
#include <string_view>

namespace pictor {

enum class DeviceKind { Cpu, Cuda };

struct ComputeDevice {
    DeviceKind kind = DeviceKind::Cpu;
    std::string description; // "CPU (libtorch 1.13.0, 2 threads)" / "CUDA (1 device, libtorch …)"
};

std::optional<DeviceKind> parseDeviceKind(std::string_view text); // "cpu", "cuda"

// `requested` empty = automatic. Asking for CUDA where there is none is an Error.
Result<ComputeDevice> chooseComputeDevice(std::optional<DeviceKind> requested = std::nullopt);

// CPU threads used by libtorch and by the renderer's OpenMP kernels (for benchmarks; the default
// is one per core).
void setCpuThreads(int threads);
int cpuThreads();

} // namespace pictor

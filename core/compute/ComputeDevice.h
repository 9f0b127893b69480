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

// CPU threads for the renderer's OpenMP kernels: one per available core, or PICTOR_THREADS from
// the environment, unless set (setCpuThreads also sets libtorch's count; benchmarks). libtorch on
// its own uses one per *physical* core and, on its first parallel op in a thread, sets OpenMP's
// count for that thread to the same, which useCpuThreads undoes before the kernels run.
void setCpuThreads(int threads);
int cpuThreads();
// Applies cpuThreads() to OpenMP in the calling thread (the renderer calls it before its kernels).
void useCpuThreads();
// Cores this process may run on (its CPU affinity).
int availableCpuCores();

} // namespace pictor

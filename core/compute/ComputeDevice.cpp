#include "compute/ComputeDevice.h"

#include <ATen/Parallel.h>
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <omp.h>
#include <sched.h>
#include <thread>
#include <torch/csrc/api/include/torch/version.h>
#include <torch/cuda.h>

namespace pictor {

std::optional<DeviceKind> parseDeviceKind(std::string_view text) {
    if (text == "cpu" || text == "CPU") return DeviceKind::Cpu;
    if (text == "cuda" || text == "CUDA" || text == "gpu") return DeviceKind::Cuda;
    return std::nullopt;
}

Result<ComputeDevice> chooseComputeDevice(std::optional<DeviceKind> requested) {
    const std::string torchVersion = TORCH_VERSION;
    bool cuda = false;
    std::size_t cudaCount = 0;
    try {
        cuda = torch::cuda::is_available();
        cudaCount = cuda ? torch::cuda::device_count() : 0;
    } catch (const std::exception&) {
        cuda = false; // a broken driver is treated as "no GPU"
    }
    if (requested == DeviceKind::Cuda && !cuda)
        return Error{"CUDA was requested but libtorch sees no CUDA device",
                     "Use --device cpu, or install a CUDA-enabled libtorch and an NVIDIA driver."};
    ComputeDevice device;
    device.kind = (requested ? *requested : (cuda ? DeviceKind::Cuda : DeviceKind::Cpu));
    if (device.kind == DeviceKind::Cuda) {
        device.description = "CUDA (" + std::to_string(cudaCount) + " device" +
                             (cudaCount == 1 ? "" : "s") + ", libtorch " + torchVersion + ")";
    } else {
        const int threads = cpuThreads(), torchThreads = at::get_num_threads();
        device.description =
            "CPU (libtorch " + torchVersion + ", " + std::to_string(threads) +
            (threads == 1 ? " thread" : " threads") +
            (torchThreads != threads ? " (libtorch ops: " + std::to_string(torchThreads) + ")"
                                     : std::string()) +
            (cuda ? "; CUDA available" : "") + ")";
    }
    return device;
}

namespace {

std::atomic<int> requestedThreads{0}; // 0: one per available core

int availableCores() {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) return std::max(1, CPU_COUNT(&set));
    return std::max(1, int(std::thread::hardware_concurrency()));
}

} // namespace

void setCpuThreads(int threads) {
    requestedThreads = std::max(1, threads);
    at::set_num_threads(std::max(1, threads));
    useCpuThreads();
}

int cpuThreads() {
    // Default: one OpenMP thread per available core for the kernels, or PICTOR_THREADS. Measured
    // on the idle 2-vCPU development machine, two threads render 24 MP in 2.2 s against 4.5 s for
    // one. On a machine already busy with other work, libgomp's spinning idle thread can make two
    // slower than one (seen up to 10× under a load of 6): PICTOR_THREADS=1 (the test suite sets it,
    // as ctest runs two suites at once) or setCpuThreads choose fewer.
    const int requested = requestedThreads;
    if (requested > 0) return requested;
    static const int fromEnvironment = [] {
        const char* text = std::getenv("PICTOR_THREADS");
        const int value = text ? std::atoi(text) : 0;
        return value > 0 ? value : availableCores();
    }();
    return fromEnvironment;
}

int availableCpuCores() {
    return availableCores();
}

void useCpuThreads() {
    // OpenMP only: libtorch keeps its own count (its many small ops on reduced grids lose more to
    // thread hand-offs than they gain on a busy 2-core machine); the kernels' few large loops win.
    omp_set_num_threads(cpuThreads());
}

} // namespace pictor

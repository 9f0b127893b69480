#include "compute/ComputeDevice.h"

#include <ATen/Parallel.h>
#include <algorithm>
#include <atomic>
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
        device.description = "CPU (libtorch " + torchVersion + ", " + std::to_string(threads) +
                             (threads == 1 ? " thread" : " threads") +
                             (torchThreads != threads
                                  ? " (libtorch ops: " + std::to_string(torchThreads) + ")"
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
    // Default: libtorch's own choice (one per physical core). Two OpenMP threads on a 2-vCPU
    // machine shared with other work measured up to 10× slower than one (threads descheduled at
    // every barrier); setCpuThreads opts in to more.
    const int requested = requestedThreads;
    return requested > 0 ? requested : at::get_num_threads();
}

int availableCpuCores() { return availableCores(); }

void useCpuThreads() {
    // OpenMP only: libtorch keeps its own count (its many small ops on reduced grids lose more to
    // thread hand-offs than they gain on a busy 2-core machine); the kernels' few large loops win.
    omp_set_num_threads(cpuThreads());
}

} // namespace pictor

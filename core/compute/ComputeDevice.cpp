#include "compute/ComputeDevice.h"

#include <ATen/Parallel.h>
#include <algorithm>
#include <omp.h>
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
        const int threads = at::get_num_threads();
        device.description = "CPU (libtorch " + torchVersion + ", " + std::to_string(threads) +
                             (threads == 1 ? " thread" : " threads") +
                             (cuda ? "; CUDA available" : "") + ")";
    }
    return device;
}

void setCpuThreads(int threads) {
    // With libtorch's OpenMP backend this also sets OpenMP's thread count for this thread, which
    // the renderer's kernels use.
    at::set_num_threads(std::max(1, threads));
    omp_set_num_threads(std::max(1, threads));
}

int cpuThreads() {
    return std::max(at::get_num_threads(), omp_get_max_threads());
}

} // namespace pictor

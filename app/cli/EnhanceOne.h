#pragma once
// One photo through Auto-enhance: load, critique, render the critique's recipe at full
// resolution, export with all metadata and the recipe embedded; optionally the critique as JSON.
#include "compute/ComputeDevice.h"
#include "critic/Finding.h"
#include "io/Export.h"
#include "io/Photo.h"
#include "nn/CriticModel.h"

#include <filesystem>
#include <optional>

namespace pictor::cli {

struct EnhanceSettings {
    ExportOptions exportOptions;
    LoadOptions loadOptions;
    const nn::CriticModel* model = nullptr;
    DeviceKind device = DeviceKind::Cpu;
    std::optional<std::filesystem::path> critiqueOut; // write the critique JSON here
};

struct EnhanceReport {
    ExportReport exported;
    double score = 0, scoreAfter = 0;
    int findings = 0;
    bool changed = false; // false: nothing to fix, the output is what `convert` writes
};

Result<EnhanceReport> enhanceOne(const std::filesystem::path& input,
                                 const std::filesystem::path& output,
                                 const EnhanceSettings& settings);

} // namespace pictor::cli

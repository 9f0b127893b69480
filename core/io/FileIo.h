#pragma once
// Reading whole files and writing them atomically: a temporary file in the destination folder,
// flushed and renamed over the target, so a crash or a full disk never leaves a partial file.
#include "util/Result.h"

#include <cstdint>
#include <filesystem>
#include <vector>

namespace pictor {

// Reads a file; refuses files over `maxBytes`, folders, and unreadable paths with a clear Error.
Result<std::vector<std::uint8_t>> readFileBytes(const std::filesystem::path& path,
                                                std::uintmax_t maxBytes = 4ull << 30);

struct WriteOptions {
    bool overwrite = false; // replace an existing file at `path`
};

// Writes `bytes` to `path` atomically. Never leaves a partial or temporary file behind.
Status writeFileAtomically(const std::filesystem::path& path, const std::uint8_t* bytes,
                           std::size_t size, const WriteOptions& options = {});

// True when both paths name the same existing file (hard links and symlinks included).
bool sameFile(const std::filesystem::path& a, const std::filesystem::path& b);

} // namespace pictor

#pragma once
// Reading whole files and writing them atomically, so that a crash, a kill or a full disk never
// leaves a partial file: the data goes into a nameless O_TMPFILE file in the destination folder
// (a hidden temporary file where the file system lacks O_TMPFILE), is flushed, and only then gets
// its name — linked, or renamed over the target with overwrite.
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

// Writes `bytes` to `path` atomically: afterwards `path` holds either all of `bytes` or what it
// held before (nothing, or the old file with overwrite). Without overwrite an existing file is
// never replaced, also when another process creates it meanwhile (exactly one of two concurrent
// writers wins). Errors leave no partial or temporary file behind.
Status writeFileAtomically(const std::filesystem::path& path, const std::uint8_t* bytes,
                           std::size_t size, const WriteOptions& options = {});

// True when both paths name the same existing file (hard links and symlinks included).
bool sameFile(const std::filesystem::path& a, const std::filesystem::path& b);

} // namespace pictor

#pragma once
// Small file systems for the interruption tests: a full disk (a tiny tmpfs) and a read-only
// folder (a tmpfs remounted read-only; chmod would not stop root, who runs CI). Mounting needs a
// private mount namespace: the test process enters one at start, as root or, where the kernel
// allows it, as an unprivileged user through a user namespace. Child processes (pictor-cli)
// inherit it; nothing is visible outside the test and everything vanishes when it ends.
#include <cstdint>
#include <string>

namespace pictor::test {

// Call first thing in main(), before any thread starts (user namespaces need a single thread).
// Returns "" when mounting is possible, else why not (for the skip message).
std::string enterPrivateMountNamespace();

// Mounts a tmpfs of `bytes` (rounded up to pages) on the existing folder `dir`. "" or why not.
std::string mountTmpfs(const std::string& dir, std::uint64_t bytes);
std::string remountReadOnly(const std::string& dir);
std::string unmount(const std::string& dir);

// Free bytes on the file system holding `dir` (0 on error).
std::uint64_t freeBytes(const std::string& dir);

} // namespace pictor::test

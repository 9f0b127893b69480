#pragma once
// Shared exiv2 set-up and locking for every core file that uses exiv2 (Metadata, Sidecar, …).
//
// exiv2 0.27 keeps one process-wide XMP namespace registry (prefix ↔ URI) that is not
// thread-safe, and XMP keys hold only the prefix: two files (or threads) using one prefix for
// different URIs would rebind it under each other. Every exiv2 use therefore runs under
// exiv2Mutex(), after initExiv2(), and re-binds the prefixes it relies on inside its lock.
// No exiv2 header here: callers include exiv2 themselves.
#include <mutex>

namespace pictor {

// Once per process: mutes exiv2's own log (problems reach the user as our Errors instead),
// initialises the XMP toolkit with a lock for namespace registration, switches BMFF on. Also run
// at program start (before worker threads exist); calling it again is cheap.
void initExiv2();

// The lock every exiv2 use holds (not recursive: take it once, at the API boundary).
std::mutex& exiv2Mutex();

} // namespace pictor

#include "io/Exiv2Access.h"

#include <exiv2/exiv2.hpp>

namespace pictor {

namespace {

std::recursive_mutex& xmpToolkitMutex() {
    static std::recursive_mutex mutex;
    return mutex;
}

void lockXmpToolkit(void* data, bool lock) {
    auto* mutex = static_cast<std::recursive_mutex*>(data);
    if (lock)
        mutex->lock();
    else
        mutex->unlock();
}

} // namespace

void initExiv2() {
    static std::once_flag once;
    std::call_once(once, [] {
        Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
        Exiv2::LogMsg::setHandler(nullptr);
        Exiv2::XmpParser::initialize(lockXmpToolkit, &xmpToolkitMutex());
        Exiv2::enableBMFF(true);
    });
}

std::mutex& exiv2Mutex() {
    static std::mutex mutex;
    return mutex;
}

namespace {

// Runs the set-up at program start too, before worker threads exist (exiv2 initialises the XMP
// toolkit lazily, without the lock, if anything decodes XMP first).
[[maybe_unused]] const bool exiv2Ready = (initExiv2(), true);

} // namespace

} // namespace pictor

#include "image/PixelMemory.h"

#include <cstdlib>
#include <sys/mman.h>

namespace pictor {

namespace {
constexpr std::size_t kHugePage = 2u << 20;
constexpr std::size_t kLarge = 4u << 20; // below this, ordinary malloc is as fast
} // namespace

void* allocatePixelMemory(std::size_t bytes) {
    void* memory = nullptr;
    if (bytes >= kLarge) {
        const std::size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
        memory = std::aligned_alloc(kHugePage, rounded);
        (void)rounded;
    } else {
        memory = std::malloc(bytes ? bytes : 1);
    }
    if (!memory) throw std::bad_alloc();
    return memory;
}

void freePixelMemory(void* memory) noexcept { std::free(memory); }

} // namespace pictor

#include "image/PixelMemory.h"

#include <cstdlib>
#include <iterator>
#include <list>
#include <mutex>
#include <sys/mman.h>
#include <unordered_map>
#include <utility>

namespace pictor {

namespace {
constexpr std::size_t kHugePage = 2u << 20;
constexpr std::size_t kLarge = 4u << 20; // below this, ordinary malloc is as fast
constexpr std::size_t kPurgeOnMiss = std::size_t(64) << 20;

// Recently freed large blocks, reused by the next allocation of the same (2 MiB-rounded) size.
// A render allocates and frees images and planes of a few sizes over and over (each stage's output,
// the kernels' planes); glibc returns every block this large to the kernel at once (munmap), so
// each new one page-faults and is zero-filled again — measured as ~30 % of a 24 MP render's CPU
// time. The pool keeps at most kPoolBytes of them, oldest freed first out.
// Under AddressSanitizer the pool is off: a block kept for reuse would hide a use after free.
#if defined(__SANITIZE_ADDRESS__)
constexpr std::size_t kPoolBytes = 0;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr std::size_t kPoolBytes = 0;
#else
constexpr std::size_t kPoolBytes = std::size_t(1024) << 20;
#endif
#else
constexpr std::size_t kPoolBytes = std::size_t(1024) << 20;
#endif

struct Pool {
    std::mutex mutex;
    std::list<std::pair<std::size_t, void*>> blocks; // most recently freed first
    std::size_t bytes = 0;
    // Sizes of the large blocks in use that came from the pool bigger than asked for.
    std::unordered_map<void*, std::size_t> oversized;
};

Pool& pool() {
    static Pool* instance = new Pool; // never destroyed: blocks may be freed during exit
    return *instance;
}

// The pool's blocks, taken out of it (the caller frees them outside the lock).
std::list<std::pair<std::size_t, void*>> takeAllLocked(Pool& p) {
    std::list<std::pair<std::size_t, void*>> taken;
    taken.splice(taken.begin(), p.blocks);
    p.bytes = 0;
    return taken;
}

void freeAll(const std::list<std::pair<std::size_t, void*>>& blocks) {
    for (const auto& [size, block] : blocks)
        std::free(block);
}

std::size_t roundedSize(std::size_t bytes) {
    return (bytes + kHugePage - 1) / kHugePage * kHugePage;
}

} // namespace

void* allocatePixelMemory(std::size_t bytes) {
    if (bytes < kLarge) {
        void* memory = std::malloc(bytes ? bytes : 1);
        if (!memory) throw std::bad_alloc();
        return memory;
    }
    const std::size_t rounded = roundedSize(bytes);
    void* block = nullptr;
    std::list<std::pair<std::size_t, void*>> stale;
    {
        Pool& p = pool();
        std::lock_guard lock(p.mutex);
        // The smallest free block that fits and wastes at most a third: an image cropped or
        // straightened by a few percent reuses its source's block (already faulted in).
        auto best = p.blocks.end();
        for (auto it = p.blocks.begin(); it != p.blocks.end(); ++it)
            if (it->first >= rounded && it->first <= rounded + rounded / 2 &&
                (best == p.blocks.end() || it->first < best->first))
                best = it;
        if (best != p.blocks.end()) {
            block = best->second;
            if (best->first != rounded) p.oversized[block] = best->first;
            p.bytes -= best->first;
            p.blocks.erase(best);
        } else if (rounded >= kPurgeOnMiss) {
            // No block fits a large request: fresh memory is faulted in anyway, so the kept
            // blocks of other sizes (a plane of a finished stage) go back first instead of
            // staying resident beside it. A 100 MP render's peak is then its live buffers, not
            // those plus up to kPoolBytes of dead ones. Smaller requests (previews, the window's
            // drag frames, whose straightened and cropped stages come in several sizes) keep the
            // pool: purging it there made every frame fault its buffers in afresh.
            stale = takeAllLocked(p);
        }
    }
    freeAll(stale);
    if (!block) {
        block = std::aligned_alloc(kHugePage, rounded);
        if (!block) throw std::bad_alloc();
        // Transparent huge pages where the system allows them on request ("madvise" mode): one
        // fault per 2 MiB instead of per 4 KiB.
        (void)madvise(block, rounded, MADV_HUGEPAGE);
    }
    return block;
}

void freePixelMemory(void* memory, std::size_t bytes) noexcept {
    if (!memory) return;
    if (bytes < kLarge) {
        std::free(memory);
        return;
    }
    if constexpr (kPoolBytes == 0) {
        std::free(memory);
        return;
    }
    void* block = memory;
    std::size_t rounded = roundedSize(bytes);
    Pool& p = pool();
    std::list<std::pair<std::size_t, void*>> evicted;
    {
        std::lock_guard lock(p.mutex);
        if (const auto it = p.oversized.find(block); it != p.oversized.end()) {
            rounded = it->second;
            p.oversized.erase(it);
        }
        try {
            p.blocks.emplace_front(rounded, block);
            p.bytes += rounded;
        } catch (const std::bad_alloc&) {
            std::free(block); // no memory for a list node: give the block back instead
        }
        while (p.bytes > kPoolBytes) {
            p.bytes -= p.blocks.back().first;
            evicted.splice(evicted.begin(), p.blocks, std::prev(p.blocks.end()));
        }
    }
    freeAll(evicted);
}

void releasePooledPixelMemory() noexcept {
    Pool& p = pool();
    std::list<std::pair<std::size_t, void*>> released;
    {
        std::lock_guard lock(p.mutex);
        released = takeAllLocked(p);
    }
    freeAll(released);
}

} // namespace pictor

#pragma once
// The renderer's stage cache: the output of each pipeline stage (a run of global ops baked into
// one LUT, or one local/geometry op), keyed by a hash of everything that stage's output depends on
// — the key of its input (which chains back to the source image and the render scale) and the
// hashes of its ops (RecipeOp::hash) and render settings. Moving one slider changes the key of its
// stage and of every later one, so only those are recomputed. Least recently used entries go first
// once the byte budget is exceeded. Thread-safe.
#include "image/Image.h"

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace pictor {

class StageCache {
public:
    explicit StageCache(std::size_t budgetBytes = std::size_t(1) << 31)
        : m_budget(budgetBytes) {}

    // The cached output for `key` (marked as just used), or null.
    std::shared_ptr<const Image> find(std::uint64_t key);
    // Stores `image` under `key`, evicting least recently used entries beyond the budget (an
    // image larger than the whole budget is not stored). `slot` (non-zero) names the pipeline
    // position the image is the output of: a slot keeps its kPerSlot most recently used outputs.
    // Dragging a slider makes a new output per position and step; without the limit they fill
    // the whole budget with fresh memory (page faults, zero-filling) before any is reused.
    void insert(std::uint64_t key, std::shared_ptr<const Image> image, std::uint64_t slot = 0);
    static constexpr std::size_t kPerSlot = 3;
    void clear();

    std::size_t bytes() const;
    std::size_t entries() const;
    std::size_t hits() const;
    std::size_t misses() const;

private:
    struct Entry {
        std::uint64_t key;
        std::uint64_t slot;
        std::shared_ptr<const Image> image;
        std::size_t bytes;
    };
    mutable std::mutex m_mutex;
    std::size_t m_budget;
    std::size_t m_bytes = 0, m_hits = 0, m_misses = 0;
    std::list<Entry> m_entries; // most recently used first
    std::unordered_map<std::uint64_t, std::list<Entry>::iterator> m_index;
};

// Chains stage keys: FNV-1a 64 of (previous, value), stable across runs.
std::uint64_t mixKey(std::uint64_t previous, std::uint64_t value);

// A key for a new source image, never handed out before in this process (a Renderer's photo, the
// window's preview): keys of different sources never meet, even in a shared cache.
std::uint64_t newSourceKey();

} // namespace pictor

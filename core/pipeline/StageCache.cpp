#include "pipeline/StageCache.h"

#include <atomic>

namespace pictor {

std::uint64_t mixKey(std::uint64_t previous, std::uint64_t value) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (std::uint64_t v : {previous, value})
        for (int i = 0; i < 8; ++i) {
            h ^= (v >> (8 * i)) & 0xffu;
            h *= 0x100000001b3ull;
        }
    return h;
}

std::uint64_t newSourceKey() {
    static std::atomic<std::uint64_t> counter{1};
    return mixKey(0x534f55524345ull, counter++); // "SOURCE"
}

std::shared_ptr<const Image> StageCache::find(std::uint64_t key) {
    std::lock_guard lock(m_mutex);
    const auto it = m_index.find(key);
    if (it == m_index.end()) {
        ++m_misses;
        return nullptr;
    }
    ++m_hits;
    m_entries.splice(m_entries.begin(), m_entries, it->second);
    return it->second->image;
}

void StageCache::insert(std::uint64_t key, std::shared_ptr<const Image> image, std::uint64_t slot) {
    if (!image) return;
    const std::size_t bytes = image->pixelCount() * 3 * sizeof(float);
    std::lock_guard lock(m_mutex);
    if (const auto it = m_index.find(key); it != m_index.end()) {
        m_bytes -= it->second->bytes;
        m_entries.erase(it->second);
        m_index.erase(it);
    }
    if (bytes > m_budget) return;
    if (slot != 0) { // the slot's least recently used output goes once it holds kPerSlot
        std::size_t inSlot = 0;
        auto oldest = m_entries.end();
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
            if (it->slot == slot) {
                ++inSlot;
                oldest = it;
            }
        if (inSlot >= kPerSlot) {
            m_bytes -= oldest->bytes;
            m_index.erase(oldest->key);
            m_entries.erase(oldest);
        }
    }
    m_entries.push_front({key, slot, std::move(image), bytes});
    m_index[key] = m_entries.begin();
    m_bytes += bytes;
    while (m_bytes > m_budget) {
        const Entry& last = m_entries.back();
        m_bytes -= last.bytes;
        m_index.erase(last.key);
        m_entries.pop_back();
    }
}

void StageCache::clear() {
    std::lock_guard lock(m_mutex);
    m_entries.clear();
    m_index.clear();
    m_bytes = 0;
}

std::size_t StageCache::bytes() const {
    std::lock_guard lock(m_mutex);
    return m_bytes;
}

std::size_t StageCache::entries() const {
    std::lock_guard lock(m_mutex);
    return m_entries.size();
}

std::size_t StageCache::hits() const {
    std::lock_guard lock(m_mutex);
    return m_hits;
}

std::size_t StageCache::misses() const {
    std::lock_guard lock(m_mutex);
    return m_misses;
}

} // namespace pictor

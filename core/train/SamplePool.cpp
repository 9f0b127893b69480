#include "train/SamplePool.h"

#include <algorithm>

namespace pictor::train {

SamplePool::SamplePool(std::size_t capacity)
    : m_capacity(std::max<std::size_t>(1, capacity)) {
    m_samples.reserve(m_capacity);
}

void SamplePool::clear() {
    m_samples.clear();
    m_next = 0;
}

void SamplePool::add(TrainingSample sample) {
    if (m_samples.size() < m_capacity) {
        m_samples.push_back(std::move(sample));
        return;
    }
    m_samples[m_next] = std::move(sample);
    m_next = (m_next + 1) % m_capacity;
}

std::vector<TrainingSample> SamplePool::draw(std::size_t count, std::mt19937_64& rng) const {
    std::vector<TrainingSample> out;
    if (m_samples.empty()) return out;
    std::uniform_int_distribution<std::size_t> pick(0, m_samples.size() - 1);
    for (std::size_t i = 0; i < count; ++i)
        out.push_back(m_samples[pick(rng)]);
    return out;
}

} // namespace pictor::train

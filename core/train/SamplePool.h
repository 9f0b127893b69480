#pragma once
// A replay pool of training samples. Making a sample (degrading a crop, then the analysis and the
// priors on it) costs about six times the network's share of a gradient step on it on a 2-core
// CPU (21 ms against 3.5 ms in the run of 2026-11-29 afternoon), so training that uses each sample
// once spends most of its time making data and stops while the losses still fall. With the pool
// each step makes batch / reuse fresh samples and trains on a batch drawn at random from the last
// `capacity` made, so each sample serves `reuse` steps on average, at random times (not in
// consecutive batches, which would overfit them).
#include "train/CriticTraining.h"

#include <cstddef>
#include <random>
#include <vector>

namespace pictor::train {

class SamplePool {
public:
    explicit SamplePool(std::size_t capacity);
    // Forgets every sample (a new stage draws from another mix of defects).
    void clear();
    // Adds a sample; the oldest one goes when the pool is full.
    void add(TrainingSample sample);
    // `count` samples drawn uniformly, with replacement (empty pool: none).
    std::vector<TrainingSample> draw(std::size_t count, std::mt19937_64& rng) const;
    std::size_t size() const { return m_samples.size(); }
    std::size_t capacity() const { return m_capacity; }

private:
    std::size_t m_capacity;
    std::size_t m_next = 0; // where the next sample goes once the pool is full
    std::vector<TrainingSample> m_samples;
};

} // namespace pictor::train

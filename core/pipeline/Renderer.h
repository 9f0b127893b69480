#pragma once
// One photo being edited: its pixels, a preview pyramid and a stage cache, so that a preview
// renders at any scale from the nearest pyramid level and moving one slider recomputes only the
// stages that depend on it (Render.h, StageCache.h). Thread-safe: one render at a time (a new
// request waits; cancel the old one through RenderSettings::progress).
#include "pipeline/Render.h"
#include "pipeline/StageCache.h"

#include <map>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace pictor {

class Renderer {
public:
    explicit Renderer(Image source, std::size_t cacheBytes = std::size_t(1) << 31);

    const Image& source() const { return *m_levels.front(); }

    // The source at `scale` (0 < scale ≤ 1) of its size, from the pyramid: the nearest level of
    // halvings at or above the scale, area-resized to round(scale · size) (≥ 1 px). Cached.
    std::shared_ptr<const Image> sourceAt(double scale);

    // Renders `recipe` at `scale` of the full resolution (previews < 1). settings.pixelScale is
    // multiplied by the actual scale of the level, so previews look like the export.
    Result<std::shared_ptr<const Image>> render(const Recipe& recipe, RenderSettings settings,
                                                double scale = 1.0);

    StageCache& cache() { return m_cache; }

private:
    std::shared_ptr<const Image> sourceAtLocked(double scale);

    std::mutex m_mutex;
    std::vector<std::shared_ptr<const Image>> m_levels; // [0] = source, then halvings
    std::map<std::pair<int, int>, std::shared_ptr<const Image>> m_resized;
    std::uint64_t m_sourceKey;
    StageCache m_cache;
};

} // namespace pictor

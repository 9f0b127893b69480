#include "pipeline/Renderer.h"

#include "pipeline/Kernels.h"

#include <algorithm>
#include <cmath>

namespace pictor {

Renderer::Renderer(Image source, std::size_t cacheBytes)
    : m_sourceKey(newSourceKey())
    , m_cache(cacheBytes) {
    m_levels.push_back(std::make_shared<const Image>(std::move(source)));
}

std::shared_ptr<const Image> Renderer::sourceAt(double scale) {
    std::lock_guard lock(m_mutex);
    return sourceAtLocked(scale);
}

std::shared_ptr<const Image> Renderer::sourceAtLocked(double scale) {
    const Image& full = *m_levels.front();
    if (!(scale < 1.0)) return m_levels.front();
    const int width = std::max(1, int(std::lround(full.width() * scale)));
    const int height = std::max(1, int(std::lround(full.height() * scale)));
    if (auto it = m_resized.find({width, height}); it != m_resized.end()) return it->second;
    // The smallest level that is still at least the target size.
    std::size_t level = 0;
    for (;;) {
        if (level + 1 == m_levels.size()) {
            const Image& last = *m_levels.back();
            if (last.width() < 2 * width || last.height() < 2 * height) break;
            m_levels.push_back(std::make_shared<const Image>(kernels::downscale(last, 2)));
        }
        const Image& next = *m_levels[level + 1];
        if (next.width() < width || next.height() < height) break;
        ++level;
    }
    const Image& base = *m_levels[level];
    auto resized = base.width() == width && base.height() == height
                       ? m_levels[level]
                       : std::make_shared<const Image>(kernels::resizeArea(base, width, height));
    if (m_resized.size() >= 4) m_resized.clear(); // a few preview sizes at a time
    m_resized[{width, height}] = resized;
    return resized;
}

Result<std::shared_ptr<const Image>> Renderer::render(const Recipe& recipe, RenderSettings settings,
                                                      double scale) {
    std::lock_guard lock(m_mutex);
    const std::shared_ptr<const Image> input = sourceAtLocked(scale);
    settings.pixelScale *= double(input->width()) / double(source().width());
    const std::uint64_t key =
        mixKey(mixKey(m_sourceKey, std::uint64_t(input->width())), std::uint64_t(input->height()));
    return renderRecipeCached(*input, key, recipe, settings, &m_cache);
}

} // namespace pictor

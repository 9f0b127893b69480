#pragma once
// Memory for large pixel buffers. A 24-megapixel float image is 288 MB: with 4 KiB pages the
// kernel takes ~70 000 page faults (~0.2 s on these machines) the first time it is touched, and
// zero-filling it costs as much again. Large buffers are therefore allocated 2 MiB-aligned with a
// transparent-huge-page hint, recycled through a small pool of recently freed blocks (a render
// allocates buffers of the same few sizes over and over), and are left uninitialised (every user
// overwrites them).
#include <cstddef>
#include <cstring>
#include <memory>
#include <new>
#include <utility>

namespace pictor {

void* allocatePixelMemory(std::size_t bytes);                   // throws std::bad_alloc
void freePixelMemory(void* memory, std::size_t bytes) noexcept; // `bytes` as allocated
// Gives the pool's free blocks back to the system: after a one-off render (apply, export) whose
// planes would otherwise stay resident while the result is encoded.
void releasePooledPixelMemory() noexcept;

template <typename T> class PixelBuffer {
public:
    PixelBuffer() = default;
    explicit PixelBuffer(std::size_t count)
        : m_data(count ? static_cast<T*>(allocatePixelMemory(count * sizeof(T))) : nullptr,
                 Free{count * sizeof(T)})
        , m_size(count) {}
    PixelBuffer(const PixelBuffer& other)
        : PixelBuffer(other.m_size) {
        if (m_size) std::memcpy(m_data.get(), other.m_data.get(), m_size * sizeof(T));
    }
    PixelBuffer& operator=(const PixelBuffer& other) {
        if (this != &other) *this = PixelBuffer(other);
        return *this;
    }
    PixelBuffer(PixelBuffer&& other) noexcept
        : m_data(std::move(other.m_data))
        , m_size(std::exchange(other.m_size, 0)) {}
    PixelBuffer& operator=(PixelBuffer&& other) noexcept {
        m_data = std::move(other.m_data);
        m_size = std::exchange(other.m_size, 0);
        return *this;
    }

    T* data() { return m_data.get(); }
    const T* data() const { return m_data.get(); }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    // Fewer elements in the same memory (an image cropped or straightened in place): the
    // allocation is kept whole until the buffer is freed. `count` ≤ size().
    void shrink(std::size_t count) {
        if (count < m_size) m_size = count;
    }
    T& operator[](std::size_t i) { return m_data[i]; }
    const T& operator[](std::size_t i) const { return m_data[i]; }

private:
    struct Free {
        std::size_t bytes = 0;
        void operator()(T* p) const noexcept { freePixelMemory(p, bytes); }
    };
    std::unique_ptr<T[], Free> m_data;
    std::size_t m_size = 0;
};

} // namespace pictor

#pragma once
// A value or an Error: the core API's way to report failure. Exceptions from third-party
// libraries (libtorch, exiv2, LibRaw, OpenCV) are caught at the boundary and become an Error.
#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace pictor {

// What failed and what the user can do about it; message() is one line for a CLI or a dialog.
struct Error {
    std::string what; // "Cannot read 'x.jpg': the file is truncated (JPEG data ends early)"
    std::string hint; // "Re-copy the file from the camera card or the original source."

    std::string message() const { return hint.empty() ? what : what + ". " + hint; }
};

template <typename T> class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T& value() & { assert(ok()); return std::get<T>(m_state); }
    const T& value() const& { assert(ok()); return std::get<T>(m_state); }
    T&& value() && { assert(ok()); return std::get<T>(std::move(m_state)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { assert(!ok()); return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// For operations that return nothing on success.
struct Ok {};
using Status = Result<Ok>;

} // namespace pictor

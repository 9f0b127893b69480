#include "io/FileIo.h"

#include <cerrno>
#include <stdio.h> // renameat2, RENAME_NOREPLACE (glibc ≥ 2.28)
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

namespace pictor {

namespace fs = std::filesystem;

namespace {
std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

std::string systemReason(int err) {
    switch (err) {
    case ENOSPC: return "the disk is full";
    case EDQUOT: return "the disk quota is exceeded";
    case EACCES:
    case EPERM: return "permission denied";
    case EROFS: return "the file system is read-only";
    case ENOENT: return "the folder does not exist";
    case EISDIR: return "it is a folder";
    default: return std::strerror(err);
    }
}
} // namespace

Result<std::vector<std::uint8_t>> readFileBytes(const fs::path& path, std::uintmax_t maxBytes) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status))
        return Error{"Cannot open " + quoted(path) + ": the file does not exist",
                     "Check the path and the file name."};
    if (fs::is_directory(status))
        return Error{"Cannot open " + quoted(path) + ": it is a folder, not a photo",
                     "Give the path of a photo file."};
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return Error{"Cannot open " + quoted(path) + ": " + systemReason(errno),
                     "Check that you may read the file."};
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return Error{"Cannot open " + quoted(path) + ": it is not a regular file",
                     "Give the path of a photo file."};
    }
    if (std::uintmax_t(st.st_size) > maxBytes) {
        ::close(fd);
        return Error{"Cannot open " + quoted(path) + ": the file is larger than " +
                         std::to_string(maxBytes >> 20) + " MiB",
                     "This is not a photo Pictor can open."};
    }
    std::vector<std::uint8_t> bytes(std::size_t(st.st_size));
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int err = errno;
            ::close(fd);
            return Error{"Cannot read " + quoted(path) + ": " +
                             (n == 0 ? std::string("the file shrank while reading") : systemReason(err)),
                         "Check the disk and try again."};
        }
        done += std::size_t(n);
    }
    ::close(fd);
    return bytes;
}

bool sameFile(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    return fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec) && !ec;
}

Status writeFileAtomically(const fs::path& path, const std::uint8_t* bytes, std::size_t size,
                           const WriteOptions& options) {
    std::error_code ec;
    const fs::path target = fs::absolute(path, ec);
    const fs::path folder = target.parent_path();
    if (!fs::is_directory(folder, ec))
        return Error{"Cannot write " + quoted(path) + ": the folder " + quoted(folder) +
                         " does not exist",
                     "Create the folder first or choose another destination."};
    if (fs::is_directory(target, ec))
        return Error{"Cannot write " + quoted(path) + ": a folder of that name exists",
                     "Choose another file name."};
    if (!options.overwrite && fs::exists(fs::symlink_status(target, ec)))
        return Error{"Not writing " + quoted(path) + ": the file already exists",
                     "Choose another name, or pass --overwrite to replace it."};

    std::random_device random;
    const fs::path temporary =
        folder / ("." + target.filename().string() + ".pictor-" + std::to_string(random()) + ".tmp");
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        // ENOENT here means the folder exists but takes no new files (procfs and the like).
        const int err = errno;
        return Error{"Cannot write into " + quoted(folder) + ": " +
                         (err == ENOENT ? std::string("files cannot be created there") : systemReason(err)),
                     "Choose a folder you may write to."};
    }
    auto fail = [&](int err) -> Status {
        ::close(fd);
        ::unlink(temporary.c_str());
        return Error{"Cannot write " + quoted(path) + ": " + systemReason(err),
                     err == ENOSPC ? "Free some disk space and try again; nothing was written."
                                   : "Nothing was written."};
    };
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::write(fd, bytes + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return fail(n < 0 ? errno : ENOSPC);
        done += std::size_t(n);
    }
    if (::fsync(fd) != 0) return fail(errno);
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(temporary.c_str());
        return Error{"Cannot write " + quoted(path) + ": " + systemReason(err), "Nothing was written."};
    }
    // Without overwrite, RENAME_NOREPLACE refuses an existing target atomically (no race with a
    // concurrent export); file systems without it fall back to link(), which refuses too.
    int rc = 0;
    if (options.overwrite) {
        rc = std::rename(temporary.c_str(), target.c_str());
    } else {
        rc = ::renameat2(AT_FDCWD, temporary.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE);
        if (rc != 0 && (errno == EINVAL || errno == ENOSYS)) {
            rc = ::link(temporary.c_str(), target.c_str());
            if (rc == 0) ::unlink(temporary.c_str());
        }
    }
    const int err = errno;
    if (rc != 0) {
        ::unlink(temporary.c_str());
        if (err == EEXIST)
            return Error{"Not writing " + quoted(path) + ": the file already exists",
                         "Choose another name, or pass --overwrite to replace it."};
        return Error{"Cannot write " + quoted(path) + ": " + systemReason(err), "Nothing was written."};
    }
    return Ok{};
}

} // namespace pictor

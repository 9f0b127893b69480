#include "io/FileIo.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <stdio.h> // renameat2, RENAME_NOREPLACE (glibc ≥ 2.28)
#include <sys/stat.h>
#include <unistd.h>

namespace pictor {

namespace fs = std::filesystem;

namespace {
std::string quoted(const fs::path& p) {
    std::string out = "'";
    out += p.string();
    out += '\'';
    return out;
}

std::string systemReason(int err) {
    switch (err) {
    case ENOSPC:
        return "the disk is full";
    case EDQUOT:
        return "the disk quota is exceeded";
    case EACCES:
    case EPERM:
        return "permission denied";
    case EROFS:
        return "the file system is read-only";
    case ENOENT:
        return "the folder does not exist";
    case EISDIR:
        return "it is a folder";
    default:
        return std::strerror(err);
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
            return Error{
                "Cannot read " + quoted(path) + ": " +
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

namespace {

// An open, still nameless (O_TMPFILE) or temporarily named file in the destination folder.
struct PendingFile {
    int fd = -1;
    fs::path temporary; // empty for an O_TMPFILE file, which vanishes with its last descriptor
};

// ".photo.jpg.pictor-1234567.tmp" beside the target (built by appending: GCC 12 warns falsely
// about operator+ chains on std::string).
fs::path hiddenName(const fs::path& folder, const fs::path& target) {
    static thread_local std::mt19937 random{std::random_device{}()};
    std::string name = ".";
    name += target.filename().string();
    name += ".pictor-";
    name += std::to_string(random());
    name += ".tmp";
    return folder / name;
}

// O_TMPFILE gives the data no name until linkat(): a process killed mid-write leaves nothing
// behind. File systems without it (some network and FUSE ones) get a hidden temporary name.
int openPending(const fs::path& folder, const fs::path& target, PendingFile& file) {
    file.fd = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
    if (file.fd >= 0) return 0;
    if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) return errno;
    file.temporary = hiddenName(folder, target);
    file.fd = ::open(file.temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    return file.fd >= 0 ? 0 : errno;
}

// Gives an O_TMPFILE file the name `name` (fails with EEXIST when it exists). linkat with
// AT_EMPTY_PATH needs CAP_DAC_READ_SEARCH; the /proc/self/fd link does the same for anyone.
int linkPending(int fd, const fs::path& name) {
    const std::string self = "/proc/self/fd/" + std::to_string(fd);
    if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0) return 0;
    const int err = errno;
    if (err == ENOENT && ::access("/proc/self/fd", F_OK) != 0 &&
        ::linkat(fd, "", AT_FDCWD, name.c_str(), AT_EMPTY_PATH) == 0)
        return 0;
    return err;
}

// Without overwrite: the name appears only when no file holds it, atomically (no race with a
// concurrent export). RENAME_NOREPLACE, or link() where a file system lacks it, both refuse.
int publishNoReplace(const PendingFile& file, const fs::path& target) {
    if (file.temporary.empty()) return linkPending(file.fd, target);
    if (::renameat2(AT_FDCWD, file.temporary.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE) ==
        0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS) return errno;
    if (::link(file.temporary.c_str(), target.c_str()) != 0) return errno;
    ::unlink(file.temporary.c_str());
    return 0;
}

// With overwrite: link() cannot replace, so an O_TMPFILE file is first linked to a hidden name
// and renamed over the target (a kill between the two leaves that hidden name; rename itself is
// atomic, the target is always the old or the new file).
int publishReplacing(PendingFile& file, const fs::path& folder, const fs::path& target) {
    if (file.temporary.empty()) {
        for (int attempt = 0; attempt < 8 && file.temporary.empty(); ++attempt) {
            const fs::path name = hiddenName(folder, target);
            const int err = linkPending(file.fd, name);
            if (err == 0)
                file.temporary = name;
            else if (err != EEXIST)
                return err;
        }
        if (file.temporary.empty()) return EEXIST;
    }
    return std::rename(file.temporary.c_str(), target.c_str()) == 0 ? 0 : errno;
}

// The new name itself must survive a power cut: sync the folder's entry too (best effort; some
// file systems refuse fsync on folders).
void syncFolder(const fs::path& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

} // namespace

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

    PendingFile file;
    if (const int err = openPending(folder, target, file); err != 0) {
        // ENOENT here means the folder exists but takes no new files (procfs and the like).
        return Error{
            "Cannot write into " + quoted(folder) + ": " +
                (err == ENOENT ? std::string("files cannot be created there") : systemReason(err)),
            "Choose a folder you may write to."};
    }
    auto discard = [&] {
        if (file.fd >= 0) ::close(file.fd);
        file.fd = -1;
        if (!file.temporary.empty()) ::unlink(file.temporary.c_str());
    };
    auto fail = [&](int err) -> Status {
        discard();
        if (err == EEXIST)
            return Error{"Not writing " + quoted(path) + ": the file already exists",
                         "Choose another name, or pass --overwrite to replace it."};
        return Error{"Cannot write " + quoted(path) + ": " + systemReason(err),
                     err == ENOSPC || err == EDQUOT
                         ? "Free some disk space and try again; nothing was written."
                         : "Nothing was written."};
    };
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::write(file.fd, bytes + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return fail(n < 0 ? errno : ENOSPC);
        done += std::size_t(n);
    }
    if (::fsync(file.fd) != 0) return fail(errno);
    const int err =
        options.overwrite ? publishReplacing(file, folder, target) : publishNoReplace(file, target);
    if (err != 0) return fail(err);
    // Published: the data is under its name; closing cannot lose it any more (fsync was done).
    ::close(file.fd);
    file.fd = -1;
    syncFolder(folder);
    return Ok{};
}

} // namespace pictor

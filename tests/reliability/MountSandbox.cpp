#include "MountSandbox.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace pictor::test {

namespace {

std::string reason(const char* what) {
    return std::string(what) + ": " + std::strerror(errno);
}

bool writeText(const char* path, const std::string& text) {
    const int fd = ::open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = ::write(fd, text.data(), text.size()) == ssize_t(text.size());
    ::close(fd);
    return ok;
}

} // namespace

std::string enterPrivateMountNamespace() {
    if (::geteuid() != 0) {
        // Become root of a new user namespace (mapped to ourselves), which may mount tmpfs.
        const uid_t uid = ::geteuid();
        const gid_t gid = ::getegid();
        if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0)
            return reason("cannot create a user and mount namespace (not root)");
        writeText("/proc/self/setgroups", "deny");
        if (!writeText("/proc/self/uid_map", "0 " + std::to_string(uid) + " 1\n") ||
            !writeText("/proc/self/gid_map", "0 " + std::to_string(gid) + " 1\n"))
            return reason("cannot map the user into its namespace");
    } else if (::unshare(CLONE_NEWNS) != 0) {
        return reason("cannot create a mount namespace");
    }
    // Without this, mounts could propagate back to the machine's namespace (shared mounts).
    if (::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return reason("cannot make the mounts private");
    return {};
}

std::string mountTmpfs(const std::string& dir, std::uint64_t bytes) {
    const std::string options = "size=" + std::to_string(bytes) + ",mode=0755";
    if (::mount("pictor-test", dir.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) != 0)
        return reason("cannot mount a tmpfs");
    return {};
}

std::string remountReadOnly(const std::string& dir) {
    if (::mount("pictor-test", dir.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV,
                nullptr) != 0)
        return reason("cannot remount read-only");
    return {};
}

std::string unmount(const std::string& dir) {
    if (::umount2(dir.c_str(), MNT_DETACH) != 0) return reason("cannot unmount");
    return {};
}

std::uint64_t freeBytes(const std::string& dir) {
    struct statvfs st {};
    if (::statvfs(dir.c_str(), &st) != 0) return 0;
    return std::uint64_t(st.f_bavail) * st.f_frsize;
}

} // namespace pictor::test

#pragma once
// A minimal test harness for the compute part (ops, pipeline, nn). Those tests must also build
// in the compute-only configuration — against a bare (e.g. CUDA) libtorch, without Qt — so they
// cannot use Qt Test. Same spirit: named test functions, data rows via loops, messages that
// say what differed. Prints "N passed, N failed, N skipped" and exits non-zero on any failure.
//
//   PICTOR_TEST(exposure_doubles_linear_values) {
//       CHECK(x > 0);
//       CHECK_CLOSE(a, b, 1e-6);
//       if (!cudaAvailable) SKIP("no CUDA device");
//   }
//   int main() { return pictor::test::runAll(); }
#include <cmath>
#include <cstdio>
#include <exception>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace pictor::test {

struct TestCase {
    const char* name;
    std::function<void()> body;
};

inline std::vector<TestCase>& registry() {
    static std::vector<TestCase> tests;
    return tests;
}

struct Registrar {
    Registrar(const char* name, std::function<void()> body) { registry().push_back({name, std::move(body)}); }
};

struct Failure {
    std::string message;
};
struct Skipped {
    std::string reason;
};

inline void fail(const char* file, int line, const std::string& message) {
    std::ostringstream text;
    text << file << ":" << line << ": " << message;
    throw Failure{text.str()};
}

// Runs every registered test (or those whose name contains argv[1]).
inline int runAll(int argc = 0, char** argv = nullptr) {
    const std::string filter = argc > 1 ? argv[1] : "";
    int passed = 0, failed = 0, skipped = 0;
    for (const auto& test : registry()) {
        if (!filter.empty() && std::string(test.name).find(filter) == std::string::npos) continue;
        try {
            test.body();
            ++passed;
            std::printf("PASS   : %s\n", test.name);
        } catch (const Failure& f) {
            ++failed;
            std::printf("FAIL!  : %s\n    %s\n", test.name, f.message.c_str());
        } catch (const Skipped& s) {
            ++skipped;
            std::printf("SKIP   : %s: %s\n", test.name, s.reason.c_str());
        } catch (const std::exception& e) {
            ++failed;
            std::printf("FAIL!  : %s\n    unexpected exception: %s\n", test.name, e.what());
        }
    }
    std::printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
    return failed == 0 ? 0 : 1;
}

} // namespace pictor::test

#define PICTOR_TEST_CONCAT2(a, b) a##b
#define PICTOR_TEST_CONCAT(a, b) PICTOR_TEST_CONCAT2(a, b)
#define PICTOR_TEST(name)                                                                          \
    static void name();                                                                            \
    static ::pictor::test::Registrar PICTOR_TEST_CONCAT(registrar_, name)(#name, name);            \
    static void name()

#define CHECK(condition)                                                                           \
    do {                                                                                           \
        if (!(condition)) ::pictor::test::fail(__FILE__, __LINE__, "CHECK(" #condition ") failed"); \
    } while (0)

#define CHECK_MSG(condition, message)                                                              \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::ostringstream pictor_check_text;                                                  \
            pictor_check_text << "CHECK(" #condition ") failed: " << message;                     \
            ::pictor::test::fail(__FILE__, __LINE__, pictor_check_text.str());                     \
        }                                                                                          \
    } while (0)

#define CHECK_CLOSE(actual, expected, tolerance)                                                   \
    do {                                                                                           \
        const double pictor_a = double(actual), pictor_e = double(expected);                      \
        if (!(std::abs(pictor_a - pictor_e) <= double(tolerance))) {                               \
            std::ostringstream pictor_check_text;                                                  \
            pictor_check_text << #actual " = " << pictor_a << ", expected " << pictor_e           \
                              << " ± " << double(tolerance);                                       \
            ::pictor::test::fail(__FILE__, __LINE__, pictor_check_text.str());                     \
        }                                                                                          \
    } while (0)

#define SKIP(reason) throw ::pictor::test::Skipped{reason}

#include "util/StripPipeline.h"

#include <atomic>
#include <semaphore>
#include <thread>

namespace pictor {

bool runStripPipeline(int strips, int slots, const std::function<bool(int, int)>& first,
                      const std::function<bool(int, int)>& second, bool firstStageOnWorker) {
    std::counting_semaphore<> free(slots), ready(0);
    std::atomic<bool> stop{false};
    // Stage 1 fills slots in strip order; stage 2 drains them in the same order.
    auto runFirst = [&] {
        for (int s = 0; s < strips; ++s) {
            free.acquire();
            if (stop.load() || !first(s, s % slots)) {
                stop.store(true);
                ready.release(); // wake stage 2 so it can see `stop`
                return;
            }
            ready.release();
        }
    };
    auto runSecond = [&] {
        for (int s = 0; s < strips; ++s) {
            ready.acquire();
            if (stop.load() || !second(s, s % slots)) {
                stop.store(true);
                free.release(); // wake stage 1 so it can see `stop`
                return;
            }
            free.release();
        }
    };
    std::thread worker(firstStageOnWorker ? std::function<void()>(runFirst)
                                          : std::function<void()>(runSecond));
    if (firstStageOnWorker) runSecond();
    else runFirst();
    worker.join();
    return !stop.load();
}

} // namespace pictor

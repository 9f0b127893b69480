#pragma once
// Two-stage, two-thread pipeline over the horizontal strips of an image: while one thread runs
// stage 1 on strip n+1 (e.g. entropy-decoding a JPEG), another runs stage 2 on strip n (e.g.
// converting it to the working space). Used where a single-threaded library (libjpeg) would
// otherwise leave the second core idle.
#include <functional>

namespace pictor {

// Each stage gets (strip, slot): slot ∈ [0, slots) names the buffer the strip lives in while
// in flight. A stage returns false to stop the pipeline; runStripPipeline then returns false.
// `firstStageOnWorker` chooses which stage runs on the extra thread (libjpeg must stay on the
// calling thread, where its error handler's setjmp lives).
bool runStripPipeline(int strips, int slots, const std::function<bool(int, int)>& first,
                      const std::function<bool(int, int)>& second, bool firstStageOnWorker);

} // namespace pictor

#pragma once
// The Critic: looks at a photo, says what holds it back and why (with the numbers it measured),
// scores it, and writes the instructions the Artist carries out.
//
//  1. Analysis (critic/Analysis.h) on a thumbnail and native-resolution tiles.
//  2. Needs (critic/Diagnosis.h): per aspect a correction, a severity and a score penalty. Only
//     needs past a tolerance become findings: a well-made photo is left alone (do no harm).
//     Exposure is judged first; when it needs a correction, the thumbnail and tiles are
//     analysed again with it applied and the other aspects judged on that (the clipping and
//     harshness of an over-exposed photo are the exposure's).
//  3. With a learned model (core/nn/CriticModel.h): each param it predicts is used when the
//     defect it corrects is predicted present and the param's confidence passes, and only where
//     the analysis agrees on the direction (the analysis is the sanity check).
//  4. The fixes combine into one recipe, written as canonical instructions; the thumbnail and
//     tiles are rendered with it and analysed again for the score after the edit.
#include "critic/Analysis.h"
#include "critic/Finding.h"
#include "io/Photo.h"
#include "util/Result.h"

#include <functional>

namespace pictor::nn {
class CriticModel;
}

namespace pictor::critic {

struct CriticOptions {
    AnalysisOptions analysis;               // sourceWhite and raw are filled from a Photo
    const nn::CriticModel* model = nullptr; // null: analysis only
    double modelDefectThreshold = 0.5; // model params count when their defect is this likely …
    double modelMinConfidence = 0.5;   // … and their confidence is at least this
    bool scoreAfter = true;            // render the edit and score it (costs a render)
    // Cancellation, polled between steps: returning false stops with an error.
    std::function<bool()> keepGoing;
};

// The photo's own white and RAW flag, as the analysis and the renderer need them.
void describeSource(const Photo& photo, AnalysisOptions& options);

Result<Critique> critique(const Image& image, const CriticOptions& options = {});
Result<Critique> critique(const Photo& photo, CriticOptions options = {});

} // namespace pictor::critic

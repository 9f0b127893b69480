#pragma once
// What the Critic says about a photo: findings (each with its measured evidence, reasoning and
// the instruction that addresses it), a score, and the combined edit.
#include "critic/Analysis.h"
#include "recipe/Recipe.h"

#include <string>
#include <vector>

namespace pictor::critic {

// What a finding is about. Stable keys (aspectKey) are used in JSON.
enum class Aspect {
    Exposure,
    Highlights,
    Shadows,
    Contrast,
    WhiteBalance,
    Saturation,
    Noise,
    Sharpness,
    Haze,
    Tilt,
};

enum class Severity { Minor, Moderate, Major };

// One measured number behind a finding, with its unit: "median luminance" 5.8 "%".
struct Evidence {
    std::string key;   // stable: "median_luminance"
    std::string label; // translated: "median luminance"
    double value = 0;
    std::string unit;         // "%", "EV", "K", "°", "" …
    std::string text() const; // "median luminance 5.8 %"
};

struct Finding {
    Aspect aspect = Aspect::Exposure;
    Severity severity = Severity::Minor;
    double magnitude = 0; // 0…1, how far from right (severity is its grade)
    std::vector<Evidence> evidence;
    std::string reasoning;   // one or two sentences, translated, citing the evidence
    Recipe fix;              // the edit that addresses it (one op; may be empty: nothing helps)
    std::string instruction; // fix in canonical instruction form (empty when fix is empty)
    bool fromModel = false;  // the learned model proposed the fix (the analysis accepted it)
    double confidence = 1;   // 0…1: the model's confidence, 1 for analysis-only fixes
};

struct Critique {
    double score = 100;             // 0…100, the photo as it is
    double scoreAfter = 100;        // after the suggested edit (re-analysed render)
    std::vector<Finding> findings;  // most severe first
    Recipe recipe;                  // all fixes combined
    std::string instructions;       // recipe in canonical instruction form (one per line)
    Analysis analysis;              // what was measured
    Analysis analysisAfter;         // the same, on the rendered edit
    std::string summary;            // one translated sentence
    std::string model;              // the learned model used ("" = analysis only)
    std::vector<std::string> notes; // what the Critic could not do (e.g. the model failed)
    double seconds = 0;             // time taken
};

std::string aspectKey(Aspect aspect);         // "exposure", "white_balance", …
std::string aspectLabel(Aspect aspect);       // translated: "Exposure", "White balance", …
std::string severityKey(Severity severity);   // "minor", "moderate", "major"
std::string severityLabel(Severity severity); // translated

} // namespace pictor::critic

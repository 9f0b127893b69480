#pragma once
// The words of the instruction language. Targets are the catalogue's params (ops/OpSpec.h); this
// file adds only what the catalogue cannot know: canonical English names, synonyms (with their
// sense: "noise" is the opposite of "noise reduction"), verbs, graded words and units, and each
// param's "moderate" step for graded words. Internal to core/instructions.
#include "ops/OpSpec.h"

#include <string>
#include <string_view>
#include <vector>

namespace pictor::instructions {

enum class LexKind {
    Target,    // names a param (or, with op empty, only an HSL param such as "hue")
    Direction, // more / less / increase / reduce / lift …
    Grade,     // a touch / slightly / a lot …
    Band,      // an HSL hue band: reds, blues …
    Unit,      // EV, stops, K, %, °, px
    Relative,  // "by"
    Absolute,  // "to", "set", "=", ":"
    Strength,  // "strength", "amount" (an absolute magnitude in the verb's direction)
    Reset,     // "reset" (back to neutral)
    Split,     // "and", "then", "plus": joins two instructions on one line
    Filler,    // words that carry no meaning here: it, the, photo, please …
};

struct LexEntry {
    std::vector<std::string> words; // lower-case ASCII words of the phrase
    LexKind kind = LexKind::Filler;
    // Target
    std::string op, param; // catalogue keys; op empty: only meaningful with a band
    int polarity = 1;      // −1: raising the word lowers the param ("noise", "haze", "vignette")
    bool implies = false;  // the word itself says "more" ("warmer", "sharpen", "brighten")
    bool generic = false;  // may give its direction to another target ("brighter shadows")
    std::string hslParam;  // with a band: "hue", "saturation" or "luminance"
    // Direction: polarity. Grade: level (moderate = 1). Band: band. Unit: unit (canonical).
    double level = 1;
    std::string band;
    std::string unit;
};

// All entries, longest phrase first (for longest-match scanning).
const std::vector<LexEntry>& lexicon();
// The entries whose phrase starts with `word`, longest phrase first.
const std::vector<const LexEntry*>& entriesStartingWith(std::string_view word);

// The canonical English name of a Scalar param ("exposure", "noise reduction", "red saturation").
std::string canonicalName(const OpSpec& op, const ParamSpec& param);
// The change "moderately" stands for, in the param's units (> 0).
double moderateStep(const OpSpec& op, const ParamSpec& param);

// Damerau–Levenshtein (optimal string alignment) distance, capped: returns cap + 1 when larger.
int editDistance(std::string_view a, std::string_view b, int cap = 3);
// The nearest vocabulary word (of the given kinds; all when empty) within reach of `word`
// (≤ 1 edit for ≤ 4 letters, ≤ 2 up to 8, else ≤ 3), or "" when none.
std::string nearestWord(std::string_view word, const std::vector<LexKind>& kinds = {});

} // namespace pictor::instructions

#include "instructions/Lexicon.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

namespace pictor::instructions {

namespace {

std::vector<std::string> split(std::string_view phrase) {
    std::vector<std::string> words;
    std::istringstream in{std::string(phrase)};
    for (std::string w; in >> w;)
        words.push_back(w);
    return words;
}

struct NameOverride {
    const char* op;
    const char* param;
    const char* name;
};

// Canonical names where the param's own key does not read as English. Every other param is
// named by its key (or "<band> <param>" for HSL, "<op> <param>" when the key is not unique).
constexpr NameOverride kNames[] = {
    {"denoise", "luminance", "noise reduction"},
    {"denoise", "chroma", "colour noise reduction"},
    {"dehaze", "amount", "dehaze"},
    {"clarity", "amount", "clarity"},
    {"sharpen", "amount", "sharpening"},
    {"sharpen", "radius", "sharpening radius"},
    {"sharpen", "masking", "sharpening masking"},
    {"straighten", "angle", "straighten angle"},
    {"vignette", "amount", "vignette amount"},
    {"vignette", "midpoint", "vignette midpoint"},
    {"vignette", "feather", "vignette feather"},
    {"tone_curve", "points", "tone curve"},
};

// What "moderately" means per param, in its units. Graded words scale it (Grade levels below),
// so the mapping is strictly monotonic per param.
struct StepEntry {
    const char* op;
    const char* param; // "*" = every param of the op
    double step;
};
constexpr StepEntry kSteps[] = {
    {"exposure", "*", 0.5},
    {"white_balance", "temperature", 500},
    {"white_balance", "tint", 10},
    {"tone", "*", 20},
    {"color", "*", 20},
    {"hsl", "*", 15},
    {"dehaze", "*", 20},
    {"clarity", "*", 20},
    {"denoise", "*", 25},
    {"sharpen", "amount", 30},
    {"sharpen", "radius", 0.3},
    {"sharpen", "masking", 20},
    {"vignette", "amount", 20},
    {"vignette", "*", 10},
    {"straighten", "*", 1},
    {"crop", "*", 0.05},
};

// Synonyms of targets: phrase, op, param, polarity, implies, generic, hslParam.
struct Synonym {
    const char* phrase;
    const char* op;
    const char* param;
    int polarity;
    bool implies;
    bool generic;
    const char* hslParam;
};
constexpr Synonym kSynonyms[] = {
    // exposure
    {"exposure compensation", "exposure", "exposure", 1, false, false, ""},
    {"brightness", "exposure", "exposure", 1, false, false, "luminance"},
    {"luminance", "exposure", "exposure", 1, false, false, "luminance"},
    {"lightness", "exposure", "exposure", 1, false, false, "luminance"},
    {"luma", "exposure", "exposure", 1, false, false, "luminance"},
    {"ev", "exposure", "exposure", 1, false, false, ""},
    {"brighter", "exposure", "exposure", 1, true, true, "luminance"},
    {"brighten", "exposure", "exposure", 1, true, true, "luminance"},
    {"lighter", "exposure", "exposure", 1, true, true, "luminance"},
    {"lighten", "exposure", "exposure", 1, true, true, "luminance"},
    {"darker", "exposure", "exposure", -1, true, true, "luminance"},
    {"darken", "exposure", "exposure", -1, true, true, "luminance"},
    {"underexpose", "exposure", "exposure", -1, true, false, ""},
    {"overexpose", "exposure", "exposure", 1, true, false, ""},
    // white balance
    {"colour temperature", "white_balance", "temperature", 1, false, false, ""},
    {"color temperature", "white_balance", "temperature", 1, false, false, ""},
    {"white balance", "white_balance", "temperature", 1, false, false, ""},
    {"wb", "white_balance", "temperature", 1, false, false, ""},
    {"temp", "white_balance", "temperature", 1, false, false, ""},
    {"warmth", "white_balance", "temperature", 1, false, false, ""},
    {"warmer", "white_balance", "temperature", 1, true, false, ""},
    {"warm", "white_balance", "temperature", 1, true, false, ""},
    {"cooler", "white_balance", "temperature", -1, true, false, ""},
    {"cool", "white_balance", "temperature", -1, true, false, ""},
    {"cool down", "white_balance", "temperature", -1, true, false, ""},
    {"cool off", "white_balance", "temperature", -1, true, false, ""},
    {"colder", "white_balance", "temperature", -1, true, false, ""},
    {"bluer", "white_balance", "temperature", -1, true, false, ""},
    {"yellower", "white_balance", "temperature", 1, true, false, ""},
    {"magenta tint", "white_balance", "tint", 1, false, false, ""},
    {"green tint", "white_balance", "tint", -1, false, false, ""},
    {"pinker", "white_balance", "tint", 1, true, false, ""},
    {"greener", "white_balance", "tint", -1, true, false, ""},
    // tone
    {"punchier", "tone", "contrast", 1, true, false, ""},
    {"contrasty", "tone", "contrast", 1, true, false, ""},
    {"flatter", "tone", "contrast", -1, true, false, ""},
    {"highlight", "tone", "highlights", 1, false, false, ""},
    {"brights", "tone", "highlights", 1, false, false, ""},
    {"shadow", "tone", "shadows", 1, false, false, ""},
    {"darks", "tone", "shadows", 1, false, false, ""},
    {"white point", "tone", "whites", 1, false, false, ""},
    {"white level", "tone", "whites", 1, false, false, ""},
    {"black point", "tone", "blacks", 1, false, false, ""},
    {"black level", "tone", "blacks", 1, false, false, ""},
    {"curve", "tone_curve", "points", 1, false, false, ""},
    // colour
    {"vibrancy", "color", "vibrance", 1, false, false, ""},
    {"vivid", "color", "vibrance", 1, true, false, ""},
    {"vivider", "color", "vibrance", 1, true, false, ""},
    {"sat", "color", "saturation", 1, false, false, "saturation"},
    {"saturated", "color", "saturation", 1, true, false, "saturation"},
    {"saturate", "color", "saturation", 1, true, false, "saturation"},
    {"desaturate", "color", "saturation", -1, true, false, "saturation"},
    {"desaturated", "color", "saturation", -1, true, false, "saturation"},
    {"colourful", "color", "saturation", 1, true, false, "saturation"},
    {"colorful", "color", "saturation", 1, true, false, "saturation"},
    {"muted", "color", "saturation", -1, true, false, "saturation"},
    {"duller", "color", "saturation", -1, true, false, "saturation"},
    {"colour", "color", "saturation", 1, false, false, "saturation"},
    {"color", "color", "saturation", 1, false, false, "saturation"},
    {"colours", "color", "saturation", 1, false, false, "saturation"},
    {"colors", "color", "saturation", 1, false, false, "saturation"},
    {"hue", "", "", 1, false, false, "hue"},
    // local
    {"haze", "dehaze", "amount", -1, false, false, ""},
    {"fog", "dehaze", "amount", -1, false, false, ""},
    {"hazier", "dehaze", "amount", -1, true, false, ""},
    {"clearer", "dehaze", "amount", 1, true, false, ""},
    {"local contrast", "clarity", "amount", 1, false, false, ""},
    {"microcontrast", "clarity", "amount", 1, false, false, ""},
    {"micro contrast", "clarity", "amount", 1, false, false, ""},
    {"denoise", "denoise", "luminance", 1, true, false, ""},
    {"denoising", "denoise", "luminance", 1, false, false, ""},
    {"luminance noise reduction", "denoise", "luminance", 1, false, false, ""},
    {"noise", "denoise", "luminance", -1, false, false, ""},
    {"luminance noise", "denoise", "luminance", -1, false, false, ""},
    {"grain", "denoise", "luminance", -1, false, false, ""},
    {"noisier", "denoise", "luminance", -1, true, false, ""},
    {"cleaner", "denoise", "luminance", 1, true, false, ""},
    {"smoother", "denoise", "luminance", 1, true, false, ""},
    {"color noise reduction", "denoise", "chroma", 1, false, false, ""},
    {"chroma noise reduction", "denoise", "chroma", 1, false, false, ""},
    {"colour noise", "denoise", "chroma", -1, false, false, ""},
    {"color noise", "denoise", "chroma", -1, false, false, ""},
    {"chroma noise", "denoise", "chroma", -1, false, false, ""},
    {"sharpness", "sharpen", "amount", 1, false, false, ""},
    {"sharpen", "sharpen", "amount", 1, true, false, ""},
    {"sharper", "sharpen", "amount", 1, true, false, ""},
    {"crisper", "sharpen", "amount", 1, true, false, ""},
    {"softer", "sharpen", "amount", -1, true, false, ""},
    {"detail", "sharpen", "amount", 1, false, false, ""},
    {"sharpening amount", "sharpen", "amount", 1, false, false, ""},
    {"masking", "sharpen", "masking", 1, false, false, ""},
    {"vignette", "vignette", "amount", -1, false, false, ""},
    {"vignetting", "vignette", "amount", -1, false, false, ""},
    {"corners", "vignette", "amount", 1, false, false, ""},
    {"straighten", "straighten", "angle", 1, true, false, ""},
    {"rotate", "straighten", "angle", 1, true, false, ""},
    {"rotation", "straighten", "angle", 1, false, false, ""},
    {"angle", "straighten", "angle", 1, false, false, ""},
    {"horizon", "straighten", "angle", 1, false, false, ""},
};

struct Word {
    const char* phrase;
    LexKind kind;
    double value; // Direction: ±1; Grade: level
};
constexpr Word kWords[] = {
    {"more", LexKind::Direction, 1},
    {"less", LexKind::Direction, -1},
    {"fewer", LexKind::Direction, -1},
    {"increase", LexKind::Direction, 1},
    {"increased", LexKind::Direction, 1},
    {"decrease", LexKind::Direction, -1},
    {"decreased", LexKind::Direction, -1},
    {"raise", LexKind::Direction, 1},
    {"lower", LexKind::Direction, -1},
    {"higher", LexKind::Direction, 1},
    {"reduce", LexKind::Direction, -1},
    {"reduced", LexKind::Direction, -1},
    {"boost", LexKind::Direction, 1},
    {"add", LexKind::Direction, 1},
    {"remove", LexKind::Direction, -1},
    {"lift", LexKind::Direction, 1},
    {"open up", LexKind::Direction, 1},
    {"deepen", LexKind::Direction, -1},
    {"crush", LexKind::Direction, -1},
    {"recover", LexKind::Direction, -1},
    {"tame", LexKind::Direction, -1},
    {"cut", LexKind::Direction, -1},
    {"drop", LexKind::Direction, -1},
    {"push", LexKind::Direction, 1},
    {"enhance", LexKind::Direction, 1},
    {"strengthen", LexKind::Direction, 1},
    {"weaken", LexKind::Direction, -1},
    {"stronger", LexKind::Direction, 1},
    {"weaker", LexKind::Direction, -1},
    {"up", LexKind::Direction, 1},
    {"down", LexKind::Direction, -1},
    {"bump", LexKind::Direction, 1},
    {"pull down", LexKind::Direction, -1},
    {"pull back", LexKind::Direction, -1},
    {"pull up", LexKind::Direction, 1},
    {"bump up", LexKind::Direction, 1},
    {"bump down", LexKind::Direction, -1},
    {"tone down", LexKind::Direction, -1},
    {"soften", LexKind::Direction, -1},
    {"lessen", LexKind::Direction, -1},
    {"minus", LexKind::Direction, -1},

    {"a tiny bit", LexKind::Grade, 0.25},
    {"a tad", LexKind::Grade, 0.25},
    {"a hair", LexKind::Grade, 0.25},
    {"very slightly", LexKind::Grade, 0.25},
    {"barely", LexKind::Grade, 0.25},
    {"ever so slightly", LexKind::Grade, 0.25},
    {"a touch", LexKind::Grade, 0.5},
    {"slightly", LexKind::Grade, 0.5},
    {"a little", LexKind::Grade, 0.5},
    {"a little bit", LexKind::Grade, 0.5},
    {"a bit", LexKind::Grade, 0.5},
    {"gently", LexKind::Grade, 0.5},
    {"subtly", LexKind::Grade, 0.5},
    {"mildly", LexKind::Grade, 0.5},
    {"somewhat", LexKind::Grade, 0.5},
    {"lightly", LexKind::Grade, 0.5},
    {"moderately", LexKind::Grade, 1},
    {"noticeably", LexKind::Grade, 1},
    {"strongly", LexKind::Grade, 2},
    {"a lot", LexKind::Grade, 2},
    {"much", LexKind::Grade, 2},
    {"significantly", LexKind::Grade, 2},
    {"considerably", LexKind::Grade, 2},
    {"substantially", LexKind::Grade, 2},
    {"heavily", LexKind::Grade, 2},
    {"very", LexKind::Grade, 2},
    {"really", LexKind::Grade, 2},
    {"way", LexKind::Grade, 2},
    {"lots", LexKind::Grade, 2},
    {"greatly", LexKind::Grade, 2},
    {"strong", LexKind::Grade, 2},
    {"very strongly", LexKind::Grade, 3},
    {"a great deal", LexKind::Grade, 3},
    {"dramatically", LexKind::Grade, 3},
    {"hugely", LexKind::Grade, 3},
    {"massively", LexKind::Grade, 3},
    {"extremely", LexKind::Grade, 3},
    {"a whole lot", LexKind::Grade, 3},
    {"drastically", LexKind::Grade, 3},
    {"very much", LexKind::Grade, 3},

    {"by", LexKind::Relative, 0},
    {"to", LexKind::Absolute, 0},
    {"set", LexKind::Absolute, 0},
    {"=", LexKind::Absolute, 0},
    {":", LexKind::Absolute, 0},
    {"strength", LexKind::Strength, 0},
    {"amount", LexKind::Strength, 0},
    {"reset", LexKind::Reset, 0},
    {"and", LexKind::Split, 0},
    {"then", LexKind::Split, 0},
    {"plus", LexKind::Split, 0},
    {"also", LexKind::Split, 0},
    {"&", LexKind::Split, 0},
    {",", LexKind::Split, 0},
};

struct UnitWord {
    const char* phrase;
    const char* unit;
};
constexpr UnitWord kUnits[] = {
    {"ev", "EV"},      {"stop", "EV"}, {"stops", "EV"}, {"f-stop", "EV"},
    {"f-stops", "EV"}, {"k", "K"},     {"kelvin", "K"}, {"%", "%"},
    {"percent", "%"},  {"°", "°"},     {"deg", "°"},    {"degree", "°"},
    {"degrees", "°"},  {"px", "px"},   {"pixel", "px"}, {"pixels", "px"},
};

// Words that carry no meaning for an edit; accepted and ignored.
constexpr const char* kFillers[] = {
    "it",    "the",     "a",     "an",    "photo", "image",  "picture", "shot",   "please",
    "make",  "overall", "just",  "of",    "in",    "on",     "with",    "little", "bit",
    "is",    "be",      "look",  "looks", "bring", "turn",   "give",    "apply",  "some",
    "all",   "whole",   "tones", "tone",  "level", "levels", "value",   "slider", "get",
    "i",     "want",    "would", "like",  "could", "you",    "can",     "should", "this",
    "than",  "now",     "areas", "area",  "parts", "too",    "so",      "that",   "its",
    "it's",  "let's",   "lets",  "from",  "for",   "my",     "we",      "adjust", "change",
    "edges", "edge",    "side",  "off",   "shift", "fix",    "linear",  "again",  "at",
};

std::vector<LexEntry> buildLexicon() {
    std::vector<LexEntry> out;
    // Canonical names first: every Scalar param of the catalogue (HSL params through bands).
    for (const auto& op : opCatalog()) {
        if (op.id == "hsl" || op.id == "crop") continue;
        for (const auto& p : op.params) {
            LexEntry e;
            e.words = split(canonicalName(op, p));
            e.kind = LexKind::Target;
            e.op = op.id;
            e.param = p.name;
            if (op.id == "color" && p.name == "saturation") e.hslParam = "saturation";
            out.push_back(std::move(e));
        }
    }
    for (const auto& s : kSynonyms) {
        const OpSpec* op = findOpSpec(s.op);
        if (*s.op && (!op || !op->param(s.param))) continue; // catalogue is the authority
        LexEntry e;
        e.words = split(s.phrase);
        e.kind = LexKind::Target;
        e.op = s.op;
        e.param = s.param;
        e.polarity = s.polarity;
        e.implies = s.implies;
        e.generic = s.generic;
        e.hslParam = s.hslParam;
        out.push_back(std::move(e));
    }
    for (const auto& w : kWords) {
        LexEntry e;
        e.words = split(w.phrase);
        e.kind = w.kind;
        if (w.kind == LexKind::Direction) e.polarity = int(w.value);
        if (w.kind == LexKind::Grade) e.level = w.value;
        out.push_back(std::move(e));
    }
    // HSL bands, singular and plural ("cyan" is Lightroom's aqua).
    for (const auto& band : hslBands()) {
        for (const std::string& w : {band, band + "s"}) {
            LexEntry e;
            e.words = {w};
            e.kind = LexKind::Band;
            e.band = band;
            out.push_back(e);
        }
    }
    for (const char* w : {"cyan", "cyans"}) {
        LexEntry e;
        e.words = {w};
        e.kind = LexKind::Band;
        e.band = "aqua";
        out.push_back(e);
    }
    for (const auto& u : kUnits) {
        LexEntry e;
        e.words = {u.phrase};
        e.kind = LexKind::Unit;
        e.unit = u.unit;
        out.push_back(std::move(e));
    }
    for (const char* f : kFillers) {
        LexEntry e;
        e.words = split(f);
        e.kind = LexKind::Filler;
        out.push_back(std::move(e));
    }
    std::stable_sort(out.begin(), out.end(), [](const LexEntry& a, const LexEntry& b) {
        return a.words.size() > b.words.size();
    });
    return out;
}

} // namespace

const std::vector<LexEntry>& lexicon() {
    static const std::vector<LexEntry> entries = buildLexicon();
    return entries;
}

const std::vector<const LexEntry*>& entriesStartingWith(std::string_view word) {
    static const std::map<std::string, std::vector<const LexEntry*>, std::less<>> index = [] {
        std::map<std::string, std::vector<const LexEntry*>, std::less<>> out;
        for (const auto& e : lexicon()) // keeps the longest-first order per first word
            out[e.words.front()].push_back(&e);
        return out;
    }();
    static const std::vector<const LexEntry*> none;
    const auto it = index.find(word);
    return it == index.end() ? none : it->second;
}

std::string canonicalName(const OpSpec& op, const ParamSpec& param) {
    for (const auto& n : kNames)
        if (op.id == n.op && param.name == n.param) return n.name;
    if (op.id == "hsl") {
        const auto sep = param.name.find('_');
        if (sep != std::string::npos)
            return param.name.substr(sep + 1) + " " + param.name.substr(0, sep);
    }
    int uses = 0;
    for (const auto& other : opCatalog())
        for (const auto& p : other.params)
            if (p.name == param.name) ++uses;
    std::string name = uses == 1 ? param.name : op.id + " " + param.name;
    std::replace(name.begin(), name.end(), '_', ' ');
    return name;
}

double moderateStep(const OpSpec& op, const ParamSpec& param) {
    for (const auto& s : kSteps)
        if (op.id == s.op && (param.name == s.param || std::string_view(s.param) == "*"))
            return s.step;
    return (param.max - param.min) / 10; // not reached for the catalogue's ops
}

int editDistance(std::string_view a, std::string_view b, int cap) {
    const int n = int(a.size()), m = int(b.size());
    if (std::abs(n - m) > cap) return cap + 1;
    // Three rolling rows of the optimal-string-alignment recurrence (on the stack for words of
    // normal length: suggestions compare against the whole vocabulary).
    int small[3 * 64];
    std::vector<int> large;
    int* rows = small;
    if (m + 1 > 64) {
        large.resize(3 * std::size_t(m + 1));
        rows = large.data();
    }
    int* prev2 = rows;
    int* prev = rows + (m + 1);
    int* cur = rows + 2 * (m + 1);
    for (int j = 0; j <= m; ++j)
        prev[j] = j;
    for (int i = 1; i <= n; ++i) {
        cur[0] = i;
        int rowMin = cur[0];
        for (int j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            rowMin = std::min(rowMin, cur[j]);
        }
        if (rowMin > cap) return cap + 1;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return std::min(prev[m], cap + 1);
}

std::string nearestWord(std::string_view word, const std::vector<LexKind>& kinds) {
    if (word.size() < 3 || word.size() > 40) return {};
    struct Candidate {
        LexKind kind;
        std::string phrase, joined;
    };
    // The vocabulary as text, once. A one-word typo of a multi-word phrase ("whitebalance")
    // compares without the spaces.
    static const std::vector<Candidate> vocabulary = [] {
        std::vector<Candidate> out;
        for (const auto& e : lexicon()) {
            if (e.kind == LexKind::Filler || e.kind == LexKind::Split) continue;
            std::string phrase;
            for (const auto& w : e.words)
                phrase += (phrase.empty() ? "" : " ") + w;
            if (phrase.size() < 3) continue;
            std::string joined = phrase;
            joined.erase(std::remove(joined.begin(), joined.end(), ' '), joined.end());
            out.push_back({e.kind, phrase, joined});
        }
        return out;
    }();
    const int reach = word.size() <= 4 ? 1 : word.size() <= 8 ? 2 : 3;
    std::string best;
    int bestDistance = reach + 1;
    for (const auto& c : vocabulary) {
        if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), c.kind) == kinds.end())
            continue;
        for (const std::string* candidate : {&c.phrase, &c.joined}) {
            const int d = editDistance(word, *candidate, reach);
            if (d < bestDistance) {
                bestDistance = d;
                best = c.phrase;
            }
        }
    }
    return best;
}

} // namespace pictor::instructions

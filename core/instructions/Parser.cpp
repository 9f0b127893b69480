// Text → recipe (see Instructions.h for the contract). Each instruction is tokenized, its words
// matched against the lexicon (longest phrase first), split into parts at "and" / ",", and each
// part resolved to one change of one param: target, direction, amount.
#include "instructions/Canonical.h"
#include "instructions/Instructions.h"
#include "instructions/Lexicon.h"
#include "instructions/Tokenizer.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <optional>

namespace pictor {

using namespace instructions;

namespace {

constexpr std::size_t kMaxTokens = 64; // per instruction; longer ones are refused

// A matched phrase (or an unmatched word) of an instruction.
struct Item {
    const LexEntry* entry = nullptr; // null: number or unknown
    const Token* first = nullptr;    // first token (position)
    int offset = 0, length = 0;      // bytes in the instruction
    bool isNumber = false;
    double number = 0;
    bool hasSign = false;
    std::string unit; // a unit word right after a number
};

struct Context {
    int line = 0;
    int column = 1; // column of the instruction's first byte
    std::vector<InstructionError>* errors = nullptr;

    void error(int offset, int length, std::string message, std::string suggestion = {}) const {
        errors->push_back({line, column + offset, std::max(length, 1), std::move(message),
                           std::move(suggestion)});
    }
};

std::string phraseText(const LexEntry& e) {
    std::string out;
    for (const auto& w : e.words)
        out += (out.empty() ? "" : " ") + w;
    return out;
}

std::vector<Item> matchItems(const std::vector<Token>& tokens) {
    std::vector<Item> items;
    for (std::size_t i = 0; i < tokens.size();) {
        const Token& t = tokens[i];
        Item item;
        item.first = &t;
        item.offset = t.offset;
        item.length = t.length;
        if (t.kind == Token::Number) {
            item.isNumber = true;
            item.number = t.number;
            item.hasSign = t.hasSign;
            ++i;
            if (i < tokens.size() && tokens[i].kind == Token::Word) {
                for (const LexEntry* e : entriesStartingWith(tokens[i].text)) {
                    if (e->kind == LexKind::Unit && e->words.size() == 1) {
                        item.unit = e->unit;
                        item.length = tokens[i].offset + tokens[i].length - t.offset;
                        ++i;
                        break;
                    }
                }
            }
            items.push_back(item);
            continue;
        }
        const LexEntry* match = nullptr;
        if (t.kind == Token::Word) {
            for (const LexEntry* e : entriesStartingWith(t.text)) {
                if (i + e->words.size() > tokens.size()) continue;
                bool ok = true;
                for (std::size_t k = 1; k < e->words.size() && ok; ++k)
                    ok = tokens[i + k].kind == Token::Word && tokens[i + k].text == e->words[k];
                if (ok) {
                    match = e;
                    break;
                }
            }
        }
        if (match) {
            const Token& last = tokens[i + match->words.size() - 1];
            item.entry = match;
            item.length = last.offset + last.length - t.offset;
            i += match->words.size();
        } else {
            ++i;
        }
        items.push_back(item);
    }
    return items;
}

// One resolved change.
struct Change {
    const OpSpec* op = nullptr;
    const ParamSpec* param = nullptr;
    enum Mode { Relative, Absolute, Reset } mode = Relative;
    double value = 0; // delta (Relative) or value (Absolute)
};

// The value of a number in the param's units, or an error message.
std::optional<double> inParamUnits(const Item& number, const ParamSpec& p, const OpSpec& op,
                                   const Context& ctx) {
    if (number.unit.empty() || number.unit == p.unit) return number.number;
    if (number.unit == "%" && p.unit.empty())
        return p.max <= 1 ? number.number / 100 : number.number;
    const std::string name = canonicalName(op, p);
    ctx.error(number.offset, number.length,
              name + " is " + (p.unit.empty() ? "a plain number" : "measured in " + p.unit) +
                  ", not " + number.unit,
              "write e.g. '" + describeRelative(op, p, moderateStep(op, p)) + "'");
    return std::nullopt;
}

// A target entry that no phrase names directly (a colour band as white balance, a unit).
const LexEntry* syntheticTarget(std::string_view op, std::string_view param, int polarity) {
    static const std::vector<LexEntry> entries = [] {
        std::vector<LexEntry> out;
        for (const auto& [o, p] :
             {std::pair{"white_balance", "tint"}, std::pair{"white_balance", "temperature"},
              std::pair{"exposure", "exposure"}, std::pair{"straighten", "angle"}})
            for (const int polarity : {1, -1}) {
                LexEntry e;
                e.kind = LexKind::Target;
                e.op = o;
                e.param = p;
                e.polarity = polarity;
                out.push_back(e);
            }
        return out;
    }();
    for (const auto& e : entries)
        if (e.op == op && e.param == param && e.polarity == polarity) return &e;
    return nullptr;
}

// Resolves one part of an instruction ("warmer", "lift the shadows a lot").
std::optional<Change> resolvePart(const std::vector<Item>& items, const Context& ctx) {
    std::vector<const Item*> targets, bands, numbers;
    std::vector<int> directions;
    double grade = 1;
    bool graded = false, relative = false, absolute = false, strength = false, reset = false;
    bool unknown = false;
    for (const auto& it : items) {
        if (it.isNumber) {
            if (it.first->badNumber) {
                ctx.error(it.offset, it.length,
                          "cannot read the number '" + quoted(it.first->text) + "'",
                          "write a plain decimal number such as 0.7 or -20");
                unknown = true;
            }
            numbers.push_back(&it);
            continue;
        }
        if (!it.entry) {
            unknown = true;
            continue;
        }
        switch (it.entry->kind) {
        case LexKind::Target:
            targets.push_back(&it);
            break;
        case LexKind::Band:
            bands.push_back(&it);
            break;
        case LexKind::Direction:
            directions.push_back(it.entry->polarity);
            break;
        case LexKind::Grade:
            grade *= it.entry->level;
            graded = true;
            break;
        case LexKind::Relative:
            relative = true;
            break;
        case LexKind::Absolute:
            absolute = true;
            break;
        case LexKind::Strength:
            strength = true;
            break;
        case LexKind::Reset:
            reset = true;
            break;
        case LexKind::Unit: // a unit without a number
            ctx.error(it.offset, it.length,
                      "'" + phraseText(*it.entry) + "' needs a number before it",
                      "write e.g. '0.5 " + it.entry->unit + "'");
            return std::nullopt;
        default:
            break;
        }
    }
    // Unknown words: each is an error (the first few per part: suggestions cost an edit-distance
    // search, and garbage input has many); a suggestion when a known word is within reach.
    int reported = 0;
    for (const auto& it : items) {
        if (it.isNumber || it.entry) continue;
        if (++reported > 5) break;
        const std::string word = it.first->kind == Token::Word ? it.first->text : std::string();
        if (targets.empty() && bands.empty()) {
            const std::string near = nearestWord(word, {LexKind::Target, LexKind::Band});
            const std::string any = near.empty() ? nearestWord(word) : near;
            ctx.error(it.offset, it.length, "unknown target '" + quoted(it.first->text) + "'",
                      any.empty() ? "name what to change, e.g. exposure, warmth, shadows, "
                                    "saturation, noise"
                                  : "did you mean '" + any + "'?");
        } else {
            const std::string near = nearestWord(word);
            ctx.error(it.offset, it.length, "unknown word '" + quoted(it.first->text) + "'",
                      near.empty() ? "remove it or rephrase" : "did you mean '" + near + "'?");
        }
    }
    if (unknown) return std::nullopt;
    if (items.empty()) return std::nullopt;
    const int partOffset = items.front().offset;
    const int partLength = items.back().offset + items.back().length - partOffset;

    // The target: the noun if there is one, else an implying word ("warmer"); generic words
    // ("brighter") give their direction to another target.
    const Item* chosen = nullptr;
    Item wbItem, unitItem; // targets named by a colour band or a unit
    std::vector<const Item*> explicitTargets, generics;
    for (const Item* t : targets)
        (t->entry->generic ? generics : explicitTargets).push_back(t);
    if (!bands.empty()) {
        if (bands.size() > 1) {
            ctx.error(bands[1]->offset, bands[1]->length, "one colour band at a time",
                      "write one instruction per band, joined by 'and'");
            return std::nullopt;
        }
        const std::string band = bands[0]->entry->band;
        const Item* hslWord = nullptr;
        for (const Item* t : targets)
            if (!t->entry->hslParam.empty() && !hslWord) hslWord = t;
        const OpSpec* hsl = findOpSpec("hsl");
        if (hslWord && hsl) {
            const ParamSpec* p = hsl->param(hslWord->entry->hslParam + "_" + band);
            if (!p) return std::nullopt;
            int direction = 0;
            for (const int d : directions)
                if (direction != 0 && d != direction)
                    direction = 2;
                else
                    direction = d;
            for (const Item* t : targets)
                if (t != hslWord && t->entry->generic)
                    direction = direction == 0 ? t->entry->polarity : direction;
            if (direction == 0 && hslWord->entry->implies) direction = 1;
            if (direction == 2) {
                ctx.error(partOffset, partLength, "conflicting directions (more and less at once)");
                return std::nullopt;
            }
            const int sign = direction * hslWord->entry->polarity;
            Change c{hsl, p};
            const Item* n = numbers.empty() ? nullptr : numbers[0];
            if (reset) return Change{hsl, p, Change::Reset, 0};
            if (n) {
                auto v = inParamUnits(*n, *p, *hsl, ctx);
                if (!v) return std::nullopt;
                const bool abs = (absolute || strength) && !relative;
                if (abs || (!relative && direction == 0 && !n->hasSign)) {
                    c.mode = Change::Absolute;
                    c.value = strength && direction != 0 ? sign * std::abs(*v) : *v;
                } else {
                    c.value = (direction == 0 ? hslWord->entry->polarity : sign) * *v;
                }
                return c;
            }
            if (sign == 0) {
                ctx.error(partOffset, partLength, "no direction for " + canonicalName(*hsl, *p),
                          "say e.g. 'more " + canonicalName(*hsl, *p) + "' or 'increase " +
                              canonicalName(*hsl, *p) + " by 10'");
                return std::nullopt;
            }
            c.value = sign * grade * moderateStep(*hsl, *p);
            return c;
        }
        // A band alone names a white-balance direction when it is one of its four colours.
        static const struct {
            const char* band;
            const char* param;
            int polarity;
        } wbColours[] = {{"magenta", "tint", 1},
                         {"green", "tint", -1},
                         {"blue", "temperature", -1},
                         {"yellow", "temperature", 1}};
        bool found = false;
        for (const auto& w : wbColours) {
            if (band != w.band) continue;
            wbItem = *bands[0];
            wbItem.entry = syntheticTarget("white_balance", w.param, w.polarity);
            explicitTargets.insert(explicitTargets.begin(), &wbItem);
            found = true;
        }
        if (!found) {
            ctx.error(
                bands[0]->offset, bands[0]->length, "say which of the " + band + "s to change",
                "e.g. '" + band + " saturation', '" + band + " hue' or '" + band + " luminance'");
            return std::nullopt;
        }
    }
    if (!explicitTargets.empty()) {
        chosen = explicitTargets[0];
        for (const Item* t : explicitTargets)
            if (!t->entry->implies) {
                chosen = t;
                break;
            }
        for (const Item* t : explicitTargets) {
            if (t == chosen) continue;
            if (t->entry->op != chosen->entry->op || t->entry->param != chosen->entry->param) {
                ctx.error(t->offset, t->length,
                          "two targets in one instruction ('" + phraseText(*chosen->entry) +
                              "' and '" + phraseText(*t->entry) + "')",
                          "join them with 'and' or write them on separate lines");
                return std::nullopt;
            }
            // "make the temperature cooler": the implying word gives the direction.
            if (t->entry->implies)
                directions.push_back(t->entry->polarity * chosen->entry->polarity);
        }
        for (const Item* g : generics)
            directions.push_back(g->entry->polarity);
    } else if (!generics.empty()) {
        chosen = generics[0];
        for (std::size_t k = 1; k < generics.size(); ++k)
            directions.push_back(generics[k]->entry->polarity * chosen->entry->polarity);
    }

    // No target word: a number with EV, K or ° names its param ("+0.5 EV").
    if (!chosen && numbers.size() == 1) {
        static const struct {
            const char* unit;
            const char* op;
            const char* param;
        } units[] = {{"EV", "exposure", "exposure"},
                     {"K", "white_balance", "temperature"},
                     {"°", "straighten", "angle"}};
        for (const auto& u : units) {
            if (numbers[0]->unit != u.unit) continue;
            unitItem = *numbers[0];
            unitItem.entry = syntheticTarget(u.op, u.param, 1);
            chosen = &unitItem;
        }
    }
    if (!chosen || chosen->entry->op.empty()) {
        ctx.error(partOffset, partLength, "no target: say what to change",
                  "e.g. 'increase exposure by 0.5 EV', 'warmer', 'lift the shadows'");
        return std::nullopt;
    }
    const OpSpec* op = findOpSpec(chosen->entry->op);
    const ParamSpec* p = op ? op->param(chosen->entry->param) : nullptr;
    if (!op || !p) return std::nullopt;
    const std::string name = canonicalName(*op, *p);

    // Direction: explicit words must agree ("up"/"down" after an implying verb are particles:
    // "warm it up", "cool it down"); an implying word alone means "more".
    int direction = 0;
    for (std::size_t k = 0; k < directions.size(); ++k) {
        const int d = directions[k];
        if (direction != 0 && d != direction) {
            ctx.error(partOffset, partLength, "conflicting directions for " + name,
                      "say either more or less");
            return std::nullopt;
        }
        direction = d;
    }
    if (chosen->entry->implies) {
        // Drop "up"/"down" particles: recompute without them.
        int explicitDir = 0;
        bool conflict = false;
        for (const auto& it : items) {
            if (!it.entry || it.entry->kind != LexKind::Direction) continue;
            if (it.entry->words.size() == 1 &&
                (it.entry->words[0] == "up" || it.entry->words[0] == "down"))
                continue;
            if (explicitDir != 0 && explicitDir != it.entry->polarity) conflict = true;
            explicitDir = it.entry->polarity;
        }
        for (const Item* t : explicitTargets)
            if (t != chosen && t->entry->implies)
                explicitDir = t->entry->polarity * chosen->entry->polarity;
        if (conflict) {
            ctx.error(partOffset, partLength, "conflicting directions for " + name,
                      "say either more or less");
            return std::nullopt;
        }
        direction = explicitDir != 0 ? explicitDir : 1;
    }
    const int polarity = chosen->entry->polarity;

    if (numbers.size() > 1) {
        ctx.error(numbers[1]->offset, numbers[1]->length, "two amounts for " + name,
                  "give one amount per change, e.g. '" +
                      describeRelative(*op, *p, moderateStep(*op, *p)) + "'");
        return std::nullopt;
    }
    if (reset) return Change{op, p, Change::Reset, 0};
    if (p->kind != ParamKind::Scalar) {
        ctx.error(partOffset, partLength, "the tone curve is set by its points",
                  "write e.g. 'Set the tone curve to (0, 0) (0.5, 0.6) (1, 1)'");
        return std::nullopt;
    }
    Change c{op, p};
    if (!numbers.empty()) {
        const Item& n = *numbers[0];
        auto v = inParamUnits(n, *p, *op, ctx);
        if (!v) return std::nullopt;
        const bool abs = (absolute || strength) && !relative;
        if (abs || (!relative && direction == 0 && !n.hasSign)) {
            c.mode = Change::Absolute;
            // "Reduce noise (strength 40)": a magnitude in the instruction's direction.
            const double neutral = p->relativeToSourceWhite ? 0 : p->neutral;
            c.value =
                strength && direction != 0 ? neutral + direction * polarity * std::abs(*v) : *v;
            if (strength && direction != 0 && p->relativeToSourceWhite) {
                c.mode = Change::Relative;
                c.value = direction * polarity * std::abs(*v);
            }
        } else {
            c.value = (direction == 0 ? 1 : direction) * polarity * *v;
        }
        return c;
    }
    if (absolute && !relative) {
        ctx.error(partOffset, partLength, "no value to set " + name + " to",
                  "write e.g. '" + describeAbsolute(*op, *p, p->neutral + moderateStep(*op, *p)) +
                      "'");
        return std::nullopt;
    }
    if (direction == 0) {
        ctx.error(partOffset, partLength, "no change given for " + name,
                  "say e.g. 'more " + name + "', 'less " + name + "' or '" +
                      describeRelative(*op, *p, moderateStep(*op, *p)) + "'");
        return std::nullopt;
    }
    (void)graded;
    c.value = direction * polarity * grade * moderateStep(*op, *p);
    return c;
}

bool isWord(const Item& it, std::string_view w) {
    return it.first && it.first->kind == Token::Word && it.first->text == w;
}

// "Set the tone curve to (0, 0) (0.5, 0.6) (1, 1)" / "Reset the tone curve".
bool parseCurve(const std::vector<Item>& items, Recipe& recipe, const Context& ctx,
                std::vector<std::string>& notes, std::string& canonical) {
    std::vector<double> values;
    bool reset = false;
    for (const auto& it : items) {
        if (it.isNumber) {
            if (!it.unit.empty() || it.first->badNumber) {
                ctx.error(it.offset, it.length, "curve points are plain numbers from 0 to 1");
                return false;
            }
            values.push_back(it.number);
            continue;
        }
        if (it.entry && it.entry->kind == LexKind::Reset) reset = true;
        const bool allowed =
            it.entry && (it.entry->kind == LexKind::Filler || it.entry->kind == LexKind::Absolute ||
                         it.entry->kind == LexKind::Reset || it.entry->kind == LexKind::Split ||
                         (it.entry->kind == LexKind::Target && it.entry->op == "tone_curve"));
        if (!allowed && !isWord(it, "points") && !isWord(it, "point")) {
            const std::string near =
                it.first->kind == Token::Word ? nearestWord(it.first->text) : "";
            ctx.error(it.offset, it.length,
                      "unexpected '" + quoted(it.first->text) + "' in a tone curve",
                      "write e.g. 'Set the tone curve to (0, 0) (0.5, 0.6) (1, 1)'");
            return false;
        }
    }
    if (reset || (values.empty() && std::any_of(items.begin(), items.end(), [](const Item& it) {
                      return isWord(it, "linear");
                  }))) {
        recipe.reset("tone_curve", "points");
        canonical = describeReset(*findOpSpec("tone_curve"), nullptr);
        return true;
    }
    if (values.empty() || values.size() % 2 != 0 || values.size() > 2 * kMaxCurvePoints) {
        ctx.error(items.front().offset,
                  items.back().offset + items.back().length - items.front().offset,
                  "a tone curve needs (x, y) pairs: at least one, at most " +
                      std::to_string(kMaxCurvePoints),
                  "write e.g. 'Set the tone curve to (0, 0) (0.5, 0.6) (1, 1)'");
        return false;
    }
    std::vector<CurvePoint> points;
    for (std::size_t k = 0; k < values.size(); k += 2)
        points.push_back({values[k], values[k + 1]});
    auto set = recipe.setPoints("tone_curve", "points", points);
    if (!set) {
        ctx.error(items.front().offset, 1, set.error().what, set.error().hint);
        return false;
    }
    if (set->clamped) notes.push_back(set->note);
    canonical = describeCurve(recipe.curve("tone_curve", "points"));
    return true;
}

// "Crop to left 0.1, top 0.05, right 0.9" (edges) or "Crop 10% from the left" (trims).
bool parseCrop(const std::vector<Item>& items, Recipe& recipe, const Context& ctx,
               std::vector<std::string>& notes, std::string& canonical) {
    const OpSpec* crop = findOpSpec("crop");
    if (!crop) return false;
    bool edges = false, reset = false;
    for (const auto& it : items) {
        if (it.entry && it.entry->kind == LexKind::Absolute) edges = true;
        if (it.entry && it.entry->kind == LexKind::Reset) reset = true;
    }
    if (reset) {
        recipe.remove("crop");
        canonical = describeReset(*crop, nullptr);
        return true;
    }
    RecipeOp given;
    given.id = "crop";
    const auto edgeAt = [&](std::size_t k) -> const ParamSpec* {
        if (k >= items.size() || items[k].isNumber || !items[k].first) return nullptr;
        return items[k].first->kind == Token::Word ? crop->param(items[k].first->text) : nullptr;
    };
    std::vector<bool> used(items.size(), false);
    for (std::size_t k = 0; k < items.size(); ++k) {
        const Item& it = items[k];
        if (isWord(it, "crop")) {
            used[k] = true;
            continue;
        }
        if (!it.isNumber) continue;
        used[k] = true;
        if (!it.unit.empty() && it.unit != "%") {
            ctx.error(it.offset, it.length, "crop edges are fractions (0.1) or percentages (10%)");
            return false;
        }
        const double v = it.unit == "%" ? it.number / 100 : it.number;
        if (const ParamSpec* e = k > 0 ? edgeAt(k - 1) : nullptr; e && edges) {
            given.scalars[e->name] = v;
            used[k - 1] = true;
            continue;
        }
        // A trim: "10% from the left", "5% off the top".
        std::size_t j = k + 1;
        while (j < items.size() && items[j].entry && items[j].entry->kind == LexKind::Filler &&
               !edgeAt(j))
            used[j++] = true;
        const ParamSpec* e = edgeAt(j);
        if (!e) {
            ctx.error(it.offset, it.length, "which edge should this crop?",
                      "write e.g. 'Crop 10% from the left' or 'Crop to left 0.1, right 0.9'");
            return false;
        }
        used[j] = true;
        given.scalars[e->name] = e->neutral == 0 ? v : 1 - v;
    }
    for (std::size_t k = 0; k < items.size(); ++k) {
        if (used[k] || (items[k].entry && (items[k].entry->kind == LexKind::Filler ||
                                           items[k].entry->kind == LexKind::Absolute ||
                                           items[k].entry->kind == LexKind::Split)))
            continue;
        ctx.error(items[k].offset, items[k].length,
                  "unexpected '" + quoted(items[k].first->text) + "' in a crop",
                  "write e.g. 'Crop 10% from the left' or 'Crop to left 0.1, right 0.9'");
        return false;
    }
    if (given.scalars.empty()) {
        ctx.error(items.front().offset, items.front().length, "no crop edges given",
                  "write e.g. 'Crop 10% from the left' or 'Crop to left 0.1, right 0.9'");
        return false;
    }
    Recipe next = recipe;
    std::vector<std::string> newNotes;
    for (const auto& [name, v] : given.scalars) {
        auto set = next.set("crop", name, v);
        if (!set) return false;
        if (set->clamped) newNotes.push_back(set->note);
        given.scalars[name] = set->value;
    }
    if (next.value("crop", "left") >= next.value("crop", "right") ||
        next.value("crop", "top") >= next.value("crop", "bottom")) {
        ctx.error(items.front().offset,
                  items.back().offset + items.back().length - items.front().offset,
                  "this crop leaves nothing of the picture",
                  "keep left below right and top below bottom");
        return false;
    }
    recipe = std::move(next);
    notes.insert(notes.end(), newNotes.begin(), newNotes.end());
    canonical = describeCrop(given);
    return true;
}

// One instruction: all of it applies, or none.
bool parseInstruction(std::string_view text, Recipe& recipe, const SourceWhite& white,
                      const Context& ctx, std::vector<std::string>& notes, std::string& canonical) {
    const auto tokens = tokenize(text, kMaxTokens);
    if (tokens.size() > kMaxTokens) {
        ctx.error(0, int(std::min<std::size_t>(text.size(), 1u << 20)),
                  "instruction too long (more than " + std::to_string(kMaxTokens) + " words)",
                  "split it into several lines");
        return false;
    }
    if (tokens.empty()) {
        ctx.error(0, int(text.size()), "nothing to do in '" + quoted(text) + "'",
                  "write e.g. 'Increase exposure by 0.5 EV'");
        return false;
    }
    const auto items = matchItems(tokens);
    const bool mentionsCurve = std::any_of(items.begin(), items.end(), [](const Item& it) {
        return it.entry && it.entry->kind == LexKind::Target && it.entry->op == "tone_curve";
    });
    if (mentionsCurve) return parseCurve(items, recipe, ctx, notes, canonical);
    if (std::any_of(items.begin(), items.end(), [](const Item& it) { return isWord(it, "crop"); }))
        return parseCrop(items, recipe, ctx, notes, canonical);

    // Parts at "and", ",", "then" …; each must resolve.
    std::vector<std::vector<Item>> parts(1);
    for (const auto& it : items) {
        if (it.entry && it.entry->kind == LexKind::Split) {
            if (!parts.back().empty()) parts.emplace_back();
            continue;
        }
        parts.back().push_back(it);
    }
    if (parts.back().empty()) parts.pop_back();
    std::vector<Change> changes;
    bool ok = true;
    for (const auto& part : parts) {
        auto change = resolvePart(part, ctx);
        if (!change) {
            ok = false;
            continue;
        }
        changes.push_back(*change);
    }
    if (!ok || changes.empty()) {
        if (changes.empty() && ok)
            ctx.error(0, int(text.size()), "nothing to do",
                      "write e.g. 'Increase exposure by 0.5 EV'");
        return false;
    }
    Recipe next = recipe;
    std::vector<std::string> newNotes;
    std::string described;
    for (const auto& c : changes) {
        std::string sentence;
        if (c.mode == Change::Reset) {
            next.reset(c.op->id, c.param->name);
            sentence = describeReset(*c.op, c.param);
        } else {
            const double target = c.mode == Change::Absolute
                                      ? c.value
                                      : next.value(c.op->id, c.param->name, white) + c.value;
            auto set = next.set(c.op->id, c.param->name, target);
            if (!set) {
                ctx.error(0, int(text.size()), set.error().what, set.error().hint);
                return false;
            }
            if (set->clamped) newNotes.push_back(set->note);
            sentence = c.mode == Change::Absolute ? describeAbsolute(*c.op, *c.param, c.value)
                                                  : describeRelative(*c.op, *c.param, c.value);
        }
        described += (described.empty() ? "" : "; ") + sentence;
    }
    recipe = std::move(next);
    notes.insert(notes.end(), newNotes.begin(), newNotes.end());
    canonical = described;
    return true;
}

std::string_view trim(std::string_view s, std::size_t& leading) {
    leading = 0;
    while (leading < s.size() && (s[leading] == ' ' || s[leading] == '\t' || s[leading] == '\r'))
        ++leading;
    s.remove_prefix(leading);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

ParsedInstructions parseAll(std::string_view text, const Recipe& base, const SourceWhite& white) {
    ParsedInstructions out;
    out.recipe = base;
    if (text.size() > kMaxInstructionBytes) {
        out.errors.push_back({1, 1, 1,
                              "the instructions are too long (" + std::to_string(text.size()) +
                                  " bytes; at most " + std::to_string(kMaxInstructionBytes) + ")",
                              "give fewer, shorter instructions"});
        return out;
    }
    const auto separators =
        std::count(text.begin(), text.end(), '\n') + std::count(text.begin(), text.end(), ';');
    if (separators + 1 > kMaxInstructionLines) {
        out.errors.push_back({1, 1, 1,
                              "too many lines or instructions (at most " +
                                  std::to_string(kMaxInstructionLines) + ")",
                              "give fewer instructions"});
        return out;
    }
    int lineNo = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        ++lineNo;
        std::string_view line = text.substr(start, end - start);
        if (const auto hash = line.find('#'); hash != std::string_view::npos)
            line = line.substr(0, hash);
        std::size_t segStart = 0;
        while (segStart <= line.size()) {
            std::size_t segEnd = line.find(';', segStart);
            if (segEnd == std::string_view::npos) segEnd = line.size();
            std::size_t leading = 0;
            const std::string_view segment =
                trim(line.substr(segStart, segEnd - segStart), leading);
            if (!segment.empty()) {
                InstructionLine il;
                il.line = lineNo;
                il.column = int(segStart + leading) + 1;
                il.text = std::string(segment);
                Context ctx{lineNo, il.column, &il.errors};
                il.understood =
                    parseInstruction(segment, out.recipe, white, ctx, out.notes, il.canonical);
                if (il.understood) {
                    il.errors.clear();
                    ++out.understoodLines;
                } else {
                    il.canonical.clear();
                    if (il.errors.empty())
                        ctx.error(0, int(segment.size()),
                                  "could not understand '" + quoted(segment) + "'",
                                  "write e.g. 'Increase exposure by 0.5 EV'");
                }
                out.errors.insert(out.errors.end(), il.errors.begin(), il.errors.end());
                out.lines.push_back(std::move(il));
            }
            segStart = segEnd + 1;
        }
        start = end + 1;
    }
    out.totalLines = int(out.lines.size());
    return out;
}

} // namespace

ParsedInstructions parseInstructions(std::string_view text, const Recipe& base,
                                     const SourceWhite& white) {
    try {
        return parseAll(text, base, white);
    } catch (const std::exception& e) {
        // Only allocation failure can get here; the contract is errors, never exceptions.
        ParsedInstructions out;
        out.recipe = base;
        out.errors.push_back(
            {1, 1, 1, std::string("cannot parse the instructions: ") + e.what(), ""});
        return out;
    }
}

} // namespace pictor

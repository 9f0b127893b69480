#pragma once
// The instruction language: how the Critic, the user and the Artist talk. Plain English retouch
// instructions ("Increase exposure by 0.7 EV", "Make it a bit warmer", "Lift the shadows a lot",
// "Reduce noise (strength 40)", "Straighten by -1.5°", "brighter and warmer") are parsed into a
// Recipe, and any Recipe is written back as canonical instructions. Plain C++20: no Qt, no
// libtorch (library pictor_instructions, linked by the CLI, the window, the Critic and a fuzzer).
//
// Contract
// - Input: UTF-8 text. One instruction per line, or several on a line separated by ';'. A line
//   may name several targets joined by "and" / "," ("brighter and warmer"); such an instruction
//   applies only when every part of it is understood. Text after '#' on a line is a comment.
// - Targets, their units and ranges come from the op catalogue (ops/OpSpec.h) plus a lexicon of
//   synonyms ("brightness" → exposure, "noise" → noise reduction with the opposite sense, …).
// - Amounts: numbers with optional units (EV, stops, K, %, °, px) or graded words ("a touch",
//   "slightly", "a bit" < none / "moderately" < "strongly", "a lot", "much" < "dramatically"),
//   which map strictly monotonically to a step in the param's own units (per param).
//   Relative forms ("increase X by N", "more X", "warmer", "+0.5 EV") add to the current value;
//   absolute forms ("set X to N", "X = N", "(strength N)") replace it. Instructions apply in
//   order, the first on top of `base`. White-balance temperature and tint are relative to the
//   photo's own white (`white`) when the base leaves them unset; "warmer" raises the
//   temperature value (as in Lightroom), "more magenta" raises tint.
// - Values outside a param's range are clamped; each clamp adds a note to `notes`.
// - Errors never stop the other instructions: an instruction that is not understood (unknown
//   target, unknown word, missing amount, wrong unit, …) yields InstructionError(s) with its
//   1-based line, 1-based column (in bytes of the UTF-8 input) and length (bytes) of the
//   offending text, a message, and a suggestion when one is within reach ("did you mean
//   'shadows'?", by edit distance) — and changes nothing; the others still apply.
// - parseInstructions never throws and never crashes, whatever the bytes (binary, invalid UTF-8,
//   very long). Input larger than kMaxInstructionBytes or with more than kMaxInstructionLines
//   lines and instructions (counting '\n' and ';') is refused as a whole with one error (line 1,
//   column 1), and the base is returned. At most 5 unknown words are reported per part.
// - Canonical form: formatInstructions writes, for each param of each enabled known op that is
//   not at its neutral (or the photo's own white), exactly one instruction line (crop: one line
//   for its edges; a tone curve: one line for its points, whenever it has points); scalars at
//   their neutral are omitted.
//   Scalars whose neutral is 0 (and white balance) are written as changes ("Increase exposure by
//   0.7 EV", "Decrease temperature by 300 K" — relative to `white`), the others as absolute
//   values ("Set sharpening radius to 1.5 px", "Crop to left 0.1, right 0.9", "Set the tone
//   curve to (0, 0) (0.5, 0.6) (1, 1)"). Numbers are written in their shortest exact form, so
//       parseInstructions(formatInstructions(r, w), {}, w).recipe
//   gives every param of every enabled op of r exactly (Recipe::value and Recipe::curve equal).
//   Disabled ops and ops this build does not know are not written.
// - formatInstructions(parseInstructions(text).recipe) is the canonical form of `text`;
//   InstructionLine::canonical is the canonical form of one instruction as given (graded words
//   resolved to numbers).
#include "recipe/Recipe.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pictor {

// Input limits: larger input is refused with one clear error.
inline constexpr std::size_t kMaxInstructionBytes = 256 * 1024;
inline constexpr int kMaxInstructionLines = 2000;

struct InstructionError {
    int line = 0;           // 1-based line of the input
    int column = 0;         // 1-based byte column of the offending text (1 when the whole line)
    int length = 0;         // bytes of the offending text (≥ 1 where there is text to point at)
    std::string message;    // "unknown target 'shadws'"
    std::string suggestion; // "did you mean 'shadows'?" / "say e.g. 'increase exposure by 0.5 EV'";
                            // may be empty
};

// One instruction (a line, or one ';'-separated part of a line) of the input.
struct InstructionLine {
    int line = 0;          // 1-based input line
    int column = 1;        // 1-based byte column where this instruction starts
    std::string text;      // the instruction as written (trimmed)
    std::string canonical; // canonical form ("; "-joined parts) when understood, else empty
    bool understood = false;
    std::vector<InstructionError> errors; // empty when understood
};

struct ParsedInstructions {
    Recipe recipe;                        // base with every understood instruction applied
    std::vector<InstructionLine> lines;   // every non-empty instruction, in input order
    std::vector<InstructionError> errors; // all errors, in input order (also in lines[i].errors)
    std::vector<std::string> notes;       // e.g. clamping notes from Recipe::set
    int understoodLines = 0;              // instructions understood and applied
    int totalLines = 0;                   // non-empty instructions (= lines.size())
};

ParsedInstructions parseInstructions(std::string_view text, const Recipe& base = {},
                                     const SourceWhite& white = {});

// Canonical instructions for a recipe, one per line, '\n'-separated (no trailing newline; empty
// for a neutral recipe).
std::string formatInstructions(const Recipe& recipe, const SourceWhite& white = {});
// The same, one string per instruction line.
std::vector<std::string> formatInstructionLines(const Recipe& recipe,
                                                const SourceWhite& white = {});

} // namespace pictor

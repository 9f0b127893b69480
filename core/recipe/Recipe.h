#pragma once
// The non-destructive edit: an ordered list of ops, each {id, version, enabled, params by name}.
// Qt-free and exiv2-free (part of pictor_compute). Parameter names, ranges, defaults and neutrals
// come from the op catalogue (ops/OpSpec.h); nothing here lists parameters.
//
// Rules the renderer and the instruction parser rely on:
// - A param that is absent from an op has its default (ParamSpec::defaultValue); a white-balance
//   param (ParamSpec::relativeToSourceWhite) that is absent is the photo's own white (SourceWhite:
//   as-shot for a RAW, D65 for rendered files). Present = absolute value, also for white balance.
// - Setters clamp to [min, max] and say so; values in a Recipe built through them are finite.
// - Known ops are kept in pipeline order (pipelineIndex), one op per id. What this build cannot
//   read (unknown keys, unknown ops, ops made by a newer Pictor) is kept as raw JSON text and
//   written back unchanged (RecipeJson.h).
//   The setters never touch unknownOps: editing an op that is kept there (made by a newer
//   Pictor) adds a separate op of this build's version; the UI should say so before editing.
// - A disabled op, or one whose every param is at its neutral, changes nothing (isNeutral).
#include "ops/OpSpec.h"
#include "util/Result.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pictor {

// A tone-curve control point in [0, 1]² (input x → output y).
struct CurvePoint {
    double x = 0;
    double y = 0;
    bool operator==(const CurvePoint&) const = default;
};

// The most control points one Points param may hold.
inline constexpr std::size_t kMaxCurvePoints = 64;

// The photo's own white: what an absent white-balance param means. Rendered files (JPEG, PNG,
// TIFF, HEIF) use D65 (the default); a RAW uses its as-shot white.
struct SourceWhite {
    double temperature = 6504; // K
    double tint = 0;
};

struct RecipeOp {
    std::string id;  // OpSpec::id
    int version = 1; // OpSpec::version this op was written for
    bool enabled = true;
    std::map<std::string, double> scalars;                 // Scalar params that are set
    std::map<std::string, std::vector<CurvePoint>> points; // Points params that are set
    std::map<std::string, std::string> unknown;            // op-level keys this build does not know
    std::map<std::string, std::string> unknownParams;      // params this build does not know
    // (both: key → the value as compact JSON text, written back unchanged)

    // The catalogue entry, or nullptr for an id this build does not know.
    const OpSpec* spec() const;
    // The effective value of a Scalar param: set value, else default (or the source white).
    // 0 for a param the op does not have.
    double value(std::string_view param, const SourceWhite& white = {}) const;
    // The effective points of a Points param: set points, else none (= the diagonal, neutral).
    std::vector<CurvePoint> curve(std::string_view param) const;
    // True when rendering this op changes nothing: disabled, or every param at its neutral.
    // An op unknown to this build is never neutral.
    bool isNeutral(const SourceWhite& white = {}) const;
    // A stable (across runs and machines) 64-bit hash of id, version, enabled and the effective
    // value of every param; unknown keys do not take part (they do not change the rendering).
    std::uint64_t hash(const SourceWhite& white = {}) const;

    bool operator==(const RecipeOp&) const = default;
};

// What a setter did.
struct SetOutcome {
    double value = 0;     // the value stored (after clamping); for points, unused
    bool clamped = false; // the requested value was outside [min, max] (or points outside [0, 1])
    std::string note;     // empty unless clamped: "exposure.exposure: 7 EV is above the maximum…"
};

struct Recipe {
    std::vector<RecipeOp> ops;                  // known ops, in pipeline order, one per id
    std::vector<std::string> unknownOps;        // raw JSON objects of ops this build cannot use
    std::map<std::string, std::string> unknown; // top-level keys this build does not know

    bool empty() const { return ops.empty() && unknownOps.empty() && unknown.empty(); }

    const RecipeOp* find(std::string_view id) const;
    RecipeOp* find(std::string_view id);

    // The effective value of a param (see RecipeOp::value); the default when the op is absent.
    double value(std::string_view op, std::string_view param, const SourceWhite& white = {}) const;
    std::vector<CurvePoint> curve(std::string_view op, std::string_view param) const;

    // Adds the op (current version, enabled, no params set) at its pipeline position if absent.
    // Error for an id that is not in the catalogue.
    Result<RecipeOp*> ensureOp(std::string_view id);
    // Sets a Scalar param, adding the op when absent; clamps to [min, max] and reports it.
    // Error for an unknown op or param, a Points param, or a value that is not finite.
    Result<SetOutcome> set(std::string_view op, std::string_view param, double value);
    // Sets a Points param: coordinates clamped to [0, 1] (reported), sorted by x, a repeated x
    // keeps its last point. Error for an unknown op/param, a Scalar param, non-finite numbers or
    // more than kMaxCurvePoints points.
    Result<SetOutcome> setPoints(std::string_view op, std::string_view param,
                                 std::vector<CurvePoint> points);
    // Removes a param (it goes back to its default / the source white). False when not set.
    bool reset(std::string_view op, std::string_view param);
    // Removes an op. False when absent.
    bool remove(std::string_view op);

    // True when rendering the recipe changes nothing (every known op neutral; unknown ops are
    // not rendered by this build and do not count).
    bool isNeutral(const SourceWhite& white = {}) const;
    // The ops to render, in pipeline order: known, enabled and not neutral.
    std::vector<RecipeOp> activeOps(const SourceWhite& white = {}) const;
    // A hash of what the recipe renders (the hashes of activeOps, in order): equal recipes, and
    // recipes that differ only in neutral/disabled ops or unknown keys, hash alike.
    std::uint64_t hash(const SourceWhite& white = {}) const;

    // The same recipe in canonical form (what the setters maintain, for a recipe whose fields
    // were filled by hand): ops sorted into pipeline order and merged per id (the later op's
    // params win), values clamped, points sorted and de-duplicated, ops of unknown ids moved to
    // unknownOps and params an op does not have (or of the other kind) moved to unknownParams, as
    // JSON. Only non-finite numbers, which JSON cannot hold, are dropped.
    Recipe normalized() const;

    bool operator==(const Recipe&) const = default;
};

// The value of a relativeToSourceWhite param for a photo (temperature, tint), clamped to range.
double sourceWhiteValue(const ParamSpec& param, const SourceWhite& white);

// Clamps a Scalar value to the param's range; the note says what happened (empty if nothing).
SetOutcome clampToSpec(const OpSpec& op, const ParamSpec& param, double value);

// Clamps points to [0, 1]² (true when any moved), sorts them by x, and keeps the last point of a
// repeated x: the canonical form of a curve. Points must be finite.
bool canonicalizeCurve(std::vector<CurvePoint>& points);

// "5 EV", "-0.25", "6504 K": a value as people read it, shortest exact form.
std::string formatParamValue(double value, std::string_view unit);

} // namespace pictor

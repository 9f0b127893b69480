#pragma once
// The Artist's vocabulary: every operation and its parameters, declared once. Sliders, the
// instruction parser, recipe serialization and validation all read this table; nothing else
// lists parameters. Qt-free and torch-free, so that the compute-only build (ops, pipeline, nn)
// and the GUI share it.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// Marks a string for Qt Linguist (lupdate reads the macro name) without needing Qt here; the UI
// translates with QCoreApplication::translate("pictor::ops", label).
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(scope, text) text
#endif

namespace pictor {

// Where an op runs: per-pixel ops are baked into a 3D LUT; local ops look at neighbourhoods;
// geometry ops move pixels.
enum class OpKind { Global, Local, Geometry };

enum class ParamKind {
    Scalar, // one number in [min, max]
    Points, // a list of (x, y) control points in [0, 1]² (tone curve); neutral = the diagonal
};

struct ParamSpec {
    std::string name;  // key in recipes and the instruction language: "temperature", "amount"
    std::string unit;  // "K", "EV", "%", "°", "px", "" — as a Lightroom user reads it
    double min = 0;
    double max = 0;
    double defaultValue = 0; // value of a freshly added op
    double neutral = 0;      // value at which the parameter changes nothing
    std::string label;       // translatable ("pictor::ops" context)
    ParamKind kind = ParamKind::Scalar;
    // The neutral (and default) is the photo's own white: the as-shot temperature or tint of a
    // RAW, D65 (6504 K, tint 0) for rendered files. `neutral` then holds the rendered-file value.
    bool relativeToSourceWhite = false;
};

struct OpSpec {
    std::string id; // stable key: "white_balance", "exposure", … (never renamed)
    int version = 1; // bumped on any semantic change, with a migration in core/recipe
    OpKind kind = OpKind::Global;
    std::string label; // translatable
    std::vector<ParamSpec> params;

    const ParamSpec* param(std::string_view name) const;
};

// All ops, in the order the pipeline applies them.
const std::vector<OpSpec>& opCatalog();
const OpSpec* findOpSpec(std::string_view id);
// Position of an op in the pipeline order, or −1.
int pipelineIndex(std::string_view id);

// The eight hue bands of the HSL op, in order (Lightroom's: red … magenta).
const std::vector<std::string>& hslBands();

} // namespace pictor

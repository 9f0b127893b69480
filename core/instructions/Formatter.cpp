// Recipe → canonical instructions (see Instructions.h for the contract).
#include "instructions/Canonical.h"
#include "instructions/Instructions.h"
#include "instructions/Lexicon.h"

#include <cmath>

namespace pictor {

using namespace instructions;

namespace {

std::string number(double value, const std::string& unit) {
    return formatParamValue(value, unit);
}

std::string capitalized(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = char(s[0] - 'a' + 'A');
    return s;
}

} // namespace

namespace instructions {

std::string describeRelative(const OpSpec& op, const ParamSpec& param, double delta) {
    if (op.id == "straighten") return "Straighten by " + number(delta, param.unit);
    return std::string(delta < 0 ? "Decrease " : "Increase ") + canonicalName(op, param) + " by " +
           number(std::abs(delta), param.unit);
}

std::string describeAbsolute(const OpSpec& op, const ParamSpec& param, double value) {
    return "Set " + canonicalName(op, param) + " to " + number(value, param.unit);
}

std::string describeReset(const OpSpec& op, const ParamSpec* param) {
    if (op.id == "tone_curve") return "Reset the tone curve";
    if (op.id == "crop" || !param) return "Reset " + op.id;
    return "Reset " + canonicalName(op, *param);
}

std::string describeCrop(const RecipeOp& crop) {
    std::string out;
    const OpSpec* spec = crop.spec();
    if (!spec) return out;
    for (const auto& p : spec->params) {
        const auto it = crop.scalars.find(p.name);
        if (it == crop.scalars.end()) continue;
        out += (out.empty() ? "Crop to " : ", ") + p.name + " " + number(it->second, p.unit);
    }
    return out;
}

std::string describeCurve(const std::vector<CurvePoint>& points) {
    std::string out = "Set the tone curve to";
    for (const auto& p : points)
        out += " (" + number(p.x, "") + ", " + number(p.y, "") + ")";
    return out;
}

} // namespace instructions

std::vector<std::string> formatInstructionLines(const Recipe& recipe, const SourceWhite& white) {
    std::vector<std::string> lines;
    for (const auto& op : recipe.ops) {
        const OpSpec* spec = op.spec();
        if (!spec || !op.enabled) continue;
        if (op.id == "crop") {
            // Crop is one line for its edges; edges at neutral are left out.
            RecipeOp edges = op;
            for (const auto& p : spec->params)
                if (const auto it = edges.scalars.find(p.name);
                    it != edges.scalars.end() && it->second == p.neutral)
                    edges.scalars.erase(it);
            if (!edges.scalars.empty()) lines.push_back(describeCrop(edges));
            continue;
        }
        for (const auto& p : spec->params) {
            if (p.kind == ParamKind::Points) {
                // Written whenever points are set, even on the diagonal, so that the curve reads
                // back point for point (Recipe::curve equal).
                const auto points = op.curve(p.name);
                if (!points.empty()) lines.push_back(describeCurve(points));
                continue;
            }
            const auto it = op.scalars.find(p.name);
            if (it == op.scalars.end()) continue; // default (or the photo's own white)
            const double v = it->second;
            if (p.relativeToSourceWhite) {
                // A change from the photo's own white, when that reads back exactly.
                const double source = sourceWhiteValue(p, white);
                if (v == source) continue;
                const double delta = v - source;
                lines.push_back(source + delta == v ? describeRelative(*spec, p, delta)
                                                    : describeAbsolute(*spec, p, v));
            } else if (v == p.neutral) {
                continue;
            } else if (p.neutral == 0 && p.defaultValue == 0) {
                lines.push_back(describeRelative(*spec, p, v));
            } else {
                lines.push_back(describeAbsolute(*spec, p, v));
            }
        }
    }
    for (auto& l : lines)
        l = capitalized(std::move(l));
    return lines;
}

std::string formatInstructions(const Recipe& recipe, const SourceWhite& white) {
    std::string out;
    for (const auto& line : formatInstructionLines(recipe, white)) {
        if (!out.empty()) out += '\n';
        out += line;
    }
    return out;
}

} // namespace pictor

#pragma once
// The canonical sentences of the instruction language, shared by the parser (the canonical form
// of what it understood) and the formatter (a recipe as instructions), so that both always agree
// and the parser reads back everything written here. Internal to core/instructions.
#include "recipe/Recipe.h"

#include <string>

namespace pictor::instructions {

// "Increase exposure by 0.7 EV", "Decrease red saturation by 20", "Straighten by -1.5°".
std::string describeRelative(const OpSpec& op, const ParamSpec& param, double delta);
// "Set sharpening radius to 1.5 px", "Set temperature to 5500 K".
std::string describeAbsolute(const OpSpec& op, const ParamSpec& param, double value);
// "Reset exposure", "Reset the tone curve", "Reset crop".
std::string describeReset(const OpSpec& op, const ParamSpec* param);
// "Crop to left 0.1, top 0.05, right 0.9" — the edges the op sets, in catalogue order.
std::string describeCrop(const RecipeOp& crop);
// "Set the tone curve to (0, 0) (0.5, 0.6) (1, 1)".
std::string describeCurve(const std::vector<CurvePoint>& points);

} // namespace pictor::instructions

#include "ops/OpSpec.h"

namespace pictor {

namespace {

ParamSpec scalar(const char* name, const char* unit, double min, double max, double neutral,
                 const char* label) {
    return ParamSpec{name, unit, min, max, neutral, neutral, label};
}

// Labels are marked with QT_TRANSLATE_NOOP spelled out: lupdate does not expand macros, so a
// shorter alias would hide them from the translations.
std::vector<OpSpec> buildCatalog() {
    std::vector<OpSpec> ops;

    // Local first: denoising works best on linear, untouched sensor-like data.
    ops.push_back(
        {"denoise",
         1,
         OpKind::Local,
         QT_TRANSLATE_NOOP("pictor::ops", "Noise reduction"),
         {scalar("luminance", "", 0, 100, 0, QT_TRANSLATE_NOOP("pictor::ops", "Luminance")),
          scalar("chroma", "", 0, 100, 0, QT_TRANSLATE_NOOP("pictor::ops", "Colour"))}});

    // White balance as a chromatic adaptation (Bradford, in cone space) from the declared light
    // to the source white; temperature in kelvin, tint as Lightroom's (+ = magenta correction).
    ParamSpec temperature = scalar("temperature", "K", 2000, 50000, 6504,
                                   QT_TRANSLATE_NOOP("pictor::ops", "Temperature"));
    temperature.relativeToSourceWhite = true;
    ParamSpec tint = scalar("tint", "", -150, 150, 0, QT_TRANSLATE_NOOP("pictor::ops", "Tint"));
    tint.relativeToSourceWhite = true;
    ops.push_back({"white_balance",
                   1,
                   OpKind::Global,
                   QT_TRANSLATE_NOOP("pictor::ops", "White balance"),
                   {temperature, tint}});

    ops.push_back(
        {"exposure",
         1,
         OpKind::Global,
         QT_TRANSLATE_NOOP("pictor::ops", "Exposure"),
         {scalar("exposure", "EV", -5, 5, 0, QT_TRANSLATE_NOOP("pictor::ops", "Exposure"))}});

    ops.push_back(
        {"dehaze",
         1,
         OpKind::Local,
         QT_TRANSLATE_NOOP("pictor::ops", "Dehaze"),
         {scalar("amount", "", -100, 100, 0, QT_TRANSLATE_NOOP("pictor::ops", "Dehaze"))}});

    ops.push_back(
        {"tone",
         1,
         OpKind::Global,
         QT_TRANSLATE_NOOP("pictor::ops", "Tone"),
         {scalar("contrast", "", -100, 100, 0, QT_TRANSLATE_NOOP("pictor::ops", "Contrast")),
          scalar("highlights", "", -100, 100, 0, QT_TRANSLATE_NOOP("pictor::ops", "Highlights")),
          scalar("shadows", "", -100, 100, 0, QT_TRANSLATE_NOOP("pictor::ops", "Shadows")),
          scalar("whites", "", -100, 100, 0, QT_TRANSLATE_NOOP("pictor::ops", "Whites")),
          scalar("blacks", "", -100, 100, 0, QT_TRANSLATE_NOOP("pictor::ops", "Blacks"))}});

    ParamSpec points = scalar("points", "", 0, 1, 0, QT_TRANSLATE_NOOP("pictor::ops", "Curve"));
    points.kind = ParamKind::Points;
    ops.push_back({"tone_curve",
                   1,
                   OpKind::Global,
                   QT_TRANSLATE_NOOP("pictor::ops", "Tone curve"),
                   {points}});

    ops.push_back(
        {"color",
         1,
         OpKind::Global,
         QT_TRANSLATE_NOOP("pictor::ops", "Colour"),
         {scalar("vibrance", "", -100, 100, 0, QT_TRANSLATE_NOOP("pictor::ops", "Vibrance")),
          scalar("saturation", "", -100, 100, 0, QT_TRANSLATE_NOOP("pictor::ops", "Saturation"))}});

    OpSpec hsl{"hsl", 1, OpKind::Global, QT_TRANSLATE_NOOP("pictor::ops", "HSL"), {}};
    static const char* bandLabels[8] = {
        QT_TRANSLATE_NOOP("pictor::ops", "Red"),    QT_TRANSLATE_NOOP("pictor::ops", "Orange"),
        QT_TRANSLATE_NOOP("pictor::ops", "Yellow"), QT_TRANSLATE_NOOP("pictor::ops", "Green"),
        QT_TRANSLATE_NOOP("pictor::ops", "Aqua"),   QT_TRANSLATE_NOOP("pictor::ops", "Blue"),
        QT_TRANSLATE_NOOP("pictor::ops", "Purple"), QT_TRANSLATE_NOOP("pictor::ops", "Magenta")};
    for (std::size_t i = 0; i < hslBands().size(); ++i) {
        const std::string& band = hslBands()[i];
        hsl.params.push_back(scalar("", "", -100, 100, 0, bandLabels[i]));
        hsl.params.back().name = "hue_" + band;
        hsl.params.push_back(scalar("", "", -100, 100, 0, bandLabels[i]));
        hsl.params.back().name = "saturation_" + band;
        hsl.params.push_back(scalar("", "", -100, 100, 0, bandLabels[i]));
        hsl.params.back().name = "luminance_" + band;
    }
    ops.push_back(hsl);

    ops.push_back(
        {"clarity",
         1,
         OpKind::Local,
         QT_TRANSLATE_NOOP("pictor::ops", "Clarity"),
         {scalar("amount", "", -100, 100, 0, QT_TRANSLATE_NOOP("pictor::ops", "Clarity"))}});

    ParamSpec radius =
        scalar("radius", "px", 0.5, 3.0, 1.0, QT_TRANSLATE_NOOP("pictor::ops", "Radius"));
    ops.push_back(
        {"sharpen",
         1,
         OpKind::Local,
         QT_TRANSLATE_NOOP("pictor::ops", "Sharpening"),
         {scalar("amount", "", 0, 150, 0, QT_TRANSLATE_NOOP("pictor::ops", "Amount")), radius,
          scalar("masking", "", 0, 100, 0, QT_TRANSLATE_NOOP("pictor::ops", "Masking"))}});

    ops.push_back({"straighten",
                   1,
                   OpKind::Geometry,
                   QT_TRANSLATE_NOOP("pictor::ops", "Straighten"),
                   {scalar("angle", "°", -45, 45, 0, QT_TRANSLATE_NOOP("pictor::ops", "Angle"))}});

    // Crop edges as fractions of the (straightened) image: neutral keeps everything.
    ops.push_back({"crop",
                   1,
                   OpKind::Geometry,
                   QT_TRANSLATE_NOOP("pictor::ops", "Crop"),
                   {scalar("left", "", 0, 1, 0, QT_TRANSLATE_NOOP("pictor::ops", "Left")),
                    scalar("top", "", 0, 1, 0, QT_TRANSLATE_NOOP("pictor::ops", "Top")),
                    scalar("right", "", 0, 1, 1, QT_TRANSLATE_NOOP("pictor::ops", "Right")),
                    scalar("bottom", "", 0, 1, 1, QT_TRANSLATE_NOOP("pictor::ops", "Bottom"))}});

    // Post-crop vignette, last: it frames the final picture.
    ParamSpec midpoint =
        scalar("midpoint", "", 0, 100, 50, QT_TRANSLATE_NOOP("pictor::ops", "Midpoint"));
    ParamSpec feather =
        scalar("feather", "", 0, 100, 50, QT_TRANSLATE_NOOP("pictor::ops", "Feather"));
    ops.push_back({"vignette",
                   1,
                   OpKind::Local,
                   QT_TRANSLATE_NOOP("pictor::ops", "Vignette"),
                   {scalar("amount", "", -100, 100, 0, QT_TRANSLATE_NOOP("pictor::ops", "Amount")),
                    midpoint, feather}});
    return ops;
}

} // namespace

const ParamSpec* OpSpec::param(std::string_view name) const {
    for (const auto& p : params)
        if (p.name == name) return &p;
    return nullptr;
}

const std::vector<std::string>& hslBands() {
    static const std::vector<std::string> bands{"red",  "orange", "yellow", "green",
                                                "aqua", "blue",   "purple", "magenta"};
    return bands;
}

const std::vector<OpSpec>& opCatalog() {
    static const std::vector<OpSpec> catalog = buildCatalog();
    return catalog;
}

const OpSpec* findOpSpec(std::string_view id) {
    for (const auto& op : opCatalog())
        if (op.id == id) return &op;
    return nullptr;
}

int pipelineIndex(std::string_view id) {
    const auto& ops = opCatalog();
    for (std::size_t i = 0; i < ops.size(); ++i)
        if (ops[i].id == id) return int(i);
    return -1;
}

} // namespace pictor

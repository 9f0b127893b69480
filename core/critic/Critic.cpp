#include "critic/Critic.h"

#include "critic/Diagnosis.h"
#include "critic/ModelAdvice.h"
#include "critic/Reasoning.h"
#include "instructions/Instructions.h"
#include "nn/CriticModel.h"
#include "pipeline/Render.h"

#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace pictor::critic {

namespace {

Error cancelled() {
    return {
        QCoreApplication::translate("pictor::critic", "The critique was cancelled").toStdString(),
        {}};
}

// Adds every param `from` sets to `into` (fixes touch different params, except white balance's
// pair, which one finding owns).
void mergeRecipe(Recipe& into, const Recipe& from) {
    for (const RecipeOp& op : from.ops)
        for (const auto& [param, value] : op.scalars)
            (void)into.set(op.id, param, value);
}

// The recipe without geometry ops: what native-resolution tiles can be rendered with (a
// straightened tile would be a different crop of the photo).
Recipe withoutGeometry(const Recipe& recipe) {
    Recipe out = recipe;
    for (const OpSpec& op : opCatalog())
        if (op.kind == OpKind::Geometry) out.remove(op.id);
    return out;
}

// The analysis input rendered with the recipe, for the score after the edit.
Result<AnalysisInput> renderInput(const AnalysisInput& input, const Recipe& recipe,
                                  const SourceWhite& white) {
    AnalysisInput out;
    out.thumbnailScale = input.thumbnailScale;
    RenderSettings settings;
    settings.sourceWhite = white;
    settings.pixelScale = input.thumbnailScale;
    auto thumbnail = renderRecipe(input.thumbnail, recipe, settings);
    if (!thumbnail) return thumbnail.error();
    out.thumbnail = std::move(thumbnail).value();
    // Straightening crops: the photo's size after it follows the thumbnail's.
    out.thumbnailScale = input.thumbnailScale;
    settings.pixelScale = 1.0;
    const Recipe local = withoutGeometry(recipe);
    for (const Image& tile : input.tiles) {
        auto rendered = renderRecipe(tile, local, settings);
        if (!rendered) return rendered.error();
        out.tiles.push_back(std::move(rendered).value());
    }
    return out;
}

// The analysis input with the exposure op applied (a linear gain: the thumbnail and the tiles
// scale exactly as the rendered photo would).
AnalysisInput exposedInput(const AnalysisInput& input, double ev) {
    AnalysisInput out = input;
    const float gain = float(std::exp2(ev));
    auto scale = [gain](Image& image) {
        float* v = image.data();
        for (std::size_t i = 0; i < 3 * image.pixelCount(); ++i)
            v[i] *= gain;
    };
    scale(out.thumbnail);
    for (Image& tile : out.tiles)
        scale(tile);
    return out;
}

// The needs of every aspect. Exposure is judged first; when it needs correcting, the other
// aspects are judged on the photo as that correction leaves it (an over-exposed photo's "clipped
// highlights" and "harsh contrast" are the exposure's, and go with it). `exposed` is the
// analysis the other aspects were judged on (their evidence and reasoning cite it).
std::vector<Need> judge(const AnalysisInput& input, const Analysis& analysis,
                        const AnalysisOptions& options, std::optional<double> modelExposure,
                        Analysis& exposed) {
    std::vector<Need> needs = assessNeeds(analysis, modelExposure);
    exposed = analysis;
    const double ev = needs.front().fix.value("exposure", "exposure", analysis.sourceWhite);
    if (ev == 0) return needs;
    exposed = analyze(exposedInput(input, ev), options);
    std::vector<Need> after = assessNeeds(exposed);
    after.front() = std::move(needs.front());
    return after;
}

} // namespace

void describeSource(const Photo& photo, AnalysisOptions& options) {
    if (photo.source.raw) {
        options.raw = true;
        options.sourceWhite = {photo.source.raw->asShotTemperatureK, photo.source.raw->asShotTint};
    } else {
        options.raw = false;
        options.sourceWhite = SourceWhite{};
    }
}

Result<Critique> critique(const Photo& photo, CriticOptions options) {
    describeSource(photo, options.analysis);
    return critique(photo.pixels, options);
}

Result<Critique> critique(const Image& image, const CriticOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    if (image.empty())
        return Error{QCoreApplication::translate("pictor::critic", "There is no photo to critique")
                         .toStdString(),
                     {}};
    auto keepGoing = [&options] { return !options.keepGoing || options.keepGoing(); };
    const SourceWhite& white = options.analysis.sourceWhite;

    Critique c;
    const AnalysisInput input = prepareAnalysisInput(image, options.analysis);
    c.analysis = analyze(input, options.analysis);
    if (!keepGoing()) return cancelled();

    // The model is asked first: its exposure estimate joins the analysis's before the other
    // aspects are judged on the photo as the exposure correction leaves it.
    std::optional<nn::ModelPrediction> prediction;
    if (options.model) {
        auto predicted = options.model->predict(input.thumbnail, analysisFeatures(c.analysis));
        if (predicted) {
            prediction = std::move(*predicted);
            c.model = options.model->description();
        } else {
            c.notes.push_back(QCoreApplication::translate("pictor::critic",
                                                          "The learned model failed (%1); "
                                                          "the critique uses the analysis only.")
                                  .arg(QString::fromStdString(predicted.error().message()))
                                  .toStdString());
        }
        if (!keepGoing()) return cancelled();
    }
    std::optional<double> modelExposure;
    if (prediction)
        if (const nn::ParamPrediction* p = prediction->param("exposure", "exposure"))
            modelExposure = p->value;

    Analysis exposed;
    std::vector<Need> needs = judge(input, c.analysis, options.analysis, modelExposure, exposed);
    c.score = scoreFromNeeds(assessNeeds(c.analysis, modelExposure));
    std::vector<double> modelConfidence(needs.size(), -1.0);
    if (prediction) {
        ModelGate gate;
        gate.defectThreshold = options.modelDefectThreshold;
        gate.minConfidence = options.modelMinConfidence;
        modelConfidence = applyModelAdvice(*prediction, c.analysis, gate, needs);
    }

    for (std::size_t i = 0; i < needs.size(); ++i) {
        Need& need = needs[i];
        if (!need.actionable) continue;
        Finding f;
        f.aspect = need.aspect;
        f.magnitude = need.magnitude;
        f.severity = severityOf(need.magnitude);
        f.evidence = need.evidence;
        f.fix = need.fix;
        f.fromModel = modelConfidence[i] >= 0;
        f.confidence = f.fromModel ? modelConfidence[i] : 1.0;
        f.instruction = formatInstructions(f.fix, white);
        f.reasoning = reasoningFor(f, f.aspect == Aspect::Exposure ? c.analysis : exposed);
        mergeRecipe(c.recipe, f.fix);
        c.findings.push_back(std::move(f));
    }
    std::stable_sort(c.findings.begin(), c.findings.end(),
                     [](const Finding& a, const Finding& b) { return a.magnitude > b.magnitude; });
    c.instructions = formatInstructions(c.recipe, white);

    c.scoreAfter = c.score;
    c.analysisAfter = c.analysis;
    if (options.scoreAfter && !c.recipe.isNeutral(white)) {
        auto rendered = renderInput(input, c.recipe, white);
        if (!rendered) return rendered.error();
        if (!keepGoing()) return cancelled();
        c.analysisAfter = analyze(*rendered, options.analysis);
        c.scoreAfter = scoreFromNeeds(assessNeeds(c.analysisAfter));
    }
    c.summary = summaryFor(c);
    c.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return c;
}

} // namespace pictor::critic

#include "EnhanceOne.h"

#include "critic/Critic.h"
#include "critic/CritiqueJson.h"
#include "io/FileIo.h"
#include "pipeline/Render.h"
#include "recipe/Sidecar.h"

namespace pictor::cli {

Result<EnhanceReport> enhanceOne(const std::filesystem::path& input,
                                 const std::filesystem::path& output,
                                 const EnhanceSettings& settings) {
    auto photo = loadPhoto(input, settings.loadOptions);
    if (!photo) return photo.error();
    critic::CriticOptions criticOptions;
    criticOptions.model = settings.model;
    auto critique = critic::critique(*photo, criticOptions);
    if (!critique) return critique.error();

    RenderSettings render;
    render.sourceWhite = critique->analysis.sourceWhite;
    render.device = settings.device;
    ExportOptions exportOptions = settings.exportOptions;
    const bool changed = !critique->recipe.isNeutral(render.sourceWhite);
    Image rendered;
    if (changed) {
        // The decoded pixels are not needed afterwards: the renderer works in them (one image in
        // memory, not two).
        auto result = renderRecipe(std::move(photo->pixels), critique->recipe, render);
        if (!result) return result.error();
        rendered = std::move(result).value();
        auto packet = recipeXmpPacket(critique->recipe);
        if (!packet) return packet.error();
        exportOptions.extraXmpPacket = *packet;
    }
    // Nothing to fix: the photo is exported as it is (exactly what `convert` writes).
    auto exported = exportImage(changed ? rendered : photo->pixels, photo->metadata.get(), input,
                                output, exportOptions);
    if (!exported) return exported.error();

    if (settings.critiqueOut) {
        const std::string json = critic::critiqueToJsonText(*critique);
        WriteOptions write;
        write.overwrite = settings.exportOptions.overwrite;
        Status written = writeFileAtomically(*settings.critiqueOut,
                                             reinterpret_cast<const std::uint8_t*>(json.data()),
                                             json.size(), write);
        if (!written)
            return Error{"wrote '" + output.string() +
                             "' but not the critique: " + written.error().what,
                         written.error().hint};
    }
    EnhanceReport report;
    report.exported = *exported;
    report.score = critique->score;
    report.scoreAfter = critique->scoreAfter;
    report.findings = int(critique->findings.size());
    report.changed = changed;
    return report;
}

} // namespace pictor::cli

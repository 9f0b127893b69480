#include "ApplyCommand.h"

#include "CliSupport.h"
#include "ConvertCommand.h"
#include "DeviceOption.h"
#include "InstructionsSupport.h"
#include "io/Export.h"
#include "io/FileIo.h"
#include "pipeline/Render.h"
#include "recipe/RecipeJson.h"
#include "recipe/Sidecar.h"

#include <iostream>

namespace pictor::cli {

int runApply(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Render an edit recipe (JSON, as Pictor writes it) onto a photo and "
                                     "export the result with all metadata and the recipe embedded.");
    parser.addOption({"recipe", "The recipe file (JSON). Without it the output equals 'convert'.", "FILE"});
    addDeviceOption(parser);
    addInstructionOptions(parser); // applied on top of --recipe when both are given
    parser.addOption({"print-recipe", "Print the recipe that is rendered (JSON) on stdout."});
    auto parsed = parseExportCommand(parser, args, "apply");
    if (const int* exitCode = std::get_if<int>(&parsed)) return *exitCode;
    auto& [input, output, exportOptions, loadOptions] = std::get<ExportCommand>(parsed);

    // The device, then the recipe, are checked (and their problems reported) before the slow decode.
    auto device = deviceFromOptions(parser, "apply");
    if (const int* exitCode = std::get_if<int>(&device)) return *exitCode;
    Recipe recipe;
    if (parser.isSet("recipe")) {
        const std::filesystem::path recipePath = parser.value("recipe").toStdString();
        auto bytes = readFileBytes(recipePath, 16u << 20);
        if (!bytes) {
            printError(bytes.error());
            return Failure;
        }
        auto parsed = recipeFromJson(std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()));
        if (!parsed) {
            printError({"cannot read the recipe '" + recipePath.string() + "': " + parsed.error().what,
                        parsed.error().hint});
            return Failure;
        }
        for (const auto& note : parsed->notes) std::cerr << "pictor-cli: recipe: " << note << '\n';
        recipe = std::move(parsed->recipe);
    }
    // Instructions are checked before the decode too: if none is understood nothing is written.
    auto instructions = instructionText(parser, "apply");
    if (const int* exitCode = std::get_if<int>(&instructions)) return *exitCode;
    const auto& instructionSource = std::get<std::optional<std::string>>(instructions);
    if (instructionSource) {
        const ParsedInstructions check = parseInstructions(*instructionSource, recipe);
        printInstructionErrors(check);
        if (check.totalLines > 0 && check.understoodLines == 0) {
            printError({"no instruction could be understood; nothing was written",
                        "Rephrase them, e.g. \"Increase exposure by 0.5 EV\" (see 'pictor-cli parse')."});
            return Failure;
        }
    }

    auto photo = loadPhoto(input, loadOptions);
    if (!photo) {
        printError(photo.error());
        return Failure;
    }
    RenderSettings settings;
    settings.device = std::get<ComputeDevice>(device).kind;
    if (photo->source.raw) // RAW white balance is relative to what the camera recorded
        settings.sourceWhite = {photo->source.raw->asShotTemperatureK, photo->source.raw->asShotTint};
    if (instructionSource) { // again, now that the photo's own white is known ("warmer" is relative to it)
        const ParsedInstructions parsed = parseInstructions(*instructionSource, recipe, settings.sourceWhite);
        printInstructionNotes(parsed);
        recipe = parsed.recipe;
    }
    if (parser.isSet("print-recipe")) std::cout << toJson(recipe) << std::endl;
    const bool neutral = recipe.isNeutral(settings.sourceWhite);
    Image rendered;
    if (!neutral) {
        // The decoded pixels are not needed afterwards: the renderer works in them.
        auto result = renderRecipe(std::move(photo->pixels), recipe, settings);
        if (!result) {
            printError(result.error());
            return Failure;
        }
        rendered = std::move(result).value();
        auto packet = recipeXmpPacket(recipe);
        if (!packet) {
            printError(packet.error());
            return Failure;
        }
        exportOptions.extraXmpPacket = *packet;
    }
    // A neutral recipe changes nothing, so the output is exactly what 'convert' writes.
    const Image& pixels = neutral ? photo->pixels : rendered;
    auto report = exportImage(pixels, photo->metadata.get(), input, output, exportOptions);
    if (!report) {
        printError(report.error());
        return Failure;
    }
    std::cout << "Wrote " << output.string() << " (" << report->width << " × " << report->height << ", "
              << colorSpaceName(exportOptions.encode.colorSpace) << ", " << humanBytes(report->bytes)
              << (neutral ? ", no edits" : ", recipe embedded") << ")" << std::endl;
    return Success;
}

} // namespace pictor::cli

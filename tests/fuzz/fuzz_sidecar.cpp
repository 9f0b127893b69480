// libFuzzer target: any bytes → the recipe readers: recipeFromJson (the recipe JSON, Qt's JSON
// parser) and recipeFromXmpPacket (XMP sidecars and embedded packets, exiv2's XMP toolkit). Each
// must return a recipe or an Error — never crash, hang or leak. A recipe that was read must
// survive writing: JSON → recipe → JSON → recipe gives the same recipe and the same JSON, and the
// same through an XMP packet (what writeSidecar and exports embed).
#include "recipe/RecipeJson.h"
#include "recipe/Sidecar.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

[[noreturn]] void broken(const char* what, const std::string& detail) {
    std::fprintf(stderr, "fuzz_sidecar: %s\n%s\n", what, detail.c_str());
    std::abort();
}

// The written form of a recipe must read back as the same recipe, via JSON and via XMP.
void checkRoundTrip(const pictor::Recipe& recipe) {
    const std::string json = pictor::toJson(recipe);
    auto again = pictor::recipeFromJson(json);
    if (!again) broken("toJson output does not read back", json + "\n" + again.error().what);
    if (!(again->recipe == recipe)) broken("JSON round trip changed the recipe", json);
    if (pictor::toJson(again->recipe) != json) broken("JSON round trip is not stable", json);

    auto packet = pictor::recipeXmpPacket(recipe);
    if (!packet) broken("recipeXmpPacket failed", json + "\n" + packet.error().what);
    auto fromXmp = pictor::recipeFromXmpPacket(*packet);
    if (!fromXmp)
        broken("recipeXmpPacket output does not read back", *packet + "\n" + fromXmp.error().what);
    if (!(fromXmp->recipe == recipe)) broken("XMP round trip changed the recipe", *packet);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto parsed = pictor::recipeFromJson(text)) checkRoundTrip(parsed->recipe);
    if (auto parsed = pictor::recipeFromXmpPacket(text)) checkRoundTrip(parsed->recipe);
    return 0;
}

#pragma once
// The recipe on disk: an XMP sidecar next to the photo ("photo.ext.xmp", as darktable names
// them), and an XMP packet for exported files. Written and read with exiv2.
//
// The recipe is one XMP text property, Xmp.pictor.recipe (pictor:recipe), holding the recipe's
// JSON (RecipeJson.h), in the namespace kPictorXmpNamespace, prefix "pictor".
//
// A sidecar written by another program (darktable, Lightroom, digiKam…) keeps every property:
// writeSidecar changes pictor:recipe only, checks that exiv2 re-encodes every other property
// unchanged before it writes (else Error, file unchanged), and replaces the file atomically.
// exiv2 rewrites the XML itself (layout, comments and the packet wrapper are not kept; the
// properties are). A sidecar exiv2 cannot parse is never overwritten.
#include "recipe/RecipeJson.h"
#include "util/Result.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace pictor {

inline constexpr const char* kPictorXmpNamespace = "http://ns.pictor-photo.org/recipe/1.0/";
inline constexpr const char* kPictorXmpPrefix = "pictor";
// exiv2's key for the property while "pictor" is bound to our namespace. Files may bind another
// prefix to it, or "pictor" to another namespace: this file finds the property by namespace URI
// and keeps a foreign "pictor" namespace as it is (ours then gets "pictor1").
inline constexpr const char* kRecipeXmpKey = "Xmp.pictor.recipe";
inline constexpr std::size_t kMaxSidecarBytes = 64u << 20;

// "dir/photo.jpg" → "dir/photo.jpg.xmp".
std::filesystem::path sidecarPath(const std::filesystem::path& photo);

// Reads the photo's sidecar. No sidecar, an empty one, or one without pictor:recipe → an empty
// recipe (not an error). Malformed XMP, or a recipe that cannot be read → Error.
Result<ParsedRecipe> readSidecar(const std::filesystem::path& photo);

struct SidecarWriteOptions {
    // The sidecar already holds a pictor:recipe that this build cannot read (damaged, or from a
    // newer Pictor): false = Error, file unchanged (the default); true = replace it.
    bool replaceUnreadableRecipe = false;
};

// Sets pictor:recipe in the photo's sidecar (creating it when absent), keeping everything else.
// Save the recipe you read (edited): unknown keys and ops it carries are written back.
Status writeSidecar(const std::filesystem::path& photo, const Recipe& recipe,
                    const SidecarWriteOptions& options = {});

// An XMP packet holding pictor:recipe, for MetadataWriteOptions::extraXmpPacket (io/Metadata.h).
Result<std::string> recipeXmpPacket(const Recipe& recipe);

// The recipe in an XMP packet (a sidecar's text, or the XMP of an exported file). No
// pictor:recipe → an empty recipe; malformed XMP or recipe → Error.
Result<ParsedRecipe> recipeFromXmpPacket(std::string_view packet);

} // namespace pictor

#pragma once
// Recipe ↔ JSON (Qt6::Core JSON), keys by name. The format:
//
//   {"ops":[{"enabled":true,"id":"exposure","params":{"exposure":1.3},"version":1},
//           {"enabled":true,"id":"tone_curve","params":{"points":[[0,0],[0.5,0.6],[1,1]]},
//            "version":1}],
//    "pictorRecipe":1}
//
// - "pictorRecipe" is the format version (kRecipeFormatVersion); required. A newer format is
//   refused with an Error (this build cannot know what it means).
// - Each op: "id" (required), "version" (absent = 1), "enabled" (absent = true), "params" by name:
//   a number for a Scalar param, [[x, y], …] for a Points param. Only params that are set are
//   written (absent = default, or the photo's own white for white balance; see Recipe.h).
// - toJson is compact with keys sorted (deterministic). Unknown top-level keys, op keys and params
//   are kept as JSON and written back; ops with an unknown id, or a version newer than this build
//   knows, are kept whole and written back after the known ops. Numbers are doubles (as Qt's JSON
//   holds them): integers beyond 2^53 in unknown keys lose precision.
// - Reading reports everything it did not take as written (notes): unknown keys and ops, ops from
//   a newer Pictor, clamped values, migrations applied. Malformed JSON, a missing or newer format
//   version, or values of the wrong type in a known op give an Error (what, and what to do).
#include "recipe/Migrations.h"
#include "recipe/Recipe.h"
#include "util/Result.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pictor {

inline constexpr int kRecipeFormatVersion = 1;
inline constexpr std::size_t kMaxRecipeJsonBytes = 16u << 20;
// At most this many notes are listed; one more says how many were left out.
inline constexpr std::size_t kMaxRecipeNotes = 50;

struct ParsedRecipe {
    Recipe recipe;
    std::vector<std::string> notes; // for people: what was kept unread, clamped or migrated
};

// Seams for tests; nullptr means this build's opCatalog() / builtinMigrations().
struct RecipeReadOptions {
    const std::vector<OpSpec>* catalog = nullptr;
    const MigrationRegistry* migrations = nullptr;
};

std::string toJson(const Recipe& recipe);

Result<ParsedRecipe> recipeFromJson(std::string_view json, const RecipeReadOptions& options = {});

} // namespace pictor

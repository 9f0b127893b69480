#pragma once
// Chained per-op migrations: when an op's meaning changes, its OpSpec::version is bumped and a
// step (opId, v → v + 1) is registered here that rewrites the op's JSON object written for v into
// one for v + 1. recipeFromJson applies the chain from the version in the file up to the version
// this build knows, step by step, and reports it.
//
// Rules: a step receives the whole op object ({"id", "version", "enabled", "params", …}) and may
// rename, convert, add or remove keys; the driver sets "version" after each step. A step never
// changes "id". A step that cannot make sense of its input returns an Error: the op is then kept
// unchanged as an unknown op (written back verbatim) and the reader is told.
#include "util/Result.h"

#include <QJsonObject>

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace pictor {

using OpMigration = std::function<Status(QJsonObject& op)>;

class MigrationRegistry {
public:
    // Registers the step fromVersion → fromVersion + 1 of one op (replacing one already there).
    void add(std::string opId, int fromVersion, OpMigration step);
    const OpMigration* find(std::string_view opId, int fromVersion) const;
    bool empty() const { return m_steps.empty(); }

    // Migrates `op` from version `from` to `to` (from < to), setting its "version" after each
    // step. On Error (a missing or failing step) `op` is left as it was given.
    Status migrate(QJsonObject& op, std::string_view opId, int from, int to) const;

private:
    std::map<std::pair<std::string, int>, OpMigration, std::less<>> m_steps;
};

// The migrations of this build's ops. Empty today: every op is still at version 1.
const MigrationRegistry& builtinMigrations();

} // namespace pictor

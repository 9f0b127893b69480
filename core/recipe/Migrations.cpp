#include "recipe/Migrations.h"

#include <QJsonValue>

#include <exception>

namespace pictor {

void MigrationRegistry::add(std::string opId, int fromVersion, OpMigration step) {
    m_steps[{std::move(opId), fromVersion}] = std::move(step);
}

const OpMigration* MigrationRegistry::find(std::string_view opId, int fromVersion) const {
    const auto it = m_steps.find(std::pair{std::string(opId), fromVersion});
    return it == m_steps.end() ? nullptr : &it->second;
}

Status MigrationRegistry::migrate(QJsonObject& op, std::string_view opId, int from, int to) const {
    const std::string id(opId);
    QJsonObject work = op;
    for (int v = from; v < to; ++v) {
        const OpMigration* step = find(opId, v);
        if (!step || !*step)
            return Error{"No migration of op '" + id + "' from version " + std::to_string(v) +
                             " to " + std::to_string(v + 1),
                         "This Pictor build is incomplete; report it to the Pictor developers."};
        Status done = Error{};
        try {
            done = (*step)(work);
        } catch (const std::exception& e) {
            done = Error{e.what(), {}};
        }
        if (!done)
            return Error{"Migrating op '" + id + "' from version " + std::to_string(v) + " to " +
                             std::to_string(v + 1) + " failed: " + done.error().what,
                         "The op is kept unchanged; edit it again or report the recipe to the "
                         "Pictor developers."};
        work.insert(QStringLiteral("id"), QString::fromStdString(id));
        work.insert(QStringLiteral("version"), v + 1);
    }
    op = std::move(work);
    return Ok{};
}

const MigrationRegistry& builtinMigrations() {
    static const MigrationRegistry registry = [] {
        MigrationRegistry r;
        // When an op's semantics change: bump its version in ops/OpSpec.cpp and add the step
        // here, e.g.
        //   r.add("exposure", 1, [](QJsonObject& op) { …rewrite op["params"]…; return Ok{}; });
        return r;
    }();
    return registry;
}

} // namespace pictor

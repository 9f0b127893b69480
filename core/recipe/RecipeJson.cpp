#include "recipe/RecipeJson.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QString>

#include <algorithm>
#include <cmath>
#include <new>

namespace pictor {

namespace {

const QString kFormatKey = QStringLiteral("pictorRecipe");
const QString kOpsKey = QStringLiteral("ops");
const QString kIdKey = QStringLiteral("id");
const QString kVersionKey = QStringLiteral("version");
const QString kEnabledKey = QStringLiteral("enabled");
const QString kParamsKey = QStringLiteral("params");

const char* const kFixHint = "Correct the recipe (it must be the JSON that Pictor writes), or "
                             "start the edit again; nothing was changed";

std::string str(const QString& s) {
    return s.toStdString();
}

QString qstr(const std::string& s) {
    return QString::fromStdString(s);
}

// A value as compact JSON text (Qt only writes whole documents: wrap it in an array).
std::string compact(const QJsonValue& value) {
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return std::string(text.constData() + 1, std::size_t(text.size() - 2));
}

// Parses text written by compact(); nullopt-like Undefined when it is not JSON.
QJsonValue parseValue(const std::string& text) {
    QJsonParseError error{};
    const QByteArray bytes =
        QByteArray("[") + QByteArray(text.data(), qsizetype(text.size())) + QByteArray("]");
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1)
        return QJsonValue(QJsonValue::Undefined);
    return doc.array().at(0);
}

const char* typeName(const QJsonValue& v) {
    switch (v.type()) {
    case QJsonValue::Null:
        return "null";
    case QJsonValue::Bool:
        return "true/false";
    case QJsonValue::Double:
        return "a number";
    case QJsonValue::String:
        return "text";
    case QJsonValue::Array:
        return "a list";
    case QJsonValue::Object:
        return "an object";
    default:
        return "nothing";
    }
}

// An integer held by a JSON number (versions), or nothing.
bool toInt(const QJsonValue& v, int& out) {
    if (!v.isDouble()) return false;
    const double d = v.toDouble();
    if (!std::isfinite(d) || d != std::floor(d) || d < -1e9 || d > 1e9) return false;
    out = int(d);
    return true;
}

Error malformed(const std::string& what) {
    return Error{"Cannot read the edit recipe: " + what, kFixHint};
}

class Notes {
public:
    explicit Notes(std::vector<std::string>& out)
        : m_out(out) {}
    // Adds the count of notes left out; call once, when done.
    void finish() {
        if (m_left > 0)
            m_out.push_back("… and " + std::to_string(m_left) + " more notes like these");
        m_left = 0;
    }
    void add(std::string note) {
        if (m_out.size() < kMaxRecipeNotes)
            m_out.push_back(std::move(note));
        else
            ++m_left;
    }

private:
    std::vector<std::string>& m_out;
    std::size_t m_left = 0;
};

const OpSpec* findIn(const std::vector<OpSpec>& catalog, const std::string& id) {
    for (const auto& op : catalog)
        if (op.id == id) return &op;
    return nullptr;
}

// Reads the fields of a known op (already migrated to spec.version) into `op`.
Status readOp(const QJsonObject& object, const OpSpec& spec, RecipeOp& op, Notes& notes) {
    const std::string where = "op '" + spec.id + "'";
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        if (key == kIdKey || key == kVersionKey) continue;
        if (key == kEnabledKey) {
            if (!value.isBool())
                return malformed(where + ": \"enabled\" must be true or false, not " +
                                 typeName(value));
            op.enabled = value.toBool();
            continue;
        }
        if (key != kParamsKey) {
            op.unknown[str(key)] = compact(value);
            notes.add(where + ": unknown key '" + str(key) + "' kept unchanged");
            continue;
        }
        if (!value.isObject())
            return malformed(where + ": \"params\" must be an object, not " + typeName(value));
        const QJsonObject params = value.toObject();
        for (auto p = params.begin(); p != params.end(); ++p) {
            const std::string name = str(p.key());
            const QJsonValue v = p.value();
            const ParamSpec* param = spec.param(name);
            const std::string full = spec.id + "." + name;
            if (!param) {
                op.unknownParams[name] = compact(v);
                notes.add(where + ": unknown parameter '" + name + "' kept unchanged");
                continue;
            }
            if (param->kind == ParamKind::Scalar) {
                if (!v.isDouble() || !std::isfinite(v.toDouble()))
                    return malformed("parameter " + full + " must be a number, not " + typeName(v));
                const SetOutcome set = clampToSpec(spec, *param, v.toDouble());
                if (set.clamped) notes.add(set.note);
                op.scalars[name] = set.value;
                continue;
            }
            if (!v.isArray())
                return malformed("parameter " + full + " must be a list of [x, y] points, not " +
                                 typeName(v));
            const QJsonArray list = v.toArray();
            if (std::size_t(list.size()) > kMaxCurvePoints)
                return malformed("parameter " + full + " has " + std::to_string(list.size()) +
                                 " points; a curve has at most " + std::to_string(kMaxCurvePoints));
            std::vector<CurvePoint> points;
            for (const QJsonValue& item : list) {
                const QJsonArray pair = item.toArray();
                if (!item.isArray() || pair.size() != 2 || !pair.at(0).isDouble() ||
                    !pair.at(1).isDouble())
                    return malformed("parameter " + full +
                                     ": each point must be [x, y] with two numbers");
                points.push_back({pair.at(0).toDouble(), pair.at(1).toDouble()});
            }
            // The same canonical form as Recipe::setPoints.
            const bool clamped = canonicalizeCurve(points);
            if (clamped) notes.add(full + ": points outside 0 to 1 were moved to the edge");
            op.points[name] = std::move(points);
        }
    }
    return Ok{};
}

Result<ParsedRecipe> parse(std::string_view json, const RecipeReadOptions& options) {
    if (json.size() > kMaxRecipeJsonBytes)
        return Error{"Cannot read the edit recipe: it is " + std::to_string(json.size()) +
                         " bytes, more than the " + std::to_string(kMaxRecipeJsonBytes >> 20) +
                         " MiB a recipe may have",
                     kFixHint};
    const std::vector<OpSpec>& catalog = options.catalog ? *options.catalog : opCatalog();
    const MigrationRegistry& migrations =
        options.migrations ? *options.migrations : builtinMigrations();

    QJsonParseError error{};
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray(json.data(), qsizetype(json.size())), &error);
    if (error.error != QJsonParseError::NoError)
        return malformed("it is not valid JSON (" + str(error.errorString()) + " at character " +
                         std::to_string(error.offset) + ")");
    if (!doc.isObject()) return malformed("it is not a JSON object");
    const QJsonObject top = doc.object();

    const QJsonValue format = top.value(kFormatKey);
    int formatVersion = 0;
    if (format.isUndefined())
        return malformed("it is not a Pictor recipe (the \"pictorRecipe\" format version is "
                         "missing)");
    if (!toInt(format, formatVersion) || formatVersion < 1)
        return malformed("\"pictorRecipe\" must be a format version number (1 or more), not " +
                         compact(format).substr(0, 40));
    if (formatVersion > kRecipeFormatVersion)
        return Error{"Cannot read the edit recipe: it was written by a newer Pictor (recipe "
                     "format " +
                         std::to_string(formatVersion) + "; this version reads format " +
                         std::to_string(kRecipeFormatVersion) + ")",
                     "Update Pictor to edit this photo; nothing was changed"};

    ParsedRecipe out;
    Notes notes(out.notes);
    Recipe& recipe = out.recipe;
    for (auto it = top.begin(); it != top.end(); ++it) {
        if (it.key() == kFormatKey || it.key() == kOpsKey) continue;
        recipe.unknown[str(it.key())] = compact(it.value());
        notes.add("unknown recipe key '" + str(it.key()) + "' kept unchanged");
    }

    const QJsonValue opsValue = top.value(kOpsKey);
    if (!opsValue.isUndefined() && !opsValue.isArray())
        return malformed("\"ops\" must be a list of ops, not " + std::string(typeName(opsValue)));
    const QJsonArray ops = opsValue.toArray();
    for (qsizetype i = 0; i < ops.size(); ++i) {
        const std::string position = "op #" + std::to_string(i + 1);
        const QJsonValue element = ops.at(i);
        if (!element.isObject())
            return malformed(position + " must be an object, not " + typeName(element));
        QJsonObject object = element.toObject();
        const QJsonValue idValue = object.value(kIdKey);
        if (!idValue.isString() || idValue.toString().isEmpty())
            return malformed(position + " has no \"id\" (the op's name)");
        const std::string id = str(idValue.toString());
        int version = 1;
        const QJsonValue versionValue = object.value(kVersionKey);
        if (!versionValue.isUndefined() && (!toInt(versionValue, version) || version < 1))
            return malformed("op '" + id + "': \"version\" must be a whole number (1 or more)");

        const OpSpec* spec = findIn(catalog, id);
        if (!spec) {
            recipe.unknownOps.push_back(compact(element));
            notes.add("unknown op '" + id +
                      "' (not part of this version of Pictor) kept unchanged, not applied");
            continue;
        }
        if (version > spec->version) {
            recipe.unknownOps.push_back(compact(element));
            notes.add("op '" + id + "' version " + std::to_string(version) +
                      " was made by a newer Pictor (this one knows version " +
                      std::to_string(spec->version) + "); kept unchanged, not applied");
            continue;
        }
        if (recipe.find(id)) {
            recipe.unknownOps.push_back(compact(element));
            notes.add("op '" + id +
                      "' appears more than once; the first is applied, the others kept "
                      "unchanged");
            continue;
        }
        if (version < spec->version) {
            const Status migrated = migrations.migrate(object, id, version, spec->version);
            if (!migrated) {
                recipe.unknownOps.push_back(compact(element));
                notes.add(migrated.error().message());
                continue;
            }
            notes.add("op '" + id + "' updated from version " + std::to_string(version) + " to " +
                      std::to_string(spec->version));
        }
        RecipeOp op;
        op.id = id;
        op.version = spec->version;
        if (Status read = readOp(object, *spec, op, notes); !read) return read.error();
        recipe.ops.push_back(std::move(op));
    }
    auto index = [&](const std::string& id) {
        for (std::size_t i = 0; i < catalog.size(); ++i)
            if (catalog[i].id == id) return int(i);
        return -1;
    };
    std::stable_sort(
        recipe.ops.begin(), recipe.ops.end(),
        [&](const RecipeOp& a, const RecipeOp& b) { return index(a.id) < index(b.id); });
    notes.finish();
    return out;
}

// A kept value back into JSON; text that is not JSON (only possible when set by hand) is kept
// as a string rather than lost.
QJsonValue keptValue(const std::string& raw) {
    const QJsonValue v = parseValue(raw);
    return v.isUndefined() ? QJsonValue(qstr(raw)) : v;
}

} // namespace

std::string toJson(const Recipe& recipe) {
    QJsonObject top;
    for (const auto& [key, raw] : recipe.unknown)
        top.insert(qstr(key), keptValue(raw));
    QJsonArray ops;
    for (const RecipeOp& op : recipe.ops) {
        QJsonObject object;
        for (const auto& [key, raw] : op.unknown)
            object.insert(qstr(key), keptValue(raw));
        QJsonObject params;
        for (const auto& [key, raw] : op.unknownParams)
            params.insert(qstr(key), keptValue(raw));
        for (const auto& [key, value] : op.scalars)
            if (std::isfinite(value)) params.insert(qstr(key), value == 0 ? 0.0 : value);
        for (const auto& [key, points] : op.points) {
            QJsonArray list;
            for (const CurvePoint& p : points)
                if (std::isfinite(p.x) && std::isfinite(p.y))
                    list.append(QJsonArray{p.x == 0 ? 0.0 : p.x, p.y == 0 ? 0.0 : p.y});
            params.insert(qstr(key), list);
        }
        object.insert(kIdKey, qstr(op.id));
        object.insert(kVersionKey, op.version);
        object.insert(kEnabledKey, op.enabled);
        object.insert(kParamsKey, params);
        ops.append(object);
    }
    for (const std::string& raw : recipe.unknownOps) {
        const QJsonValue v = parseValue(raw);
        if (v.isObject()) ops.append(v);
    }
    top.insert(kOpsKey, ops);
    top.insert(kFormatKey, kRecipeFormatVersion);
    const QByteArray text = QJsonDocument(top).toJson(QJsonDocument::Compact);
    return std::string(text.constData(), std::size_t(text.size()));
}

Result<ParsedRecipe> recipeFromJson(std::string_view json, const RecipeReadOptions& options) {
    try {
        return parse(json, options);
    } catch (const std::bad_alloc&) {
        return Error{"Cannot read the edit recipe: not enough memory", kFixHint};
    }
}

} // namespace pictor

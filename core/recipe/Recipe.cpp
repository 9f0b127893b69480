#include "recipe/Recipe.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace pictor {

namespace {

// ---------------------------------------------------------------------------------------------
// Stable hashing: FNV-1a 64 over an explicit little-endian byte encoding, so that the value does
// not depend on the compiler, the platform or the run.

class Hasher {
public:
    void bytes(const void* data, std::size_t size) {
        const auto* p = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < size; ++i) {
            m_state ^= p[i];
            m_state *= 0x100000001b3ull;
        }
    }
    void u64(std::uint64_t v) {
        unsigned char b[8];
        for (int i = 0; i < 8; ++i)
            b[i] = static_cast<unsigned char>(v >> (8 * i));
        bytes(b, 8);
    }
    void text(std::string_view s) {
        u64(s.size());
        bytes(s.data(), s.size());
    }
    void number(double v) {
        if (v == 0) v = 0; // −0 and +0 render alike
        std::uint64_t bits = 0;
        if (std::isnan(v)) {
            bits = 0x7ff8000000000000ull;
        } else {
            static_assert(sizeof(bits) == sizeof(v));
            std::memcpy(&bits, &v, sizeof(v));
        }
        u64(bits);
    }
    std::uint64_t value() const { return m_state; }

private:
    std::uint64_t m_state = 0xcbf29ce484222325ull;
};

bool sameValue(double a, double b) {
    return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)});
}

std::string idList() {
    std::string out;
    for (const auto& op : opCatalog()) {
        if (!out.empty()) out += ", ";
        out += op.id;
    }
    return out;
}

std::string paramList(const OpSpec& op) {
    std::string out;
    for (const auto& p : op.params) {
        if (!out.empty()) out += ", ";
        out += p.name;
    }
    return out;
}

Error unknownOpError(std::string_view id) {
    return Error{"Unknown operation '" + std::string(id) + "'", "Use one of: " + idList() + "."};
}

Result<std::pair<const OpSpec*, const ParamSpec*>> lookup(std::string_view op,
                                                          std::string_view param, ParamKind kind) {
    const OpSpec* spec = findOpSpec(op);
    if (!spec) return unknownOpError(op);
    const ParamSpec* p = spec->param(param);
    if (!p)
        return Error{"Operation '" + spec->id + "' has no parameter '" + std::string(param) + "'",
                     "Its parameters are: " + paramList(*spec) + "."};
    if (p->kind != kind)
        return Error{
            "Parameter '" + spec->id + "." + p->name + "' is " +
                (p->kind == ParamKind::Points ? "a list of curve points" : "a single number"),
            p->kind == ParamKind::Points ? "Set it with a list of (x, y) points."
                                         : "Set it with one number."};
    return std::pair{spec, p};
}

// JSON text for a number (finite) or a point list, as RecipeJson writes them.
std::string jsonNumber(double v) {
    if (v == 0) v = 0;
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), v);
    return ec == std::errc() ? std::string(buf, end) : std::string("0");
}

std::string jsonString(std::string_view s) {
    std::string out = "\"";
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 0x20) {
            static const char* hex = "0123456789abcdef";
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += ch;
        }
    }
    return out + "\"";
}

std::string jsonPoints(const std::vector<CurvePoint>& points) {
    std::string out = "[";
    bool first = true;
    for (const auto& p : points) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
        if (!first) out += ",";
        first = false;
        out += '[';
        out += jsonNumber(p.x);
        out += ',';
        out += jsonNumber(p.y);
        out += ']';
    }
    return out + "]";
}

} // namespace

bool canonicalizeCurve(std::vector<CurvePoint>& points) {
    bool clamped = false;
    for (auto& p : points) {
        const CurvePoint c{std::clamp(p.x, 0.0, 1.0), std::clamp(p.y, 0.0, 1.0)};
        if (c.x != p.x || c.y != p.y) clamped = true;
        p = CurvePoint{c.x == 0 ? 0.0 : c.x, c.y == 0 ? 0.0 : c.y};
    }
    std::stable_sort(points.begin(), points.end(),
                     [](const CurvePoint& a, const CurvePoint& b) { return a.x < b.x; });
    // A repeated x keeps its last point (stable sort keeps the given order among equals).
    std::vector<CurvePoint> unique;
    for (const auto& p : points) {
        if (!unique.empty() && unique.back().x == p.x)
            unique.back() = p;
        else
            unique.push_back(p);
    }
    points = std::move(unique);
    return clamped;
}

namespace {

void sortOps(std::vector<RecipeOp>& ops) {
    std::stable_sort(ops.begin(), ops.end(), [](const RecipeOp& a, const RecipeOp& b) {
        return pipelineIndex(a.id) < pipelineIndex(b.id);
    });
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Free helpers

std::string formatParamValue(double value, std::string_view unit) {
    std::string text = jsonNumber(value);
    if (unit.empty()) return text;
    if (unit == "%" || unit == "°") return text + std::string(unit);
    return text + " " + std::string(unit);
}

double sourceWhiteValue(const ParamSpec& param, const SourceWhite& white) {
    double v = param.neutral;
    if (param.name == "temperature")
        v = white.temperature;
    else if (param.name == "tint")
        v = white.tint;
    if (!std::isfinite(v)) v = param.neutral;
    return std::clamp(v, param.min, param.max);
}

SetOutcome clampToSpec(const OpSpec& op, const ParamSpec& param, double value) {
    SetOutcome out;
    out.value = std::clamp(value, param.min, param.max);
    if (out.value == 0) out.value = 0; // no −0 in recipes
    if (out.value != value && !(value == 0 && out.value == 0)) {
        out.clamped = true;
        const bool above = value > param.max;
        out.note = op.id + "." + param.name + ": " + formatParamValue(value, param.unit) + " is " +
                   (above ? "above the maximum" : "below the minimum") + "; set to " +
                   formatParamValue(out.value, param.unit) + " (range " +
                   formatParamValue(param.min, param.unit) + " to " +
                   formatParamValue(param.max, param.unit) + ")";
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// RecipeOp

const OpSpec* RecipeOp::spec() const {
    return findOpSpec(id);
}

double RecipeOp::value(std::string_view param, const SourceWhite& white) const {
    const OpSpec* s = spec();
    const ParamSpec* p = s ? s->param(param) : nullptr;
    if (!p || p->kind != ParamKind::Scalar) return 0;
    if (const auto it = scalars.find(std::string(param)); it != scalars.end()) return it->second;
    return p->relativeToSourceWhite ? sourceWhiteValue(*p, white) : p->defaultValue;
}

std::vector<CurvePoint> RecipeOp::curve(std::string_view param) const {
    if (const auto it = points.find(std::string(param)); it != points.end()) return it->second;
    return {};
}

bool RecipeOp::isNeutral(const SourceWhite& white) const {
    if (!enabled) return true;
    const OpSpec* s = spec();
    if (!s) return false;
    for (const auto& p : s->params) {
        if (p.kind == ParamKind::Points) {
            for (const auto& c : curve(p.name))
                if (!sameValue(c.x, c.y)) return false;
            continue;
        }
        const auto it = scalars.find(p.name);
        if (it == scalars.end()) {
            if (p.relativeToSourceWhite) continue; // the photo's own white
            if (!sameValue(p.defaultValue, p.neutral)) return false;
            continue;
        }
        const double neutral = p.relativeToSourceWhite ? sourceWhiteValue(p, white) : p.neutral;
        if (!sameValue(it->second, neutral)) return false;
    }
    return true;
}

std::uint64_t RecipeOp::hash(const SourceWhite& white) const {
    Hasher h;
    h.text(id);
    h.u64(std::uint64_t(std::int64_t(version)));
    h.u64(enabled ? 1 : 0);
    if (const OpSpec* s = spec()) {
        for (const auto& p : s->params) {
            h.text(p.name);
            if (p.kind == ParamKind::Points) {
                const auto c = curve(p.name);
                h.u64(c.size());
                for (const auto& pt : c) {
                    h.number(pt.x);
                    h.number(pt.y);
                }
            } else {
                h.number(value(p.name, white));
            }
        }
        return h.value();
    }
    // An op this build does not know: everything it holds.
    for (const auto& [name, v] : scalars) {
        h.text(name);
        h.number(v);
    }
    for (const auto& [name, c] : points) {
        h.text(name);
        h.u64(c.size());
        for (const auto& pt : c) {
            h.number(pt.x);
            h.number(pt.y);
        }
    }
    for (const auto& [name, v] : unknownParams) {
        h.text(name);
        h.text(v);
    }
    for (const auto& [name, v] : unknown) {
        h.text(name);
        h.text(v);
    }
    return h.value();
}

// ---------------------------------------------------------------------------------------------
// Recipe

const RecipeOp* Recipe::find(std::string_view id) const {
    for (const auto& op : ops)
        if (op.id == id) return &op;
    return nullptr;
}

RecipeOp* Recipe::find(std::string_view id) {
    for (auto& op : ops)
        if (op.id == id) return &op;
    return nullptr;
}

double Recipe::value(std::string_view op, std::string_view param, const SourceWhite& white) const {
    if (const RecipeOp* o = find(op)) return o->value(param, white);
    RecipeOp fresh;
    fresh.id = std::string(op);
    return fresh.value(param, white);
}

std::vector<CurvePoint> Recipe::curve(std::string_view op, std::string_view param) const {
    if (const RecipeOp* o = find(op)) return o->curve(param);
    return {};
}

Result<RecipeOp*> Recipe::ensureOp(std::string_view id) {
    if (RecipeOp* existing = find(id)) return existing;
    const OpSpec* spec = findOpSpec(id);
    if (!spec) return unknownOpError(id);
    RecipeOp op;
    op.id = spec->id;
    op.version = spec->version;
    const int index = pipelineIndex(id);
    auto at = std::find_if(ops.begin(), ops.end(),
                           [&](const RecipeOp& o) { return pipelineIndex(o.id) > index; });
    return &*ops.insert(at, std::move(op));
}

Result<SetOutcome> Recipe::set(std::string_view op, std::string_view param, double value) {
    auto found = lookup(op, param, ParamKind::Scalar);
    if (!found) return found.error();
    const auto [spec, p] = *found;
    if (!std::isfinite(value))
        return Error{"Cannot set " + spec->id + "." + p->name + ": the value is not a number",
                     "Give a number between " + formatParamValue(p->min, p->unit) + " and " +
                         formatParamValue(p->max, p->unit) + "."};
    SetOutcome out = clampToSpec(*spec, *p, value);
    auto target = ensureOp(op);
    if (!target) return target.error();
    (*target)->scalars[p->name] = out.value;
    return out;
}

Result<SetOutcome> Recipe::setPoints(std::string_view op, std::string_view param,
                                     std::vector<CurvePoint> points) {
    auto found = lookup(op, param, ParamKind::Points);
    if (!found) return found.error();
    const auto [spec, p] = *found;
    const std::string name = spec->id + "." + p->name;
    for (const auto& pt : points)
        if (!std::isfinite(pt.x) || !std::isfinite(pt.y))
            return Error{"Cannot set " + name + ": a point is not a number",
                         "Give points with x and y between 0 and 1."};
    if (points.size() > kMaxCurvePoints)
        return Error{"Cannot set " + name + ": " + std::to_string(points.size()) +
                         " points is more than the " + std::to_string(kMaxCurvePoints) +
                         " a curve may have",
                     "Use fewer control points."};
    SetOutcome out;
    out.clamped = canonicalizeCurve(points);
    if (out.clamped) out.note = name + ": points outside 0 to 1 were moved to the edge";
    auto target = ensureOp(op);
    if (!target) return target.error();
    (*target)->points[p->name] = std::move(points);
    return out;
}

bool Recipe::reset(std::string_view op, std::string_view param) {
    RecipeOp* o = find(op);
    if (!o) return false;
    const std::string key(param);
    return o->scalars.erase(key) + o->points.erase(key) > 0;
}

bool Recipe::remove(std::string_view op) {
    const auto it =
        std::find_if(ops.begin(), ops.end(), [&](const RecipeOp& o) { return o.id == op; });
    if (it == ops.end()) return false;
    ops.erase(it);
    return true;
}

bool Recipe::isNeutral(const SourceWhite& white) const {
    return std::all_of(ops.begin(), ops.end(),
                       [&](const RecipeOp& op) { return !op.spec() || op.isNeutral(white); });
}

std::vector<RecipeOp> Recipe::activeOps(const SourceWhite& white) const {
    std::vector<RecipeOp> out;
    for (const auto& op : ops)
        if (op.spec() && !op.isNeutral(white)) out.push_back(op);
    sortOps(out);
    return out;
}

std::uint64_t Recipe::hash(const SourceWhite& white) const {
    Hasher h;
    const auto active = activeOps(white);
    h.u64(active.size());
    for (const auto& op : active)
        h.u64(op.hash(white));
    return h.value();
}

Recipe Recipe::normalized() const {
    Recipe out;
    out.unknownOps = unknownOps;
    out.unknown = unknown;
    for (const auto& op : ops) {
        const OpSpec* spec = op.spec();
        if (!spec) {
            // Not an op of this build: kept as JSON, like one read from a file.
            std::string json = "{\"enabled\":" + std::string(op.enabled ? "true" : "false") +
                               ",\"id\":" + jsonString(op.id) + ",\"params\":{";
            bool first = true;
            auto add = [&](const std::string& key, const std::string& value) {
                if (!first) json += ",";
                first = false;
                json += jsonString(key) + ":" + value;
            };
            for (const auto& [k, v] : op.scalars)
                if (std::isfinite(v)) add(k, jsonNumber(v));
            for (const auto& [k, v] : op.points)
                add(k, jsonPoints(v));
            for (const auto& [k, v] : op.unknownParams)
                add(k, v);
            json += "},\"version\":" + std::to_string(op.version);
            for (const auto& [k, v] : op.unknown) {
                json += ',';
                json += jsonString(k);
                json += ':';
                json += v;
            }
            out.unknownOps.push_back(json + "}");
            continue;
        }
        RecipeOp* target = out.find(op.id);
        if (!target) {
            out.ops.push_back(RecipeOp{op.id, op.version, op.enabled, {}, {}, {}, {}});
            target = &out.ops.back();
        } else {
            target->enabled = op.enabled;
        }
        for (const auto& [k, v] : op.unknown)
            target->unknown[k] = v;
        for (const auto& [k, v] : op.unknownParams)
            target->unknownParams[k] = v;
        for (const auto& [k, v] : op.scalars) {
            if (!std::isfinite(v)) continue;
            const ParamSpec* p = spec->param(k);
            if (p && p->kind == ParamKind::Scalar)
                target->scalars[k] = clampToSpec(*spec, *p, v).value;
            else
                target->unknownParams[k] = jsonNumber(v);
        }
        for (const auto& [k, v] : op.points) {
            const ParamSpec* p = spec->param(k);
            std::vector<CurvePoint> pts;
            for (const auto& pt : v)
                if (std::isfinite(pt.x) && std::isfinite(pt.y)) pts.push_back(pt);
            if (p && p->kind == ParamKind::Points && pts.size() <= kMaxCurvePoints) {
                canonicalizeCurve(pts);
                target->points[k] = std::move(pts);
            } else {
                target->unknownParams[k] = jsonPoints(pts);
            }
        }
    }
    sortOps(out.ops);
    return out;
}

} // namespace pictor

// Sidecars with exiv2 0.27. Facts relied on (checked against 0.27.6):
// - Exiv2::XmpSidecar::readMetadata only warns when the XMP does not parse (and leaves the data
//   empty): a sidecar read through it and written back would lose everything. The text is
//   therefore decoded here with XmpParser::decode, whose return code says whether it parsed.
// - The XMP toolkit accepts XML without any RDF in it as an empty packet: a file that does not
//   mention the RDF namespace is not taken for XMP.
// - XMP keys carry only a prefix bound in a process-wide registry: "pictor" is (re)bound to our
//   namespace inside the exiv2 lock before every decode/encode (io/Exiv2Access.h).
#include "recipe/Sidecar.h"

#include "io/Exiv2Access.h"
#include "io/FileIo.h"

#include <exiv2/exiv2.hpp>

#include <algorithm>
#include <cctype>
#include <exception>
#include <new>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <vector>

namespace pictor {

namespace fs = std::filesystem;

namespace {

const char* const kRdfNamespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

std::string quoted(const fs::path& p) {
    std::string out = "'";
    out += p.string();
    out += '\'';
    return out;
}

// Caller holds exiv2Mutex().
void bindPictorNamespace() {
    std::string uri;
    try {
        uri = Exiv2::XmpProperties::ns(kPictorXmpPrefix);
    } catch (const Exiv2::AnyError&) {
    }
    if (uri != kPictorXmpNamespace ||
        Exiv2::XmpProperties::prefix(kPictorXmpNamespace) != kPictorXmpPrefix)
        Exiv2::XmpProperties::registerNs(kPictorXmpNamespace, kPictorXmpPrefix);
}

bool blank(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) {
        return c == '\0' || std::isspace(static_cast<unsigned char>(c));
    });
}

// Decodes XMP text into `xmp`; the reason it is not XMP otherwise. Caller holds the lock.
std::string decodeXmp(std::string_view text, Exiv2::XmpData& xmp) {
    xmp.clear();
    if (blank(text)) return {};
    if (text.find(kRdfNamespace) == std::string_view::npos)
        return "it is not XMP (no RDF metadata in it)";
    const int rc = Exiv2::XmpParser::decode(xmp, std::string(text));
    if (rc != 0) {
        xmp.clear();
        return "exiv2 cannot parse its XMP (it is damaged or not well-formed XML)";
    }
    return {};
}

// Decoding rebinds a prefix to whatever URI the file gives it (exiv2 0.27 unregisters the old
// binding): a file may bind "pictor" to another namespace, and ours to another prefix. Our
// property is therefore found by namespace URI after each decode. Caller holds the lock.

// The key of our property under the prefix bound to our namespace now; empty when none is.
std::string boundRecipeKey() {
    const std::string prefix = Exiv2::XmpProperties::prefix(kPictorXmpNamespace);
    return prefix.empty() ? std::string() : "Xmp." + prefix + ".recipe";
}

// The same, binding our namespace to "pictor" (or "pictor1", … when a file took "pictor") first
// when it has no prefix.
std::string recipeKeyForWriting() {
    if (std::string key = boundRecipeKey(); !key.empty()) return key;
    for (int i = 0; i < 1000; ++i) {
        const std::string candidate =
            i == 0 ? std::string(kPictorXmpPrefix) : kPictorXmpPrefix + std::to_string(i);
        std::string bound;
        try {
            bound = Exiv2::XmpProperties::ns(candidate);
        } catch (const Exiv2::AnyError&) {
        }
        if (bound.empty()) {
            Exiv2::XmpProperties::registerNs(kPictorXmpNamespace, candidate);
            return "Xmp." + candidate + ".recipe";
        }
    }
    throw std::runtime_error("no XMP prefix is free for the Pictor namespace");
}

// The recipe text in decoded XMP, or nothing.
std::optional<std::string> recipeText(const Exiv2::XmpData& xmp, const std::string& key) {
    if (key.empty()) return std::nullopt;
    const auto it = xmp.findKey(Exiv2::XmpKey(key));
    if (it == xmp.end()) return std::nullopt;
    return it->toString();
}

// Everything exiv2 sees of a packet, except pictor:recipe, to check that nothing is lost.
using Fingerprint = std::vector<std::tuple<std::string, int, std::string>>;

Fingerprint fingerprint(const Exiv2::XmpData& xmp, const std::string& recipeKey) {
    Fingerprint out;
    for (const auto& d : xmp) {
        if (d.key() == recipeKey) continue;
        int arrayType = 0;
        if (const auto* t = dynamic_cast<const Exiv2::XmpValue*>(&d.value()))
            arrayType = int(t->xmpArrayType()) * 4 + int(t->xmpStruct());
        out.emplace_back(d.key(), int(d.typeId()) * 64 + arrayType, d.toString());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string encodeSidecar(const Exiv2::XmpData& xmp) {
    std::string packet;
    if (Exiv2::XmpParser::encode(packet, xmp,
                                 Exiv2::XmpParser::omitPacketWrapper |
                                     Exiv2::XmpParser::useCompactFormat) != 0)
        throw std::runtime_error("exiv2 cannot encode the XMP");
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + packet;
}

// The recipe JSON as XMP can carry it. XML cannot hold DEL, the C1 controls (U+0080–U+009F)
// or U+FFFE/U+FFFF, and exiv2's XMP toolkit turns them into spaces — a recipe keeping such a
// character in an unknown key (found by fuzz_sidecar) would come back changed. Outside strings
// JSON has only ASCII structure, so each of them is inside a string and becomes a \uXXXX escape,
// which reads back as the same character.
std::string xmpSafeJson(const std::string& json) {
    static const char* const hex = "0123456789abcdef";
    std::string out;
    out.reserve(json.size());
    auto escape = [&](unsigned code) {
        out += "\\u";
        for (int shift = 12; shift >= 0; shift -= 4)
            out += hex[(code >> shift) & 0xf];
    };
    for (std::size_t i = 0; i < json.size(); ++i) {
        const auto b = static_cast<unsigned char>(json[i]);
        const auto next = [&](std::size_t k) {
            return i + k < json.size() ? static_cast<unsigned char>(json[i + k]) : 0u;
        };
        if (b == 0x7f) {
            escape(0x7f);
        } else if (b == 0xc2 && next(1) >= 0x80 && next(1) <= 0x9f) {
            escape(next(1));
            ++i;
        } else if (b == 0xef && next(1) == 0xbf && (next(2) == 0xbe || next(2) == 0xbf)) {
            escape(next(2) == 0xbe ? 0xfffeu : 0xffffu);
            i += 2;
        } else {
            out += char(b);
        }
    }
    return out;
}

Result<ParsedRecipe> parseRecipeText(const std::string& json, const std::string& where) {
    auto parsed = recipeFromJson(json);
    if (!parsed)
        return Error{"The edit recipe in " + where + " cannot be read: " + parsed.error().what,
                     parsed.error().hint};
    return parsed;
}

// Reads the sidecar's bytes; nullopt-like empty string with `exists` false when there is none.
Result<std::string> readSidecarText(const fs::path& path, bool& exists) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    exists = !ec && fs::exists(status);
    if (!exists) return std::string();
    if (!fs::is_regular_file(status))
        return Error{"Cannot use the sidecar " + quoted(path) + ": it is not a regular file",
                     "Move it away; Pictor keeps the edit recipe in a file of that name."};
    auto bytes = readFileBytes(path, kMaxSidecarBytes);
    if (!bytes)
        return Error{"Cannot read the sidecar " + quoted(path) + ": " + bytes.error().what,
                     "Check that you may read it; Pictor left it unchanged."};
    return std::string(bytes->begin(), bytes->end());
}

Error exiv2Error(const std::string& action, const fs::path& path, const std::string& reason) {
    return Error{"Cannot " + action + " the sidecar " + quoted(path) + ": " + reason,
                 "Pictor left it unchanged; report the file to the Pictor developers if it "
                 "persists."};
}

} // namespace

fs::path sidecarPath(const fs::path& photo) {
    fs::path p = photo;
    p += ".xmp";
    return p;
}

Result<ParsedRecipe> recipeFromXmpPacket(std::string_view packet) {
    std::optional<std::string> json;
    initExiv2();
    try {
        std::lock_guard lock(exiv2Mutex());
        bindPictorNamespace();
        Exiv2::XmpData xmp;
        if (std::string bad = decodeXmp(packet, xmp); !bad.empty())
            return Error{"Cannot read the XMP metadata: " + bad,
                         "The edit recipe cannot be taken from it."};
        json = recipeText(xmp, boundRecipeKey());
    } catch (const std::bad_alloc&) {
        return Error{"Cannot read the XMP metadata: not enough memory", {}};
    } catch (const std::exception& e) {
        return Error{std::string("Cannot read the XMP metadata: exiv2 reported: ") + e.what(),
                     "The edit recipe cannot be taken from it."};
    }
    if (!json) return ParsedRecipe{};
    return parseRecipeText(*json, "the XMP metadata");
}

Result<ParsedRecipe> readSidecar(const fs::path& photo) {
    const fs::path path = sidecarPath(photo);
    bool exists = false;
    auto text = readSidecarText(path, exists);
    if (!text) return text.error();
    if (!exists) return ParsedRecipe{};
    std::optional<std::string> json;
    initExiv2();
    try {
        std::lock_guard lock(exiv2Mutex());
        bindPictorNamespace();
        Exiv2::XmpData xmp;
        if (std::string bad = decodeXmp(*text, xmp); !bad.empty())
            return Error{"Cannot read the sidecar " + quoted(path) + ": " + bad,
                         "Repair it, or move it away to start a new edit; Pictor leaves it "
                         "unchanged."};
        json = recipeText(xmp, boundRecipeKey());
    } catch (const std::bad_alloc&) {
        return exiv2Error("read", path, "not enough memory");
    } catch (const std::exception& e) {
        return exiv2Error("read", path, std::string("exiv2 reported: ") + e.what());
    }
    if (!json) return ParsedRecipe{};
    return parseRecipeText(*json, "the sidecar " + quoted(path));
}

Status writeSidecar(const fs::path& photo, const Recipe& recipe,
                    const SidecarWriteOptions& options) {
    const fs::path path = sidecarPath(photo);
    bool exists = false;
    auto text = readSidecarText(path, exists);
    if (!text) return text.error();
    const std::string json = xmpSafeJson(toJson(recipe));

    std::string output;
    std::optional<std::string> oldJson;
    initExiv2();
    try {
        std::lock_guard lock(exiv2Mutex());
        bindPictorNamespace();
        Exiv2::XmpData xmp;
        if (std::string bad = decodeXmp(*text, xmp); !bad.empty())
            return Error{"Not writing the edit recipe into the sidecar " + quoted(path) + ": " +
                             bad,
                         "Repair that file, or move it away, and save again; Pictor left it "
                         "unchanged."};
        const std::string key = recipeKeyForWriting();
        oldJson = recipeText(xmp, key);
        const Fingerprint before = fingerprint(xmp, key);
        xmp[key] = json; // an XmpTextValue
        output = encodeSidecar(xmp);

        // The check: everything else must come back from the new text unchanged.
        Exiv2::XmpData check;
        if (!decodeXmp(output, check).empty())
            return exiv2Error("update", path, "exiv2 produced XMP it cannot read back");
        const std::string checkKey = boundRecipeKey();
        const std::optional<std::string> written = recipeText(check, checkKey);
        if (!written || *written != json)
            return exiv2Error("update", path, "the recipe did not read back as written");
        const Fingerprint after = fingerprint(check, checkKey);
        if (after != before) {
            std::string lost;
            for (const auto& item : before)
                if (!std::binary_search(after.begin(), after.end(), item)) {
                    lost = std::get<0>(item);
                    break;
                }
            return exiv2Error("update", path,
                              "exiv2 would not keep every property of it" +
                                  (lost.empty() ? std::string() : " (" + lost + ")"));
        }
    } catch (const std::bad_alloc&) {
        return exiv2Error("update", path, "not enough memory");
    } catch (const std::exception& e) {
        return exiv2Error("update", path, std::string("exiv2 reported: ") + e.what());
    }

    if (oldJson && !options.replaceUnreadableRecipe) {
        const auto old = recipeFromJson(*oldJson);
        if (!old)
            return Error{"Not replacing the edit recipe in the sidecar " + quoted(path) +
                             ": the one there cannot be read (" + old.error().what + ")",
                         "Pictor left the file unchanged. Update Pictor if a newer version "
                         "wrote it, or move the sidecar away to start a new edit."};
    }
    return writeFileAtomically(path, reinterpret_cast<const std::uint8_t*>(output.data()),
                               output.size(), WriteOptions{true});
}

Result<std::string> recipeXmpPacket(const Recipe& recipe) {
    const std::string json = xmpSafeJson(toJson(recipe));
    initExiv2();
    try {
        std::lock_guard lock(exiv2Mutex());
        bindPictorNamespace();
        Exiv2::XmpData xmp;
        xmp[recipeKeyForWriting()] = json;
        std::string packet;
        if (Exiv2::XmpParser::encode(packet, xmp,
                                     Exiv2::XmpParser::omitPacketWrapper |
                                         Exiv2::XmpParser::useCompactFormat) != 0 ||
            packet.empty())
            return Error{"Cannot put the edit recipe into XMP: exiv2 failed to encode it",
                         "Export without the recipe, or report this to the Pictor developers."};
        return packet;
    } catch (const std::bad_alloc&) {
        return Error{"Cannot put the edit recipe into XMP: not enough memory", {}};
    } catch (const std::exception& e) {
        return Error{std::string("Cannot put the edit recipe into XMP: exiv2 reported: ") +
                         e.what(),
                     "Export without the recipe, or report this to the Pictor developers."};
    }
}

} // namespace pictor

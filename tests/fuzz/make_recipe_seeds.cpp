// Writes seed inputs for fuzz_sidecar into a folder: recipe JSON and XMP packets built from the
// op catalogue (every op, each param at its minimum, maximum and a middle value, a tone curve),
// plus hand-written edge cases of the format (unknown keys and ops, a newer format, migrations,
// foreign XMP namespaces, a "pictor" prefix bound elsewhere). Usage: make_recipe_seeds DIR
#include "ops/OpSpec.h"
#include "recipe/RecipeJson.h"
#include "recipe/Sidecar.h"

#include <cstdio>
#include <fstream>
#include <string>

namespace {

int g_count = 0;

void write(const std::string& dir, const std::string& name, const std::string& text) {
    std::ofstream(dir + "/" + name, std::ios::binary) << text;
    ++g_count;
}

void writeRecipe(const std::string& dir, const std::string& name, const pictor::Recipe& recipe) {
    write(dir, name + ".json", pictor::toJson(recipe));
    if (auto packet = pictor::recipeXmpPacket(recipe)) write(dir, name + ".xmp", *packet);
}

const char* kHandWritten[] = {
    R"({"pictorRecipe":1,"ops":[]})",
    R"({"pictorRecipe":1,"ops":[{"id":"exposure","params":{"exposure":0.7}},{"id":"tone","version":1,"params":{"contrast":20,"shadows":30}}]})",
    R"({"pictorRecipe":1,"ops":[{"id":"exposure","enabled":false,"params":{"exposure":99}}],"future":{"a":[1,2,{"b":null}]}})",
    R"({"pictorRecipe":1,"ops":[{"id":"sparkle","version":3,"params":{"amount":5}},{"id":"exposure","version":9}]})",
    R"({"pictorRecipe":1,"ops":[{"id":"tone_curve","params":{"points":[[0,0],[0.25,0.3],[0.5,0.6],[1,1]]}}]})",
    R"({"pictorRecipe":1,"ops":[{"id":"exposure","params":{"exposure":"bright","unknownParam":[true]},"note":"x"}]})",
    R"({"pictorRecipe":2,"ops":[]})",
    R"({"ops":[]})",
    R"({"pictorRecipe":1,"ops":[{"id":"exposure","params":{"exposure":1e308}},{"id":"exposure","params":{"exposure":-1e-308}}]})",
    R"([{"pictorRecipe":1}])",
    R"({"pictorRecipe":1,"ops":[{"id":"white_balance","params":{"temperature":2000,"tint":-150}}]})",
    R"(<?xml version="1.0"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:darktable="http://darktable.sf.net/" xmlns:pictor="http://ns.pictor-photo.org/recipe/1.0/" darktable:xmp_version="5" pictor:recipe="{&quot;pictorRecipe&quot;:1,&quot;ops&quot;:[{&quot;id&quot;:&quot;exposure&quot;,&quot;params&quot;:{&quot;exposure&quot;:0.5}}]}"><dc:subject><rdf:Bag><rdf:li>cat</rdf:li><rdf:li>garden</rdf:li></rdf:Bag></dc:subject><dc:title><rdf:Alt><rdf:li xml:lang="x-default">Title</rdf:li></rdf:Alt></dc:title></rdf:Description></rdf:RDF></x:xmpmeta>)",
    R"(<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:pictor="http://example.com/other/" xmlns:pc="http://ns.pictor-photo.org/recipe/1.0/" pictor:recipe="foreign" pc:recipe="{&quot;pictorRecipe&quot;:1,&quot;ops&quot;:[]}"/></rdf:RDF></x:xmpmeta>)",
    R"(<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:pictor="http://ns.pictor-photo.org/recipe/1.0/"><pictor:recipe>not json</pictor:recipe></rdf:Description></rdf:RDF></x:xmpmeta>)",
};

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_recipe_seeds DIR\n");
        return 2;
    }
    const std::string dir = argv[1];
    pictor::Recipe all;
    for (const auto& op : pictor::opCatalog()) {
        for (const auto& param : op.params) {
            if (param.kind == pictor::ParamKind::Points) {
                pictor::Recipe r;
                (void)r.setPoints(op.id, param.name,
                                  {{0, 0.05}, {0.3, 0.25}, {0.7, 0.8}, {1, 0.95}});
                writeRecipe(dir, op.id + "-" + param.name, r);
                (void)all.setPoints(op.id, param.name, {{0, 0}, {0.5, 0.6}, {1, 1}});
                continue;
            }
            const double values[] = {param.min, param.max, (param.min + 2 * param.max) / 3};
            for (int i = 0; i < 3; ++i) {
                pictor::Recipe r;
                (void)r.set(op.id, param.name, values[i]);
                writeRecipe(dir, op.id + "-" + param.name + "-" + std::to_string(i), r);
            }
            (void)all.set(op.id, param.name, (param.min + 2 * param.max) / 3);
        }
    }
    writeRecipe(dir, "all-ops", all);
    int i = 0;
    for (const char* text : kHandWritten)
        write(dir, "hand-" + std::to_string(i++), text);
    std::printf("make_recipe_seeds: %d seeds in %s\n", g_count, dir.c_str());
    return 0;
}

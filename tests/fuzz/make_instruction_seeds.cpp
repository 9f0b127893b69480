// Writes seed inputs for fuzz_instructions into a folder, one instruction text a file: the
// canonical text of a recipe per catalogue param (its minimum, maximum, middle), of a recipe with
// every op, and generated phrasings (graded words, units, absolute and relative forms, several
// instructions on a line, comments, typos). Usage: make_instruction_seeds DIR
#include "instructions/Instructions.h"
#include "ops/OpSpec.h"

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace {

int g_count = 0;

void write(const std::string& dir, const std::string& text) {
    std::ofstream(dir + "/seed-" + std::to_string(g_count++) + ".txt", std::ios::binary) << text;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_instruction_seeds DIR\n");
        return 2;
    }
    const std::string dir = argv[1];
    pictor::Recipe all;
    std::vector<std::string> names;
    for (const auto& op : pictor::opCatalog()) {
        for (const auto& param : op.params) {
            names.push_back(param.name);
            if (param.kind == pictor::ParamKind::Points) {
                pictor::Recipe r;
                (void)r.setPoints(op.id, param.name, {{0, 0.05}, {0.4, 0.35}, {1, 0.95}});
                write(dir, pictor::formatInstructions(r));
                continue;
            }
            for (double v : {param.min, param.max, (param.min + 2 * param.max) / 3}) {
                pictor::Recipe r;
                (void)r.set(op.id, param.name, v);
                write(dir, pictor::formatInstructions(r));
            }
            (void)all.set(op.id, param.name, (2 * param.min + param.max) / 3);
        }
    }
    write(dir, pictor::formatInstructions(all));

    const char* grades[] = {"a touch", "slightly", "a bit",       "", "moderately", "strongly",
                            "a lot",   "much",     "dramatically"};
    const char* forms[] = {"increase %s %s", "more %s %s", "decrease %s %s", "less %s %s"};
    for (std::size_t i = 0; i < names.size(); ++i) {
        char line[256];
        std::snprintf(line, sizeof line, forms[i % 4], names[i].c_str(), grades[i % 9]);
        write(dir, line);
    }
    const char* phrases[] = {
        "Increase exposure by 0.7 EV",
        "Make it a bit warmer",
        "Lift the shadows a lot",
        "Reduce noise (strength 40)",
        "Straighten by -1.5°",
        "brighter and warmer",
        "set contrast to 25; more saturation # punchier\nless highlights",
        "exposure = +0.5 stops\ntemperature +300 K\ntint -5",
        "Set the tone curve to (0, 0) (0.5, 0.6) (1, 1)",
        "Crop to left 0.1, right 0.9",
        "Set sharpening radius to 1.5 px",
        "increase shadws by 20 %",
        "make it much cooler, more magenta and dramatically less haze",
        "decrease vibrance by 1e308",
        "set exposure to nan",
        "\xef\xbb\xbf"
        "brighter\r\n\r\n;;;  ;\n#only a comment",
    };
    for (const char* p : phrases)
        write(dir, p);
    std::printf("make_instruction_seeds: %d seeds in %s\n", g_count, dir.c_str());
    return 0;
}

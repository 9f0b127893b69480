// libFuzzer target: any bytes → parseInstructions (the plain-language instruction parser), then
// the canonical writer. Parsing must never crash, hang or leak, whatever the bytes. And the
// contract of core/instructions/Instructions.h must hold for whatever recipe came out: its
// canonical text parses back without errors to the same value of every param of every enabled
// op, and writing that again gives the same text (the canonical form is stable).
#include "instructions/Instructions.h"
#include "ops/OpSpec.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void broken(const char* what, std::string_view input, const std::string& detail) {
    std::fprintf(stderr, "fuzz_instructions: %s\ninput: %.*s\n%s\n", what, int(input.size()),
                 input.data(), detail.c_str());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const pictor::ParsedInstructions first = pictor::parseInstructions(text);
    const std::string canonical = pictor::formatInstructions(first.recipe);

    const pictor::ParsedInstructions second = pictor::parseInstructions(canonical);
    if (!second.errors.empty())
        broken("the canonical text does not parse", text,
               canonical + "\nerror: " + second.errors.front().message);
    for (const auto& op : first.recipe.ops) {
        if (!op.enabled || !op.spec()) continue;
        for (const auto& param : op.spec()->params) {
            const bool same = param.kind == pictor::ParamKind::Points
                                  ? second.recipe.curve(op.id, param.name) == op.curve(param.name)
                                  : second.recipe.value(op.id, param.name) == op.value(param.name);
            if (!same)
                broken("parse(format(recipe)) changed a param", text,
                       canonical + "\nparam: " + op.id + "." + param.name);
        }
    }
    const std::string again = pictor::formatInstructions(second.recipe);
    if (again != canonical)
        broken("the canonical form is not stable", text, canonical + "\n---\n" + again);
    return 0;
}

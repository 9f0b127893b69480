// The op table is the single source of truth for parameters: check it is consistent.
#include "ops/OpSpec.h"
#include "support/ComputeTest.h"

#include <set>

using namespace pictor;

PICTOR_TEST(every_param_has_a_sane_range_and_neutral_inside_it) {
    for (const auto& op : opCatalog()) {
        CHECK_MSG(!op.params.empty(), op.id);
        std::set<std::string> names;
        for (const auto& p : op.params) {
            CHECK_MSG(!p.name.empty() && names.insert(p.name).second, op.id << "." << p.name);
            CHECK_MSG(p.min < p.max, op.id << "." << p.name);
            CHECK_MSG(p.neutral >= p.min && p.neutral <= p.max, op.id << "." << p.name);
            CHECK_MSG(p.defaultValue >= p.min && p.defaultValue <= p.max, op.id << "." << p.name);
            CHECK_MSG(!p.label.empty(), op.id << "." << p.name);
        }
    }
}

PICTOR_TEST(ops_are_unique_and_found_by_id) {
    std::set<std::string> ids;
    for (const auto& op : opCatalog()) {
        CHECK_MSG(ids.insert(op.id).second, op.id);
        CHECK(findOpSpec(op.id) == &op);
        CHECK(pipelineIndex(op.id) >= 0);
    }
    CHECK(findOpSpec("no_such_op") == nullptr);
    CHECK(pipelineIndex("no_such_op") == -1);
}

PICTOR_TEST(catalog_covers_the_artist_vocabulary) {
    for (const char* id : {"white_balance", "exposure", "tone", "tone_curve", "color", "hsl", "clarity",
                           "dehaze", "denoise", "sharpen", "vignette", "straighten", "crop"})
        CHECK_MSG(findOpSpec(id), id);
    CHECK(findOpSpec("hsl")->params.size() == 24);
    CHECK(findOpSpec("exposure")->param("exposure")->unit == "EV");
    CHECK(findOpSpec("white_balance")->param("temperature")->relativeToSourceWhite);
    // Denoising comes before tone (it wants linear data); the vignette frames the final crop.
    CHECK(pipelineIndex("denoise") < pipelineIndex("exposure"));
    CHECK(pipelineIndex("crop") < pipelineIndex("vignette"));
}

int main(int argc, char** argv) { return pictor::test::runAll(argc, argv); }

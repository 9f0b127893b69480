#pragma once
// A critique as JSON (Qt Core JSON), for `pictor-cli critique --json`, `enhance --critique-out`
// and the window. Keys are stable (aspect and severity keys, evidence keys); texts are translated.
//
//   {"pictorCritique":1, "score":62.0, "scoreAfter":88.0, "summary":"…", "model":"",
//    "instructions":"Increase exposure by 1.3 EV\n…", "recipe":{…RecipeJson…},
//    "findings":[{"aspect":"exposure","label":"Exposure","severity":"major","magnitude":0.7,
//                 "evidence":[{"key":"median_luminance","label":"median luminance",
//                              "value":5.8,"unit":"%","text":"median luminance 5.8 %"}, …],
//                 "reasoning":"…","instruction":"Increase exposure by 1.3 EV",
//                 "fromModel":false,"confidence":1.0}, …],
//    "analysis":{…measured numbers…}, "analysisAfter":{…}, "notes":[…], "seconds":0.12}
#include "critic/Finding.h"

#include <QJsonObject>

#include <string>

namespace pictor::critic {

inline constexpr int kCritiqueFormatVersion = 1;

QJsonObject analysisToJson(const Analysis& analysis);
QJsonObject critiqueToJson(const Critique& critique);
std::string critiqueToJsonText(const Critique& critique); // indented, UTF-8

} // namespace pictor::critic

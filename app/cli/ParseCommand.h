#pragma once
#include <QStringList>

namespace pictor::cli {
// pictor-cli parse TEXT… [--instructions-file F]: prints the canonical instructions and the
// recipe (JSON), or the errors with line, column and suggestion. Exit 1 when nothing was
// understood.
int runParse(const QStringList& args);
} // namespace pictor::cli

// `wijzer eval RULE [DATA]`: evaluate a JSON Logic rule from the command line.
#pragma once

#include <ostream>
#include <string>

namespace wijzer {

// Each argument is a JSON text, or "@path" naming a file that holds one;
// an empty data_arg means null. On success prints exactly one line to
// `out`, either {"result": <value>} or {"error": {"type": "<type>"}} for a
// rule error, and returns 0. Returns 2 (message on `err`) when an argument
// is not JSON, is nested deeper than 512 levels, or its file cannot be read,
// is not a regular file (/dev/zero, a FIFO, a directory) or exceeds 16 MiB.
int run_eval(const std::string& rule_arg, const std::string& data_arg, std::ostream& out,
             std::ostream& err);

}  // namespace wijzer

// `wijzer new DIR`: a new portal from the starter folder of the installed theme.
#pragma once
#include <filesystem>
#include <iosfwd>

namespace wijzer {

/// Copies `starter` (share/wijzer/starter) into `dir`, which must be absent or an empty folder.
/// Returns the exit code: 0, or 1 with a message on `err` (a non-empty or unwritable `dir`, no
/// starter folder).
int run_new(const std::filesystem::path& starter, const std::filesystem::path& dir, std::ostream& out,
            std::ostream& err);

}  // namespace wijzer

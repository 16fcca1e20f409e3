#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace wijzer {

/// Joins `relative` onto the folder of `from` ('/'-separated, both relative to one root) and
/// normalises `.` and `..`; nothing when the result leaves the root.
std::optional<std::string> resolve_relative(const std::string& from, const std::string& relative);

/// The relative URL from the page at `from_output` to the file `to_output` (both relative to the
/// site root), percent-encoded: "rollen/jobcoach.html" → "regels/index.html" gives "../regels/index.html".
std::string relative_url(const std::string& from_output, const std::string& to_output);
/// relative_url() appended to `out` (its characters never need HTML escaping).
void append_relative_url(std::string& out, const std::string& from_output, const std::string& to_output);

/// "../../" for a page two folders deep: the way back to the site root.
std::string root_prefix(const std::string& output);

/// Whether `inner` is `outer` or lies below it (both absolute and normalised, e.g. canonical).
bool path_within(const std::filesystem::path& inner, const std::filesystem::path& outer);

/// Percent-encodes every byte outside RFC 3986's unreserved set and '/'.
std::string url_encode_path(const std::string& path);

}  // namespace wijzer

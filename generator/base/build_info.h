// What the build of wijzer itself knows: its version and where its installed theme lies.
#pragma once

namespace wijzer {

/// The version of this wijzer ("0.2.0", "0.2.0-3-g1a2b3c4-dirty"), set by CMake (cmake/version.cmake).
const char* wijzer_version();

/// The installed theme folder relative to the folder of the executable ("../share/wijzer").
const char* theme_dir_from_executable();

}  // namespace wijzer

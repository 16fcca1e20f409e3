# WIJZER_VERSION: `git describe --tags --dirty --always` when the source is a git checkout (a tag
# v0.2.0 gives 0.2.0, three commits later 0.2.0-3-g1a2b3c4, uncommitted changes add -dirty);
# without a tag, the release number plus the commit (0.2.0-g1a2b3c4); outside git (a source
# tarball), the release number of project(). Computed at configure time: re-run cmake after a
# commit or tag to refresh it (scripts/test.sh does).
set(WIJZER_VERSION ${PROJECT_VERSION})
if(EXISTS ${PROJECT_SOURCE_DIR}/.git)
  find_package(Git QUIET)
  if(GIT_FOUND)
    execute_process(COMMAND ${GIT_EXECUTABLE} describe --tags --dirty --always
      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
      OUTPUT_VARIABLE _describe OUTPUT_STRIP_TRAILING_WHITESPACE
      RESULT_VARIABLE _describe_result ERROR_QUIET)
    if(_describe_result EQUAL 0 AND _describe MATCHES "^v([0-9].*)$")
      set(WIJZER_VERSION ${CMAKE_MATCH_1})
    elseif(_describe_result EQUAL 0 AND NOT _describe STREQUAL "")
      set(WIJZER_VERSION ${PROJECT_VERSION}-g${_describe})
    endif()
  endif()
endif()
message(STATUS "wijzer version ${WIJZER_VERSION}")

# WIJZER_VERSION: `git describe --tags --dirty --always` when the source is a git checkout (a tag
# v0.2.0 gives 0.2.0, three commits later 0.2.0-3-g1a2b3c4, uncommitted changes add -dirty);
# without a tag, the release number plus the commit (0.2.0-g1a2b3c4); outside git (a source
# tarball), the release number of project(). Computed at configure time; a commit makes the next
# build configure again, a new tag or uncommitted changes do not (re-run cmake; scripts/test.sh does).
set(WIJZER_VERSION ${PROJECT_VERSION})
if(EXISTS ${PROJECT_SOURCE_DIR}/.git)
  find_package(Git QUIET)
  if(GIT_FOUND)
    execute_process(COMMAND ${GIT_EXECUTABLE} describe --tags --dirty --always
      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
      OUTPUT_VARIABLE _describe OUTPUT_STRIP_TRAILING_WHITESPACE
      RESULT_VARIABLE _describe_result ERROR_QUIET)
    # A commit moves HEAD or the branch it names: cmake --build then configures again by itself.
    execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --git-path HEAD --symbolic-full-name HEAD
      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} OUTPUT_VARIABLE _git_lines OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    string(REPLACE "\n" ";" _git_lines "${_git_lines}")
    list(LENGTH _git_lines _git_count)
    if(_git_count EQUAL 2)
      list(GET _git_lines 0 _head_file)
      list(GET _git_lines 1 _branch)
      execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --git-path ${_branch}
        WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} OUTPUT_VARIABLE _branch_file OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
      foreach(_file ${_head_file} ${_branch_file})
        get_filename_component(_file ${_file} ABSOLUTE BASE_DIR ${PROJECT_SOURCE_DIR})
        if(EXISTS ${_file})
          set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_file})
        endif()
      endforeach()
    endif()
    if(_describe_result EQUAL 0 AND _describe MATCHES "^v([0-9].*)$")
      set(WIJZER_VERSION ${CMAKE_MATCH_1})
    elseif(_describe_result EQUAL 0 AND NOT _describe STREQUAL "")
      set(WIJZER_VERSION ${PROJECT_VERSION}-g${_describe})
    endif()
  endif()
endif()
message(STATUS "wijzer version ${WIJZER_VERSION}")

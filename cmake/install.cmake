# What `cmake --install` puts where (docs/install.md), and the Debian package (cpack -G DEB).
#   bin/wijzer                     the compiler
#   share/wijzer/templates/        the default theme: used by a source folder without templates/
#   share/wijzer/site-assets/      ... and without site-assets/ (generator/base/theme.h)
#   share/wijzer/starter/          what `wijzer new DIR` copies
#   share/man/man1/wijzer.1        the manual page
#   share/doc/wijzer/              README.md, docs/install.md
install(TARGETS wijzer RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
foreach(folder templates site-assets starter)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/${folder}/ DESTINATION ${CMAKE_INSTALL_DATADIR}/wijzer/${folder})
endforeach()
install(FILES ${PROJECT_SOURCE_DIR}/docs/wijzer.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/install.md
  DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The build tree has the same layout as an install (build/share/wijzer/* link to the sources), so
# build/wijzer finds the theme and the starter too.
file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/share/wijzer)
foreach(folder templates site-assets starter)
  if(NOT EXISTS ${CMAKE_BINARY_DIR}/share/wijzer/${folder})
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/${folder} ${CMAKE_BINARY_DIR}/share/wijzer/${folder} SYMBOLIC)
  endif()
endforeach()

# Debian package: cpack -G DEB in the build folder. Depends comes from dpkg-shlibdeps (dpkg-dev).
string(REPLACE "-" "+" WIJZER_DEB_VERSION "${WIJZER_VERSION}")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME wijzer)
set(CPACK_PACKAGE_VERSION ${WIJZER_DEB_VERSION})
set(CPACK_PACKAGE_CONTACT "Begeleidingswijzer")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "builds a static decision-support portal from Dutch markdown and JSON")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "wijzer compiles markdown pages, a glossary, stroomschema's (flows) and forms\n described in JSON into a static portal that works from file:// and any web\n server. It installs with a default theme and `wijzer new` makes a starter portal.")
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
include(CPack)

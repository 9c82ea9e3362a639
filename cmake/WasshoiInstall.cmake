# The Debian package (scripts/setup.sh package → build/wasshoi_<version>_amd64.deb), made by CPack
# from these install rules. Layout (GNUInstallDirs, prefix /usr; see the top CMakeLists.txt):
#   /usr/bin/wasshoi, /usr/bin/wasshoi-cli
#   /usr/lib/<multiarch>/wasshoi/libwasshoi-*.so        the SDK, SDK UI and ImGui libraries
#   /usr/lib/<multiarch>/wasshoi/plugins/*.so           the plugins (cmake/WasshoiPlugin.cmake)
#   /usr/share/wasshoi/i18n/*.json                      host and plugin catalogs
#   /usr/share/applications, icons, metainfo, man/man1, doc/wasshoi
# The build tree keeps its own layout (bin/); the programs find either relative to themselves.

# Programs and the shared libraries they and the plugins link.
install(TARGETS wasshoi_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS wasshoi_sdk LIBRARY DESTINATION ${WASSHOI_INSTALL_PKGLIBDIR} NAMELINK_SKIP)
if(WASSHOI_BUILD_GUI)
  install(TARGETS wasshoi RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(TARGETS wasshoi_sdk_ui wasshoi_imgui LIBRARY DESTINATION ${WASSHOI_INSTALL_PKGLIBDIR} NAMELINK_SKIP)
endif()
# Host catalogs (the plugins install their own).
file(GLOB _host_catalogs ${CMAKE_SOURCE_DIR}/assets/i18n/*.json)
install(FILES ${_host_catalogs} DESTINATION ${WASSHOI_INSTALL_DATADIR}/i18n)

# The desktop: menu entry, icon, AppStream metainfo.
set(WASSHOI_APP_ID jp.wasshoi.Wasshoi)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/${WASSHOI_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/wasshoi.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/${WASSHOI_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

# Man pages made from the programs' own --help and --version at build time (help2man), gzipped
# reproducibly (-n: no name or time stamp) as Debian wants them.
find_program(HELP2MAN help2man)
find_program(GZIP gzip)
if(HELP2MAN AND GZIP)
  set(_man_pages)
  function(wasshoi_man_page program target description)
    set(page ${CMAKE_BINARY_DIR}/man/${program}.1)
    add_custom_command(
      OUTPUT ${page}.gz
      COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
      COMMAND ${HELP2MAN} --no-info --no-discard-stderr --section=1 --name=${description}
              --output=${page} ${WASSHOI_BIN_DIR}/${program}
      COMMAND ${GZIP} -9nf ${page}
      DEPENDS ${target}
      COMMENT "Man page ${program}(1) from its --help"
      VERBATIM)
    set(_man_pages ${_man_pages} ${page}.gz PARENT_SCOPE)
  endfunction()
  wasshoi_man_page(wasshoi-cli wasshoi_cli "command line of Wasshoi: the same data and jobs as the window")
  if(WASSHOI_BUILD_GUI)
    wasshoi_man_page(wasshoi wasshoi "desktop suite for the officers of Japanese neighbourhood associations")
  endif()
  add_custom_target(wasshoi_man_pages ALL DEPENDS ${_man_pages})
  install(FILES ${_man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man not found: no man pages (scripts/setup.sh installs it)")
endif()

# /usr/share/doc/wasshoi: copyright (machine-readable) and the changelog, gzipped.
set(_changelog ${CMAKE_BINARY_DIR}/packaging/changelog.gz)
add_custom_command(
  OUTPUT ${_changelog}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/packaging
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_SOURCE_DIR}/packaging/changelog ${CMAKE_BINARY_DIR}/packaging/changelog
  COMMAND ${GZIP} -9nf ${CMAKE_BINARY_DIR}/packaging/changelog
  DEPENDS ${CMAKE_SOURCE_DIR}/packaging/changelog
  VERBATIM)
add_custom_target(wasshoi_changelog ALL DEPENDS ${_changelog})
install(FILES ${CMAKE_SOURCE_DIR}/packaging/copyright ${_changelog} DESTINATION ${CMAKE_INSTALL_DOCDIR})

# CPack: one .deb. Depends from the binaries (dpkg-shlibdeps, which is told where our private
# libraries are) plus the fonts the printed documents are set in.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME wasshoi)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Wasshoi")
set(CPACK_PACKAGE_CONTACT "Wasshoi developers <wasshoi@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "desktop suite for the officers of Japanese neighbourhood associations")
# The summary is the Description's first line; this is the text below it.
set(CPACK_PACKAGE_DESCRIPTION
    "Wasshoi helps the officers of a Japanese neighbourhood association\n\
(jichikai) and the community bodies around it run their year: the\n\
member roster and dues, minutes and general meeting papers, bookings\n\
of the community hall, local issues, requests to the city and the\n\
accounts, each job a plugin. Data stays in one SQLite file on the\n\
computer; documents print as the paper officers hand round.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${CMAKE_BINARY_DIR}/bin)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-ipaexfont-gothic, fonts-ipaexfont-mincho")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-ipamj-mincho, cups")
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
# Only the programs' own components (not test plugins or benchmarks: they install nothing).
include(CPack)

# The plugin skeleton, owned by the SDK. A plugin's CMakeLists.txt is one call:
#
#   wasshoi_add_plugin(<id>
#     [CORE_LIBS libs...]    what core/ needs besides the SDK (e.g. stb)
#     [UI_LIBS libs...]      what ui/ needs besides wasshoi::sdk_ui (linked only when ui/ is built)
#     [LIBS libs...]         what the plugin library itself needs besides <id>_core and the SDK
#     [SOURCES files...]     more sources of the plugin library (the single-file test plugins)
#     [OUTPUT_DIR dir])      where <id>.so goes; default bin/plugins
#
# The plugin's folder (the calling CMakeLists.txt's) is read by convention:
#
#   core/*.cpp            -> <id>_core, a static library: the domain logic, no ImGui. Tests and
#                            benchmarks link it directly; it gets the plugin folder as its include
#                            root, so every file includes "core/…", "cli/…", "ui/…".
#   plugin.cpp, cli/*.cpp -> the plugin library <id>.so (target wasshoi_plugin_<id>), linked
#                            with <id>_core.
#   ui/*.cpp              -> added to the plugin library only when the UI library exists
#                            (target wasshoi_sdk_ui, i.e. WASSHOI_BUILD_GUI=ON); the library is
#                            then compiled with WASSHOI_PLUGIN_UI=1, the one define a plugin's
#                            ui/panels.hpp tests to declare its register_panels (without it, an
#                            inline one that registers nothing).
#   i18n/<id>.*.json      -> copied to bin/i18n (or, with OUTPUT_DIR, to OUTPUT_DIR/../i18n: the
#                            catalogs sit beside the plugins folder, as in bin/).
#
# The folders are globbed with CONFIGURE_DEPENDS rather than listed: the folder a file sits in is
# what decides where it goes (core/ never sees ImGui, ui/ only with the GUI), so a list would only
# repeat it — and lists are what drifted between the five plugins. CONFIGURE_DEPENDS makes the
# build notice a file added to or removed from a folder (one directory scan per build). Only the
# top of each folder is read (no subfolders), and only *.cpp files are compiled.
function(wasshoi_add_plugin id)
  cmake_parse_arguments(P "" "OUTPUT_DIR" "SOURCES;LIBS;CORE_LIBS;UI_LIBS" ${ARGN})
  if(P_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "wasshoi_add_plugin(${id}): unknown arguments ${P_UNPARSED_ARGUMENTS}")
  endif()
  set(dir ${CMAKE_CURRENT_SOURCE_DIR})
  set(catalog_dir ${WASSHOI_BIN_DIR}/i18n)
  set(installed OFF)  # the real plugins go into the package; test plugins (OUTPUT_DIR) do not
  if(P_OUTPUT_DIR)
    get_filename_component(catalog_dir ${P_OUTPUT_DIR}/../i18n ABSOLUTE)
  else()
    set(P_OUTPUT_DIR ${WASSHOI_PLUGIN_DIR})
    set(installed ON)
  endif()
  set(target wasshoi_plugin_${id})

  # core/: the plugin's logic, a static library of its own.
  file(GLOB core_sources CONFIGURE_DEPENDS ${dir}/core/*.cpp)
  if(core_sources)
    add_library(${id}_core STATIC ${core_sources})
    target_include_directories(${id}_core PUBLIC ${dir})
    target_link_libraries(${id}_core PUBLIC wasshoi::sdk PRIVATE ${P_CORE_LIBS})
    set_target_properties(${id}_core PROPERTIES CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
  elseif(P_CORE_LIBS)
    message(FATAL_ERROR "wasshoi_add_plugin(${id}): CORE_LIBS given but ${dir}/core/ has no sources")
  endif()

  # plugin.cpp and cli/: always; ui/: with the UI library only.
  set(sources ${P_SOURCES})
  if(EXISTS ${dir}/plugin.cpp)
    list(APPEND sources ${dir}/plugin.cpp)
  endif()
  file(GLOB cli_sources CONFIGURE_DEPENDS ${dir}/cli/*.cpp)
  list(APPEND sources ${cli_sources})
  set(with_ui OFF)
  if(TARGET wasshoi_sdk_ui)
    file(GLOB ui_sources CONFIGURE_DEPENDS ${dir}/ui/*.cpp)
    if(ui_sources)
      set(with_ui ON)
      list(APPEND sources ${ui_sources})
    endif()
  endif()
  if(NOT sources)
    message(FATAL_ERROR "wasshoi_add_plugin(${id}): no plugin.cpp, cli/*.cpp or SOURCES in ${dir}")
  endif()

  add_library(${target} MODULE ${sources})
  set_target_properties(${target} PROPERTIES
    PREFIX "" OUTPUT_NAME ${id}
    LIBRARY_OUTPUT_DIRECTORY ${P_OUTPUT_DIR}
    CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON
    BUILD_RPATH "$ORIGIN/.." INSTALL_RPATH "${WASSHOI_INSTALL_PKGLIBDIR_FULL}")
  target_include_directories(${target} PRIVATE ${dir})
  target_link_libraries(${target} PRIVATE wasshoi::sdk ${P_LIBS})
  if(TARGET ${id}_core)
    target_link_libraries(${target} PRIVATE ${id}_core)
  endif()
  if(with_ui)
    target_compile_definitions(${target} PRIVATE WASSHOI_PLUGIN_UI=1)
    target_link_libraries(${target} PRIVATE wasshoi::sdk_ui ${P_UI_LIBS})
  endif()
  target_link_options(${target} PRIVATE LINKER:--no-undefined)

  # i18n/<id>.<lang>.json: the plugin's string catalogs.
  file(GLOB catalogs CONFIGURE_DEPENDS ${dir}/i18n/${id}.*.json)
  foreach(f IN LISTS catalogs)
    get_filename_component(name ${f} NAME)
    configure_file(${f} ${catalog_dir}/${name} COPYONLY)
  endforeach()
  if(installed)  # cmake/WasshoiInstall.cmake: the package's layout
    install(TARGETS ${target} LIBRARY DESTINATION ${WASSHOI_INSTALL_PKGLIBDIR}/plugins)
    install(FILES ${catalogs} DESTINATION ${WASSHOI_INSTALL_DATADIR}/i18n)
  endif()
endfunction()

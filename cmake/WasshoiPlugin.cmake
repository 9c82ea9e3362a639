# wasshoi_add_plugin(<id> SOURCES ... [LIBS ...] [I18N files...] [OUTPUT_DIR dir])
# Builds a plugin library <id>.so into bin/plugins (or OUTPUT_DIR: the tests put deliberately
# broken plugins elsewhere so they never land among the real ones) and copies its string
# catalogs (<id>.ja.json, <id>.en.json) to bin/i18n.
function(wasshoi_add_plugin id)
  cmake_parse_arguments(P "" "OUTPUT_DIR" "SOURCES;LIBS;I18N" ${ARGN})
  if(NOT P_OUTPUT_DIR)
    set(P_OUTPUT_DIR ${WASSHOI_PLUGIN_DIR})
  endif()
  set(target wasshoi_plugin_${id})
  add_library(${target} MODULE ${P_SOURCES})
  set_target_properties(${target} PROPERTIES
    PREFIX "" OUTPUT_NAME ${id}
    LIBRARY_OUTPUT_DIRECTORY ${P_OUTPUT_DIR}
    CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON
    BUILD_RPATH "$ORIGIN/.." INSTALL_RPATH "$ORIGIN/..")
  target_link_libraries(${target} PRIVATE wasshoi::sdk ${P_LIBS})
  target_link_options(${target} PRIVATE LINKER:--no-undefined)
  foreach(f IN LISTS P_I18N)
    get_filename_component(name ${f} NAME)
    configure_file(${f} ${WASSHOI_BIN_DIR}/i18n/${name} COPYONLY)
  endforeach()
endfunction()

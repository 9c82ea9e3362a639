# wasshoi::sdk_ui — ImGui helpers for panels (sdk/include/wasshoi/sdk/ui.hpp): legible stand-ins
# for characters beyond U+FFFF, edit fields that keep them, glyph requests for the font atlas;
# and the pieces every panel needs (ui_panel.hpp): section headings, the panel's message,
# state per organization and sign-in; files through the desktop's own dialog (ui_file.hpp).
# A shared library so host and plugins share its glyph record, like they share ImGui.
add_library(wasshoi_sdk_ui SHARED
  ${CMAKE_CURRENT_LIST_DIR}/src/ui/stand_in.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/ui/glyphs.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/ui/widgets.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/ui/panel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/ui/date.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/ui/file.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/ui/document.cpp)
add_library(wasshoi::sdk_ui ALIAS wasshoi_sdk_ui)
set_target_properties(wasshoi_sdk_ui PROPERTIES OUTPUT_NAME wasshoi-sdk-ui)
# GTK 3 for the desktop's file chooser (ui_file.hpp); only file.cpp includes it.
target_link_libraries(wasshoi_sdk_ui PUBLIC wasshoi::sdk wasshoi_imgui PRIVATE ICU::uc PkgConfig::GTK3)
target_link_options(wasshoi_sdk_ui PRIVATE LINKER:--no-undefined)

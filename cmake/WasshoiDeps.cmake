# Third-party dependencies, all from Debian packages (see scripts/setup.sh).
find_package(PkgConfig REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(Boost 1.74 REQUIRED COMPONENTS filesystem)
find_package(ICU REQUIRED COMPONENTS uc i18n)
find_package(nlohmann_json 3 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(Threads REQUIRED)
pkg_check_modules(CAIRO REQUIRED IMPORTED_TARGET cairo)
pkg_check_modules(PANGO REQUIRED IMPORTED_TARGET pangocairo)
pkg_check_modules(FONTCONFIG REQUIRED IMPORTED_TARGET fontconfig)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(GTK3 REQUIRED IMPORTED_TARGET gtk+-3.0)
# Printing (sdk/print.hpp): libcups2-dev ships no .pc file; CMake's FindCups finds it.
find_package(Cups REQUIRED)
# Phone photos in documents: stb_image decodes JPEG (libstb-dev builds the implementations into libstb).
pkg_check_modules(STB REQUIRED IMPORTED_TARGET stb)
# The PostgreSQL driver behind sdk::Database (libpq-dev); only sdk/src includes libpq-fe.h.
pkg_check_modules(PQ REQUIRED IMPORTED_TARGET libpq)

if(WASSHOI_BUILD_GUI)
  find_package(OpenGL REQUIRED)
  find_package(glfw3 3.3 REQUIRED)
  pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)

  # Debian ships ImGui as a static archive. Host and plugins must share ONE ImGui context, so
  # the archive's objects are relinked into one shared library that everything links against
  # (ARCHITECTURE.md, "ImGui across the plugin boundary"). The objects are extracted, not copied
  # into the source tree.
  find_library(IMGUI_ARCHIVE NAMES libimgui.a REQUIRED)
  set(_imgui_obj_dir ${CMAKE_BINARY_DIR}/imgui-objects)
  set(_imgui_members imgui.o imgui_draw.o imgui_tables.o imgui_widgets.o imgui_demo.o
                     imgui_stdlib.o imgui_impl_glfw.o imgui_impl_opengl3.o)
  file(MAKE_DIRECTORY ${_imgui_obj_dir})
  set(_imgui_objs)
  foreach(_m IN LISTS _imgui_members)
    list(APPEND _imgui_objs ${_imgui_obj_dir}/${_m})
  endforeach()
  add_custom_command(
    OUTPUT ${_imgui_objs}
    COMMAND ${CMAKE_AR} x ${IMGUI_ARCHIVE} ${_imgui_members}
    WORKING_DIRECTORY ${_imgui_obj_dir}
    DEPENDS ${IMGUI_ARCHIVE}
    COMMENT "Extracting ImGui objects from ${IMGUI_ARCHIVE}")
  set_source_files_properties(${_imgui_objs} PROPERTIES EXTERNAL_OBJECT TRUE GENERATED TRUE)
  add_library(wasshoi_imgui SHARED ${_imgui_objs})
  set_target_properties(wasshoi_imgui PROPERTIES LINKER_LANGUAGE CXX OUTPUT_NAME wasshoi-imgui)
  target_include_directories(wasshoi_imgui SYSTEM PUBLIC ${IMGUI_INCLUDE_DIRS})
  target_link_libraries(wasshoi_imgui PRIVATE glfw OpenGL::GL stb ${CMAKE_DL_LIBS})
  target_link_options(wasshoi_imgui PRIVATE LINKER:--no-undefined)
endif()

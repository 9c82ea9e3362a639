# Fails when a plugin includes a database driver's header (sqlite3.h, libpq-fe.h).
#
# Plugins reach the database through sdk::Database, Statement and Transaction only, so the same
# plugin runs on SQLite and on PostgreSQL (docs/engines.md). This lists every file and line under
# plugins/ (and tests/plugins/: the guide's example plugin) that includes either header.
#
#   cmake -DROOT=<source dir> -P check_no_driver_headers.cmake
if(NOT ROOT)
  message(FATAL_ERROR "check_no_driver_headers: pass -DROOT=<source dir>")
endif()

file(GLOB_RECURSE _files LIST_DIRECTORIES false "${ROOT}/plugins/*" "${ROOT}/tests/plugins/*")
list(FILTER _files INCLUDE REGEX "\\.(c|cc|cpp|cxx|h|hh|hpp|hxx|inl|ipp)$")
list(SORT _files)

set(_offences "")
set(_checked 0)
foreach(_file IN LISTS _files)
  math(EXPR _checked "${_checked} + 1")
  file(STRINGS "${_file}" _includes REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](sqlite3|libpq-fe)\\.h[>\"]")
  foreach(_line IN LISTS _includes)
    file(RELATIVE_PATH _rel "${ROOT}" "${_file}")
    string(STRIP "${_line}" _shown)
    string(APPEND _offences "  ${_rel}: ${_shown}\n")
  endforeach()
endforeach()

if(_checked EQUAL 0)
  message(FATAL_ERROR "check_no_driver_headers: no plugin source found under ${ROOT}/plugins: wrong ROOT?")
endif()
if(_offences)
  message(FATAL_ERROR
          "A plugin includes a database driver's header. Use sdk::Database, Statement and Transaction "
          "(sdk/include/wasshoi/sdk/db.hpp), so the plugin runs on both engines (docs/engines.md):\n${_offences}")
endif()
message(STATUS "check_no_driver_headers: ${_checked} plugin files, none includes sqlite3.h or libpq-fe.h")

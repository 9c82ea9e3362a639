# Fails when a plugin's front end (ui/ or cli/) opens a transaction itself.
#
# A rule that reads and then writes must read inside its transaction (docs/architecture.md,
# "Concurrency"). When a panel and a command each open their own, each grows its own checks and
# the two drift apart; so the whole act lives in one core/ function that opens the transaction,
# and the front ends only call it. This script keeps it so: it lists every file and line under
# plugins/*/ui/, plugins/*/cli/ (and tests/plugins/*/ui/, cli/: the guide's example plugin) that
# names sdk::Transaction or sdk::BulkTransaction, or starts one in SQL (BEGIN, SAVEPOINT).
#
#   cmake -DROOT=<source dir> -P check_no_transactions.cmake
# Comments (after //) are not checked, so a comment may say why a core function is called.
if(NOT ROOT)
  message(FATAL_ERROR "check_no_transactions: pass -DROOT=<source dir>")
endif()

set(_globs
  "${ROOT}/plugins/*/ui/*"
  "${ROOT}/plugins/*/cli/*"
  "${ROOT}/tests/plugins/*/ui/*"
  "${ROOT}/tests/plugins/*/cli/*")
file(GLOB_RECURSE _files LIST_DIRECTORIES false ${_globs})
list(FILTER _files INCLUDE REGEX "\\.(c|cc|cpp|cxx|h|hh|hpp|hxx|inl|ipp)$")
list(SORT _files)

set(_offences "")
set(_checked 0)
foreach(_file IN LISTS _files)
  math(EXPR _checked "${_checked} + 1")
  # One entry per line; ';' in the source would split CMake list items, so stand it in first.
  file(READ "${_file}" _text)
  string(REPLACE ";" "<semicolon>" _text "${_text}")
  string(REPLACE "\n" ";" _lines "${_text}")
  set(_n 0)
  foreach(_line IN LISTS _lines)
    math(EXPR _n "${_n} + 1")
    string(REGEX REPLACE "//.*$" "" _code "${_line}")
    if(_code MATCHES "(^|[^A-Za-z0-9_])(Bulk)?Transaction([^A-Za-z0-9_]|$)"
       OR _code MATCHES "\"[ \t]*(BEGIN|SAVEPOINT)([^A-Za-z0-9_]|$)")
      file(RELATIVE_PATH _rel "${ROOT}" "${_file}")
      string(REPLACE "<semicolon>" ";" _shown "${_line}")
      string(STRIP "${_shown}" _shown)
      string(APPEND _offences "  ${_rel}:${_n}: ${_shown}\n")
    endif()
  endforeach()
endforeach()

if(_checked EQUAL 0)
  message(FATAL_ERROR "check_no_transactions: no ui/ or cli/ source found under ${ROOT}/plugins: wrong ROOT?")
endif()
if(_offences)
  message(FATAL_ERROR
          "A transaction is opened in a plugin's ui/ or cli/ code. Move the whole act (its checks, the reads "
          "that decide the write, the writes) into one core/ function that opens the transaction, and call it "
          "from the panel and the command (docs/plugin-guide.md):\n${_offences}")
endif()
message(STATUS "check_no_transactions: ${_checked} ui/ and cli/ files, no transaction opened in them")

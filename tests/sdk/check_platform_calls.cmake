# Fails when a source of the programs outside the platform file includes a POSIX-only header or
# makes a POSIX-only call, and lists each file and line.
#
# Every POSIX-only call of the programs (sdk/, host/, plugins/) is in sdk/src/platform_posix.cpp,
# behind sdk/include/wasshoi/sdk/platform.hpp, so a Windows port adds platform_windows.cpp and
# touches nothing else (docs/windows.md). The tests (tests/) may use POSIX freely.
#
#   cmake -DROOT=<source dir> -P check_platform_calls.cmake
if(NOT ROOT)
  message(FATAL_ERROR "check_platform_calls: pass -DROOT=<source dir>")
endif()

# The one file allowed, relative to ROOT.
set(_platform_file "sdk/src/platform_posix.cpp")
# POSIX headers: <unistd.h>, <pwd.h>, <termios.h>, <fcntl.h>, <sys/...> and their kin.
set(_header_regex
    "^[ \t]*#[ \t]*include[ \t]*[<\"](unistd|pwd|grp|termios|fcntl|dlfcn|dirent|poll|spawn|syslog|libgen|glob|fnmatch|sys/[^>\"]+)(\\.h)?[>\"]")
# POSIX-only functions that the standard headers (<ctime>, <cstdlib>, <cstdio>) declare too, so
# no include gives them away. A call: the name, then "(" (a comment naming one does not count).
set(_call_regex
    "(^|[^A-Za-z0-9_.>])(localtime_r|gmtime_r|mkdtemp|mkstemp|mkostemp|getpwuid|getpwnam|getuid|geteuid|getpid|isatty|tcgetattr|tcsetattr|fsync|flock|renameat2|realpath|setenv|unsetenv|popen|fileno)[ \t]*\\(")

file(GLOB_RECURSE _files LIST_DIRECTORIES false "${ROOT}/sdk/*" "${ROOT}/host/*" "${ROOT}/plugins/*")
list(FILTER _files INCLUDE REGEX "\\.(c|cc|cpp|cxx|h|hh|hpp|hxx|inl|ipp)$")
list(SORT _files)

set(_offences "")
set(_checked 0)
foreach(_file IN LISTS _files)
  file(RELATIVE_PATH _rel "${ROOT}" "${_file}")
  if(_rel STREQUAL _platform_file)
    continue()
  endif()
  math(EXPR _checked "${_checked} + 1")
  # Every line, numbered (file(STRINGS) drops empty lines, so the number is counted by hand).
  # Square brackets would keep a CMake list from splitting at the ";" between them: set aside.
  file(READ "${_file}" _text)
  string(REPLACE "[" "@LB@" _text "${_text}")
  string(REPLACE "]" "@RB@" _text "${_text}")
  string(REPLACE ";" "\\;" _text "${_text}")
  string(REPLACE "\n" ";" _lines "${_text}")
  set(_number 0)
  foreach(_line IN LISTS _lines)
    math(EXPR _number "${_number} + 1")
    string(REGEX REPLACE "//.*$" "" _code "${_line}")
    if(_code MATCHES "${_header_regex}" OR _code MATCHES "${_call_regex}")
      string(STRIP "${_line}" _shown)
      string(REPLACE "@LB@" "[" _shown "${_shown}")
      string(REPLACE "@RB@" "]" _shown "${_shown}")
      string(APPEND _offences "  ${_rel}:${_number}: ${_shown}\n")
    endif()
  endforeach()
endforeach()

if(_checked EQUAL 0)
  message(FATAL_ERROR "check_platform_calls: no source found under ${ROOT}/sdk, host or plugins: wrong ROOT?")
endif()
if(_offences)
  message(FATAL_ERROR
          "A POSIX-only header or call outside ${_platform_file}. Use (or add) a function of "
          "sdk/include/wasshoi/sdk/platform.hpp, so that a Windows port touches the platform file only "
          "(docs/windows.md):\n${_offences}")
endif()
message(STATUS "check_platform_calls: ${_checked} source files, no POSIX-only header or call outside ${_platform_file}")

# Shared by the plugin fuzz targets (tests/fuzz/<name>.cmake): the host core's schema,
# organizations and their directory (sdk::OrganizationDirectory, which checks the officer through
# the access rules and accounts), and the fresh-database helper, instrumented like fuzz_sdk.
include_guard(GLOBAL)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
add_library(fuzz_host STATIC
  ${ROOT}/host/core/src/core_schema.cpp
  ${ROOT}/host/core/src/organizations.cpp
  ${ROOT}/host/core/src/organization_directory.cpp
  ${ROOT}/host/core/src/access_rules.cpp
  ${ROOT}/host/core/src/accounts.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fresh_db.cpp)
target_include_directories(fuzz_host PUBLIC ${ROOT}/host/core/include ${ROOT}/host/core/src ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(fuzz_host PUBLIC fuzz_sdk PkgConfig::SODIUM)

# fuzz_plugin_target(<target> <plugin id> <fuzzer source>): the plugin's core/ (without its demo
# data) as a library, and the fuzzer linked against it.
function(fuzz_plugin_target name plugin source)
  if(NOT TARGET fuzz_${plugin}_core)  # one library per plugin, however many targets it has
    file(GLOB core ${ROOT}/plugins/${plugin}/core/*.cpp)
    list(FILTER core EXCLUDE REGEX "/demo[^/]*\\.cpp$")
    add_library(fuzz_${plugin}_core STATIC ${core})
    target_include_directories(fuzz_${plugin}_core PUBLIC ${ROOT}/plugins/${plugin})
    target_link_libraries(fuzz_${plugin}_core PUBLIC fuzz_sdk)
  endif()
  add_executable(fuzz_${name} ${source})
  target_compile_options(fuzz_${name} PRIVATE ${SAN})
  target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_libraries(fuzz_${name} PRIVATE fuzz_${plugin}_core fuzz_host)
endfunction()

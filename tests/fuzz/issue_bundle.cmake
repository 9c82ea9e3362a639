# Issue-bundle import (issues plugin): bytes → import_bundle_file into a fresh database made by
# the real core and issues migrations. Seeds: corpus/issue_bundle/ (real `issues bundle export`).
include(${CMAKE_CURRENT_LIST_DIR}/support/fuzz_support.cmake)
fuzz_plugin_target(issue_bundle issues ${CMAKE_CURRENT_LIST_DIR}/fuzz_issue_bundle.cpp)

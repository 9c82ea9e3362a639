# Roster import (members plugin): CSV bytes → read_roster → import_roster into a fresh database
# made by the real core and members migrations. Seeds: corpus/roster_import/.
include(${CMAKE_CURRENT_LIST_DIR}/support/fuzz_support.cmake)
fuzz_plugin_target(roster_import members ${CMAKE_CURRENT_LIST_DIR}/fuzz_roster_import.cpp)

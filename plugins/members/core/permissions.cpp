#include "core/permissions.hpp"

#include <string>
#include <wasshoi/sdk/error.hpp>

namespace wasshoi::members {

void require_officer(const sdk::Access& access, const char* what) {
  if (access.role == sdk::Role::HanLeader)
    throw sdk::InputError(std::string(what) + " is for the 会長 and 役員; a 班長 works with their own 班");
}

}  // namespace wasshoi::members

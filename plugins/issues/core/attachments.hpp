#pragma once
// Photos and documents kept inside the database (one file to back up), within size limits so the
// file stays small enough to copy on a USB stick and to e-mail as a bundle.
#include <wasshoi/sdk/db.hpp>

#include "core/model.hpp"

namespace wasshoi::issues {

inline constexpr std::int64_t kMaxFileBytes = 2 * 1024 * 1024;   // per photo or document
inline constexpr std::int64_t kMaxIssueBytes = 8 * 1024 * 1024;  // all of one issue's files

struct Attachment {
  std::int64_t id = 0;
  std::string uuid;
  std::string kind;  // photo / document
  std::string name;  // file name as given
  std::string mime;  // image/png, image/jpeg, application/pdf …
  std::int64_t size = 0;
  std::string added_on;
};

// image/png, image/jpeg, image/gif, application/pdf from the first bytes; else from the name.
std::string detect_mime(const sdk::Blob& data, std::string_view name);

// Adds a file (a photo when it is an image). InputError past a limit, naming file and limit:
// "photo.jpg is 3.1 MB; a file may be at most 2.0 MB".
std::int64_t add_attachment(sdk::Database& db, IssueId issue, std::string_view name, const sdk::Blob& data);
// The same with a given uuid and date (bundle import). Checked the same way.
std::int64_t add_attachment(sdk::Database& db, IssueId issue, const Attachment& meta, const sdk::Blob& data);
// Throws the InputError add_attachment would, without writing.
void check_attachment_size(sdk::Database& db, IssueId issue, std::string_view name, std::int64_t size);

// A file read by a front end: its name (no folder) and its bytes.
using NamedFile = std::pair<std::string, sdk::Blob>;
// `issues add --photo …`: the issue (create_issue, checked by validate) and its files land
// together, in one transaction audited as "issues.add" with the title; a refused file leaves no
// issue behind.
IssueId create_issue_with_files(sdk::Database& db, sdk::OrganizationDirectory& orgs, const IssueInput& input,
                                const std::vector<NamedFile>& files);
// `issues attach`: the files kept with the issue all together or none, in one transaction audited
// as "issues.attach" ("#N"). Each file is checked (check_attachment_size) against what the issue
// keeps, the files before it included, inside the transaction.
void attach_files(sdk::Database& db, IssueId issue, const std::vector<NamedFile>& files);

std::vector<Attachment> attachments(sdk::Database& db, IssueId issue);
sdk::Blob attachment_data(sdk::Database& db, std::int64_t attachment_id);
void remove_attachment(sdk::Database& db, std::int64_t attachment_id);

}  // namespace wasshoi::issues

#include "core/attachments.hpp"

#include <cctype>
#include <wasshoi/sdk/error.hpp>

#include "core/exchange_formats.hpp"
#include "core/issues.hpp"

namespace wasshoi::issues {

namespace {
bool starts_with(const sdk::Blob& d, std::initializer_list<int> magic) {
  if (d.size() < magic.size()) return false;
  std::size_t i = 0;
  for (int m : magic)
    if (d[i++] != m) return false;
  return true;
}

std::string lower_extension(std::string_view name) {
  auto dot = name.rfind('.');
  std::string ext = dot == std::string_view::npos ? "" : std::string(name.substr(dot + 1));
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

std::int64_t stored_bytes(sdk::Database& db, IssueId issue) {
  sdk::Statement st(db, "SELECT coalesce(sum(size), 0) FROM issues_attachments WHERE issue_id = ?");
  st.bind(1, issue);
  st.step();
  return st.get_int(0);
}
}  // namespace

std::string detect_mime(const sdk::Blob& d, std::string_view name) {
  if (starts_with(d, {0x89, 'P', 'N', 'G'})) return "image/png";
  if (starts_with(d, {0xFF, 0xD8, 0xFF})) return "image/jpeg";
  if (starts_with(d, {'G', 'I', 'F', '8'})) return "image/gif";
  if (starts_with(d, {'%', 'P', 'D', 'F'})) return "application/pdf";
  std::string ext = lower_extension(name);
  if (ext == "txt") return "text/plain";
  if (ext == "docx") return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (ext == "xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return "application/octet-stream";
}

void check_attachment_size(sdk::Database& db, IssueId issue, std::string_view name, std::int64_t size) {
  if (size == 0) throw sdk::InputError(std::string(name) + " is empty");
  if (size > kMaxFileBytes)
    throw sdk::InputError(std::string(name) + " is " + human_size(size) +
                          "; a photo or document may be at most " + human_size(kMaxFileBytes) +
                          " (make the photo smaller and add it again)");
  std::int64_t total = stored_bytes(db, issue) + size;
  if (total > kMaxIssueBytes)
    throw sdk::InputError(std::string(name) + " would bring issue " + std::to_string(issue) + "'s files to " +
                          human_size(total) + "; one issue may keep at most " + human_size(kMaxIssueBytes) +
                          " of photos and documents");
}

std::int64_t add_attachment(sdk::Database& db, IssueId issue, const Attachment& meta, const sdk::Blob& data) {
  get_issue(db, issue);
  auto size = static_cast<std::int64_t>(data.size());
  check_attachment_size(db, issue, meta.name, size);
  std::string mime = meta.mime.empty() ? detect_mime(data, meta.name) : meta.mime;
  std::string kind = meta.kind.empty() ? (mime.starts_with("image/") ? "photo" : "document") : meta.kind;
  sdk::Transaction tx(db, "issues.attach", "#" + std::to_string(issue) + " " + meta.name);
  sdk::Statement(db,
                 "INSERT INTO issues_attachments(uuid, issue_id, kind, name, mime, size, data, added_on) "
                 "VALUES(?,?,?,?,?,?,?,?)")
      .bind_all(meta.uuid.empty() ? new_uuid() : meta.uuid, issue, kind, meta.name, mime, size, data,
                meta.added_on.empty() ? sdk::today().iso() : meta.added_on)
      .run();
  std::int64_t id = db.last_insert_id();
  touch(db, issue);
  tx.commit();
  return id;
}

std::int64_t add_attachment(sdk::Database& db, IssueId issue, std::string_view name, const sdk::Blob& data) {
  Attachment meta;
  meta.name = std::string(name);
  return add_attachment(db, issue, meta, data);
}

IssueId create_issue_with_files(sdk::Database& db, sdk::OrganizationDirectory& orgs, const IssueInput& input,
                                const std::vector<NamedFile>& files) {
  sdk::Transaction tx(db, "issues.add", input.title);
  const IssueId id = create_issue(db, orgs, input);
  for (const auto& [name, data] : files) add_attachment(db, id, name, data);
  tx.commit();
  return id;
}

void attach_files(sdk::Database& db, IssueId issue, const std::vector<NamedFile>& files) {
  sdk::Transaction tx(db, "issues.attach", "#" + std::to_string(issue));
  get_issue(db, issue);
  for (const auto& [name, data] : files)
    add_attachment(db, issue, name, data);  // checks each against what is kept
  tx.commit();
}

std::vector<Attachment> attachments(sdk::Database& db, IssueId issue) {
  sdk::Statement st(db,
                    "SELECT id, uuid, kind, name, mime, size, added_on FROM issues_attachments WHERE "
                    "issue_id = ? ORDER BY id");
  st.bind(1, issue);
  std::vector<Attachment> out;
  while (st.step())
    out.push_back({st.get_int(0), st.get_text(1), st.get_text(2), st.get_text(3), st.get_text(4),
                   st.get_int(5), st.get_text(6)});
  return out;
}

sdk::Blob attachment_data(sdk::Database& db, std::int64_t attachment_id) {
  sdk::Statement st(db, "SELECT data FROM issues_attachments WHERE id = ?");
  st.bind(1, attachment_id);
  if (!st.step()) throw sdk::InputError("no photo or document with id " + std::to_string(attachment_id));
  return st.get_blob(0);
}

void remove_attachment(sdk::Database& db, std::int64_t attachment_id) {
  sdk::Statement st(db, "SELECT issue_id FROM issues_attachments WHERE id = ?");
  st.bind(1, attachment_id);
  if (!st.step()) throw sdk::InputError("no photo or document with id " + std::to_string(attachment_id));
  IssueId issue = st.get_int(0);
  sdk::Transaction tx(db, "issues.detach", "#" + std::to_string(issue));
  sdk::Statement(db, "DELETE FROM issues_attachments WHERE id = ?").bind_all(attachment_id).run();
  touch(db, issue);
  tx.commit();
}

}  // namespace wasshoi::issues

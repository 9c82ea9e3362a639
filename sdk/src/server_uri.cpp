#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/server_uri.hpp>

namespace wasshoi::sdk {

namespace {

// A URI cut where libpq cuts it: postgresql:// AUTHORITY /PATH ?QUERY. The user part (up to the
// authority's last '@') and its password (after the first ':' of the user part) are found in the
// authority; a password holding an '@' of its own is thus removed whole.
struct UriPieces {
  std::string_view scheme;     // "postgresql://"
  std::string_view authority;  // "user:password@host:5432,host2"
  std::string_view path;       // "/database" or ""
  std::string_view query;      // "a=b&c=d" (without '?'), or ""
  bool has_query = false;
};

UriPieces cut_uri(std::string_view uri) {
  UriPieces p;
  const std::size_t start = uri.find("://") + 3;
  p.scheme = uri.substr(0, start);
  std::size_t end = uri.find_first_of("/?", start);
  if (end == std::string_view::npos) end = uri.size();
  p.authority = uri.substr(start, end - start);
  std::size_t q = uri.find('?', end);
  if (q == std::string_view::npos) q = uri.size();
  p.path = uri.substr(end, q - end);
  if (q < uri.size()) {
    p.has_query = true;
    p.query = uri.substr(q + 1);
  }
  return p;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_digit(text[i + 1]) >= 0 && hex_digit(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit(text[i + 1]) * 16 + hex_digit(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// Percent-encodes every byte but the unreserved ones and `keep`.
std::string percent_encoded(std::string_view text, std::string_view keep = {}) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '.' || c == '_' || c == '~' ||
                       keep.find(static_cast<char>(c)) != std::string_view::npos;
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// The query's parameters as written, each with its decoded name.
struct QueryParameter {
  std::string_view text;  // "name=value" as written
  std::string name;       // decoded
  std::string_view value;
};

std::vector<QueryParameter> query_parameters(std::string_view query) {
  std::vector<QueryParameter> out;
  for (std::size_t at = 0; at <= query.size() && !query.empty();) {
    std::size_t amp = query.find('&', at);
    if (amp == std::string_view::npos) amp = query.size();
    const std::string_view text = query.substr(at, amp - at);
    const std::size_t eq = text.find('=');
    out.push_back({text, percent_decoded(text.substr(0, eq)),
                   eq == std::string_view::npos ? std::string_view{} : text.substr(eq + 1)});
    at = amp + 1;
  }
  return out;
}

// The authority's user part, "user:password" (without the '@'), or empty.
std::string_view user_part(std::string_view authority) {
  const std::size_t at = authority.rfind('@');
  return at == std::string_view::npos ? std::string_view{} : authority.substr(0, at);
}

// `uri` without the user part's password and without the query parameters named `names`.
std::string removed(std::string_view uri, std::initializer_list<std::string_view> names) {
  const UriPieces p = cut_uri(uri);
  std::string out(p.scheme);
  const std::string_view user = user_part(p.authority);
  if (const std::size_t colon = user.find(':'); colon != std::string_view::npos) {
    out += user.substr(0, colon);
    out += p.authority.substr(user.size());  // "@host…"
  } else {
    out += p.authority;
  }
  out += p.path;
  std::string query;
  for (const QueryParameter& param : query_parameters(p.query)) {
    bool drop = false;
    for (std::string_view name : names) drop = drop || param.name == name;
    if (drop) continue;
    if (!query.empty()) query += '&';
    query += param.text;
  }
  if (!query.empty()) out += "?" + query;
  return out;
}

void require_server(std::string_view uri, std::string_view what) {
  if (!is_server_target(uri))
    throw InputError(std::string(what) + ": not a postgresql:// URI: " + server_uri_without_password(uri));
}

}  // namespace

std::string server_uri_without_password(std::string_view uri) {
  if (!is_server_target(uri)) return std::string(uri);
  return removed(uri, {"password", "sslpassword"});
}

bool server_uri_has_password(std::string_view uri) {
  if (!is_server_target(uri)) return false;
  const UriPieces p = cut_uri(uri);
  if (user_part(p.authority).find(':') != std::string_view::npos) return true;
  for (const QueryParameter& param : query_parameters(p.query))
    if (param.name == "password") return true;
  return false;
}

std::string server_uri_with_password(std::string_view uri, std::string_view password) {
  require_server(uri, "a password for the server");
  std::string out = removed(uri, {"password"});
  if (password.empty()) return out;
  const UriPieces p = cut_uri(out);
  if (p.path.empty() && !p.has_query) out += '/';  // postgresql://host → postgresql://host/?password=…
  return out + (p.has_query ? "&" : "?") + "password=" + percent_encoded(password);
}

ServerAddress parse_server_uri(std::string_view uri) {
  require_server(uri, "a server address");
  const UriPieces p = cut_uri(uri);
  ServerAddress a;
  const std::string_view user = user_part(p.authority);
  a.user = percent_decoded(user.substr(0, user.find(':')));
  // host[:port], several separated by ',' ([::1]:5432 for an IPv6 address).
  const std::size_t at_sign = p.authority.rfind('@');
  const std::string_view hosts =
      at_sign == std::string_view::npos ? p.authority : p.authority.substr(at_sign + 1);
  std::string host_list, port_list;
  bool any_port = false;
  for (std::size_t at = 0; at < hosts.size();) {
    std::size_t comma = hosts.find(',', at);
    if (comma == std::string_view::npos) comma = hosts.size();
    std::string_view spec = hosts.substr(at, comma - at);
    std::string_view host = spec, port;
    if (spec.starts_with('[')) {
      const std::size_t close = spec.find(']');
      host = spec.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1);
      if (close != std::string_view::npos && close + 1 < spec.size() && spec[close + 1] == ':')
        port = spec.substr(close + 2);
    } else if (const std::size_t colon = spec.find(':'); colon != std::string_view::npos) {
      host = spec.substr(0, colon);
      port = spec.substr(colon + 1);
    }
    if (at > 0) {
      host_list += ',';
      port_list += ',';
    }
    host_list += percent_decoded(host);
    port_list += percent_decoded(port);
    any_port = any_port || !port.empty();
    at = comma + 1;
  }
  a.host = host_list;
  if (any_port) a.port = port_list;
  if (p.path.size() > 1) a.database = percent_decoded(p.path.substr(1));
  for (const QueryParameter& param : query_parameters(p.query)) {
    std::string value = percent_decoded(param.value);
    if (param.name.empty() || param.name == "password" || param.name == "sslpassword") continue;
    if (param.name == "host")
      a.host = std::move(value);
    else if (param.name == "port")
      a.port = std::move(value);
    else if (param.name == "dbname")
      a.database = std::move(value);
    else if (param.name == "user")
      a.user = std::move(value);
    else if (param.name == "sslmode")
      a.sslmode = std::move(value);
    else
      a.parameters.emplace_back(param.name, std::move(value));
  }
  return a;
}

std::string server_uri(const ServerAddress& a) {
  // One name or address goes into the authority; a socket folder or several hosts do not fit there.
  const bool host_in_authority =
      !a.host.empty() && !a.host.starts_with('/') && a.host.find(',') == std::string::npos;
  const bool port_in_authority = host_in_authority && a.port.find(',') == std::string::npos;
  std::string out = "postgresql://";
  if (!a.user.empty()) out += percent_encoded(a.user) + "@";
  if (host_in_authority) {
    const bool ipv6 = a.host.find(':') != std::string::npos;
    out += ipv6 ? "[" + percent_encoded(a.host, ":") + "]" : percent_encoded(a.host);
    if (port_in_authority && !a.port.empty()) out += ":" + percent_encoded(a.port);
  }
  out += "/" + percent_encoded(a.database);
  std::vector<std::pair<std::string, std::string>> query;
  if (!a.host.empty() && !host_in_authority) query.emplace_back("host", a.host);
  if (!a.port.empty() && !port_in_authority) query.emplace_back("port", a.port);
  if (!a.sslmode.empty()) query.emplace_back("sslmode", a.sslmode);
  query.insert(query.end(), a.parameters.begin(), a.parameters.end());
  char separator = '?';
  for (const auto& [name, value] : query) {
    out += separator + percent_encoded(name) + "=" + percent_encoded(value, "/:,@");
    separator = '&';
  }
  return out;
}

bool is_local_server(std::string_view host) {
  return host.empty() || host.starts_with('/') || host == "localhost" || host == "127.0.0.1" || host == "::1";
}

}  // namespace wasshoi::sdk

#pragma once
// Connection URIs of PostgreSQL servers, libpq's `postgresql://user@host:port/database?key=value`
// form (docs/engines.md), as the programs take them in --db and the window's ファイル menu builds
// and remembers them. Only URIs are servers (sdk::is_server_target); anything else, a key=value
// conninfo text included, is the name of a SQLite file and is left as it is here.
//
// Percent-encoding is read as libpq reads it: %XX is decoded in every part, parameter names
// included (`pass%77ord=` is a password); `+` is a plus sign.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wasshoi::sdk {

// `uri` without any password, fit to be stored or shown: the `:password` of its user part and
// the parameters `password` and `sslpassword` are removed, everything else stays as it was
// written. A target that is not a server URI (a file) is returned as it is.
std::string server_uri_without_password(std::string_view uri);

// `uri` with `password` as its password: any password it carried is removed first, then the
// parameter `password=` (percent-encoded) is added; an empty `password` leaves none. Throws
// InputError for a target that is not a server URI.
std::string server_uri_with_password(std::string_view uri, std::string_view password);

// Whether `uri` carries a password (in its user part or a `password` parameter).
bool server_uri_has_password(std::string_view uri);

// A server URI in the parts a person fills in (the window's サーバーのデータベースを開く…).
struct ServerAddress {
  std::string host;      // a name, an address, or a Unix socket's folder (/var/run/postgresql);
                         // several, separated by ',', as libpq takes them; empty: this computer's socket
  std::string port;      // empty: 5432
  std::string database;  // empty: the user's name
  std::string user;      // empty: the operating system's user name
  std::string sslmode;   // empty: libpq's default (prefer)
  // Every other parameter (sslrootcert, options, connect_timeout …), decoded, in order.
  std::vector<std::pair<std::string, std::string>> parameters;
};

// The parts of a server URI, decoded; its password is dropped. Throws InputError for a target
// that is not a server URI.
ServerAddress parse_server_uri(std::string_view uri);
// The URI of `address`, encoded where it must be, without a password: the host in the URI's
// authority when it is one name or address, else (a socket folder, several hosts) as the `host`
// parameter. parse_server_uri(server_uri(a)) gives `a` back.
std::string server_uri(const ServerAddress& address);

// Whether `host` is this computer: empty (the default socket), a socket folder (starting with
// '/'), localhost, 127.0.0.1 or ::1. Anything else is reached over the network, where only
// sslmode=verify-full keeps the password and the data from others (docs/engines.md "TLS").
bool is_local_server(std::string_view host);

}  // namespace wasshoi::sdk

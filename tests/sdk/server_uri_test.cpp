// Server URIs without and with their password, and in the parts the window's form shows
// (sdk/server_uri.hpp). No server needed: these are texts.
#include <catch2/catch.hpp>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/server_uri.hpp>

using namespace wasshoi;
using sdk::server_uri_with_password;
using sdk::server_uri_without_password;

TEST_CASE("a server URI without its password keeps everything else as written") {
  CHECK(server_uri_without_password("postgresql://kaikei:s3cret@office.example/wasshoi") ==
        "postgresql://kaikei@office.example/wasshoi");
  CHECK(server_uri_without_password("postgres://kaikei:s3cret@office.example:5433/wasshoi") ==
        "postgres://kaikei@office.example:5433/wasshoi");
  // Nothing to remove: the same text.
  for (const char* uri : {"postgresql://kaikei@office.example/wasshoi?sslmode=verify-full",
                          "postgresql:///wasshoi_test?host=/tmp/wasshoi-pg.x", "postgresql://office.example",
                          "postgresql://", "postgresql://h/db?options=-csearch_path%3Dt_1"})
    CHECK(server_uri_without_password(uri) == uri);
}

TEST_CASE("a password in the parameters is removed, whatever its place and however its name is spelt") {
  CHECK(server_uri_without_password("postgresql://u@h/db?sslmode=verify-full&password=abc&x=1") ==
        "postgresql://u@h/db?sslmode=verify-full&x=1");
  CHECK(server_uri_without_password("postgresql://u@h/db?password=abc") == "postgresql://u@h/db");
  CHECK(server_uri_without_password("postgresql://u@h/db?password=abc&sslmode=require") ==
        "postgresql://u@h/db?sslmode=require");
  // libpq decodes parameter names too: pass%77ord is password.
  CHECK(server_uri_without_password("postgresql://u@h/db?pass%77ord=abc&sslmode=require") ==
        "postgresql://u@h/db?sslmode=require");
  // The client key's password is a password too.
  CHECK(server_uri_without_password("postgresql://u@h/db?sslkey=/k.key&sslpassword=kp") ==
        "postgresql://u@h/db?sslkey=/k.key");
  // Both forms at once; a parameter merely ending in "password" (passfile) stays.
  CHECK(server_uri_without_password("postgresql://u:a@h/db?passfile=/p&password=b") ==
        "postgresql://u@h/db?passfile=/p");
  CHECK(server_uri_without_password("postgresql://u@h/db?host=/run/postgresql&password=x") ==
        "postgresql://u@h/db?host=/run/postgresql");
}

TEST_CASE("percent-encoded passwords, passwords with @ or :, and URIs without a user lose their password") {
  CHECK(server_uri_without_password("postgresql://u:p%40ss%2Fw%3Ard@h/db") == "postgresql://u@h/db");
  // An unencoded @ in the password (libpq would read it wrongly): everything up to the last @ goes.
  CHECK(server_uri_without_password("postgresql://u:p@ss@h/db") == "postgresql://u@h/db");
  CHECK(server_uri_without_password("postgresql://u:a:b@h/db") == "postgresql://u@h/db");
  CHECK(server_uri_without_password("postgresql://:s3cret@h/db") == "postgresql://@h/db");
  CHECK(server_uri_without_password("postgresql://h/db?password=s3cret") == "postgresql://h/db");
  CHECK(server_uri_without_password("postgresql://%E4%BC%9A%E8%A8%88:pw@h/%E8%87%AA%E6%B2%BB") ==
        "postgresql://%E4%BC%9A%E8%A8%88@h/%E8%87%AA%E6%B2%BB");
  // Several hosts, an IPv6 address with its port.
  CHECK(server_uri_without_password("postgresql://u:pw@h1:5432,[::1]:5433/db") ==
        "postgresql://u@h1:5432,[::1]:5433/db");
}

TEST_CASE("a target that is not a server URI is a file name and is left as it is") {
  CHECK(server_uri_without_password("/home/kaikei/wasshoi.db") == "/home/kaikei/wasshoi.db");
  // The programs take no key=value conninfo text: it would name a SQLite file, and stays one.
  CHECK(server_uri_without_password("host=h dbname=d password=x") == "host=h dbname=d password=x");
  CHECK_FALSE(sdk::server_uri_has_password("host=h dbname=d password=x"));
  CHECK_THROWS_AS(server_uri_with_password("/home/kaikei/wasshoi.db", "x"), sdk::InputError);
  CHECK_THROWS_AS(server_uri_with_password("host=h dbname=d", "x"), sdk::InputError);
}

TEST_CASE("a password is added as a parameter, encoded, replacing any it had") {
  CHECK(server_uri_with_password("postgresql://kaikei@office.example/wasshoi", "s3cret") ==
        "postgresql://kaikei@office.example/wasshoi?password=s3cret");
  CHECK(server_uri_with_password("postgresql://kaikei@office.example/wasshoi?sslmode=verify-full",
                                 "a b&c=d%@/") ==
        "postgresql://kaikei@office.example/wasshoi?sslmode=verify-full&password=a%20b%26c%3Dd%25%40%2F");
  CHECK(server_uri_with_password("postgresql://kaikei:old@h/db?password=older", "new") ==
        "postgresql://kaikei@h/db?password=new");
  CHECK(server_uri_with_password("postgresql://h", "pw") == "postgresql://h/?password=pw");
  CHECK(server_uri_with_password("postgresql:///db?host=/tmp/s", "パス") ==
        "postgresql:///db?host=/tmp/s&password=%E3%83%91%E3%82%B9");
  // No password: none, and the one there was removed.
  CHECK(server_uri_with_password("postgresql://u:old@h/db", "") == "postgresql://u@h/db");
  // Round trip: the password is there, and taking it away gives the URI back.
  const std::string uri = "postgresql://u@h/db?sslmode=require&sslrootcert=/etc/wasshoi/office-ca.crt";
  const std::string with = server_uri_with_password(uri, "p@ss:w/rd");
  CHECK(sdk::server_uri_has_password(with));
  CHECK_FALSE(sdk::server_uri_has_password(uri));
  CHECK(server_uri_without_password(with) == uri);
  CHECK(sdk::server_uri_has_password("postgresql://u:x@h/db"));
  CHECK(sdk::server_uri_has_password("postgresql://u@h/db?pass%77ord=x"));
  CHECK_FALSE(sdk::server_uri_has_password("postgresql://u@h/db?sslpassword=x"));
}

TEST_CASE("a server URI is read into the parts of the window's form, and written back from them") {
  const sdk::ServerAddress a = sdk::parse_server_uri(
      "postgresql://kaikei:s3cret@office.example:5433/"
      "wasshoi?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.crt");
  CHECK(a.host == "office.example");
  CHECK(a.port == "5433");
  CHECK(a.database == "wasshoi");
  CHECK(a.user == "kaikei");
  CHECK(a.sslmode == "verify-full");
  REQUIRE(a.parameters.size() == 1);
  CHECK(a.parameters[0] == std::pair<std::string, std::string>{"sslrootcert", "/etc/ca.crt"});
  CHECK(sdk::server_uri(a) ==
        "postgresql://kaikei@office.example:5433/wasshoi?sslmode=verify-full&sslrootcert=/etc/ca.crt");

  // A Unix socket folder in the parameters, Japanese names, a password parameter dropped.
  const sdk::ServerAddress b = sdk::parse_server_uri(
      "postgresql://%E4%BC%9A%E8%A8%88@/%E8%87%AA%E6%B2%BB%E4%BC%9A?host=/tmp/"
      "wasshoi-pg.x&password=pw&options="
      "-csearch_path%3Dt_1");
  CHECK(b.host == "/tmp/wasshoi-pg.x");
  CHECK(b.user == "会計");
  CHECK(b.database == "自治会");
  CHECK(b.port.empty());
  REQUIRE(b.parameters.size() == 1);
  CHECK(b.parameters[0].second == "-csearch_path=t_1");
  const std::string written = sdk::server_uri(b);
  CHECK(written ==
        "postgresql://%E4%BC%9A%E8%A8%88@/%E8%87%AA%E6%B2%BB%E4%BC%9A?host=/tmp/"
        "wasshoi-pg.x&options=-csearch_path%3Dt_1");
  CHECK(written.find("pw") == std::string::npos);

  // Nothing but a host; an IPv6 address; several hosts with their ports.
  const sdk::ServerAddress c = sdk::parse_server_uri("postgresql://office.example");
  CHECK(c.host == "office.example");
  CHECK(c.user.empty());
  CHECK(c.database.empty());
  CHECK(sdk::server_uri(c) == "postgresql://office.example/");
  const sdk::ServerAddress d = sdk::parse_server_uri("postgresql://[::1]:5433/db");
  CHECK(d.host == "::1");
  CHECK(d.port == "5433");
  CHECK(sdk::server_uri(d) == "postgresql://[::1]:5433/db");
  const sdk::ServerAddress e =
      sdk::parse_server_uri("postgresql://h1:5432,h2/db?target_session_attrs=read-write");
  CHECK(e.host == "h1,h2");
  CHECK(e.port == "5432,");
  CHECK(sdk::server_uri(e) == "postgresql:///db?host=h1,h2&port=5432,&target_session_attrs=read-write");

  // Every part survives the round trip, awkward characters included.
  const sdk::ServerAddress f{.host = "office.example",
                             .port = "5432",
                             .database = "わっしょい db/1?",
                             .user = "kai kei@x",
                             .sslmode = "require",
                             .parameters = {{"application_name", "a&b=c"}}};
  const sdk::ServerAddress g = sdk::parse_server_uri(sdk::server_uri(f));
  CHECK(g.host == f.host);
  CHECK(g.port == f.port);
  CHECK(g.database == f.database);
  CHECK(g.user == f.user);
  CHECK(g.sslmode == f.sslmode);
  CHECK(g.parameters == f.parameters);
  CHECK_THROWS_AS(sdk::parse_server_uri("/home/kaikei/wasshoi.db"), sdk::InputError);
}

TEST_CASE("this computer's servers are told from the others") {
  for (const char* host : {"", "/var/run/postgresql", "/tmp/wasshoi-pg.x", "localhost", "127.0.0.1", "::1"})
    CHECK(sdk::is_local_server(host));
  for (const char* host : {"office.example", "192.168.1.10", "localhost.example", "h1,localhost"})
    CHECK_FALSE(sdk::is_local_server(host));
}

#pragma once
// Id arguments of CLI commands. An id names a row of a table a plugin declared with
// Registry::own_table; add_id checks, while the command line is read and before the command
// runs, that the signed-in officer may see that row (Context::require_visible): a 班長 cannot
// name another 班's household, nobody another 自治会's meeting. The generated authorization
// test finds every id argument through id_table() (`wasshoi-cli commands --json`).
#include <CLI/CLI.hpp>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <wasshoi/sdk/context.hpp>

namespace wasshoi::sdk {

// Remembers that `option` names rows of `table` (kept in the SDK library, shared by every plugin).
void note_id_option(const void* option, std::string table);
// The table an option was declared for with add_id; nullopt for other options.
std::optional<std::string> id_table(const void* option);

// Adds a positional ("id") or named ("--household") id argument to `command`.
template <typename Int>
CLI::Option* add_id(CLI::App& command, Context& ctx, const std::string& name, Int& target, std::string table,
                    const std::string& help) {
  CLI::Option* opt = command.add_option(name, target, help);
  opt->each([&ctx, table](const std::string& text) {
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size()) return;  // CLI11 says it is not a number
    ctx.require_visible(table, id);
  });
  note_id_option(opt, std::move(table));
  return opt;
}

// `--person 3 --person 5`: every id checked.
template <typename Int>
CLI::Option* add_ids(CLI::App& command, Context& ctx, const std::string& name, std::vector<Int>& target,
                     std::string table, const std::string& help) {
  CLI::Option* opt = command.add_option(name, target, help)
                         ->expected(1)
                         ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  opt->each([&ctx, table](const std::string& text) {
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size()) return;
    ctx.require_visible(table, id);
  });
  note_id_option(opt, std::move(table));
  return opt;
}

}  // namespace wasshoi::sdk

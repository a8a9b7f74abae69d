// What every searchtool command shares: exit codes, option parsing, terminal detection and the
// way errors are reported.
#pragma once

#include <chrono>
#include <cstdio>
#include <iosfwd>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <boost/program_options.hpp>

#include <newsdex/gazetteer.hpp>
#include <newsdex/ingest.hpp>

namespace searchtool {

enum ExitCode : int {
  kExitOk = 0,       // done (also: a query with zero hits)
  kExitError = 1,    // the work failed: index locked or missing, disk error
  kExitUsage = 2,    // bad command line or query
  kExitSkipped = 3,  // done, but some inputs could not be read, or shards answer, and were left out
  kExitInterrupted = 130,
};

// A mistake on the command line; main() prints it with a hint and exits with kExitUsage.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Command {
  std::string_view name;
  std::string_view summary;
  int (*run)(const std::vector<std::string>& args);
};

namespace po = boost::program_options;

// Parses `args` against `options` (plus --help) and positional arguments named `positional`.
// Returns false after printing help when --help was given.
bool parse_options(std::string_view command, std::string_view usage,
                   const std::vector<std::string>& args, po::options_description& options,
                   const po::positional_options_description& positional, po::variables_map& values);

bool is_terminal(std::FILE* stream);

// The value of a --format option; UsageError for a name other than auto, plain or jsonl.
newsdex::InputFormat parse_format(const std::string& name);

// The options that extend the built-in gazetteer with a GeoNames dump (--gazetteer,
// --country-info, --admin1), shared by the commands that extract.
struct GazetteerOptions {
  newsdex::GeoNamesFiles files;

  void add_to(po::options_description& options);
  // The built-in gazetteer, extended when --gazetteer was given; UsageError when only the
  // optional files were.
  std::shared_ptr<const newsdex::Gazetteer> load() const;
};

// The value of a --wait-lock SECONDS option; UsageError when negative or absurd.
std::chrono::milliseconds wait_lock_option(double seconds);

// "searchtool: message" on standard error.
void print_error(std::string_view message);
// "searchtool: warning: message" on standard error.
void print_warning(std::string_view message);

}  // namespace searchtool

#include "cli.hpp"

#include <cstdio>
#include <iostream>

#include <unistd.h>

namespace searchtool {

bool parse_options(std::string_view command, std::string_view usage,
                   const std::vector<std::string>& args, po::options_description& options,
                   const po::positional_options_description& positional,
                   po::variables_map& values) {
  options.add_options()("help,h", "show this help");
  po::store(po::command_line_parser(args).options(options).positional(positional).run(), values);
  if (values.count("help")) {
    std::cout << "usage: searchtool " << command << ' ' << usage << "\n\n" << options << '\n';
    return false;
  }
  po::notify(values);
  return true;
}

bool is_terminal(std::FILE* stream) {
  return ::isatty(::fileno(stream)) == 1;
}

newsdex::InputFormat parse_format(const std::string& name) {
  if (name == "auto") return newsdex::InputFormat::automatic;
  if (name == "plain") return newsdex::InputFormat::plain;
  if (name == "jsonl") return newsdex::InputFormat::jsonl;
  throw UsageError("unknown format \"" + name + "\" (use auto, plain or jsonl)");
}

void GazetteerOptions::add_to(po::options_description& options) {
  options.add_options()(
      "gazetteer", po::value(&files.cities)->value_name("FILE"),
      "add the cities of a GeoNames dump (cities15000.txt or its zip) to the built-in places")(
      "country-info", po::value(&files.country_info)->value_name("FILE"),
      "with --gazetteer: GeoNames countryInfo.txt (country names)")(
      "admin1", po::value(&files.admin1_codes)->value_name("FILE"),
      "with --gazetteer: GeoNames admin1CodesASCII.txt (first-level regions)");
}

std::shared_ptr<const newsdex::Gazetteer> GazetteerOptions::load() const {
  if (files.cities.empty()) {
    if (!files.country_info.empty() || !files.admin1_codes.empty()) {
      throw UsageError("--country-info and --admin1 go with --gazetteer FILE");
    }
    return newsdex::Gazetteer::builtin();
  }
  return newsdex::Gazetteer::with_geonames(files);
}

std::chrono::milliseconds wait_lock_option(double seconds) {
  // A week is longer than any writer should hold an index; the cap keeps the conversion exact.
  if (!(seconds >= 0 && seconds <= 7 * 24 * 3600)) {
    throw UsageError("--wait-lock must be between 0 and 604800 seconds");
  }
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

void print_error(std::string_view message) {
  std::cerr << "searchtool: " << message << '\n';
}

void print_warning(std::string_view message) {
  std::cerr << "searchtool: warning: " << message << '\n';
}

}  // namespace searchtool

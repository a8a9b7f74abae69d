// searchtool compact: rewrite an index as compactly as Xapian can, optionally merging shards.
#include <filesystem>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include <newsdex/index_writer.hpp>

#include "cli.hpp"

namespace searchtool {

namespace {

std::uintmax_t folder_bytes(const std::filesystem::path& path) {
  std::uintmax_t total = 0;
  if (!std::filesystem::is_directory(path)) return total;  // compact_index says what it is
  for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
    if (entry.is_regular_file()) total += entry.file_size();
  }
  return total;
}

std::string human_size(std::uintmax_t bytes) {
  if (bytes >= (std::uintmax_t{10} << 30)) return std::to_string(bytes >> 30) + " GiB";
  if (bytes >= (std::uintmax_t{10} << 20)) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes >> 10) + " KiB";
}

}  // namespace

int run_compact(const std::vector<std::string>& args) {
  po::options_description options("compact options");
  std::string db;
  options.add_options()("db", po::value(&db)->required(), "index folder")(
      "merge-shards", "merge the shards of a sharded index into one database")(
      "json", "print the sizes as one JSON object");
  po::positional_options_description positional;
  po::variables_map values;
  if (!parse_options("compact", "--db DB [--merge-shards]", args, options, positional, values)) {
    return kExitOk;
  }
  newsdex::CompactOptions compact_options;
  compact_options.merge_shards = values.count("merge-shards") > 0;
  const std::uintmax_t before = std::filesystem::exists(db) ? folder_bytes(db) : 0;
  newsdex::compact_index(db, compact_options);
  const std::uintmax_t after = folder_bytes(db);
  if (values.count("json")) {
    std::cout << nlohmann::ordered_json{{"db", db},
                                        {"bytes_before", before},
                                        {"bytes_after", after}}
                     .dump()
              << '\n';
    return kExitOk;
  }
  std::cout << "compacted " << db << ": " << human_size(before) << " -> " << human_size(after)
            << '\n';
  return kExitOk;
}

}  // namespace searchtool

// searchtool synonyms: load a synonyms file into an index, or show the synonyms it has.
#include <fstream>
#include <iostream>
#include <iterator>

#include <nlohmann/json.hpp>

#include <newsdex/error.hpp>
#include <newsdex/index.hpp>
#include <newsdex/index_writer.hpp>

#include "cli.hpp"

namespace searchtool {

namespace {

std::string read_input(const std::string& file) {
  if (file == "-") return {std::istreambuf_iterator<char>(std::cin), {}};
  std::ifstream in(file, std::ios::binary);
  if (!in) throw newsdex::IoError("cannot read " + file);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

int run_synonyms(const std::vector<std::string>& args) {
  po::options_description options("synonyms options");
  std::string db;
  std::string file;
  double wait_lock = 0;
  auto option = options.add_options();
  option("db", po::value(&db)->required(), "index folder");
  option("wait-lock", po::value(&wait_lock)->default_value(0),
         "seconds to wait for another writer to finish; 0: fail at once");
  option("json", "print one JSON object instead of text");
  option("file", po::value(&file),
         "synonyms file to load, replacing the index's synonyms (- for standard input); "
         "without it, print the index's synonyms");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map values;
  if (!parse_options("synonyms", "--db DB [FILE]", args, options, positional, values)) {
    return kExitOk;
  }
  const bool json = values.count("json") > 0;

  std::vector<std::vector<std::string>> groups;
  if (!file.empty()) {
    try {
      groups = newsdex::parse_synonyms(read_input(file), file == "-" ? "<stdin>" : file);
    } catch (const newsdex::InputError& error) {
      print_error(error.what());
      return kExitUsage;
    }
    newsdex::WriterOptions writer_options;
    writer_options.create = false;
    writer_options.wait_for_lock = wait_lock_option(wait_lock);
    auto writer = newsdex::IndexWriter::open(db, writer_options);
    writer.set_synonyms(groups);
    writer.commit();
    if (!json) {
      std::cout << "loaded " << groups.size() << " synonym group" << (groups.size() == 1 ? "" : "s")
                << " into " << db << '\n';
    }
  }
  groups = newsdex::Index::open(db).synonyms();
  if (json) {
    std::cout << nlohmann::ordered_json{{"db", db}, {"groups", groups}}.dump() << '\n';
  } else if (file.empty()) {
    for (const auto& group : groups) {
      for (std::size_t i = 0; i < group.size(); ++i)
        std::cout << (i == 0 ? "" : ", ") << group[i];
      std::cout << '\n';
    }
  }
  return kExitOk;
}

}  // namespace searchtool

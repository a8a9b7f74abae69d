// searchtool delete: remove articles by id.
#include <iostream>

#include <nlohmann/json.hpp>

#include <newsdex/index_writer.hpp>

#include "cli.hpp"

namespace searchtool {

int run_delete(const std::vector<std::string>& args) {
  po::options_description options("delete options");
  std::string db;
  std::vector<std::string> ids;
  double wait_lock = 0;
  options.add_options()("db", po::value(&db)->required(), "index folder")(
      "wait-lock", po::value(&wait_lock)->default_value(0),
      "seconds to wait for another writer to finish; 0: fail at once")(
      "json", "print the summary as one JSON object")("id", po::value(&ids)->multitoken(),
                                                      "ids of the articles to remove");
  po::positional_options_description positional;
  positional.add("id", -1);
  po::variables_map values;
  if (!parse_options("delete", "--db DB ID...", args, options, positional, values)) return kExitOk;
  if (ids.empty()) throw UsageError("no id given");

  newsdex::WriterOptions writer_options;
  writer_options.create = false;
  writer_options.wait_for_lock = wait_lock_option(wait_lock);
  auto writer = newsdex::IndexWriter::open(db, writer_options);
  std::size_t removed = 0;
  std::vector<std::string> missing;
  for (const auto& id : ids) {
    if (writer.remove(id)) {
      ++removed;
    } else {
      print_error("no article with id \"" + id + "\"");
      missing.push_back(id);
    }
  }
  writer.commit();
  if (values.count("json")) {
    std::cout << nlohmann::ordered_json{{"db", db},
                                        {"deleted", removed},
                                        {"missing", missing},
                                        {"articles_in_index", writer.size()}}
                     .dump()
              << '\n';
    return kExitOk;
  }
  std::cout << "deleted " << removed << " of " << ids.size() << " articles; " << writer.size()
            << " left in " << db << '\n';
  return kExitOk;
}

}  // namespace searchtool

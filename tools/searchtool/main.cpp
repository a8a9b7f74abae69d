// searchtool: index news articles and search them from the command line.
#include <array>
#include <iostream>

#include <newsdex/error.hpp>

#include "cli.hpp"

namespace searchtool {
int run_index(const std::vector<std::string>& args);
int run_extract(const std::vector<std::string>& args);
int run_query(const std::vector<std::string>& args);
int run_similar(const std::vector<std::string>& args);
int run_info(const std::vector<std::string>& args);
int run_delete(const std::vector<std::string>& args);
int run_synonyms(const std::vector<std::string>& args);
int run_compact(const std::vector<std::string>& args);
}  // namespace searchtool

namespace {

using searchtool::Command;

constexpr std::array kCommands{
    Command{"index", "add articles from files, folders or standard input to an index",
            searchtool::run_index},
    Command{"extract", "print the speakers, places and dates found in articles, without indexing",
            searchtool::run_extract},
    Command{"query", "search an index", searchtool::run_query},
    Command{"similar", "find the articles most like one of the index's", searchtool::run_similar},
    Command{"info", "what an index holds: articles, dates, size, top speakers and places",
            searchtool::run_info},
    Command{"delete", "remove articles from an index by id", searchtool::run_delete},
    Command{"synonyms", "load a synonyms file into an index, or show its synonyms",
            searchtool::run_synonyms},
    Command{"compact", "rewrite an index smaller (xapian-compact), merging shards if asked",
            searchtool::run_compact},
};

void print_usage(std::ostream& out) {
  out << "usage: searchtool COMMAND [OPTIONS] [ARGS]\n\ncommands:\n";
  for (const auto& command : kCommands) {
    out << "  " << command.name << std::string(10 - command.name.size(), ' ') << command.summary
        << '\n';
  }
  out << "\n'searchtool COMMAND --help' describes a command's options.\n";
}

}  // namespace

int main(int argc, char** argv) {
  using namespace searchtool;
  if (argc < 2) {
    print_usage(std::cerr);
    return kExitUsage;
  }
  const std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    print_usage(std::cout);
    return kExitOk;
  }
  const std::vector<std::string> args(argv + 2, argv + argc);
  for (const auto& command : kCommands) {
    if (command.name != name) continue;
    try {
      return command.run(args);
    } catch (const UsageError& error) {
      print_error(std::string(error.what()) + " (see 'searchtool " + name + " --help')");
      return kExitUsage;
    } catch (const po::unknown_option& error) {
      // "copper -strike" unquoted: the shell passes the excluded word as an argument of its own.
      const std::string option = error.get_option_name();
      if (name == "query" && !option.starts_with("--")) {
        print_error(std::string(error.what()) +
                    "; query words that start with '-' go after '--' (searchtool query --db DB -- "
                    "copper -strike)");
      } else {
        print_error(std::string(error.what()) + " (see 'searchtool " + name + " --help')");
      }
      return kExitUsage;
    } catch (const po::error& error) {
      print_error(std::string(error.what()) + " (see 'searchtool " + name + " --help')");
      return kExitUsage;
    } catch (const newsdex::QueryError& error) {
      print_error(std::string("bad query: ") + error.what());
      return kExitUsage;
    } catch (const newsdex::InvalidArgumentError& error) {
      print_error(error.what());
      return kExitUsage;
    } catch (const std::exception& error) {
      print_error(error.what());
      return kExitError;
    }
  }
  print_error("unknown command \"" + name + "\"");
  print_usage(std::cerr);
  return kExitUsage;
}

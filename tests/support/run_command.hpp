// Runs a program the way a user would, through the shell, and captures what it printed.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/wait.h>

#include "support/temp_dir.hpp"

namespace newsdex::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string shell_quote(const std::string& arg) {
  std::string quoted = "'";
  for (char c : arg) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs `program` with `args`; `input` is its standard input.
inline CommandResult run_command(const std::string& program, const std::vector<std::string>& args,
                                 const std::string& input = "") {
  TempDir scratch;
  std::ofstream(scratch / "in", std::ios::binary) << input;
  std::string command = shell_quote(program);
  for (const auto& arg : args)
    command += " " + shell_quote(arg);
  command += " <" + shell_quote((scratch / "in").string()) + " >" +
             shell_quote((scratch / "out").string()) + " 2>" +
             shell_quote((scratch / "err").string());
  const int status = std::system(command.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_file(scratch / "out");
  result.err = read_file(scratch / "err");
  return result;
}

}  // namespace newsdex::testing

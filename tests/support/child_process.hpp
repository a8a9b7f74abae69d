// A program run in the background, so that a test can signal it, kill it or race it against
// another process: standard output and error go to files, standard input is a pipe the test
// may write to or close.
//
//   testing::ChildProcess writer(SEARCHTOOL_PATH, {"index", "--db", db, corpus}, dir / "run");
//   std::this_thread::sleep_for(delay);
//   writer.signal(SIGKILL);
//   const int status = writer.wait();
#pragma once

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/run_command.hpp"

extern char** environ;

namespace newsdex::testing {

class ChildProcess {
 public:
  // Starts `program` with `args`; its output goes to `output_prefix` + ".out" and ".err".
  ChildProcess(const std::string& program, const std::vector<std::string>& args,
               const std::filesystem::path& output_prefix)
      : out_path_(output_prefix.string() + ".out"), err_path_(output_prefix.string() + ".err") {
    int input[2];
    if (::pipe2(input, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, input[0], STDIN_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_path_.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path_.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<char*> argv{const_cast<char*>(program.c_str())};
    for (const auto& arg : args)
      argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    const int error =
        ::posix_spawn(&pid_, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(input[0]);
    input_ = input[1];
    if (error != 0) {
      ::close(input_);
      throw std::runtime_error("cannot start " + program);
    }
  }
  ~ChildProcess() {
    close_input();
    if (!status_) {
      ::kill(pid_, SIGKILL);
      wait();
    }
  }
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  void signal(int number) const { ::kill(pid_, number); }

  // Writes to the program's standard input.
  void write_input(const std::string& text) const {
    for (std::size_t done = 0; done < text.size();) {
      const ssize_t wrote = ::write(input_, text.data() + done, text.size() - done);
      if (wrote <= 0) throw std::runtime_error("cannot write to the child's input");
      done += static_cast<std::size_t>(wrote);
    }
  }
  void close_input() {
    if (input_ >= 0) ::close(input_);
    input_ = -1;
  }

  // Whether the program is blocked in read(2) on its standard input: /proc/PID/syscall names the
  // system call a process waits in, then its arguments.
  bool reading_input() const {
    std::ifstream in("/proc/" + std::to_string(pid_) + "/syscall");
    std::string number, descriptor;
    in >> number >> descriptor;
    return number == std::to_string(SYS_read) && descriptor == "0x0";
  }

  // Whether the program has ended (reaping it if so).
  bool finished() {
    if (status_) return true;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) status_ = status;
    return status_.has_value();
  }

  // Waits for the end; the raw status of waitpid().
  int wait() {
    while (!status_) {
      int status = 0;
      if (::waitpid(pid_, &status, 0) == pid_) status_ = status;
    }
    return *status_;
  }

  // Waits at most `timeout`; nullopt when the program is still running.
  std::optional<int> wait_for(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!finished()) {
      if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return *status_;
  }

  std::string out() const { return read_file(out_path_); }
  std::string err() const { return read_file(err_path_); }

 private:
  std::string out_path_;
  std::string err_path_;
  pid_t pid_ = -1;
  int input_ = -1;
  std::optional<int> status_;
};

// "exit 3", "signal 9": a waitpid() status for messages.
inline std::string describe_status(int status) {
  if (WIFEXITED(status)) return "exit " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return "signal " + std::to_string(WTERMSIG(status));
  return "status " + std::to_string(status);
}

}  // namespace newsdex::testing

// A stock xapian-tcpsrv serving one database on 127.0.0.1, in a process group of its own (the
// server forks a process per connection), killed with its connections when the object goes, or
// when the test process dies.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace newsdex::testing {

class TcpServer {
 public:
  // `options` are more xapian-tcpsrv options ("--idle-timeout", "200").
  TcpServer(std::string program, std::filesystem::path database,
            std::vector<std::string> options = {})
      : program_(std::move(program)), database_(std::move(database)), options_(std::move(options)) {
    // A port the kernel calls free may be taken before the server binds it: try a few.
    for (int attempt = 0; attempt < 5 && pid_ <= 0; ++attempt) {
      port_ = free_port();
      start();
    }
    if (pid_ <= 0) throw std::runtime_error("xapian-tcpsrv did not start on 127.0.0.1");
  }
  ~TcpServer() { kill(); }
  TcpServer(const TcpServer&) = delete;
  TcpServer& operator=(const TcpServer&) = delete;

  unsigned port() const { return port_; }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

  // Starts the server (again) on its port; pid_ stays 0 when it does not listen within 5 s.
  void start() {
    kill();
    const std::string port = std::to_string(port_);
    // The arguments are made before fork(): the child may only exec.
    std::vector<std::string> words{program_, "--interface", "127.0.0.1", "--port", port};
    words.insert(words.end(), options_.begin(), options_.end());
    words.push_back(database_.string());
    std::vector<char*> argv;
    for (auto& word : words)
      argv.push_back(word.data());
    argv.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) return;
    if (pid == 0) {
      ::setpgid(0, 0);
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      const int null = ::open("/dev/null", O_WRONLY);
      ::dup2(null, 1);
      ::dup2(null, 2);
      ::execv(program_.c_str(), argv.data());
      ::_exit(127);
    }
    ::setpgid(pid, pid);  // also here, so that kill() finds the group whichever runs first
    pid_ = pid;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!accepts()) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_ ||
          std::chrono::steady_clock::now() > deadline) {
        kill();
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }

  // Kills the server and every connection it serves, as when its machine goes down.
  void kill() {
    if (pid_ <= 0) return;
    if (::kill(-pid_, SIGKILL) != 0) ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = 0;
  }

  // Freezes the server and its connections, as an overloaded or unreachable machine: they keep
  // their sockets but answer nothing.
  void pause() { ::kill(-pid_, SIGSTOP); }
  void resume() { ::kill(-pid_, SIGCONT); }

 private:
  static unsigned free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t size = sizeof address;
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
    ::close(fd);
    return ntohs(address.sin_port);
  }

  bool accepts() const {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port_));
    const bool connected =
        ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return connected;
  }

  std::string program_;
  std::filesystem::path database_;
  std::vector<std::string> options_;
  unsigned port_ = 0;
  pid_t pid_ = 0;
};

}  // namespace newsdex::testing

#include <newsdex/error.hpp>

namespace newsdex {

namespace {

std::string located(const std::string& file, std::size_t line, const std::string& message) {
  std::string out = file;
  if (line > 0) out += ':' + std::to_string(line);
  return out + ": " + message;
}

}  // namespace

InputError::InputError(std::string file, std::size_t line, const std::string& message)
    : Error(located(file, line, message)), file_(std::move(file)), line_(line), message_(message) {}

QueryError::QueryError(const std::string& message, std::size_t position)
    : Error(message), position_(position) {}

}  // namespace newsdex

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

ShardUnavailableError::ShardUnavailableError(const std::string& message,
                                             std::vector<std::string> shards)
    : IoError(message), shards_(std::move(shards)) {}

// Out of line, so each class's vtable and type information live in the library alone.
Error::~Error() = default;
InputError::~InputError() = default;
QueryError::~QueryError() = default;
InvalidArgumentError::~InvalidArgumentError() = default;
IndexNotFoundError::~IndexNotFoundError() = default;
IndexLockedError::~IndexLockedError() = default;
IndexFormatError::~IndexFormatError() = default;
IoError::~IoError() = default;
ShardUnavailableError::~ShardUnavailableError() = default;

}  // namespace newsdex

#include "schema/synonym_data.hpp"

#include <algorithm>

#include <newsdex/error.hpp>
#include <newsdex/index_writer.hpp>

#include "text/fold.hpp"

namespace newsdex {

namespace {

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

}  // namespace

std::vector<std::vector<std::string>> parse_synonyms(std::string_view text,
                                                     const std::string& file) {
  std::vector<std::vector<std::string>> groups;
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t newline = std::min(text.find('\n', start), text.size());
    const std::string_view line = trim(text.substr(start, newline - start));
    start = newline + 1;
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> group;
    std::size_t member_start = 0;
    while (member_start <= line.size()) {
      const std::size_t comma = std::min(line.find(',', member_start), line.size());
      const std::string_view member = trim(line.substr(member_start, comma - member_start));
      member_start = comma + 1;
      if (member.empty()) throw InputError(file, line_number, "empty synonym between commas");
      group.emplace_back(member);
    }
    if (group.size() < 2) {
      throw InputError(file, line_number,
                       "a synonym group needs two or more members separated by commas");
    }
    try {
      detail::normalize_synonym_groups({group});
    } catch (const InvalidArgumentError& error) {
      throw InputError(file, line_number, error.what());
    }
    groups.push_back(std::move(group));
  }
  return groups;
}

}  // namespace newsdex

namespace newsdex::detail {

SynonymGroups normalize_synonym_groups(const SynonymGroups& groups) {
  constexpr std::size_t kMaxWords = 8;
  SynonymGroups normalized;
  for (const auto& group : groups) {
    std::vector<std::string> members;
    for (const auto& member : group) {
      std::string words;
      std::size_t count = 0;
      for_each_word(member, [&](const Word& word) {
        if (!words.empty()) words += ' ';
        words += word.text;
        ++count;
      });
      if (words.empty()) {
        throw InvalidArgumentError("synonym \"" + member + "\" has no words");
      }
      if (count > kMaxWords) {
        throw InvalidArgumentError("synonym \"" + member + "\" has more than " +
                                   std::to_string(kMaxWords) + " words");
      }
      if (std::find(members.begin(), members.end(), words) == members.end()) {
        members.push_back(std::move(words));
      }
    }
    if (members.size() < 2) {
      std::string shown;
      for (const auto& member : group)
        shown += (shown.empty() ? "" : ", ") + member;
      throw InvalidArgumentError("synonym group \"" + shown +
                                 "\" needs two or more different members");
    }
    normalized.push_back(std::move(members));
  }
  return normalized;
}

std::string encode_synonyms(const SynonymGroups& normalized) {
  std::string out;
  for (const auto& group : normalized) {
    for (std::size_t i = 0; i < group.size(); ++i)
      out += (i == 0 ? "" : ", ") + group[i];
    out += '\n';
  }
  return out;
}

SynonymGroups decode_synonyms(std::string_view stored) {
  SynonymGroups groups;
  std::size_t start = 0;
  while (start < stored.size()) {
    const std::size_t newline = std::min(stored.find('\n', start), stored.size());
    const std::string_view line = stored.substr(start, newline - start);
    start = newline + 1;
    std::vector<std::string> group;
    std::size_t member_start = 0;
    while (member_start < line.size()) {
      const std::size_t comma = std::min(line.find(", ", member_start), line.size());
      group.emplace_back(line.substr(member_start, comma - member_start));
      member_start = comma + 2;
    }
    if (group.size() >= 2) groups.push_back(std::move(group));
  }
  return groups;
}

}  // namespace newsdex::detail

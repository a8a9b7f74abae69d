// Finds who is quoted or cited in a news text, from attributions around reporting verbs:
// "X said", "said X", "according to X", "X, the mayor of Y, said", "..., X said, adding".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <newsdex/annotations.hpp>

#include "extract/tokenizer.hpp"

namespace newsdex::detail {

// Speakers come back in the order they are first cited. A name keeps the words of the text
// minus titles and possessives ("Azerbaijan's Ambassador to France Leyla Abdullayeva" ->
// "Leyla Abdullayeva", role "Ambassador to France"); an organisation keeps its full name
// ("an Azerbaijani Foreign Ministry statement" -> "Azerbaijani Foreign Ministry"). Each mention
// is the span of a subject that a reporting verb attributes words to: the name itself, or "he",
// "Abdullayeva", "the ministry", "the statement" when they refer back to a speaker named
// earlier. Pronouns and generic nouns ("officials", "the statement") never become names.
// Thread-safe: extract() is const and keeps no state between calls.
class SpeakerExtractor {
 public:
  // With `people`, also appends the names of the speakers that are persons of more than one
  // word ("Leyla Abdullayeva", not "Azerbaijani Foreign Ministry"), so that the place extractor
  // can tell their words from places' names.
  std::vector<Speaker> extract(std::string_view text,
                               std::vector<std::string>* people = nullptr) const;
  // The same on a text already split, which the date extractor may share.
  std::vector<Speaker> extract(const TokenizedText& tokens,
                               std::vector<std::string>* people = nullptr) const;
};

}  // namespace newsdex::detail

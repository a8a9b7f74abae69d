// The word classes the speaker extractor reasons with: reporting verbs, titles, role nouns,
// organisation heads, pronouns and function words. Lookups take a token's lower-case key.
#pragma once

#include <cstdint>
#include <string_view>

namespace newsdex::detail::speaker_lexicon {

// A word may belong to several classes ("chief" is a title and a role modifier).
enum : std::uint32_t {
  kReportingVerb = 1u << 0,   // said, says, told, wrote, added, stated, ...
  kInvertible = 1u << 1,      // may come before its subject after a quote: "...," said X
  kParticiple = 1u << 2,      // ", saying ..." takes the subject of its sentence
  kAccording = 1u << 3,       // "according" (to X)
  kDeterminer = 1u << 4,      // the, a, an, this, ...
  kDefinite = 1u << 5,        // the, this, that, these, those: may refer back
  kPronounPerson = 1u << 6,   // he, she
  kPronounThing = 1u << 7,    // it
  kPronounOther = 1u << 8,    // they, we, his, ...: never a name, never resolved
  kRelative = 1u << 9,        // who, which: "X, who said"
  kHonorific = 1u << 10,      // Mr., Mrs., Ms., Dr.: dropped from names, kept out of roles
  kTitle = 1u << 11,          // President, Minister, Sen., Ambassador: a role before a name
  kRoleNoun = 1u << 12,       // spokeswoman, candidate, official: a role without capitals
  kRoleModifier = 1u << 13,   // former, presidential, senior: words inside a role
  kOrgHead = 1u << 14,        // Ministry, Department, Times: makes a name an organisation
  kOrgNoun = 1u << 15,        // campaign, administration: "the Clinton campaign"
  kCommunication = 1u << 16,  // statement, report, letter: "an X statement said"
  kGeneric = 1u << 17,        // officials, sources, critics: never a name
  kSkippable = 1u << 18,      // also, later, has: may stand between subject and verb
  kNameParticle = 1u << 19,   // de, van, bin: inside names
  kConnector = 1u << 20,      // of, to, for, on: inside roles and organisation names
  kFunction = 1u << 21,       // and, but, in, however: a capital at sentence start is no name
  kCalendar = 1u << 22,       // months and weekdays
  kMale = 1u << 23,
  kFemale = 1u << 24,
  kSourceMarker = 1u << 25,   // from, by: "a statement from X"
  kComplement = 1u << 26,     // State, Defense, Affairs: "Secretary of State", not a name
  kPreposition = 1u << 27,    // in, at, from: what follows is no subject
  kNeedsDocument = 1u << 28,  // found, shows: an attribution only when a poll or report does it
};

// The classes of a lower-case word; 0 when it has none.
std::uint32_t classes_of(std::string_view key);

}  // namespace newsdex::detail::speaker_lexicon

// The tables behind newsdex::Gazetteer: places, the names that refer to them, and the common
// words that only count as places with support from the text. A GazetteerBuilder collects them
// from the sources (team data files, iso-codes, GeoNames); freeze() turns it into the compact
// GazetteerStore that lookups and the place extractor read, and that the build embeds in the
// library in serialized form.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <newsdex/annotations.hpp>

namespace newsdex::detail {

// How a name refers to its place.
enum class NameRole : std::uint8_t {
  name,       // "Azerbaijan", "Nagorno-Karabakh", "U.S."
  demonym,    // "Azerbaijani", "French"
  code,       // "AZ", "AZE": for lookups only, never matched in running text
  qualifier,  // "Ga.", "Calif.": only right after "Place, " in running text
};

struct NameRef {
  std::uint32_t place = 0;
  NameRole role = NameRole::name;
  bool weak = false;       // a second reading of a name another place owns ("Congo")
  bool caps_only = false;  // written in capitals ("UAE", "US"): matches only in capitals

  friend bool operator==(const NameRef&, const NameRef&) = default;
};

struct PlaceRecord {
  std::string name = {};     // canonical name
  std::string country = {};  // ISO 3166-1 alpha-2, empty for places in no single country
  std::string code = {};     // the place's own ISO code (alpha-2 or 3166-2); empty for cities
  std::string region = {};   // ISO 3166-2 code of the region it lies in; empty when unknown
  PlaceKind kind = PlaceKind::other;
  // Prior belief that a bare mention of one of its names means this place, 0..255. Countries
  // score highest, then capitals, major cities, regions and small towns (see gazetteer_sources).
  std::uint8_t rank = 0;

  friend bool operator==(const PlaceRecord&, const PlaceRecord&) = default;
};

// The lookup key of a name: its words, diacritics folded and lower-cased, joined by single
// spaces, with possessive "'s" dropped ("Nagorno-Karabakh" -> "nagorno karabakh", "U.S." ->
// "u s", "St. John's" -> "st john").
std::string place_key(std::string_view name);

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept {
    return std::hash<std::string_view>{}(text);
  }
};

class GazetteerStore;

class GazetteerBuilder {
 public:
  GazetteerBuilder() = default;
  explicit GazetteerBuilder(const GazetteerStore& store);

  std::uint32_t add_place(PlaceRecord place);
  // Adds `name` as a way to refer to `place`. Empty keys and duplicates are ignored.
  void add_name(std::string_view name, std::uint32_t place, NameRole role, bool weak = false);
  void add_common_word(std::string_view word);
  void add_given_name(std::string_view name);

  PlaceRecord& place(std::uint32_t id) { return places_[id]; }
  const std::vector<PlaceRecord>& places() const { return places_; }
  // Place ids that `key` names (any role).
  std::vector<std::uint32_t> places_named(std::string_view key) const;
  // The id of the place with this ISO code ("AZ", "US-GA"), or -1.
  std::int64_t place_with_code(std::string_view code) const;

  // Drops region readings of a name that also names a city of the same country ("Paris" the
  // department, "Baku" the municipality): the city is what news means.
  GazetteerStore freeze() const;

 private:
  std::vector<PlaceRecord> places_;
  std::map<std::string, std::vector<NameRef>, std::less<>> names_;
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> codes_;
  std::unordered_set<std::string, StringHash, std::equal_to<>> common_words_;
  std::unordered_set<std::string, StringHash, std::equal_to<>> given_names_;
};

// Frozen, read-only tables. Safe to read from many threads.
class GazetteerStore {
 public:
  struct Names {
    std::uint32_t first = 0;
    std::uint32_t count = 0;
  };

  const std::vector<PlaceRecord>& places() const { return places_; }
  const PlaceRecord& place(std::uint32_t id) const { return places_[id]; }

  // Every reference of the name with this key, empty when none.
  std::span<const NameRef> find(std::string_view key) const;
  // Whether some longer name starts with the words of `key`.
  bool is_prefix(std::string_view key) const { return prefixes_.contains(key); }
  // Whether the key is an ordinary English word that is also a place name ("nice", "mobile").
  bool is_common_word(std::string_view key) const { return common_words_.contains(key); }
  // Whether the key is also a common given name ("mary", "chad").
  bool is_given_name(std::string_view key) const { return given_names_.contains(key); }
  // The place with this ISO code ("AZ", "US-GA"), or nullptr.
  const PlaceRecord* place_with_code(std::string_view code) const;
  std::size_t name_count() const { return names_.size(); }

  // A compact byte string that deserialize() turns back into an equal store.
  std::string serialize() const;
  // Throws newsdex::Error when `bytes` is not the output of serialize() of this version.
  static GazetteerStore deserialize(std::string_view bytes);

 private:
  friend class GazetteerBuilder;
  void index_codes();

  std::vector<PlaceRecord> places_;
  std::vector<NameRef> refs_;
  std::unordered_map<std::string, Names, StringHash, std::equal_to<>> names_;
  std::unordered_set<std::string, StringHash, std::equal_to<>> prefixes_;
  std::unordered_set<std::string, StringHash, std::equal_to<>> common_words_;
  std::unordered_set<std::string, StringHash, std::equal_to<>> given_names_;
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> codes_;
};

}  // namespace newsdex::detail

#include "extract/gazetteer_store.hpp"

#include <algorithm>
#include <cstring>
#include <span>

#include <newsdex/error.hpp>

#include "text/fold.hpp"

namespace newsdex::detail {

namespace {

constexpr std::string_view kMagic = "newsdex-gazetteer-3\n";

bool is_city_name(const NameRef& ref, const std::vector<PlaceRecord>& places) {
  return ref.role == NameRole::name && places[ref.place].kind == PlaceKind::city;
}

class Writer {
 public:
  void number(std::uint64_t value) {
    while (value >= 0x80) {
      out_.push_back(static_cast<char>((value & 0x7F) | 0x80));
      value >>= 7;
    }
    out_.push_back(static_cast<char>(value));
  }
  void text(std::string_view value) {
    number(value.size());
    out_.append(value);
  }
  void byte(std::uint8_t value) { out_.push_back(static_cast<char>(value)); }
  std::string take() { return std::move(out_); }
  void raw(std::string_view value) { out_.append(value); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  std::uint64_t number() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const auto b = static_cast<std::uint8_t>(next());
      value |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if (b < 0x80) return value;
    }
    fail();
  }
  std::string_view text() {
    const auto size = number();
    if (size > in_.size() - pos_) fail();
    const auto value = in_.substr(pos_, size);
    pos_ += size;
    return value;
  }
  std::uint8_t byte() { return static_cast<std::uint8_t>(next()); }
  bool at_end() const { return pos_ == in_.size(); }
  bool starts_with(std::string_view prefix) {
    if (in_.substr(pos_, prefix.size()) != prefix) return false;
    pos_ += prefix.size();
    return true;
  }
  [[noreturn]] static void fail() {
    throw Error("the gazetteer data is damaged or of another version");
  }

 private:
  char next() {
    if (pos_ >= in_.size()) fail();
    return in_[pos_++];
  }
  std::string_view in_;
  std::size_t pos_ = 0;
};

}  // namespace

std::string place_key(std::string_view name) {
  std::string key;
  for_each_word(name, [&](const Word& word) {
    if (!key.empty()) key.push_back(' ');
    // A possessive is no part of a name: "St. John's" and "Armenia's" look up "st john" and
    // "armenia", as the extractor does with running text.
    std::string_view text = word.text;
    if (text.size() > 2 && text.ends_with("'s")) text.remove_suffix(2);
    key.append(text);
  });
  return key;
}

GazetteerBuilder::GazetteerBuilder(const GazetteerStore& store) : places_(store.places_) {
  for (const auto& [key, names] : store.names_) {
    auto& refs = names_[key];
    refs.assign(store.refs_.begin() + names.first, store.refs_.begin() + names.first + names.count);
  }
  for (std::uint32_t id = 0; id < places_.size(); ++id) {
    if (!places_[id].code.empty()) codes_.emplace(places_[id].code, id);
  }
  common_words_.insert(store.common_words_.begin(), store.common_words_.end());
  given_names_.insert(store.given_names_.begin(), store.given_names_.end());
}

std::uint32_t GazetteerBuilder::add_place(PlaceRecord place) {
  const auto id = static_cast<std::uint32_t>(places_.size());
  if (!place.code.empty()) codes_.emplace(place.code, id);
  places_.push_back(std::move(place));
  return id;
}

void GazetteerBuilder::add_name(std::string_view name, std::uint32_t place, NameRole role,
                                bool weak) {
  std::string key = place_key(name);
  if (key.empty()) return;
  NameRef ref{.place = place, .role = role, .weak = weak, .caps_only = false};
  // A name of two or more letters written entirely in capitals is an acronym ("UAE", "U.S.")
  // that ordinary words in lower case must not match ("us").
  if (role != NameRole::code) {
    std::size_t letters = 0;
    bool has_lower = false;
    for (const char c : name) {
      if (c >= 'A' && c <= 'Z') ++letters;
      if (c >= 'a' && c <= 'z') has_lower = true;
    }
    ref.caps_only = letters >= 2 && !has_lower;
  }
  auto& refs = names_[key];
  for (auto& existing : refs) {
    if (existing.place == place && existing.role == role) {
      existing.weak = existing.weak && weak;
      existing.caps_only = existing.caps_only && ref.caps_only;
      return;
    }
  }
  refs.push_back(ref);
}

void GazetteerBuilder::add_common_word(std::string_view word) {
  const std::string key = place_key(word);
  if (!key.empty()) common_words_.insert(key);
}

void GazetteerBuilder::add_given_name(std::string_view name) {
  const std::string key = place_key(name);
  if (!key.empty()) given_names_.insert(key);
}

std::vector<std::uint32_t> GazetteerBuilder::places_named(std::string_view key) const {
  std::vector<std::uint32_t> ids;
  if (const auto it = names_.find(key); it != names_.end()) {
    for (const auto& ref : it->second)
      ids.push_back(ref.place);
  }
  return ids;
}

std::int64_t GazetteerBuilder::place_with_code(std::string_view code) const {
  const auto it = codes_.find(code);
  return it == codes_.end() ? -1 : static_cast<std::int64_t>(it->second);
}

GazetteerStore GazetteerBuilder::freeze() const {
  GazetteerStore store;
  store.places_ = places_;
  store.names_.reserve(names_.size());
  for (const auto& [key, refs] : names_) {
    std::vector<NameRef> kept;
    for (const auto& ref : refs) {
      const auto& place = places_[ref.place];
      const bool shadowed_by_city =
          place.kind == PlaceKind::region && ref.role == NameRole::name &&
          std::any_of(refs.begin(), refs.end(), [&](const NameRef& other) {
            return is_city_name(other, places_) && places_[other.place].country == place.country;
          });
      if (!shadowed_by_city) kept.push_back(ref);
    }
    if (kept.empty()) continue;
    const auto first = static_cast<std::uint32_t>(store.refs_.size());
    store.refs_.insert(store.refs_.end(), kept.begin(), kept.end());
    store.names_.emplace(key,
                         GazetteerStore::Names{first, static_cast<std::uint32_t>(kept.size())});
    for (std::size_t space = key.find(' '); space != std::string::npos;
         space = key.find(' ', space + 1)) {
      store.prefixes_.insert(key.substr(0, space));
    }
  }
  store.common_words_.insert(common_words_.begin(), common_words_.end());
  store.given_names_.insert(given_names_.begin(), given_names_.end());
  store.index_codes();
  return store;
}

void GazetteerStore::index_codes() {
  codes_.clear();
  for (std::uint32_t id = 0; id < places_.size(); ++id) {
    if (!places_[id].code.empty()) codes_.emplace(places_[id].code, id);
  }
}

std::span<const NameRef> GazetteerStore::find(std::string_view key) const {
  const auto it = names_.find(key);
  if (it == names_.end()) return {};
  return {refs_.data() + it->second.first, it->second.count};
}

const PlaceRecord* GazetteerStore::place_with_code(std::string_view code) const {
  const auto it = codes_.find(code);
  return it == codes_.end() ? nullptr : &places_[it->second];
}

std::string GazetteerStore::serialize() const {
  Writer out;
  out.raw(kMagic);
  out.number(places_.size());
  for (const auto& place : places_) {
    out.text(place.name);
    out.text(place.country);
    out.text(place.code);
    out.text(place.region);
    out.byte(static_cast<std::uint8_t>(place.kind));
    out.byte(place.rank);
  }
  // Names in key order, so the same tables always serialize to the same bytes.
  std::vector<const std::pair<const std::string, Names>*> names;
  names.reserve(names_.size());
  for (const auto& entry : names_)
    names.push_back(&entry);
  std::sort(names.begin(), names.end(), [](auto* a, auto* b) { return a->first < b->first; });
  out.number(names.size());
  for (const auto* entry : names) {
    out.text(entry->first);
    out.number(entry->second.count);
    for (std::uint32_t i = 0; i < entry->second.count; ++i) {
      const auto& ref = refs_[entry->second.first + i];
      out.number(ref.place);
      out.byte(static_cast<std::uint8_t>(static_cast<unsigned>(ref.role) | (ref.weak ? 0x10 : 0) |
                                         (ref.caps_only ? 0x20 : 0)));
    }
  }
  for (const auto* set : {&common_words_, &given_names_}) {
    std::vector<std::string_view> words(set->begin(), set->end());
    std::sort(words.begin(), words.end());
    out.number(words.size());
    for (const auto word : words)
      out.text(word);
  }
  return out.take();
}

GazetteerStore GazetteerStore::deserialize(std::string_view bytes) {
  Reader in(bytes);
  if (!in.starts_with(kMagic)) Reader::fail();
  GazetteerStore store;
  const auto place_count = in.number();
  store.places_.reserve(place_count);
  for (std::uint64_t i = 0; i < place_count; ++i) {
    PlaceRecord place;
    place.name = in.text();
    place.country = in.text();
    place.code = in.text();
    place.region = in.text();
    const auto kind = in.byte();
    if (kind > static_cast<std::uint8_t>(PlaceKind::other)) Reader::fail();
    place.kind = static_cast<PlaceKind>(kind);
    place.rank = in.byte();
    store.places_.push_back(std::move(place));
  }
  const auto name_count = in.number();
  store.names_.reserve(name_count);
  for (std::uint64_t i = 0; i < name_count; ++i) {
    const std::string_view key = in.text();
    const auto count = in.number();
    const auto first = static_cast<std::uint32_t>(store.refs_.size());
    for (std::uint64_t j = 0; j < count; ++j) {
      NameRef ref;
      const auto place = in.number();
      if (place >= place_count) Reader::fail();
      ref.place = static_cast<std::uint32_t>(place);
      const auto bits = in.byte();
      if ((bits & 0x0F) > static_cast<unsigned>(NameRole::qualifier)) Reader::fail();
      ref.role = static_cast<NameRole>(bits & 0x0F);
      ref.weak = (bits & 0x10) != 0;
      ref.caps_only = (bits & 0x20) != 0;
      store.refs_.push_back(ref);
    }
    store.names_.emplace(key, Names{first, static_cast<std::uint32_t>(count)});
    for (std::size_t space = key.find(' '); space != std::string_view::npos;
         space = key.find(' ', space + 1)) {
      store.prefixes_.emplace(key.substr(0, space));
    }
  }
  for (auto* set : {&store.common_words_, &store.given_names_}) {
    const auto word_count = in.number();
    for (std::uint64_t i = 0; i < word_count; ++i)
      set->emplace(in.text());
  }
  if (!in.at_end()) Reader::fail();
  store.index_codes();
  return store;
}

}  // namespace newsdex::detail

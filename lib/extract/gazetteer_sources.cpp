#include "extract/gazetteer_sources.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <unordered_map>

#include <nlohmann/json.hpp>
#include <zlib.h>

#include <newsdex/error.hpp>

namespace newsdex::detail {

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string(), 0, std::string("cannot open: ") + std::strerror(errno));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::move(bytes).str();
}

std::uint32_t little_endian(std::string_view bytes, std::size_t at, std::size_t size) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < size; ++i) {
    value |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
  }
  return value;
}

// The first member of a zip archive, so that GeoNames files work as they are downloaded
// (cities15000.zip holds one file).
std::string unzip_first_member(const fs::path& path, std::string_view zip) {
  constexpr std::size_t kHeaderSize = 30;
  if (zip.size() < kHeaderSize) throw InputError(path.string(), 0, "truncated zip archive");
  const auto method = little_endian(zip, 8, 2);
  const auto name_size = little_endian(zip, 26, 2);
  const auto extra_size = little_endian(zip, 28, 2);
  const std::size_t data = kHeaderSize + name_size + extra_size;
  if (data > zip.size()) throw InputError(path.string(), 0, "truncated zip archive");
  if (method == 0) return std::string(zip.substr(data, little_endian(zip, 18, 4)));
  if (method != 8) throw InputError(path.string(), 0, "unsupported zip compression method");
  z_stream stream{};
  if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) {
    throw InputError(path.string(), 0, "cannot start zip decompression");
  }
  std::string out;
  out.resize(std::max<std::size_t>(little_endian(zip, 22, 4), 1 << 16));
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip.data() + data));
  stream.avail_in = static_cast<uInt>(zip.size() - data);
  int status = Z_OK;
  while (status == Z_OK) {
    if (stream.total_out == out.size()) out.resize(out.size() * 2);
    stream.next_out = reinterpret_cast<Bytef*>(out.data() + stream.total_out);
    stream.avail_out = static_cast<uInt>(out.size() - stream.total_out);
    status = inflate(&stream, Z_NO_FLUSH);
  }
  out.resize(stream.total_out);
  inflateEnd(&stream);
  if (status != Z_STREAM_END) throw InputError(path.string(), 0, "damaged zip archive");
  return out;
}

std::string read_text_file(const fs::path& path) {
  std::string bytes = read_file(path);
  if (bytes.starts_with("PK\x03\x04")) return unzip_first_member(path, bytes);
  return bytes;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const auto end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\r'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

// Calls visit(line_number, fields) for each line of a tab-separated file that is neither blank
// nor a "#" comment.
template <typename Visit>
void for_each_row(const fs::path& path, const std::string& text, Visit&& visit) {
  std::size_t number = 0;
  for (std::string_view line : split(text, '\n')) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty() || line.front() == '#') continue;
    try {
      visit(number, split(line, '\t'));
    } catch (const InputError&) {
      throw;
    } catch (const std::exception& e) {
      throw InputError(path.string(), number, e.what());
    }
  }
}

std::vector<std::string_view> list(std::string_view field) {
  std::vector<std::string_view> items;
  if (trim(field).empty()) return items;
  for (auto item : split(field, '|')) {
    item = trim(item);
    if (!item.empty()) items.push_back(item);
  }
  return items;
}

// Adds a team-written other name, honouring its "~" (weak) and "@" (qualifier) markers.
void add_marked_name(GazetteerBuilder& builder, std::string_view name, std::uint32_t place,
                     NameRole role) {
  bool weak = false;
  if (name.starts_with('~')) {
    weak = true;
    name.remove_prefix(1);
  }
  if (name.starts_with('@')) {
    role = NameRole::qualifier;
    name.remove_prefix(1);
  }
  builder.add_name(name, place, role, weak);
}

void require_fields(const std::vector<std::string_view>& fields, std::size_t count) {
  if (fields.size() < count) {
    throw std::runtime_error("expected " + std::to_string(count) + " tab-separated fields, got " +
                             std::to_string(fields.size()));
  }
}

PlaceKind parse_kind(std::string_view kind) {
  if (kind == "country") return PlaceKind::country;
  if (kind == "region") return PlaceKind::region;
  if (kind == "city") return PlaceKind::city;
  if (kind == "other") return PlaceKind::other;
  throw std::runtime_error("unknown kind \"" + std::string(kind) + "\"");
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  return out;
}

bool ends_with_any(std::string_view word, std::initializer_list<std::string_view> endings) {
  return std::any_of(endings.begin(), endings.end(),
                     [&](std::string_view ending) { return word.ends_with(ending); });
}

void add_countries(GazetteerBuilder& builder, const fs::path& path) {
  const std::string text = read_file(path);
  for_each_row(path, text, [&](std::size_t, const std::vector<std::string_view>& fields) {
    require_fields(fields, 2);
    const std::string code = upper(trim(fields[0]));
    if (code.size() != 2) throw std::runtime_error("country code must have two letters");
    const auto id = builder.add_place({.name = std::string(trim(fields[1])),
                                       .country = code,
                                       .code = code,
                                       .region = {},
                                       .kind = PlaceKind::country,
                                       .rank = place_rank::kCountry});
    builder.add_name(trim(fields[1]), id, NameRole::name);
    builder.add_name(code, id, NameRole::code);
    if (fields.size() > 2) {
      for (const auto name : list(fields[2]))
        add_marked_name(builder, name, id, NameRole::name);
    }
    if (fields.size() > 3) {
      for (const auto demonym : list(fields[3])) {
        add_marked_name(builder, demonym, id, NameRole::demonym);
        // "Azerbaijani" -> "Azerbaijanis", "American" -> "Americans"; "French", "Swiss" and
        // "Chinese" have no such plural.
        const bool plain = !demonym.starts_with('~') && !demonym.starts_with('@');
        if (plain && ends_with_any(demonym, {"an", "i", "ian", "ot", "ek", "ak"})) {
          builder.add_name(std::string(demonym) + "s", id, NameRole::demonym);
        }
      }
    }
  });
}

void add_iso_countries(GazetteerBuilder& builder, const fs::path& path) {
  const auto json = nlohmann::json::parse(read_file(path), nullptr, false);
  if (json.is_discarded() || !json.contains("3166-1")) {
    throw InputError(path.string(), 0, "not an iso-codes ISO 3166-1 table");
  }
  for (const auto& entry : json["3166-1"]) {
    const std::string code = entry.value("alpha_2", "");
    if (code.size() != 2) continue;
    const std::string name = entry.value("name", "");
    const std::string common = entry.value("common_name", "");
    std::int64_t id = builder.place_with_code(code);
    if (id < 0) {
      id = builder.add_place({.name = common.empty() ? name : common,
                              .country = code,
                              .code = code,
                              .region = {},
                              .kind = PlaceKind::country,
                              .rank = place_rank::kCountry});
    }
    const auto place = static_cast<std::uint32_t>(id);
    // Inverted names ("Korea, Republic of") are catalogue forms nobody writes in prose.
    for (const char* field : {"name", "official_name", "common_name"}) {
      const std::string value = entry.value(field, "");
      if (!value.empty() && value.find(',') == std::string::npos) {
        builder.add_name(value, place, NameRole::name);
      }
    }
    builder.add_name(code, place, NameRole::code);
    builder.add_name(entry.value("alpha_3", ""), place, NameRole::code);
  }
}

struct RegionLine {
  std::string code;
  std::string name;
  PlaceKind kind = PlaceKind::region;
  std::vector<std::string> names;
};

std::vector<RegionLine> read_regions(const fs::path& path) {
  std::vector<RegionLine> regions;
  const std::string text = read_file(path);
  for_each_row(path, text, [&](std::size_t, const std::vector<std::string_view>& fields) {
    require_fields(fields, 3);
    RegionLine region{.code = std::string(trim(fields[0])),
                      .name = std::string(trim(fields[1])),
                      .kind = parse_kind(trim(fields[2])),
                      .names = {}};
    if (fields.size() > 3) {
      for (const auto name : list(fields[3]))
        region.names.emplace_back(name);
    }
    regions.push_back(std::move(region));
  });
  return regions;
}

bool has_lower_ascii(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Administrative words that iso-codes keeps in a subdivision's name and news leaves out
// ("Anhui Sheng" -> "Anhui", "Moskovskaja oblast'" stays, "Altaj, Respublika" -> "Altaj").
constexpr std::string_view kAdministrativeSuffixes[] = {" Uygur Zizhiqu",
                                                        " Zhuangzu Zizhiqu",
                                                        " Huizi Zizhiqu",
                                                        " Zizhiqu",
                                                        " Sheng",
                                                        " Shi",
                                                        " Respublikasi",
                                                        " Respublika",
                                                        "-teukbyeoljachido",
                                                        "-teukbyeolsi",
                                                        "-gwangyeoksi",
                                                        "-do"};

// The names an iso-codes subdivision name stands for, the main one first:
// "Isle of Anglesey [Sir Ynys Môn GB-YNM]" -> {"Isle of Anglesey", "Sir Ynys Môn"},
// "Bristol, City of" -> {"Bristol"}, "Ilocos (Region I)" -> {"Ilocos"}.
std::vector<std::string> iso_subdivision_names(std::string_view raw) {
  std::vector<std::string> names;
  std::string main(raw);
  std::string bracketed;
  if (const auto open = main.find('['); open != std::string::npos) {
    const auto close = main.find(']', open);
    bracketed =
        main.substr(open + 1, close == std::string::npos ? std::string::npos : close - open - 1);
    main.erase(open);
  }
  if (const auto open = main.find('('); open != std::string::npos) main.erase(open);
  if (const auto comma = main.find(','); comma != std::string::npos) main.erase(comma);
  while (!main.empty() && (main.back() == '*' || main.back() == ' '))
    main.pop_back();
  if (!main.empty()) names.push_back(main);
  for (const auto suffix : kAdministrativeSuffixes) {
    if (main.size() > suffix.size() + 2 && main.ends_with(suffix)) {
      names.insert(names.begin(), main.substr(0, main.size() - suffix.size()));
      break;
    }
  }
  // The bracket holds other names, possibly followed by their own ISO code ("GB-CAF").
  std::string other;
  for (const auto word : split(bracketed, ' ')) {
    const bool is_code = word.size() > 3 && word[2] == '-' && !has_lower_ascii(word);
    if (is_code || word.empty()) continue;
    if (!other.empty()) other.push_back(' ');
    other.append(word);
  }
  if (!other.empty() && !(other.front() >= 'a' && other.front() <= 'z')) names.push_back(other);
  return names;
}

void add_iso_subdivisions(GazetteerBuilder& builder, const fs::path& path,
                          const std::vector<RegionLine>& regions) {
  std::unordered_map<std::string, const RegionLine*> overrides;
  for (const auto& region : regions) {
    if (region.code.size() > 3 && region.code[2] == '-') overrides.emplace(region.code, &region);
  }
  const auto json = nlohmann::json::parse(read_file(path), nullptr, false);
  if (json.is_discarded() || !json.contains("3166-2")) {
    throw InputError(path.string(), 0, "not an iso-codes ISO 3166-2 table");
  }
  for (const auto& entry : json["3166-2"]) {
    const std::string code = entry.value("code", "");
    if (code.size() < 4 || code[2] != '-') continue;
    const std::string country = code.substr(0, 2);
    const std::string parent = entry.value("parent", "");
    auto names = iso_subdivision_names(entry.value("name", ""));
    if (names.empty()) continue;
    PlaceRecord place{.name = names.front(),
                      .country = country,
                      .code = code,
                      .region = parent.empty() ? std::string() : country + "-" + parent,
                      .kind = PlaceKind::region,
                      .rank = parent.empty() ? place_rank::kRegion : place_rank::kSubregion};
    const auto override_it = overrides.find(code);
    if (override_it != overrides.end()) {
      place.name = override_it->second->name;
      place.kind = override_it->second->kind;
      place.rank = place_rank::kNamedRegion;
    }
    const auto id = builder.add_place(place);
    builder.add_name(place.name, id, NameRole::name);
    for (const auto& name : names)
      builder.add_name(name, id, NameRole::name);
    builder.add_name(code, id, NameRole::code);
    if (override_it != overrides.end()) {
      for (const auto& name : override_it->second->names) {
        add_marked_name(builder, name, id, NameRole::name);
      }
    }
  }
  for (const auto& [code, region] : overrides) {
    if (builder.place_with_code(code) < 0) {
      throw InputError("regions.tsv", 0, "no ISO 3166-2 subdivision has the code " + code);
    }
  }
}

void add_other_regions(GazetteerBuilder& builder, const std::vector<RegionLine>& regions) {
  for (const auto& region : regions) {
    if (region.code.size() > 3) continue;  // an ISO 3166-2 code, applied above
    const bool worldwide = region.code == "-";
    if (!worldwide && builder.place_with_code(region.code) < 0) {
      throw InputError("regions.tsv", 0, "unknown country code " + region.code);
    }
    const auto id = builder.add_place(
        {.name = region.name,
         .country = worldwide ? std::string() : region.code,
         .code = {},
         .region = {},
         .kind = region.kind,
         .rank = worldwide ? place_rank::kWorldRegion : place_rank::kNamedRegion});
    builder.add_name(region.name, id, NameRole::name);
    for (const auto& name : region.names)
      add_marked_name(builder, name, id, NameRole::name);
  }
}

void add_cities(GazetteerBuilder& builder, const fs::path& path) {
  const std::string text = read_file(path);
  for_each_row(path, text, [&](std::size_t, const std::vector<std::string_view>& fields) {
    require_fields(fields, 4);
    const std::string country = upper(trim(fields[1]));
    if (builder.place_with_code(country) < 0) {
      throw std::runtime_error("unknown country code " + country);
    }
    const auto rank_field = trim(fields[3]);
    std::uint8_t rank = place_rank::kCity;
    if (rank_field == "C") {
      rank = place_rank::kCapital;
    } else if (rank_field == "1") {
      rank = place_rank::kMajorCity;
    } else if (rank_field != "2") {
      throw std::runtime_error("rank must be C, 1 or 2");
    }
    const auto id = builder.add_place({.name = std::string(trim(fields[0])),
                                       .country = country,
                                       .code = {},
                                       .region = std::string(trim(fields[2])),
                                       .kind = PlaceKind::city,
                                       .rank = rank});
    builder.add_name(trim(fields[0]), id, NameRole::name);
    if (fields.size() > 4) {
      for (const auto name : list(fields[4]))
        add_marked_name(builder, name, id, NameRole::name);
    }
  });
}

template <typename Add>
void add_word_list(const fs::path& path, Add&& add) {
  const std::string text = read_file(path);
  for (std::string_view line : split(text, '\n')) {
    line = trim(line);
    if (line.empty() || line.front() == '#') continue;
    add(line);
  }
}

// A region of `country` that `name` names, or -1.
std::int64_t region_named(const GazetteerBuilder& builder, std::string_view name,
                          std::string_view country) {
  for (const auto id : builder.places_named(place_key(name))) {
    const auto& place = builder.places()[id];
    if (place.kind == PlaceKind::region && place.country == country) return id;
  }
  return -1;
}

// Adds a city unless a city or region of the same country already has this name; then the
// known place absorbs what the new source says (a region, a higher rank). Returns its id.
std::uint32_t add_or_merge_city(GazetteerBuilder& builder, PlaceRecord city) {
  const auto known_ids = builder.places_named(place_key(city.name));
  for (const auto id : known_ids) {
    auto& known = builder.place(id);
    if (known.country != city.country || known.kind != PlaceKind::city) continue;
    if (!city.region.empty() && !known.region.empty() && known.region != city.region) continue;
    if (known.region.empty()) known.region = city.region;
    known.rank = std::max(known.rank, city.rank);
    return id;
  }
  for (const auto id : known_ids) {
    const auto& known = builder.places()[id];
    if (known.country == city.country && known.kind == PlaceKind::region && known.region.empty()) {
      return id;
    }
  }
  const auto id = builder.add_place(city);
  builder.add_name(city.name, id, NameRole::name);
  return id;
}

std::string decode_xml_text(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out.push_back(text[i]);
      continue;
    }
    const auto end = text.find(';', i);
    if (end == std::string_view::npos) {
      out.push_back('&');
      continue;
    }
    const auto entity = text.substr(i + 1, end - i - 1);
    if (entity == "amp") {
      out.push_back('&');
    } else if (entity == "apos") {
      out.push_back('\'');
    } else if (entity == "quot") {
      out.push_back('"');
    } else if (entity == "lt") {
      out.push_back('<');
    } else if (entity == "gt") {
      out.push_back('>');
    } else {
      out.append(text.substr(i, end - i + 1));
    }
    i = end;
  }
  return std::string(trim(out));
}

}  // namespace

void add_team_data(GazetteerBuilder& builder, const fs::path& data_dir,
                   const fs::path& iso_codes_json_dir) {
  const auto regions = read_regions(data_dir / "regions.tsv");
  add_countries(builder, data_dir / "countries.tsv");
  add_iso_countries(builder, iso_codes_json_dir / "iso_3166-1.json");
  add_iso_subdivisions(builder, iso_codes_json_dir / "iso_3166-2.json", regions);
  add_other_regions(builder, regions);
  add_cities(builder, data_dir / "cities.tsv");
  add_word_list(data_dir / "common_words.txt",
                [&](std::string_view word) { builder.add_common_word(word); });
  add_word_list(data_dir / "given_names.txt",
                [&](std::string_view name) { builder.add_given_name(name); });
}

void add_gweather_cities(GazetteerBuilder& builder, const fs::path& locations_xml) {
  const std::string xml = read_file(locations_xml);
  const std::string_view text = xml;
  enum class Expect { nothing, state_name, city_name } expect = Expect::nothing;
  std::string country;
  std::string region;
  bool capital = false;
  std::size_t pos = 0;
  while ((pos = text.find('<', pos)) != std::string_view::npos) {
    if (text.compare(pos, 4, "<!--") == 0) {
      const auto end = text.find("-->", pos);
      if (expect == Expect::city_name) {
        const auto comment = text.substr(pos, end - pos);
        capital = capital || comment.find("capital of") != std::string_view::npos;
      }
      pos = end == std::string_view::npos ? text.size() : end + 3;
      continue;
    }
    const auto tag_end = text.find('>', pos);
    if (tag_end == std::string_view::npos) break;
    const auto tag = text.substr(pos + 1, tag_end - pos - 1);
    const auto name_end = tag.find_first_of(" /");
    const auto tag_name = tag.substr(0, name_end);
    pos = tag_end + 1;
    if (tag_name == "country") {
      country.clear();
      region.clear();
    } else if (tag_name == "iso-code") {
      country = upper(trim(text.substr(pos, text.find('<', pos) - pos)));
    } else if (tag_name == "state") {
      region.clear();
      expect = Expect::state_name;
    } else if (tag_name == "/state") {
      region.clear();
    } else if (tag_name == "city") {
      expect = Expect::city_name;
      capital = false;
    } else if (tag_name == "_name" && expect != Expect::nothing) {
      const auto name = decode_xml_text(text.substr(pos, text.find('<', pos) - pos));
      if (expect == Expect::state_name) {
        const auto id = region_named(builder, name, country);
        region = id >= 0 ? builder.places()[id].code : std::string();
      } else if (!country.empty() && builder.place_with_code(country) >= 0) {
        add_or_merge_city(builder, {.name = name,
                                    .country = country,
                                    .code = {},
                                    .region = region,
                                    .kind = PlaceKind::city,
                                    .rank = capital ? place_rank::kCapital : place_rank::kTown});
      }
      expect = Expect::nothing;
    }
  }
}

void add_geonames(GazetteerBuilder& builder, const GeoNamesFiles& files) {
  std::unordered_map<std::string, std::string> capitals;  // country code -> capital's key
  if (!files.country_info.empty()) {
    const std::string text = read_text_file(files.country_info);
    for_each_row(
        files.country_info, text, [&](std::size_t, const std::vector<std::string_view>& fields) {
          require_fields(fields, 6);
          const std::string code = upper(trim(fields[0]));
          if (code.size() != 2) throw std::runtime_error("bad ISO code");
          std::int64_t id = builder.place_with_code(code);
          if (id < 0) {
            id = builder.add_place({.name = std::string(trim(fields[4])),
                                    .country = code,
                                    .code = code,
                                    .region = {},
                                    .kind = PlaceKind::country,
                                    .rank = place_rank::kCountry});
            builder.add_name(code, static_cast<std::uint32_t>(id), NameRole::code);
          }
          builder.add_name(trim(fields[4]), static_cast<std::uint32_t>(id), NameRole::name);
          builder.add_name(trim(fields[1]), static_cast<std::uint32_t>(id), NameRole::code);
          if (!trim(fields[5]).empty()) capitals[code] = place_key(trim(fields[5]));
        });
  }
  // GeoNames admin1 code ("US.GA", "AZ.09") -> the code of our region place.
  std::unordered_map<std::string, std::string> admin1;
  if (!files.admin1_codes.empty()) {
    const std::string text = read_text_file(files.admin1_codes);
    for_each_row(
        files.admin1_codes, text, [&](std::size_t, const std::vector<std::string_view>& fields) {
          require_fields(fields, 3);
          const auto key = trim(fields[0]);
          const auto dot = key.find('.');
          if (dot != 2) throw std::runtime_error("admin1 code must look like CC.CODE");
          const std::string country = upper(key.substr(0, 2));
          if (builder.place_with_code(country) < 0) return;
          const std::string iso = country + "-" + std::string(key.substr(3));
          std::int64_t id = builder.place_with_code(iso);
          if (id < 0) id = region_named(builder, trim(fields[1]), country);
          if (id < 0) id = region_named(builder, trim(fields[2]), country);
          if (id < 0) {
            id = builder.add_place({.name = std::string(trim(fields[1])),
                                    .country = country,
                                    .code = std::string(key),
                                    .region = {},
                                    .kind = PlaceKind::region,
                                    .rank = place_rank::kSubregion});
            builder.add_name(trim(fields[1]), static_cast<std::uint32_t>(id), NameRole::name);
            builder.add_name(trim(fields[2]), static_cast<std::uint32_t>(id), NameRole::name);
          }
          admin1[std::string(key)] = builder.places()[id].code;
        });
  }
  const std::string text = read_text_file(files.cities);
  for_each_row(files.cities, text, [&](std::size_t, const std::vector<std::string_view>& fields) {
    require_fields(fields, 15);
    const std::string country = upper(trim(fields[8]));
    if (builder.place_with_code(country) < 0) return;
    const auto admin1_code = trim(fields[10]);
    std::string region;
    if (const auto it = admin1.find(country + "." + std::string(admin1_code)); it != admin1.end()) {
      region = it->second;
    } else if (builder.place_with_code(country + "-" + std::string(admin1_code)) >= 0) {
      region = country + "-" + std::string(admin1_code);
    }
    std::uint64_t population = 0;
    const auto population_field = trim(fields[14]);
    std::from_chars(population_field.data(), population_field.data() + population_field.size(),
                    population);
    std::uint8_t rank = place_rank::kSmallTown;
    if (trim(fields[7]) == "PPLC") {
      rank = place_rank::kCapital;
    } else if (population >= 1'000'000) {
      rank = place_rank::kCity;
    } else if (population >= 100'000) {
      rank = place_rank::kTown;
    }
    const auto name = trim(fields[1]);
    const auto id = add_or_merge_city(builder, {.name = std::string(name),
                                                .country = country,
                                                .code = {},
                                                .region = region,
                                                .kind = PlaceKind::city,
                                                .rank = rank});
    builder.add_name(trim(fields[2]), id, NameRole::name);
    // Other names only for cities of a million or more, and only those written in Latin letters
    // with some lower case: the lists also hold airport codes and names in every language.
    if (population >= 1'000'000) {
      for (const auto other : split(fields[3], ',')) {
        const bool latin = std::all_of(other.begin(), other.end(), [](char c) {
          return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == ' ' || c == '-' ||
                 c == '\'' || c == '.';
        });
        if (latin && other.size() >= 4 && has_lower_ascii(other)) {
          builder.add_name(other, id, NameRole::name, /*weak=*/true);
        }
      }
    }
    if (const auto it = capitals.find(country);
        it != capitals.end() && it->second == place_key(name)) {
      builder.place(id).rank = std::max(builder.place(id).rank, place_rank::kCapital);
    }
  });
}

}  // namespace newsdex::detail

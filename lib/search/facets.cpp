#include "search/facets.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "schema/document_data.hpp"
#include "schema/schema.hpp"
#include "text/fold.hpp"

namespace newsdex {

std::string_view to_string(FacetField field) {
  switch (field) {
    case FacetField::speaker:
      return "speaker";
    case FacetField::place:
      return "place";
    case FacetField::country:
      return "country";
    case FacetField::source:
      return "source";
    case FacetField::year:
      return "year";
    case FacetField::month:
      return "month";
  }
  return "speaker";
}

std::optional<FacetField> parse_facet_field(std::string_view name) {
  for (const auto field : {FacetField::speaker, FacetField::place, FacetField::country,
                           FacetField::source, FacetField::year, FacetField::month}) {
    if (to_string(field) == name) return field;
  }
  return std::nullopt;
}

std::string_view to_string(TimelinePeriod period) {
  switch (period) {
    case TimelinePeriod::day:
      return "day";
    case TimelinePeriod::week:
      return "week";
    case TimelinePeriod::month:
      return "month";
    case TimelinePeriod::year:
      return "year";
  }
  return "day";
}

std::optional<TimelinePeriod> parse_timeline_period(std::string_view name) {
  for (const auto period :
       {TimelinePeriod::day, TimelinePeriod::week, TimelinePeriod::month, TimelinePeriod::year}) {
    if (to_string(period) == name) return period;
  }
  return std::nullopt;
}

}  // namespace newsdex

namespace newsdex::detail {

namespace {

using Counts = std::vector<std::pair<std::string, std::size_t>>;

// Value slots of a many-valued field that hold a value in at least one article. An article
// fills its slots from the first, so the used ones are a prefix of the field's range.
std::vector<unsigned> used_slots(const Xapian::Database& database, unsigned first) {
  std::vector<unsigned> slots;
  for (unsigned i = 0; i < schema::kFacetSlotsPerField; ++i) {
    if (database.get_value_freq(first + i) == 0) break;
    slots.push_back(first + i);
  }
  return slots;
}

std::vector<unsigned> slots_of(const Xapian::Database& database, FacetField field) {
  switch (field) {
    case FacetField::speaker:
      return used_slots(database, schema::kSpeakerSlots);
    case FacetField::place:
      return used_slots(database, schema::kPlaceSlots);
    case FacetField::country:
      return used_slots(database, schema::kCountrySlots);
    case FacetField::source:
      return {schema::kSourceSlot};
    case FacetField::year:
    case FacetField::month:
      break;
  }
  return {};
}

// A stored publication day "YYYYMMDD", or nullopt for anything else.
std::optional<Date> parse_compact(const std::string& value) {
  if (value.size() != 8) return std::nullopt;
  return Date::parse(value.substr(0, 4) + '-' + value.substr(4, 2) + '-' + value.substr(6, 2));
}

Date next_period(TimelinePeriod period, const Date& start) {
  switch (period) {
    case TimelinePeriod::day:
      return Date::from_days(start.days() + 1);
    case TimelinePeriod::week:
      return Date::from_days(start.days() + 7);
    case TimelinePeriod::month:
      return start.month == 12 ? Date{start.year + 1, 1, 1} : Date{start.year, start.month + 1, 1};
    case TimelinePeriod::year:
      return Date{start.year + 1, 1, 1};
  }
  return start;
}

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c != '"') out += c;
  }
  return out + '"';
}

std::string upper(std::string text) {
  for (auto& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

}  // namespace

std::string DisplayNames::lookup(const Xapian::Database& database, FacetField field,
                                 const std::string& key) {
  std::string_view prefix;
  switch (field) {
    case FacetField::speaker:
      prefix = schema::kSpeaker;
      break;
    case FacetField::place:
      prefix = schema::kPlace;
      break;
    case FacetField::source:
      prefix = schema::kSource;
      break;
    case FacetField::country:
      return upper(key);
    case FacetField::year:
    case FacetField::month:
      return key;
  }
  const std::string term = schema::value_term(prefix, key);
  {
    std::lock_guard lock(mutex_);
    if (const auto it = names_.find(term); it != names_.end()) return it->second;
  }
  std::string display = key;
  // The first article with the value, found by a match for one document rather than from the
  // term's posting list, which Xapian ships whole from a remote shard.
  Xapian::Enquire enquire(database);
  enquire.set_query(Xapian::Query(term));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::MSet first = enquire.get_mset(0, 1);
  if (!first.empty()) {
    const Article article = decode_document_data(first.begin().get_document().get_data());
    if (field == FacetField::source) {
      if (!article.source.empty()) display = article.source;
    } else {
      for (const auto& name : field == FacetField::speaker ? article.speakers : article.places) {
        if (normalize_value(name) == key) {
          display = name;
          break;
        }
      }
    }
  }
  constexpr std::size_t kMaxRemembered = 100000;
  std::lock_guard lock(mutex_);
  if (names_.size() >= kMaxRemembered) names_.clear();
  names_.emplace(term, display);
  return display;
}

std::string facet_filter(FacetField field, const std::string& display) {
  switch (field) {
    case FacetField::speaker:
      return "speaker:" + quoted(display);
    case FacetField::place:
      return "place:" + quoted(display);
    case FacetField::country:
      return "country:" + display;
    case FacetField::source:
      return "source:" + quoted(display);
    case FacetField::year:
    case FacetField::month:
      break;
  }
  return "date:" + display;
}

Date period_start(TimelinePeriod period, const Date& day) {
  switch (period) {
    case TimelinePeriod::day:
      return day;
    case TimelinePeriod::week:
      return Date::from_days(day.days() - (day.weekday() + 6) % 7);  // the Monday
    case TimelinePeriod::month:
      return Date{day.year, day.month, 1};
    case TimelinePeriod::year:
      return Date{day.year, 1, 1};
  }
  return day;
}

std::string period_name(TimelinePeriod period, const Date& start) {
  char buffer[16];
  switch (period) {
    case TimelinePeriod::day:
      return start.iso();
    case TimelinePeriod::week: {
      // ISO 8601: a week belongs to the year of its Thursday.
      const Date thursday = Date::from_days(start.days() + 3);
      const int week =
          static_cast<int>((thursday.days() - Date{thursday.year, 1, 1}.days()) / 7 + 1);
      std::snprintf(buffer, sizeof buffer, "%04d-W%02d", thursday.year, week);
      return buffer;
    }
    case TimelinePeriod::month:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d", start.year, start.month);
      return buffer;
    case TimelinePeriod::year:
      break;
  }
  std::snprintf(buffer, sizeof buffer, "%04d", start.year);
  return buffer;
}

void SlotRunSpy::operator()(const Xapian::Document& doc, double) {
  for (unsigned slot = first_; slot < end_; ++slot) {
    std::string value = doc.get_value(slot);
    if (value.empty()) return;
    ++counts_[std::move(value)];
  }
}

FacetCounter::Field::Field(FacetField counted, const std::vector<unsigned>& slots, bool remote)
    : field(counted) {
  if (slots.empty()) return;
  if (!remote) {
    run = std::make_unique<SlotRunSpy>(slots.front(), static_cast<unsigned>(slots.size()));
    return;
  }
  for (const unsigned slot : slots)
    per_slot.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(slot));
}

void FacetCounter::Field::attach(Xapian::Enquire& enquire) {
  if (run) enquire.add_matchspy(run.get());
  for (auto& spy : per_slot)
    enquire.add_matchspy(spy.get());
}

Counts FacetCounter::Field::counts() const {
  if (run) return {run->counts().begin(), run->counts().end()};
  std::unordered_map<std::string, std::size_t> merged;
  for (const auto& spy : per_slot) {
    for (auto it = spy->values_begin(); it != spy->values_end(); ++it)
      merged[*it] += it.get_termfreq();
  }
  return {merged.begin(), merged.end()};
}

FacetCounter::FacetCounter(const Xapian::Database& database, const std::vector<FacetField>& fields,
                           std::optional<TimelinePeriod> timeline, bool remote)
    : timeline_(timeline) {
  bool dates = timeline.has_value();
  for (const auto field : fields) {
    const bool seen = std::any_of(fields_.begin(), fields_.end(),
                                  [&](const Field& counted) { return counted.field == field; });
    if (seen) continue;
    if (field == FacetField::year || field == FacetField::month) {
      dates = true;
      fields_.emplace_back(field, std::vector<unsigned>{}, remote);
      continue;
    }
    fields_.emplace_back(field, slots_of(database, field), remote);
  }
  if (dates) dates_.emplace(FacetField::year, std::vector<unsigned>{schema::kDateSlot}, remote);
}

void FacetCounter::attach(Xapian::Enquire& enquire) {
  for (auto& field : fields_)
    field.attach(enquire);
  if (dates_) dates_->attach(enquire);
}

Counts FacetCounter::date_counts(FacetField field) const {
  std::map<std::string, std::size_t> merged;
  for (const auto& [day, count] : dates_->counts()) {
    if (day.size() != 8) continue;
    merged[field == FacetField::year ? day.substr(0, 4)
                                     : day.substr(0, 4) + '-' + day.substr(4, 2)] += count;
  }
  return {merged.begin(), merged.end()};
}

std::vector<Facet> FacetCounter::facets(const Xapian::Database& database, std::size_t limit,
                                        DisplayNames& names) const {
  std::vector<Facet> facets;
  for (const auto& field : fields_) {
    Counts counts = (field.field == FacetField::year || field.field == FacetField::month)
                        ? date_counts(field.field)
                        : field.counts();
    Facet facet;
    facet.field = field.field;
    facet.distinct = counts.size();
    const std::size_t shown = std::min(limit, counts.size());
    std::partial_sort(counts.begin(), counts.begin() + static_cast<std::ptrdiff_t>(shown),
                      counts.end(), [](const auto& a, const auto& b) {
                        return a.second != b.second ? a.second > b.second : a.first < b.first;
                      });
    for (std::size_t i = 0; i < shown; ++i) {
      FacetValue value;
      value.value = names.lookup(database, field.field, counts[i].first);
      value.count = counts[i].second;
      value.filter = facet_filter(field.field, value.value);
      facet.values.push_back(std::move(value));
    }
    facets.push_back(std::move(facet));
  }
  return facets;
}

std::vector<TimelineBucket> FacetCounter::timeline() const {
  std::vector<TimelineBucket> buckets;
  if (!timeline_ || !dates_) return buckets;
  std::map<long, std::size_t> per_period;  // days of the period's start -> count
  for (const auto& [value, count] : dates_->counts()) {
    const auto day = parse_compact(value);
    if (day) per_period[period_start(*timeline_, *day).days()] += count;
  }
  if (per_period.empty()) return buckets;
  const Date last = Date::from_days(per_period.rbegin()->first);
  for (Date start = Date::from_days(per_period.begin()->first); start <= last;
       start = next_period(*timeline_, start)) {
    const auto it = per_period.find(start.days());
    buckets.push_back(
        {period_name(*timeline_, start), start, it == per_period.end() ? 0 : it->second});
  }
  return buckets;
}

}  // namespace newsdex::detail

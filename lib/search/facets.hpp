// Facets and timelines: counts of field values over every matching article, taken with Xapian's
// own ValueCountMatchSpy (one per value slot of a field, see lib/schema), so that the same
// counting runs unchanged on remote shards served by stock xapian-tcpsrv.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include <newsdex/index.hpp>

namespace newsdex::detail {

// What results show for a normalised facet value ("leyla abdullayeva" -> "Leyla Abdullayeva"),
// read from a stored article that has the value and remembered. Thread-safe.
class DisplayNames {
 public:
  std::string lookup(const Xapian::Database& database, FacetField field, const std::string& key);

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, std::string> names_;
};

// The query filter that selects the articles with a facet value, e.g. speaker:"Marta Soto".
std::string facet_filter(FacetField field, const std::string& display);

// The first day of the period holding `day`, and the period's name ("2022-W46").
Date period_start(TimelinePeriod period, const Date& day);
std::string period_name(TimelinePeriod period, const Date& start);

// Counts the values of the requested fields over a match. Not thread-safe: one per search.
class FacetCounter {
 public:
  // Looks up which value slots the index uses, so no spy reads a slot that is empty everywhere.
  FacetCounter(const Xapian::Database& database, const std::vector<FacetField>& fields,
               std::optional<TimelinePeriod> timeline);

  // Whether anything is to be counted; when not, attach() adds nothing.
  bool empty() const { return fields_.empty() && !timeline_; }

  // Adds the spies to `enquire`; they count during its next get_mset, which must consider every
  // match (check_at_least of at least the number of articles) for the counts to be exact.
  void attach(Xapian::Enquire& enquire);

  std::vector<Facet> facets(const Xapian::Database& database, std::size_t limit,
                            DisplayNames& names) const;
  std::vector<TimelineBucket> timeline() const;

 private:
  struct Field {
    FacetField field;
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
  };
  // Value -> count summed over the spies of a field.
  std::vector<std::pair<std::string, std::size_t>> counts(const Field& field) const;
  std::vector<std::pair<std::string, std::size_t>> date_counts(FacetField field) const;

  std::vector<Field> fields_;
  std::optional<TimelinePeriod> timeline_;
  std::unique_ptr<Xapian::ValueCountMatchSpy>
      dates_;  // publication days, for year, month, timeline
};

}  // namespace newsdex::detail

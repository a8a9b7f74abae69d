// Facets and timelines: counts of field values over every matching article, taken during the
// match by match spies on the fields' value slots (see lib/schema). In this process a spy of
// our own counts a whole field; remote shards, served by stock xapian-tcpsrv, run Xapian's own
// ValueCountMatchSpy, one per value slot.
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

// Counts, over a match, the values each article keeps in the value slots first, first + 1, ...
// up to its first empty one, which is how lib/schema fills a many-valued field: an article with
// 3 places costs 4 value reads however many slots the busiest article fills. A spy of ours, so
// remote servers cannot run it.
class SlotRunSpy : public Xapian::MatchSpy {
 public:
  SlotRunSpy(unsigned first, unsigned count) : first_(first), end_(first + count) {}

  void operator()(const Xapian::Document& doc, double weight) override;

  const std::unordered_map<std::string, Xapian::doccount>& counts() const { return counts_; }

 private:
  unsigned first_;
  unsigned end_;
  std::unordered_map<std::string, Xapian::doccount> counts_;
};

// Counts the values of the requested fields over a match. Not thread-safe: one per search.
class FacetCounter {
 public:
  // Looks up which value slots the index uses, so no spy reads a slot that is empty everywhere.
  // With `remote`, counts with Xapian's own spies only, which remote shards can run.
  FacetCounter(const Xapian::Database& database, const std::vector<FacetField>& fields,
               std::optional<TimelinePeriod> timeline, bool remote);

  // Whether anything is to be counted; when not, attach() adds nothing.
  bool empty() const { return fields_.empty() && !timeline_; }

  // Adds the spies to `enquire`; they count during its next get_mset, which must consider every
  // match (check_at_least of at least the number of articles) for the counts to be exact.
  void attach(Xapian::Enquire& enquire);

  std::vector<Facet> facets(const Xapian::Database& database, std::size_t limit,
                            DisplayNames& names) const;
  std::vector<TimelineBucket> timeline() const;

 private:
  // One field's spies: ours, or for remote shards one of Xapian's per slot.
  struct Field {
    FacetField field;
    std::unique_ptr<SlotRunSpy> run;
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> per_slot;

    Field(FacetField counted, const std::vector<unsigned>& slots, bool remote);
    void attach(Xapian::Enquire& enquire);
    // Value -> count over the whole match, in no particular order.
    std::vector<std::pair<std::string, std::size_t>> counts() const;
  };
  std::vector<std::pair<std::string, std::size_t>> date_counts(FacetField field) const;

  std::vector<Field> fields_;
  std::optional<TimelinePeriod> timeline_;
  std::optional<Field> dates_;  // publication days, for year, month, timeline
};

}  // namespace newsdex::detail

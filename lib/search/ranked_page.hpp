// One page of hits ranked by relevance with ties broken by the newest publication date, as
// Xapian's set_sort_by_relevance_then_value(date slot, newest first) orders them, but cheaper.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace newsdex::detail {

struct RankedPage {
  Xapian::MSet mset;                       // holds the hits; totals come from here
  std::vector<Xapian::MSetIterator> hits;  // the page, in result order
  // Each hit's value in the group slot of copies when the ranking already read it, else empty.
  std::vector<std::string> group_keys;
};

// Hits [offset, offset + limit) of `enquire`'s query by relevance, ties broken by the value in
// `date_slot`, newest first, then by document id. Xapian's own tie-break reads the date of
// every candidate the matcher considers, which makes a one-word search about half again as
// slow; so this asks Xapian for plain relevance order with one hit more before the page and
// some after it, and orders the ties itself, reading the dates of tied hits only (from their
// documents: on the date slot, where every article has a value, that is a little faster than
// its value stream). Ties are runs of articles with one text (copies too many days apart to
// be grouped as one story), so a run the page ends in is ranked to its end, ranking 4 times
// more hits while it does not end among them. Xapian's tie-break runs only for a run that
// began before the page, one of weight 0 (a pure filter) or one longer than 4,096 hits, and
// always when `enquire` collapses (`collapsing`): its collapse keeps the first article of
// each group in the order the match sorts by, which must then be newest first already.
// `check_at_least` is passed on to Enquire::get_mset.
RankedPage relevance_then_newest(Xapian::Enquire& enquire, Xapian::valueno date_slot,
                                 Xapian::doccount offset, Xapian::doccount limit,
                                 bool collapsing = false, Xapian::doccount check_at_least = 0);

// How to read the values of a few hits. A local database streams a slot's values in docid
// order, several times cheaper than looking each document's value up afresh in the B-tree; a
// remote one has no value streams, and Xapian emulates them by fetching every document of the
// database in turn, one round trip each, so there the hits' documents are read instead.
enum class ValueReads { streamed, per_document };

// The value in `slot` of each of `hits` (empty where there is none).
std::vector<std::string> values_in_slot(const Xapian::Database& database, Xapian::valueno slot,
                                        const std::vector<Xapian::MSetIterator>& hits,
                                        ValueReads reads);

// A page of stories: hits of a ranking with the copies of a story (articles sharing a non-empty
// value in the group slot) dropped after the best of them, and what the window of ranked
// articles they were picked from says about the whole match.
struct StoryPage {
  RankedPage page;                  // page.mset: the window, uncollapsed
  std::size_t window_articles = 0;  // articles in the window
  std::size_t window_stories = 0;   // stories among them
  bool whole_match = false;         // the window held every matching article
};

// The top `count` articles of a ranking, in result order.
using RankTop = std::function<RankedPage(Xapian::doccount count)>;

// Stories [offset, offset + limit) of the ranking `rank_top` gives, collapsed after ranking:
// Xapian's Enquire::set_collapse_key reads the group of every candidate and raises its weight
// threshold more slowly, which makes a one-word search about twice as slow, while copies are
// few among the top hits of a news archive. Ranks a window a little larger than the page, and a
// larger one if copies filled it; nullopt when even that held too few stories, for the caller
// to collapse with Xapian. For local databases: it streams the window's groups.
std::optional<StoryPage> collapse_after_ranking(const RankTop& rank_top,
                                                const Xapian::Database& database,
                                                Xapian::valueno group_slot, Xapian::doccount offset,
                                                Xapian::doccount limit);

}  // namespace newsdex::detail

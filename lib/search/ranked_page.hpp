// One page of hits ranked by relevance with ties broken by the newest publication date, as
// Xapian's set_sort_by_relevance_then_value(date slot, newest first) orders them, but cheaper.
#pragma once

#include <vector>

#include <xapian.h>

namespace newsdex::detail {

struct RankedPage {
  Xapian::MSet mset;                       // holds the hits; totals come from here
  std::vector<Xapian::MSetIterator> hits;  // the page, in result order
};

// Hits [offset, offset + limit) of `enquire`'s query by relevance, ties broken by the value in
// `date_slot`, newest first, then by document id. Xapian's own tie-break reads the date of
// every candidate the matcher considers, which makes a one-word search about half again as
// slow; BM25 weights of different articles rarely tie, so this asks Xapian for plain relevance
// order with one hit more on either side of the page, orders the ties inside the page itself,
// and only when a tie crosses an edge of the page (an empty query, a pure filter) runs the
// query again with Xapian's tie-break. `check_at_least` is passed on to Enquire::get_mset.
RankedPage relevance_then_newest(Xapian::Enquire& enquire, Xapian::valueno date_slot,
                                 Xapian::doccount offset, Xapian::doccount limit,
                                 Xapian::doccount check_at_least = 0);

}  // namespace newsdex::detail

#include "search/ranked_page.hpp"

#include <algorithm>
#include <string>
#include <unordered_set>

namespace newsdex::detail {

namespace {

// Hits [offset, offset + limit) with Xapian's own tie-break, which reads the date of every
// candidate.
RankedPage sorted_by_xapian(Xapian::Enquire& enquire, Xapian::valueno date_slot,
                            Xapian::doccount offset, Xapian::doccount limit,
                            Xapian::doccount check_at_least) {
  RankedPage page;
  enquire.set_sort_by_relevance_then_value(date_slot, true);
  page.mset = enquire.get_mset(offset, limit, check_at_least);
  for (auto it = page.mset.begin(); it != page.mset.end(); ++it)
    page.hits.push_back(it);
  return page;
}

}  // namespace

RankedPage relevance_then_newest(Xapian::Enquire& enquire, Xapian::valueno date_slot,
                                 Xapian::doccount offset, Xapian::doccount limit, bool collapsing,
                                 Xapian::doccount check_at_least) {
  if (collapsing) return sorted_by_xapian(enquire, date_slot, offset, limit, check_at_least);
  // Hits ranked after the page, for a run of equal weights that the page ends in to end
  // there too: copies of one text tie, and in an archive there are runs of several.
  constexpr std::size_t kRoomAfterPage = 8;
  // Beyond this many hits ranked, Xapian's tie-break is the cheaper.
  constexpr std::size_t kMaxRanked = 4096;
  const Xapian::doccount first = offset > 0 ? offset - 1 : 0;
  const std::size_t page_start = offset - first;
  std::size_t wanted = page_start + std::size_t{limit} + kRoomAfterPage;
  for (;;) {
    RankedPage page;
    enquire.set_sort_by_relevance();
    page.mset = enquire.get_mset(first, static_cast<Xapian::doccount>(wanted), check_at_least);
    std::vector<Xapian::MSetIterator> ranked;
    for (auto it = page.mset.begin(); it != page.mset.end(); ++it)
      ranked.push_back(it);
    const std::size_t page_end = std::min<std::size_t>(ranked.size(), page_start + limit);
    if (page_start >= page_end) return page;

    const double last_weight = ranked[page_end - 1].get_weight();
    std::size_t run_end = page_end;
    while (run_end < ranked.size() && ranked[run_end].get_weight() == last_weight)
      ++run_end;
    const bool run_ends_inside = run_end < ranked.size() || ranked.size() < wanted;
    // A run that began before the page, or of weight 0 (a pure filter, where every match ties),
    // or longer than we would rank, is left to Xapian.
    const bool tie_before =
        page_start > 0 && ranked[page_start - 1].get_weight() == ranked[page_start].get_weight();
    if (tie_before || last_weight == 0 || (!run_ends_inside && wanted * 4 > kMaxRanked)) {
      return sorted_by_xapian(enquire, date_slot, offset, limit, check_at_least);
    }
    if (!run_ends_inside) {
      wanted *= 4;
      continue;
    }

    // The page and the rest of the run it ends in, ordered by weight, then newest, then docid;
    // only the dates of tied hits are read.
    std::vector<Xapian::MSetIterator> candidates(
        ranked.begin() + static_cast<std::ptrdiff_t>(page_start),
        ranked.begin() + static_cast<std::ptrdiff_t>(run_end));
    std::vector<std::string> dates(candidates.size());
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      const double weight = candidates[i].get_weight();
      if ((i > 0 && candidates[i - 1].get_weight() == weight) ||
          (i + 1 < candidates.size() && candidates[i + 1].get_weight() == weight)) {
        dates[i] = candidates[i].get_document().get_value(date_slot);
      }
    }
    std::vector<std::size_t> order(candidates.size());
    for (std::size_t i = 0; i < order.size(); ++i)
      order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      if (candidates[a].get_weight() != candidates[b].get_weight()) {
        return candidates[a].get_weight() > candidates[b].get_weight();
      }
      if (dates[a] != dates[b]) return dates[a] > dates[b];
      return *candidates[a] < *candidates[b];
    });
    order.resize(page_end - page_start);
    for (const std::size_t i : order)
      page.hits.push_back(candidates[i]);
    return page;
  }
}

std::vector<std::string> values_in_slot(const Xapian::Database& database, Xapian::valueno slot,
                                        const std::vector<Xapian::MSetIterator>& hits,
                                        ValueReads reads) {
  std::vector<std::string> values(hits.size());
  if (hits.empty()) return values;  // opening a value stream costs B-tree reads
  if (reads == ValueReads::per_document) {
    for (std::size_t i = 0; i < hits.size(); ++i)
      values[i] = hits[i].get_document().get_value(slot);
    return values;
  }
  std::vector<std::pair<Xapian::docid, std::size_t>> by_docid;
  for (std::size_t i = 0; i < hits.size(); ++i)
    by_docid.emplace_back(*hits[i], i);
  std::sort(by_docid.begin(), by_docid.end());
  Xapian::ValueIterator stream = database.valuestream_begin(slot);
  const Xapian::ValueIterator end = database.valuestream_end(slot);
  for (const auto& [docid, position] : by_docid) {
    if (stream == end) break;
    stream.skip_to(docid);
    if (stream != end && stream.get_docid() == docid) values[position] = *stream;
  }
  return values;
}

namespace {

// The stories of `window` in order, the first article of each; stops once `wanted` are found.
StoryPage pick_stories(RankedPage window, const Xapian::Database& database,
                       Xapian::valueno group_slot, std::size_t wanted) {
  const std::vector<std::string> group_of =
      values_in_slot(database, group_slot, window.hits, ValueReads::streamed);
  StoryPage stories;
  stories.window_articles = window.hits.size();
  std::unordered_set<std::string> groups;
  std::vector<Xapian::MSetIterator> picked;
  std::vector<std::string> picked_keys;
  for (std::size_t i = 0; i < window.hits.size(); ++i) {
    if (!group_of[i].empty() && !groups.insert(group_of[i]).second) continue;
    picked.push_back(window.hits[i]);
    picked_keys.push_back(group_of[i]);
  }
  stories.window_stories = picked.size();
  if (picked.size() > wanted) {
    picked.resize(wanted);
    picked_keys.resize(wanted);
  }
  stories.page.mset = std::move(window.mset);
  stories.page.hits = std::move(picked);
  stories.page.group_keys = std::move(picked_keys);
  return stories;
}

}  // namespace

std::optional<StoryPage> collapse_after_ranking(const RankTop& rank_top,
                                                const Xapian::Database& database,
                                                Xapian::valueno group_slot, Xapian::doccount offset,
                                                Xapian::doccount limit) {
  const std::size_t wanted = std::size_t{offset} + limit;
  // Beyond this many articles per story wanted, Xapian's own collapse is the cheaper.
  constexpr std::size_t kMaxWindowPerStory = 20;
  // Room for a few copies among the best hits: every article ranked beyond the page raises the
  // matcher's work (it keeps a lower weight threshold), and a window that copies fill is widened.
  std::size_t window = wanted + wanted / 2 + 5;
  for (int attempt = 0; attempt < 2; ++attempt) {
    RankedPage ranked = rank_top(static_cast<Xapian::doccount>(window));
    const bool whole_match = ranked.hits.size() < window;
    StoryPage stories = pick_stories(std::move(ranked), database, group_slot, wanted);
    stories.whole_match = whole_match;
    if (whole_match || stories.page.hits.size() >= wanted) {
      // The page proper: the stories before it were picked only to know which to skip.
      const auto skipped =
          static_cast<std::ptrdiff_t>(std::min<std::size_t>(offset, stories.page.hits.size()));
      stories.page.hits.erase(stories.page.hits.begin(), stories.page.hits.begin() + skipped);
      stories.page.group_keys.erase(stories.page.group_keys.begin(),
                                    stories.page.group_keys.begin() + skipped);
      return stories;
    }
    // Copies filled the window: widen it by the share of copies seen, with room to spare.
    const std::size_t per_story = (stories.window_articles + stories.window_stories - 1) /
                                  std::max<std::size_t>(1, stories.window_stories);
    if (per_story > kMaxWindowPerStory) break;
    window = wanted * per_story * 3 / 2 + 10;
  }
  return std::nullopt;
}

}  // namespace newsdex::detail

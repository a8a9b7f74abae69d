#include "search/ranked_page.hpp"

#include <algorithm>
#include <string>
#include <unordered_set>

namespace newsdex::detail {

RankedPage relevance_then_newest(Xapian::Enquire& enquire, Xapian::valueno date_slot,
                                 Xapian::doccount offset, Xapian::doccount limit,
                                 Xapian::doccount check_at_least) {
  RankedPage page;
  const Xapian::doccount first = offset > 0 ? offset - 1 : 0;
  enquire.set_sort_by_relevance();
  page.mset = enquire.get_mset(first, limit + 1 + (offset - first), check_at_least);

  std::vector<Xapian::MSetIterator> all;
  for (auto it = page.mset.begin(); it != page.mset.end(); ++it)
    all.push_back(it);
  const std::size_t page_start = offset - first;
  const std::size_t page_end = std::min<std::size_t>(all.size(), page_start + limit);
  if (page_start >= page_end) return page;

  const bool tie_before =
      page_start > 0 && all[page_start - 1].get_weight() == all[page_start].get_weight();
  const bool tie_after =
      page_end < all.size() && all[page_end].get_weight() == all[page_end - 1].get_weight();
  if (tie_before || tie_after) {
    enquire.set_sort_by_relevance_then_value(date_slot, true);
    page.mset = enquire.get_mset(offset, limit, check_at_least);
    for (auto it = page.mset.begin(); it != page.mset.end(); ++it)
      page.hits.push_back(it);
    return page;
  }

  page.hits.assign(all.begin() + static_cast<std::ptrdiff_t>(page_start),
                   all.begin() + static_cast<std::ptrdiff_t>(page_end));
  // Runs of equal weight inside the page: newest first, then by document id.
  for (std::size_t start = 0; start < page.hits.size();) {
    std::size_t end = start + 1;
    while (end < page.hits.size() && page.hits[end].get_weight() == page.hits[start].get_weight())
      ++end;
    if (end - start > 1) {
      std::vector<std::pair<std::string, Xapian::MSetIterator>> run;
      for (std::size_t i = start; i < end; ++i)
        run.emplace_back(page.hits[i].get_document().get_value(date_slot), page.hits[i]);
      std::stable_sort(run.begin(), run.end(), [](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first > b.first;
        return *a.second < *b.second;
      });
      for (std::size_t i = start; i < end; ++i)
        page.hits[i] = run[i - start].second;
    }
    start = end;
  }
  return page;
}

std::vector<std::string> values_in_slot(const Xapian::Database& database, Xapian::valueno slot,
                                        const std::vector<Xapian::MSetIterator>& hits,
                                        ValueReads reads) {
  std::vector<std::string> values(hits.size());
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
  std::size_t window = 2 * wanted + 10;
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

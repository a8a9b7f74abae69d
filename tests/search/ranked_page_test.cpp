// relevance_then_newest() must give exactly the order of Xapian's
// set_sort_by_relevance_then_value(date, newest first), for every page of every query.
#include "search/ranked_page.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "support/temp_dir.hpp"

namespace newsdex::detail {
namespace {

constexpr Xapian::valueno kDate = 0;

// Many documents tie: the same text under several dates (and some dates twice), among others
// whose weights differ, and one text 150 times, a run longer than the hits ranked at first.
Xapian::Database tie_heavy_database(const std::string& path) {
  Xapian::WritableDatabase database(path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator generator;
  const std::vector<std::string> texts = {
      "harbour cranes idle",
      "harbour cranes idle",
      "harbour strike enters third week harbour",
      "cranes",
      "harbour",
      "harbour cranes idle again as harbour talks stall",
  };
  for (int i = 0; i < 210; ++i) {
    Xapian::Document document;
    generator.set_document(document);
    generator.index_text(i < 60 ? texts[static_cast<std::size_t>(i) % texts.size()]
                                : "harbour talks");
    // Dates repeat, and some documents have none.
    if (i % 7 != 3) document.add_value(kDate, "2022" + std::to_string(10 + (i * 37) % 13) + "01");
    database.add_document(document);
  }
  database.commit();
  return Xapian::Database(path);
}

std::vector<Xapian::docid> expected_page(Xapian::Enquire& enquire, Xapian::doccount offset,
                                         Xapian::doccount limit) {
  enquire.set_sort_by_relevance_then_value(kDate, true);
  std::vector<Xapian::docid> ids;
  const Xapian::MSet mset = enquire.get_mset(offset, limit);
  for (auto it = mset.begin(); it != mset.end(); ++it)
    ids.push_back(*it);
  return ids;
}

TEST(RankedPage, SameOrderAsXapiansTieBreakOnEveryPage) {
  testing::TempDir dir;
  const Xapian::Database database = tie_heavy_database((dir / "db").string());
  const std::vector<Xapian::Query> queries = {
      Xapian::Query("harbour"),
      Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("harbour"), Xapian::Query("cranes")),
      Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("harbour"), Xapian::Query("cranes")),
      Xapian::Query::MatchAll,
      Xapian::Query("zeppelin"),
      Xapian::Query("talks"),
  };
  std::size_t pages_with_inner_ties = 0;
  for (const auto& query : queries) {
    Xapian::Enquire enquire(database);
    enquire.set_query(query);
    for (Xapian::doccount offset = 0; offset <= 212; offset += offset < 62 ? 1 : 5) {
      for (const Xapian::doccount limit : {1u, 2u, 3u, 5u, 10u, 100u}) {
        const auto expected = expected_page(enquire, offset, limit);
        const RankedPage page = relevance_then_newest(enquire, kDate, offset, limit);
        std::vector<Xapian::docid> got;
        for (const auto& hit : page.hits)
          got.push_back(*hit);
        ASSERT_EQ(got, expected) << query.get_description() << " offset " << offset << " limit "
                                 << limit;
        for (std::size_t i = 1; i < page.hits.size(); ++i)
          pages_with_inner_ties += page.hits[i].get_weight() == page.hits[i - 1].get_weight();
      }
    }
  }
  EXPECT_GT(pages_with_inner_ties, 100u) << "the fixture must exercise ties inside pages";
}

}  // namespace
}  // namespace newsdex::detail

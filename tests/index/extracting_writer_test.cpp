// IndexWriter with extraction (WriterOptions::extract, the default): what the text says joins
// what the article lists, on add() and on add_batch()'s worker threads alike.
#include <algorithm>
#include <vector>

#include <gtest/gtest.h>

#include <newsdex/index.hpp>
#include <newsdex/index_writer.hpp>

#include "support/temp_dir.hpp"

namespace newsdex {
namespace {

Article statement() {
  return Article{.id = "statement",
                 .date = Date::parse("2022-12-01"),
                 .title = "Baku rejects resolution",
                 .body =
                     "On Nov. 16, Azerbaijan rebuffed a resolution on Lachin, said Leyla "
                     "Abdullayeva, the ambassador.",
                 .speakers = {"Marta Soto"},
                 .places = {"UK", "Valparaíso", "Atlantis Bay", "azerbaijan"}};
}

std::vector<std::string> ids(const Index& index, const std::string& query) {
  std::vector<std::string> found;
  for (const auto& hit : index.search({.query = query, .limit = 100}).hits)
    found.push_back(hit.id);
  std::sort(found.begin(), found.end());
  return found;
}

class ExtractingWriter : public ::testing::TestWithParam<bool> {
 protected:
  // Indexes `articles` with add() or, for the parameter true, add_batch() on four threads.
  Index index(const std::vector<Article>& articles, WriterOptions options = {}) {
    options.threads = 4;
    auto writer = IndexWriter::open(dir_ / "db", options);
    if (GetParam()) {
      writer.add_batch(articles);
    } else {
      for (const auto& article : articles)
        writer.add(article);
    }
    writer.commit();
    return Index::open(dir_ / "db");
  }

  testing::TempDir dir_;
};

TEST_P(ExtractingWriter, IndexesWhatTheTextSaysWithWhatTheArticleLists) {
  const auto index = this->index({statement()});
  for (const char* query :
       {"speaker:abdullayeva", "speaker:soto", "place:lachin", "country:az", "country:azerbaijan",
        "mentioned:2022-11-16", "place:\"united kingdom\"", "country:gb", "country:uk",
        "place:\"atlantis bay\""}) {
    EXPECT_EQ(ids(index, query), std::vector<std::string>{"statement"}) << query;
  }
  const auto hit = index.get("statement");
  ASSERT_TRUE(hit);
  // The article's own lists come first; names the gazetteer knows take its canonical form,
  // also a name given in lower case, unless they carry diacritics the gazetteer's lacks;
  // unknown ones stay as given.
  EXPECT_EQ(hit->speakers, (std::vector<std::string>{"Marta Soto", "Leyla Abdullayeva"}));
  ASSERT_GE(hit->places.size(), 5u);
  EXPECT_EQ(
      std::vector<std::string>(hit->places.begin(), hit->places.begin() + 4),
      (std::vector<std::string>{"United Kingdom", "Valparaíso", "Atlantis Bay", "Azerbaijan"}));
  EXPECT_NE(std::find(hit->places.begin(), hit->places.end(), "Lachin"), hit->places.end());
}

TEST_P(ExtractingWriter, ExtractionOffIndexesOnlyWhatTheArticleLists) {
  const auto index = this->index({statement()}, {.extract = false});
  EXPECT_EQ(ids(index, "speaker:soto"), std::vector<std::string>{"statement"});
  EXPECT_EQ(ids(index, "place:UK"), std::vector<std::string>{"statement"});
  for (const char* query : {"speaker:abdullayeva", "place:lachin", "country:az", "country:gb",
                            "mentioned:2022-11-16"}) {
    EXPECT_TRUE(ids(index, query).empty()) << query;
  }
  EXPECT_EQ(index.get("statement")->places,
            (std::vector<std::string>{"UK", "Valparaíso", "Atlantis Bay", "azerbaijan"}));
}

TEST_P(ExtractingWriter, ExtractOptionsChooseWhatIsFound) {
  const auto index =
      this->index({statement()}, {.extraction = {.speakers = false, .dates = false}});
  EXPECT_TRUE(ids(index, "speaker:abdullayeva").empty());
  EXPECT_TRUE(ids(index, "mentioned:2022-11-16").empty());
  EXPECT_EQ(ids(index, "place:lachin"), std::vector<std::string>{"statement"});
}

TEST_P(ExtractingWriter, AGivenPlaceTakesTheReadingTheTextSupports) {
  Article atlanta{.id = "atlanta",
                  .date = Date::parse("2022-12-01"),
                  .body = "Voters in Atlanta queued for hours, officials said.",
                  .places = {"Georgia"}};
  Article tbilisi{.id = "tbilisi",
                  .date = Date::parse("2022-12-01"),
                  .body = "Protesters gathered in Tbilisi, the capital of Georgia.",
                  .places = {"Georgia"}};
  const auto index = this->index({atlanta, tbilisi});
  EXPECT_EQ(ids(index, "country:us"), std::vector<std::string>{"atlanta"});
  EXPECT_EQ(ids(index, "country:ge"), std::vector<std::string>{"tbilisi"});
}

TEST_P(ExtractingWriter, ReindexingWithExtractionReplacesArticlesIndexedWithout) {
  { this->index({statement()}, {.extract = false}); }
  auto writer = IndexWriter::open(dir_ / "db");
  EXPECT_EQ(writer.add(statement()), AddOutcome::replaced);
  EXPECT_EQ(writer.add(statement()), AddOutcome::unchanged);
}

INSTANTIATE_TEST_SUITE_P(AddAndAddBatch, ExtractingWriter, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "add_batch" : "add"; });

}  // namespace
}  // namespace newsdex

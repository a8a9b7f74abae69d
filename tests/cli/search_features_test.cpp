// searchtool's research features on indexes built from the fixtures: copies of a story
// (tests/data/duplicates, see its README), in text and in JSON.
#include <filesystem>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace newsdex {
namespace {

using testing::CommandResult;

const std::string kArticles = std::string(NEWSDEX_TEST_DATA) + "/articles";
const std::string kCopies = std::string(NEWSDEX_TEST_DATA) + "/duplicates";

CommandResult searchtool(const std::vector<std::string>& args) {
  return testing::run_command(SEARCHTOOL_PATH, args, "");
}

class SearchFeatures : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = (dir_ / "db").string();
    const auto result = searchtool({"index", "--db", db_, kArticles, kCopies});
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }

  CommandResult run(const std::string& command, std::vector<std::string> args) {
    args.insert(args.begin(), {command, "--db", db_});
    auto result = searchtool(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result;
  }

  nlohmann::json json(const std::string& command, std::vector<std::string> args) {
    args.push_back("--json");
    return nlohmann::json::parse(run(command, std::move(args)).out);
  }

  testing::TempDir dir_;
  std::string db_;
};

TEST_F(SearchFeatures, CopiesOfAStoryAreOneHitInJson) {
  const auto results = json("query", {"pilots date:2022-05"});
  EXPECT_EQ(results["total"], 2);
  ASSERT_EQ(results["hits"].size(), 2u);
  std::set<std::string> story;
  for (const auto& hit : results["hits"]) {
    if (hit["id"] == "fjw-2022-05-12-pilots-talks") {
      EXPECT_EQ(hit["duplicates"], 0);
      EXPECT_EQ(hit["duplicate_ids"], nlohmann::json::array());
      continue;
    }
    EXPECT_EQ(hit["duplicates"], 2);
    story.insert(hit["id"].get<std::string>());
    for (const auto& id : hit["duplicate_ids"])
      story.insert(id.get<std::string>());
  }
  EXPECT_EQ(story, (std::set<std::string>{"fjw-2022-05-10-pilots", "cc-2022-05-10-017",
                                          "herald-0511-bergen-pilots"}));

  const auto all = json("query", {"--no-collapse", "pilots date:2022-05"});
  EXPECT_EQ(all["total"], 4);
  EXPECT_EQ(all["hits"].size(), 4u);
  EXPECT_EQ(all["hits"][0]["duplicates"], 0);
}

TEST_F(SearchFeatures, CopiesAreListedUnderTheirHitInText) {
  const auto text = run("query", {"--snippet-bytes", "0", "freighters"});
  EXPECT_NE(text.out.find("1 article matches \"freighters\" (showing 1-1)"), std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("    + 2 copies: "), std::string::npos) << text.out;
  const auto all = run("query", {"--snippet-bytes", "0", "--no-collapse", "freighters"});
  EXPECT_NE(all.out.find("3 articles match \"freighters\" (showing 1-3)"), std::string::npos)
      << all.out;
  EXPECT_EQ(all.out.find(" copies: "), std::string::npos) << all.out;
}

TEST_F(SearchFeatures, IndexingCanLeaveCopiesUngrouped) {
  const std::string other = (dir_ / "ungrouped").string();
  ASSERT_EQ(searchtool({"index", "--db", other, "--no-duplicates", kCopies}).exit_code, 0);
  const auto results =
      nlohmann::json::parse(searchtool({"query", "--db", other, "--json", "freighters"}).out);
  EXPECT_EQ(results["total"], 3);
  EXPECT_EQ(results["hits"][0]["duplicates"], 0);
}

TEST_F(SearchFeatures, FacetsCountEveryCopy) {
  const auto results = json("query", {"--facets", "source", "freighters"});
  EXPECT_EQ(results["hits"].size(), 1u);
  EXPECT_EQ(results["facets"]["source"]["distinct"], 3);
}

TEST_F(SearchFeatures, ExplainShowsEachTermsWeight) {
  const auto results = json("query", {"--explain", "herring", "bergen"});
  ASSERT_EQ(results["hits"].size(), 1u);
  const auto& hit = results["hits"][0];
  const auto& why = hit["explanation"];
  ASSERT_EQ(why["terms"].size(), 2u);
  double sum = why["recency"].get<double>() + why["other"].get<double>();
  for (const auto& term : why["terms"]) {
    EXPECT_EQ(term["field"], "text");
    EXPECT_EQ(term["stemmed"], true);
    EXPECT_GT(term["wdf"].get<int>(), 0);
    EXPECT_GT(term["articles"].get<int>(), 0);
    sum += term["weight"].get<double>();
  }
  EXPECT_NEAR(sum, hit["score"].get<double>(), 1e-9);
  EXPECT_GT(why["length"].get<int>(), 0);
  EXPECT_GT(why["average_length"].get<double>(), 0);
  EXPECT_FALSE(json("query", {"herring"})["hits"][0].contains("explanation"));

  const auto text = run("query", {"--explain", "--snippet-bytes", "0", "herring", "bergen"});
  EXPECT_NE(text.out.find("    explain: herring "), std::string::npos) << text.out;
  EXPECT_NE(text.out.find(" + bergen "), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("; length "), std::string::npos) << text.out;
}

TEST_F(SearchFeatures, StopwordsCanBeRequiredOrChosen) {
  auto ids = [](const nlohmann::json& results) {
    std::set<std::string> out;
    for (const auto& hit : results["hits"])
      out.insert(hit["id"].get<std::string>());
    return out;
  };
  // "who" is an English stopword; the reprint says "head of" where the others say "who leads".
  EXPECT_EQ(ids(json("query", {"--no-collapse", "pilots who"})).size(), 5u);
  EXPECT_EQ(ids(json("query", {"--no-collapse", "--stopwords", "none", "pilots who"})),
            (std::set<std::string>{"fjw-2022-05-10-pilots", "cc-2022-05-10-017",
                                   "fjw-2022-05-12-pilots-talks"}));
  // A list of one's own: "pilots" need not match, "who" now must.
  EXPECT_EQ(ids(json("query", {"--no-collapse", "--stopwords", "pilots,said", "pilots who"})),
            ids(json("query", {"--no-collapse", "--stopwords", "none", "who"})));
  EXPECT_EQ(searchtool({"query", "--db", db_, "--stopwords", ",", "x"}).exit_code, 2);
}

TEST_F(SearchFeatures, TitleWeightIsChosenAtIndexing) {
  // "herring" once in one title, twice in the other body.
  const std::string articles =
      "{\"id\": \"in-title\", \"title\": \"Herring quotas\", \"body\": \"Fishing boats from "
      "Bergen brought quotas to the market hall on Monday.\"}\n"
      "{\"id\": \"in-body\", \"title\": \"Quotas set\", \"body\": \"Herring boats from Bergen "
      "brought herring to the market hall on Monday.\"}\n";
  auto first = [&](const std::string& weight) {
    const std::string db = (dir_ / ("weight-" + weight)).string();
    const auto indexed = testing::run_command(
        SEARCHTOOL_PATH, {"index", "--db", db, "--title-weight", weight, "-"}, articles);
    EXPECT_EQ(indexed.exit_code, 0) << indexed.err;
    const auto out = searchtool({"query", "--db", db, "--json", "herring"}).out;
    return nlohmann::json::parse(out)["hits"][0]["id"].get<std::string>();
  };
  EXPECT_EQ(first("3"), "in-title");
  EXPECT_EQ(first("1"), "in-body");
  EXPECT_EQ(searchtool({"index", "--db", (dir_ / "bad").string(), "--title-weight", "0", kCopies})
                .exit_code,
            2);
}

TEST_F(SearchFeatures, SimilarFindsTheSameSubjectButNotTheStorysCopies) {
  const auto results = json("similar", {"fjw-2022-05-10-pilots"});
  EXPECT_TRUE(results["query"].is_null());
  EXPECT_EQ(results["similar_to"], "fjw-2022-05-10-pilots");
  EXPECT_EQ(results["terms"].size(), 20u);
  EXPECT_TRUE(results["suggestion"].is_null());
  ASSERT_GE(results["hits"].size(), 2u);
  EXPECT_EQ(results["total"], results["hits"].size());
  EXPECT_EQ(results["hits"][0]["id"], "fjw-2022-05-12-pilots-talks");
  for (const auto& hit : results["hits"]) {
    for (const char* copy :
         {"fjw-2022-05-10-pilots", "cc-2022-05-10-017", "herald-0511-bergen-pilots"}) {
      EXPECT_NE(hit["id"], copy);
    }
    for (const char* key : {"rank", "score", "date", "title", "snippet", "highlights", "speakers",
                            "places", "source", "url", "duplicates", "duplicate_ids"}) {
      EXPECT_TRUE(hit.contains(key)) << key;
    }
  }
  const auto narrowed =
      json("similar", {"--filter", "date:2022-05", "--terms", "5", "fjw-2022-05-10-pilots"});
  EXPECT_EQ(narrowed["terms"].size(), 5u);
  for (const auto& hit : narrowed["hits"])
    EXPECT_EQ(hit["date"].get<std::string>().substr(0, 7), "2022-05");

  const auto text = run("similar", {"--snippet-bytes", "0", "-n", "1", "fjw-2022-05-10-pilots"});
  EXPECT_NE(text.out.find(" articles are like fjw-2022-05-10-pilots (showing 1-1)\nterms: "),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find(" 1. Bergen pilots and coastal agency agree to mediation"),
            std::string::npos)
      << text.out;
  const auto missing = searchtool({"similar", "--db", db_, "no-such-id"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err, "searchtool: no article with id \"no-such-id\" in " + db_ + "\n");
  EXPECT_EQ(searchtool({"similar", "--db", db_}).exit_code, 2);
}

TEST_F(SearchFeatures, InfoSaysWhatTheIndexHolds) {
  const auto info = json("info", {"--top", "2"});
  EXPECT_EQ(info["db"], db_);
  EXPECT_EQ(info["articles"], 16);  // 12 fixture articles and 4 on the pilots
  EXPECT_EQ(info["first_date"], "2022-01-14");
  EXPECT_EQ(info["last_date"], "2022-12-07");
  EXPECT_EQ(info["undated"], 0);
  EXPECT_GT(info["bytes"].get<long>(), 0);
  EXPECT_EQ(info["shards"], 1);
  EXPECT_EQ(info["language"], "english");
  EXPECT_EQ(info["title_weight"], 3);
  EXPECT_EQ(info["stories_with_copies"], 1);
  EXPECT_EQ(info["articles_with_copies"], 3);
  EXPECT_EQ(info["sources"].size(), 2u);
  EXPECT_EQ(
      info["sources"][0],
      nlohmann::json({{"value", "Fjord Wire"}, {"count", 2}, {"filter", "source:\"Fjord Wire\""}}));
  for (const char* key : {"speakers", "places"})
    EXPECT_TRUE(info[key].is_array()) << key;

  const auto text = run("info", {});
  EXPECT_NE(text.out.find(db_ + ": 16 articles published 2022-01-14 to 2022-12-07; "),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("\nlanguage english, title weight 3, 1 shard\n"), std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("\ncopies: 1 story has copies (3 articles)\n"), std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("\nsources: Fjord Wire (2), "), std::string::npos) << text.out;
  EXPECT_EQ(searchtool({"info", "--db", (dir_ / "missing").string()}).exit_code, 1);
}

TEST_F(SearchFeatures, DeleteAndCompactSpeakJsonToo) {
  const auto deleted = searchtool({"delete", "--db", db_, "--json", "cc-2022-05-10-017", "nope"});
  EXPECT_EQ(deleted.exit_code, 0) << deleted.err;
  EXPECT_EQ(nlohmann::json::parse(deleted.out),
            nlohmann::json(
                {{"db", db_}, {"deleted", 1}, {"missing", {"nope"}}, {"articles_in_index", 15}}));
  const auto compacted = searchtool({"compact", "--db", db_, "--json"});
  EXPECT_EQ(compacted.exit_code, 0) << compacted.err;
  const auto sizes = nlohmann::json::parse(compacted.out);
  EXPECT_EQ(sizes["db"], db_);
  EXPECT_GT(sizes["bytes_before"].get<long>(), sizes["bytes_after"].get<long>());
  EXPECT_EQ(sizes["bytes_after"], json("info", {})["bytes"]);
}

}  // namespace
}  // namespace newsdex

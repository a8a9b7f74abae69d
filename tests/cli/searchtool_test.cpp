// Runs the built searchtool on the fixture articles in tests/data/articles (their facts are
// listed in that folder's README) and checks what a user sees: output, JSON and exit codes.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace newsdex {
namespace {

using testing::CommandResult;

const std::string kArticles = std::string(NEWSDEX_TEST_DATA) + "/articles";

CommandResult searchtool(const std::vector<std::string>& args, const std::string& input = "") {
  return testing::run_command(SEARCHTOOL_PATH, args, input);
}

class SearchtoolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = (dir_ / "db").string();
    const auto result = searchtool({"index", "--db", db_, kArticles});
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }

  nlohmann::json query_json(std::vector<std::string> args) {
    args.insert(args.begin(), {"query", "--db", db_, "--json"});
    const auto result = searchtool(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return nlohmann::json::parse(result.out);
  }

  std::vector<std::string> ids(std::vector<std::string> args) {
    args.push_back("--limit");
    args.push_back("100");
    const auto results = query_json(std::move(args));
    std::vector<std::string> out;
    for (const auto& hit : results["hits"])
      out.push_back(hit["id"]);
    return out;
  }

  testing::TempDir dir_;
  std::string db_;
};

TEST_F(SearchtoolTest, IndexReportsWhatItDidAndReindexingChangesNothing) {
  const auto again = searchtool({"index", "--db", db_, kArticles});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("indexed 12 articles"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("0 added, 0 replaced, 12 unchanged, 0 skipped"), std::string::npos)
      << again.out;
  EXPECT_EQ(again.err.find('\r'), std::string::npos) << "no progress line when not on a terminal";
}

TEST_F(SearchtoolTest, JsonSummaryForPrograms) {
  const auto result = searchtool({"index", "--db", (dir_ / "other").string(), "--json", kArticles});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto summary = nlohmann::json::parse(result.out);
  EXPECT_EQ(summary["added"], 12);
  EXPECT_EQ(summary["skipped"], 0);
  EXPECT_EQ(summary["articles_in_index"], 12);
}

TEST_F(SearchtoolTest, TextOutputShowsRankTitleDateIdAndHighlightedSnippet) {
  const auto result = searchtool({"query", "--db", db_, "marzipan"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("1 article matches \"marzipan\""), std::string::npos) << result.out;
  EXPECT_NE(result.out.find(" 1. A court in Kraków ruled"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("2022-04-06"), std::string::npos);
  EXPECT_NE(result.out.find("id fx-04-krakow-marzipan-court"), std::string::npos);
  EXPECT_NE(result.out.find("**marzipan**"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("\033["), std::string::npos) << "no escape codes when piped";
  const auto colored = searchtool({"query", "--db", db_, "--color", "always", "marzipan"});
  EXPECT_NE(colored.out.find("\033[1mmarzipan\033[0m"), std::string::npos) << colored.out;
}

TEST_F(SearchtoolTest, JsonOutputHasTheDocumentedShape) {
  const auto results = query_json({"lighthouse"});
  EXPECT_EQ(results["query"], "lighthouse");
  EXPECT_EQ(results["total"], 2);
  EXPECT_EQ(results["total_exact"], true);
  ASSERT_EQ(results["hits"].size(), 2u);
  const auto& first = results["hits"][0];
  EXPECT_EQ(first["rank"], 1);
  EXPECT_EQ(first["id"], "fx-01-tallinn-icebreaker");  // title words rank above body words
  EXPECT_EQ(first["date"], "2022-01-14");
  EXPECT_EQ(first["title"], "Lighthouse keepers cheer as icebreaker frees Tallinn ferries");
  EXPECT_EQ(first["source"], "Baltic Test Wire");
  for (const char* key : {"score", "snippet", "highlights", "speakers", "places", "url"}) {
    EXPECT_TRUE(first.contains(key)) << key;
  }
  EXPECT_EQ(results["hits"][1]["id"], "fx-05-rotterdam-turbine-blades");
}

TEST_F(SearchtoolTest, FieldedQueriesFromTheCommandLine) {
  EXPECT_EQ(ids({"speaker:\"lars eide\""}), std::vector<std::string>{"fx-10-bergen-herring"});
  EXPECT_EQ(ids({"place:bergen", "--sort", "oldest"}),
            (std::vector<std::string>{"fx-03-bergen-floating-solar", "fx-10-bergen-herring"}));
  EXPECT_EQ(ids({"date:2022-03..2022-05", "--sort", "oldest"}),
            (std::vector<std::string>{"fx-03-bergen-floating-solar", "fx-04-krakow-marzipan-court",
                                      "fx-05-rotterdam-turbine-blades"}));
  EXPECT_EQ(ids({"\"floating solar farm\""}),
            std::vector<std::string>{"fx-03-bergen-floating-solar"});
  EXPECT_EQ(
      ids({"floating", "solar", "farm", "--sort", "oldest"}),
      (std::vector<std::string>{"fx-03-bergen-floating-solar", "fx-06-tromso-salmon-pontoons"}));
  EXPECT_EQ(ids({"cocoa", "OR", "sauna", "--sort", "newest"}),
            (std::vector<std::string>{"fx-12-tallinn-sauna", "fx-02-rotterdam-cocoa"}));
  EXPECT_EQ(ids({"cocoa", "sauna", "--match", "any", "--sort", "newest"}),
            (std::vector<std::string>{"fx-12-tallinn-sauna", "fx-02-rotterdam-cocoa"}));
  EXPECT_EQ(ids({"tromso"}), std::vector<std::string>{"fx-06-tromso-salmon-pontoons"});
}

TEST_F(SearchtoolTest, IndexExtractsByDefaultAndNoExtractTurnsItOff) {
  // Plain files list no speakers: these come from the text ("Energy Minister Ingrid Solberg
  // said", "said Joost de Vries").
  EXPECT_EQ(
      ids({"speaker:solberg", "--sort", "oldest"}),
      (std::vector<std::string>{"fx-03-bergen-floating-solar", "fx-06-tromso-salmon-pontoons"}));
  EXPECT_EQ(ids({"speaker:\"joost de vries\""}), std::vector<std::string>{"fx-02-rotterdam-cocoa"});
  EXPECT_EQ(ids({"country:norway", "bergen"}).size(), 2u);
  const std::string plain_db = (dir_ / "plain").string();
  const auto result = searchtool({"index", "--db", plain_db, "--no-extract", kArticles});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  db_ = plain_db;
  EXPECT_TRUE(ids({"speaker:solberg"}).empty());
  EXPECT_EQ(ids({"place:bergen"}), std::vector<std::string>{"fx-10-bergen-herring"});
  EXPECT_EQ(ids({"speaker:\"lars eide\""}), std::vector<std::string>{"fx-10-bergen-herring"});
}

TEST_F(SearchtoolTest, GazetteerOptionAddsGeoNamesPlaces) {
  const std::string geonames = std::string(NEWSDEX_TEST_DATA) + "/geonames/";
  const std::string article =
      "{\"id\":\"flood\",\"date\":\"2023-04-03\",\"body\":\"Roads around Quillmoor were "
      "closed on Monday after the river burst its banks.\"}\n";
  ASSERT_EQ(searchtool({"index", "--db", db_, "-"}, article).exit_code, 0);
  EXPECT_TRUE(ids({"place:quillmoor"}).empty());
  const auto result =
      searchtool({"index", "--db", db_, "--gazetteer", geonames + "cities.txt", "--country-info",
                  geonames + "countryInfo.txt", "--admin1", geonames + "admin1CodesASCII.txt", "-"},
                 article);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("1 replaced"), std::string::npos) << result.out;
  EXPECT_EQ(ids({"place:quillmoor"}), std::vector<std::string>{"flood"});
  EXPECT_EQ(ids({"country:az"}), std::vector<std::string>{"flood"});

  const auto alone = searchtool(
      {"index", "--db", db_, "--admin1", geonames + "admin1CodesASCII.txt", "-"}, article);
  EXPECT_EQ(alone.exit_code, 2);
  EXPECT_NE(alone.err.find("go with --gazetteer"), std::string::npos) << alone.err;
  const auto missing = searchtool(
      {"index", "--db", db_, "--gazetteer", geonames + "no-such-file.txt", "-"}, article);
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no-such-file.txt"), std::string::npos) << missing.err;
}

TEST_F(SearchtoolTest, FacetsCountOverAllMatchesInJsonAndText) {
  const auto results =
      query_json({"--facets", "source,month", "--facet-limit", "2", "-n", "1", ""});
  ASSERT_EQ(results["hits"].size(), 1u);
  const auto& source = results["facets"]["source"];
  EXPECT_EQ(source["distinct"], 2);
  ASSERT_EQ(source["values"].size(), 2u);
  EXPECT_EQ(source["values"][0],
            nlohmann::json(
                {{"value", "Test Courier"}, {"count", 2}, {"filter", "source:\"Test Courier\""}}));
  EXPECT_EQ(source["values"][1]["value"], "Baltic Test Wire");
  EXPECT_EQ(results["facets"]["month"]["distinct"], 12);
  EXPECT_EQ(results["facets"]["month"]["values"][0]["count"], 1);
  EXPECT_FALSE(results.contains("timeline"));
  EXPECT_FALSE(query_json({"lighthouse"}).contains("facets"));

  const auto text =
      searchtool({"query", "--db", db_, "--facets", "source", "--facets", "year", ""});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find(
                "facets:\n  source: Test Courier (2), Baltic Test Wire (1)\n  year: 2022 (12)\n"),
            std::string::npos)
      << text.out;
}

TEST_F(SearchtoolTest, TimelineAsSeriesTableOrBars) {
  const auto results =
      query_json({"--timeline", "month", "date:2022-03..2022-06 OR place:nairobi"});
  const auto& timeline = results["timeline"];
  EXPECT_EQ(timeline["period"], "month");
  ASSERT_EQ(timeline["buckets"].size(), 9u);  // 2022-03 .. 2022-11
  EXPECT_EQ(timeline["buckets"][0],
            nlohmann::json({{"period", "2022-03"}, {"start", "2022-03-01"}, {"count", 1}}));
  EXPECT_EQ(timeline["buckets"][4]["count"], 0);
  EXPECT_EQ(timeline["buckets"][8]["period"], "2022-11");

  const auto table = searchtool({"query", "--db", db_, "--timeline", "year", ""});
  EXPECT_NE(table.out.find("timeline (year):\n2022\t12\n"), std::string::npos) << table.out;
  const auto bars = searchtool({"query", "--db", db_, "--timeline", "month", "--chart", "always",
                                "date:2022-01..2022-02 OR sauna"});
  EXPECT_NE(bars.out.find("  2022-01 \u2588"), std::string::npos) << bars.out;
  EXPECT_NE(bars.out.find("  2022-03  0\n"), std::string::npos) << bars.out;
}

TEST_F(SearchtoolTest, RecencyLetsNewerArticlesOvertake) {
  EXPECT_EQ(ids({"lighthouse"}), (std::vector<std::string>{"fx-01-tallinn-icebreaker",
                                                           "fx-05-rotterdam-turbine-blades"}));
  EXPECT_EQ(
      ids({"lighthouse", "--recency", "1y", "--recency-weight", "5"}),
      (std::vector<std::string>{"fx-05-rotterdam-turbine-blades", "fx-01-tallinn-icebreaker"}));
  EXPECT_EQ(
      searchtool({"query", "--db", db_, "--recency", "30d", "--sort", "newest", "x"}).exit_code, 2);
  EXPECT_EQ(searchtool({"query", "--db", db_, "--recency", "soon", "x"}).exit_code, 2);
}

TEST_F(SearchtoolTest, DidYouMeanForWordsAndNames) {
  const auto text = searchtool({"query", "--db", db_, "icebraker"});
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_EQ(text.out, "no articles match \"icebraker\"\ndid you mean \"icebreaker\"?\n");
  EXPECT_EQ(query_json({"speaker:wambiu"})["suggestion"], "speaker:wambui");
  EXPECT_EQ(query_json({"marzipan", "dragn"})["suggestion"], "marzipan dragon");
  EXPECT_TRUE(query_json({"marzipan"})["suggestion"].is_null());
}

TEST_F(SearchtoolTest, SynonymsLoadShowAndWidenQueries) {
  const auto file = dir_ / "synonyms.txt";
  std::ofstream(file) << "# test synonyms\nicebreaker, ice breaker, turbine\nsauna, bathhouse\n";
  EXPECT_EQ(ids({"icebreaker"}), std::vector<std::string>{"fx-01-tallinn-icebreaker"});
  const auto loaded = searchtool({"synonyms", "--db", db_, file.string()});
  EXPECT_EQ(loaded.exit_code, 0) << loaded.err;
  EXPECT_EQ(loaded.out, "loaded 2 synonym groups into " + db_ + "\n");
  EXPECT_EQ(searchtool({"synonyms", "--db", db_}).out,
            "icebreaker, ice breaker, turbine\nsauna, bathhouse\n");
  EXPECT_EQ(nlohmann::json::parse(searchtool({"synonyms", "--db", db_, "--json"}).out)["groups"][1],
            nlohmann::json({"sauna", "bathhouse"}));
  EXPECT_EQ(
      ids({"icebreaker", "--sort", "oldest"}),
      (std::vector<std::string>{"fx-01-tallinn-icebreaker", "fx-05-rotterdam-turbine-blades"}));

  const auto bad = searchtool({"synonyms", "--db", db_, "-"}, "sauna, bathhouse\nlonely\n");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err,
            "searchtool: <stdin>:2: a synonym group needs two or more members separated by "
            "commas\n");
  EXPECT_EQ(searchtool({"synonyms", "--db", db_}).out.substr(0, 10), "icebreaker");  // unchanged
  EXPECT_EQ(searchtool({"synonyms", "--db", db_, "-"}, "").out,
            "loaded 0 synonym groups into " + db_ + "\n");
  EXPECT_EQ(ids({"icebreaker"}), std::vector<std::string>{"fx-01-tallinn-icebreaker"});
}

TEST_F(SearchtoolTest, UnknownFacetsAndPeriodsAreUsageErrors) {
  EXPECT_EQ(searchtool({"query", "--db", db_, "--facets", "speaker,colour", "x"}).exit_code, 2);
  EXPECT_EQ(searchtool({"query", "--db", db_, "--timeline", "decade", "x"}).exit_code, 2);
  EXPECT_EQ(
      searchtool({"query", "--db", db_, "--facets", "place", "--facet-limit", "0", "x"}).exit_code,
      2);
}

TEST_F(SearchtoolTest, ZeroHitsIsNotAnError) {
  const auto result = searchtool({"query", "--db", db_, "zeppelin"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("no articles match \"zeppelin\""), std::string::npos);
}

TEST_F(SearchtoolTest, BadQueriesExitTwoWithOneLine) {
  for (const char* query : {"speeker:x", "\"open", "date:2022-13", "(a"}) {
    const auto result = searchtool({"query", "--db", db_, query});
    EXPECT_EQ(result.exit_code, 2) << query;
    EXPECT_EQ(result.err.rfind("searchtool: bad query: ", 0), 0u) << result.err;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
  }
}

TEST_F(SearchtoolTest, UsageErrorsExitTwo) {
  EXPECT_EQ(searchtool({}).exit_code, 2);
  EXPECT_EQ(searchtool({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(searchtool({"query", "x"}).exit_code, 2);  // --db missing
  EXPECT_EQ(searchtool({"query", "--db", db_, "--sort", "sideways", "x"}).exit_code, 2);
  EXPECT_EQ(searchtool({"query", "--db", db_, "--limit", "0", "x"}).exit_code, 2);
  EXPECT_EQ(searchtool({"index", "--db", db_}).exit_code, 2);
  const auto help = searchtool({"query", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--sort"), std::string::npos);
}

// The shell hands "-strike" of an unquoted `copper -strike` to the option parser.
TEST_F(SearchtoolTest, AQueryWordThatLooksLikeAnOptionSaysWhereItGoes) {
  const auto result = searchtool({"query", "--db", db_, "copper", "-strike"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("unrecognised option '-strike'"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("after '--' (searchtool query --db DB -- copper -strike)"),
            std::string::npos)
      << result.err;
  const auto fixed = searchtool({"query", "--db", db_, "--", "copper", "-strike"});
  EXPECT_EQ(fixed.exit_code, 0) << fixed.err;
  // An unknown long option is a mistyped option, not a query word.
  const auto typo = searchtool({"query", "--db", db_, "--limt", "3", "copper"});
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_EQ(typo.err.find("after '--'"), std::string::npos) << typo.err;
}

TEST_F(SearchtoolTest, MissingIndexExitsOne) {
  const auto result = searchtool({"query", "--db", (dir_ / "nope").string(), "x"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("no index at"), std::string::npos) << result.err;
}

TEST_F(SearchtoolTest, BadArticlesAreNamedSkippedAndTheRestIndexed) {
  const auto folder = dir_ / "mixed";
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "good.txt") << "date 2022-05-05\nA zeppelin landed in Friedrichshafen.\n";
  std::ofstream(folder / "bad.txt") << "date 2022-13-45\nNever indexed.\n";
  std::ofstream(folder / "lines.jsonl") << "{\"id\":\"j1\",\"body\":\"Blimp parade.\"}\n"
                                        << "{\"id\":\"j2\",\"body\":\n"
                                        << "{\"id\":\"j3\",\"body\":\"Airship hangar.\"}\n";
  const auto result = searchtool({"index", "--db", db_, folder.string()});
  EXPECT_EQ(result.exit_code, 3) << result.err;
  EXPECT_NE(result.err.find("bad.txt:1:"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("lines.jsonl:2:"), std::string::npos) << result.err;
  EXPECT_NE(result.out.find("3 added"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("2 skipped"), std::string::npos) << result.out;
  EXPECT_EQ(ids({"zeppelin"}), std::vector<std::string>{"good"});
  EXPECT_EQ(ids({"airship"}), std::vector<std::string>{"j3"});
}

TEST_F(SearchtoolTest, ReadsStandardInput) {
  const auto result = searchtool(
      {"index", "--db", db_, "-"},
      "{\"id\":\"in-1\",\"date\":\"2022-02-02T10:00:00Z\",\"body\":\"Glacier melt.\"}\n");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(ids({"glacier", "date:2022-02-02"}), std::vector<std::string>{"in-1"});
}

TEST_F(SearchtoolTest, ExactTotalCountsWhatTheEstimateSkips) {
  // A few articles with both words outrank the 290 with one, which Xapian's matcher then only
  // estimates for a page of one hit.
  std::string lines;
  for (int i = 0; i < 300; ++i) {
    std::string body = i < 10 ? "zeta zeta eta eta" : i % 2 == 0 ? "zeta" : "eta";
    for (int filler = 0; filler < 10 + i % 7; ++filler)
      body += " filler" + std::to_string(i * 13 + filler);
    lines += "{\"id\":\"z" + std::to_string(i) + "\",\"body\":\"" + body + "\"}\n";
  }
  const std::string db = (dir_ / "words").string();
  ASSERT_EQ(searchtool({"index", "--db", db, "-"}, lines).exit_code, 0);
  const auto rough = searchtool({"query", "--db", db, "-n", "1", "zeta OR eta"});
  EXPECT_NE(rough.out.find("about "), std::string::npos) << rough.out;
  const auto exact = searchtool({"query", "--db", db, "-n", "1", "--exact-total", "zeta OR eta"});
  EXPECT_NE(exact.out.find("300 articles match"), std::string::npos) << exact.out;
  EXPECT_EQ(exact.out.find("about "), std::string::npos) << exact.out;
}

TEST_F(SearchtoolTest, DeleteRemovesByIdAndSaysWhatWasMissing) {
  const auto result = searchtool({"delete", "--db", db_, "fx-12-tallinn-sauna", "no-such-id"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("deleted 1 of 2 articles; 11 left"), std::string::npos) << result.out;
  EXPECT_NE(result.err.find("no article with id \"no-such-id\""), std::string::npos);
  EXPECT_TRUE(ids({"sauna"}).empty());
}

}  // namespace
}  // namespace newsdex

// Runs the built searchtool on tests/data/extract/senate-motion.txt, an article in the style of
// a wire story about a parliament's resolution (see that folder's README): the queries a user
// asks of such a story find it from its text alone, and `extract` prints what was found.
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <newsdex/ingest.hpp>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace newsdex {
namespace {

using testing::CommandResult;

const std::string kData = std::string(NEWSDEX_TEST_DATA);
const std::string kMotion = kData + "/extract/senate-motion.txt";
const std::string kStatement = kData + "/extract/ministry-statement.txt";

CommandResult searchtool(const std::vector<std::string>& args, const std::string& input = "") {
  return testing::run_command(SEARCHTOOL_PATH, args, input);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class ExtractionCli : public ::testing::Test {
 protected:
  std::vector<std::string> ids(const std::string& query) {
    const auto result = searchtool({"query", "--db", db_, "--json", "--limit", "100", query});
    EXPECT_EQ(result.exit_code, 0) << query << ": " << result.err;
    const auto results = nlohmann::json::parse(result.out);
    std::vector<std::string> found;
    for (const auto& hit : results["hits"])
      found.push_back(hit["id"]);
    return found;
  }

  testing::TempDir dir_;
  std::string db_ = (dir_ / "db").string();
};

TEST_F(ExtractionCli, TheStoryIsFoundFromItsTextAlone) {
  const auto indexed = searchtool({"index", "--db", db_, kMotion, kStatement});
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  const std::vector<std::string> motion{"senate-motion"};
  for (const char* query :
       {"speaker:abdullayeva", "speaker:\"leyla abdullayeva\"", "speaker:\"foreign ministry\" baku",
        "place:lachin", "place:karabakh", "place:\"nagorno-karabakh\"", "country:azerbaijan",
        "country:az", "country:france", "country:fr", "mentioned:2022-11-16 baku",
        "mentioned:2022-12-06", "mentioned:2020 lachin",
        "speaker:abdullayeva place:lachin "
        "country:france mentioned:2022-11"}) {
    EXPECT_EQ(ids(query), motion) << query;
  }
  // The other story has its own ministry, date and places.
  EXPECT_EQ(ids("speaker:\"foreign ministry\"").size(), 2u);
  EXPECT_EQ(ids("mentioned:2022-11-16").size(), 2u);
  EXPECT_EQ(ids("country:norway"), std::vector<std::string>{"ministry-statement"});
  for (const char* query : {"speaker:paris", "place:abdullayeva", "country:norway lachin",
                            "mentioned:2022-11-17", "place:reading"}) {
    EXPECT_TRUE(ids(query).empty()) << query;
  }

  // Results show canonical names: "Karabakh" and "Nagorno-Karabakh" are one place.
  const auto result = searchtool({"query", "--db", db_, "--json", "place:karabakh"});
  const auto hit = nlohmann::json::parse(result.out)["hits"][0];
  EXPECT_EQ(hit["speakers"], nlohmann::json({"Azerbaijani Foreign Ministry", "Leyla Abdullayeva"}));
  const auto& places = hit["places"];
  for (const char* name : {"Azerbaijan", "France", "Lachin", "Nagorno-Karabakh", "Baku"}) {
    EXPECT_NE(std::find(places.begin(), places.end(), name), places.end()) << name;
  }
  const auto facets = searchtool(
      {"query", "--db", db_, "--facets", "country", "--snippet-bytes", "0", "-n", "1", "lachin"});
  EXPECT_NE(facets.out.find("country: AM (1), AZ (1), FR (1), RU (1)"), std::string::npos)
      << facets.out;
}

TEST_F(ExtractionCli, ExtractJsonIsOneObjectPerArticleWithByteSpansIntoTheBody) {
  const auto result = searchtool({"extract", "--json", kMotion, kStatement});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::istringstream lines(result.out);
  std::vector<nlohmann::json> objects;
  for (std::string line; std::getline(lines, line);)
    objects.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(objects.size(), 2u);
  EXPECT_EQ(objects[0]["id"], "senate-motion");  // input order
  EXPECT_EQ(objects[1]["id"], "ministry-statement");

  const auto& motion = objects[0];
  const std::string body = parse_plain_article(read_file(kMotion), kMotion, "senate-motion").body;
  auto text_of = [&](const nlohmann::json& span) {
    const std::size_t start = span["start"], end = span["end"];
    EXPECT_LE(start, end);
    EXPECT_LE(end, body.size());
    return body.substr(start, end - start);
  };
  std::vector<std::string> keys;  // in the order printed
  std::istringstream first_line(result.out);
  std::string line;
  std::getline(first_line, line);
  const auto ordered = nlohmann::ordered_json::parse(line);
  for (const auto& [key, value] : ordered.items())
    keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"id", "date", "speakers", "places", "dates"}));
  EXPECT_EQ(motion["date"], "2022-12-08");

  const std::set<std::string> speaker_keys{"name", "role", "mentions"};
  bool found_ambassador = false;
  for (const auto& speaker : motion["speakers"]) {
    for (const auto& [key, value] : speaker.items())
      EXPECT_TRUE(speaker_keys.contains(key)) << key;
    if (speaker["name"] != "Leyla Abdullayeva") continue;
    found_ambassador = true;
    EXPECT_EQ(speaker["role"], "Ambassador to France");
    ASSERT_EQ(speaker["mentions"].size(), 1u);
    EXPECT_EQ(text_of(speaker["mentions"][0]), "Leyla Abdullayeva");
  }
  EXPECT_TRUE(found_ambassador) << motion["speakers"];
  EXPECT_EQ(motion["speakers"][0]["name"], "Azerbaijani Foreign Ministry");
  EXPECT_FALSE(motion["speakers"][0].contains("role"));  // empty fields are left out
  EXPECT_EQ(text_of(motion["speakers"][0]["mentions"][1]), "The statement");

  const std::set<std::string> place_keys{"name", "country", "kind", "mentions"};
  std::set<std::string> regions;
  for (const auto& place : motion["places"]) {
    for (const auto& [key, value] : place.items())
      EXPECT_TRUE(place_keys.contains(key)) << key;
    if (place["kind"] == "region" && place.value("country", "") == "AZ") {
      regions.insert(place["name"]);
    }
    if (place["name"] == "Lachin") {
      EXPECT_EQ(text_of(place["mentions"][0]), "Lachin");
      EXPECT_EQ(place["mentions"].size(), 2u);
    }
  }
  EXPECT_EQ(regions, (std::set<std::string>{"Lachin", "Kalbajar", "Aghdam", "Fuzuli", "Jabrayil",
                                            "Qubadli", "Zangilan", "Nagorno-Karabakh"}));

  std::vector<std::string> dates;
  for (const auto& date : motion["dates"]) {
    EXPECT_EQ(text_of(date), date["text"]);
    dates.push_back(date["date"]);
  }
  // Dates at their precision, as mentioned: takes them.
  EXPECT_EQ(dates, (std::vector<std::string>{"2022-12-07", "2022-12-06", "2022-11-16", "2020"}));
}

TEST_F(ExtractionCli, ExtractTextForPeople) {
  const auto result = searchtool({"extract", kMotion});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  for (const char* line :
       {"senate-motion (2022-12-08)\n", "  speakers:\n",
        "    Leyla Abdullayeva, Ambassador to France (1 mention)\n",
        "    Azerbaijani Foreign Ministry (3 mentions)\n", "    Lachin (region, AZ, 2 mentions)\n",
        "    2022-11-16  \"On Nov. 16\"\n"}) {
    EXPECT_NE(result.out.find(line), std::string::npos) << line << result.out;
  }
}

TEST_F(ExtractionCli, ExtractReadsWhatIndexReadsAndReportsBadArticles) {
  const std::string lines =
      "{\"id\":\"a\",\"date\":\"2022-12-01\",\"body\":\"Talks resumed in Geneva on Thursday, "
      "said Marta Soto.\"}\n"
      "{\"id\":\"broken\",\"body\":\n"
      "{\"id\":\"b\",\"body\":\"Nothing to see here.\"}\n";
  const auto result = searchtool({"extract", "--json", "-"}, lines);
  EXPECT_EQ(result.exit_code, 3) << result.err;
  EXPECT_NE(result.err.find("-:2:"), std::string::npos) << result.err;
  std::istringstream out(result.out);
  std::string first, second, rest;
  std::getline(out, first);
  std::getline(out, second);
  EXPECT_FALSE(std::getline(out, rest));
  const auto a = nlohmann::json::parse(first);
  EXPECT_EQ(a["id"], "a");
  EXPECT_EQ(a["speakers"][0]["name"], "Marta Soto");
  EXPECT_EQ(a["places"][0]["name"], "Geneva");
  EXPECT_EQ(a["dates"][0]["date"], "2022-12-01");
  EXPECT_EQ(
      nlohmann::json::parse(second),
      nlohmann::json::parse(R"({"id":"b","date":null,"speakers":[],"places":[],"dates":[]})"));

  const auto plain = searchtool({"extract", "--format", "plain", "-"},
                                "date 2022-12-01\n\nProtests spread to Lyon, police said.\n");
  EXPECT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_NE(plain.out.find("    Lyon (city, FR, 1 mention)\n"), std::string::npos) << plain.out;
  EXPECT_EQ(searchtool({"extract", "--format", "xml", "-"}, "x").exit_code, 2);
  EXPECT_EQ(searchtool({"extract"}).exit_code, 2);
}

TEST_F(ExtractionCli, ExtractWithAGeoNamesGazetteer) {
  const std::string geonames = kData + "/geonames/";
  const std::string article =
      "{\"id\":\"flood\",\"body\":\"Roads around Quillmoor were closed after the river rose.\"}\n";
  const auto builtin = searchtool({"extract", "--json", "-"}, article);
  EXPECT_EQ(nlohmann::json::parse(builtin.out)["places"], nlohmann::json::array());
  const auto extended = searchtool({"extract", "--json", "--gazetteer", geonames + "cities.zip",
                                    "--admin1", geonames + "admin1CodesASCII.txt", "-"},
                                   article);
  ASSERT_EQ(extended.exit_code, 0) << extended.err;
  const auto place = nlohmann::json::parse(extended.out)["places"][0];
  EXPECT_EQ(place["name"], "Quillmoor");
  EXPECT_EQ(place["country"], "AZ");
  EXPECT_EQ(place["kind"], "city");
}

}  // namespace
}  // namespace newsdex

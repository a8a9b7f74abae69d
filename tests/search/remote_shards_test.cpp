// One corpus indexed once into a single index and once into 3 shards, the shards searched both
// as local databases and through 3 stock xapian-tcpsrv processes: every query must give the
// same answer in the three setups. Then shards that stop answering: a clear error within the
// timeout, or with allow_partial the answer of the others, marked partial.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <newsdex/error.hpp>
#include <newsdex/index.hpp>

#include "support/hit_ids.hpp"
#include "support/run_command.hpp"
#include "support/tcp_server.hpp"
#include "support/temp_dir.hpp"

namespace newsdex {
namespace {

namespace fs = std::filesystem;
using testing::run_command;

const char* const kTopics[] = {"copper exports",  "wheat harvest",   "port strike",  "tram order",
                               "heat record",     "vaccine rollout", "court ruling", "solar farm",
                               "ferry timetable", "budget talks"};
const char* const kTopicWords[] = {"smelter", "tonnes", "dockers", "wages",  "council",
                                   "clinic",  "judges", "panels",  "ticket", "deficit"};
const char* const kPlaces[] = {"Tallinn", "Chile",  "Baku",  "Lagos",    "Accra",
                               "Zürich",  "Kraków", "Kenya", "Valencia", "Gothenburg"};
const char* const kSpeakers[] = {"Mara Ilves",  "Ana Ruiz",       "Leyla Abdullayeva",
                                 "Kofi Mensah", "Erik Lindqvist", "Piotr Nowak"};
const char* const kSources[] = {"Harbor Daily", "Inland Courier", "Caspian Wire",
                                "Andes Business Wire"};
const char* const kMonths[] = {"January",   "February", "March",    "April",
                               "May",       "June",     "July",     "August",
                               "September", "October",  "November", "December"};

// Invented articles in JSON Lines: words, names and places repeat across them with varying
// frequency, and no two share a publication day, so every ranking is a strict order the same
// in every setup (ties of score are broken by date, not by Xapian's internal document ids).
std::string make_corpus(std::size_t count) {
  std::uint64_t state = 0x9e3779b97f4a7c15ULL;
  const auto next = [&](std::size_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>((state >> 33) % bound);
  };
  std::string corpus;
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t topic = next(std::size(kTopics));
    const std::size_t other = next(std::size(kTopics));
    const std::string place = kPlaces[next(std::size(kPlaces))];
    const std::string place2 = kPlaces[next(std::size(kPlaces))];
    const std::string speaker = kSpeakers[next(std::size(kSpeakers))];
    const Date date = Date::from_days(Date{2021, 1, 1}.days() + static_cast<long>(i * 3));
    const Date mentioned = Date::from_days(date.days() - static_cast<long>(1 + next(20)));
    std::ostringstream body;
    body << "Officials in " << place << " discussed the " << kTopics[topic] << " on "
         << kMonths[mentioned.month - 1] << ' ' << mentioned.day << ", " << mentioned.year
         << ". \"The " << kTopicWords[topic] << " matter more than ever,\" said " << speaker
         << ". ";
    for (std::size_t k = 0, words = 1 + next(4); k < words; ++k)
      body << "The " << kTopicWords[next(std::size(kTopicWords))] << " were counted again. ";
    std::vector<std::string> places{place};
    if (next(3) == 0) {
      body << "Delegates from " << place2 << " also raised the " << kTopics[other] << ". ";
      if (place2 != place) places.push_back(place2);
    }
    body << "Session " << i << " closed late.";
    nlohmann::json line{{"id", "story-" + std::to_string(i)},
                        {"title", std::string(kTopics[topic]) + " in " + place},
                        {"body", body.str()},
                        {"source", kSources[next(std::size(kSources))]},
                        {"speakers", {speaker}},
                        {"places", places}};
    // One undated article, which date filters and sorts must treat alike everywhere.
    line["date"] = i == count / 2 ? nlohmann::json(nullptr) : nlohmann::json(date.iso());
    corpus += line.dump() + '\n';
  }
  return corpus;
}

std::vector<SearchRequest> make_requests() {
  std::vector<SearchRequest> requests;
  const auto add = [&](SearchRequest request) {
    request.snippet_bytes = 120;
    requests.push_back(std::move(request));
  };
  for (const char* query : {"copper",
                            "harvest",
                            "strike",
                            "tram",
                            "vaccine",
                            "court",
                            "solar",
                            "ferry",
                            "budget",
                            "smelter tonnes",
                            "dockers OR judges",
                            "clinic NOT vaccine",
                            "wages -strike",
                            "\"port strike\"",
                            "\"heat record\" tallinn",
                            "counted again",
                            "officials discussed",
                            "(copper OR wheat) exports",
                            "copper NEAR exports",
                            "sess*",
                            "pan*",
                            "title:court",
                            "title:\"solar farm\"",
                            "speaker:ruiz",
                            "speaker:\"mara ilves\"",
                            "speaker:lind*",
                            "place:chile",
                            "place:\"buenos aires\"",
                            "place:tallinn place:baku",
                            "country:ke",
                            "country:az copper",
                            "source:\"harbor daily\"",
                            "source:\"caspian wire\" budget",
                            "date:2021",
                            "date:2022-03",
                            "date:2021-06..2021-09",
                            "date:..2021-02-28",
                            "date:2022-06-01..",
                            "date:2021 OR date:2022-01",
                            "mentioned:2021-05",
                            "id:story-7",
                            "id:story-7 OR id:story-150",
                            "",
                            "harvest date:2022",
                            "speaker:abdullayeva strike",
                            "lagos clinic",
                            "Kraków",
                            "zurich",
                            "session 42",
                            "delegates raised"}) {
    add({.query = query});
  }
  add({.query = "copper wheat tram", .match = MatchMode::any});
  add({.query = "strike", .sort = SortOrder::newest});
  add({.query = "court OR budget", .sort = SortOrder::oldest});
  add({.query = "", .limit = 10, .offset = 20, .sort = SortOrder::newest});
  add({.query = "counted", .limit = 5, .offset = 15});
  add({.query = "officials", .limit = 30});
  add({.query = "ferry", .recency_half_life_days = 90});
  add({.query = "counted", .recency_half_life_days = 30, .recency_weight = 1.0});
  for (const char* query : {"copper", "strike OR court", "", "date:2022", "place:chile"}) {
    add({.query = query,
         .facets = {FacetField::speaker, FacetField::place, FacetField::country, FacetField::source,
                    FacetField::year, FacetField::month},
         .facet_limit = 20,
         .timeline = TimelinePeriod::month});
  }
  add({.query = "wheat", .sort = SortOrder::newest, .facets = {FacetField::source}});
  return requests;
}

std::string describe(const SearchRequest& request) {
  std::ostringstream text;
  text << '"' << request.query << "\" sort " << static_cast<int>(request.sort) << " offset "
       << request.offset << " recency " << request.recency_half_life_days << " facets "
       << request.facets.size();
  return text.str();
}

// Everything of two answers that must agree, hit by hit and facet by facet.
void expect_same(const SearchResults& expected, const SearchResults& actual,
                 const std::string& what) {
  SCOPED_TRACE(what);
  // Xapian's estimates of a total depend on how far each database's match went; counted totals
  // must agree (the same requests with every match on one page compare them below).
  if (expected.total_exact && actual.total_exact) {
    EXPECT_EQ(expected.total, actual.total);
  }
  EXPECT_EQ(expected.suggestion, actual.suggestion);
  ASSERT_EQ(expected.hits.size(), actual.hits.size());
  for (std::size_t i = 0; i < expected.hits.size(); ++i) {
    const Hit& want = expected.hits[i];
    const Hit& got = actual.hits[i];
    EXPECT_EQ(want.rank, got.rank);
    EXPECT_EQ(want.id, got.id) << "at rank " << want.rank;
    EXPECT_NEAR(want.score, got.score, 1e-9 * std::max(1.0, std::abs(want.score)));
    EXPECT_EQ(want.snippet, got.snippet);
    EXPECT_EQ(want.highlights.size(), got.highlights.size());
  }
  ASSERT_EQ(expected.facets.size(), actual.facets.size());
  for (std::size_t f = 0; f < expected.facets.size(); ++f) {
    EXPECT_EQ(expected.facets[f].distinct, actual.facets[f].distinct);
    ASSERT_EQ(expected.facets[f].values.size(), actual.facets[f].values.size());
    for (std::size_t v = 0; v < expected.facets[f].values.size(); ++v) {
      EXPECT_EQ(expected.facets[f].values[v].value, actual.facets[f].values[v].value);
      EXPECT_EQ(expected.facets[f].values[v].count, actual.facets[f].values[v].count);
    }
  }
  ASSERT_EQ(expected.timeline.size(), actual.timeline.size());
  for (std::size_t b = 0; b < expected.timeline.size(); ++b) {
    EXPECT_EQ(expected.timeline[b].period, actual.timeline[b].period);
    EXPECT_EQ(expected.timeline[b].count, actual.timeline[b].count);
  }
}

class RemoteShardsTest : public ::testing::Test {
 protected:
  static constexpr std::size_t kArticles = 300;

  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    std::ofstream(*dir_ / "corpus.jsonl") << make_corpus(kArticles);
    for (const auto& [db, shards] : {std::pair{"single", "1"}, std::pair{"sharded", "3"}}) {
      const auto indexed = run_command(
          SEARCHTOOL_PATH,
          {"index", "--quiet", "--db", *dir_ / db, "--shards", shards, *dir_ / "corpus.jsonl"});
      ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
    }
    for (int i = 0; i < 3; ++i) {
      servers_[i] = new testing::TcpServer(XAPIAN_TCPSRV_PATH,
                                           *dir_ / "sharded" / ("shard-" + std::to_string(i)));
    }
    std::ofstream stub(*dir_ / "remote.stub");
    stub << "# the shards of ../sharded, each served by xapian-tcpsrv\n";
    for (const auto* server : servers_)
      stub << "remote " << server->address() << '\n';
  }
  static void TearDownTestSuite() {
    for (auto*& server : servers_) {
      delete server;
      server = nullptr;
    }
    delete dir_;
  }

  static fs::path path(const char* name) { return *dir_ / name; }

  static testing::TempDir* dir_;
  static testing::TcpServer* servers_[3];
};

testing::TempDir* RemoteShardsTest::dir_ = nullptr;
testing::TcpServer* RemoteShardsTest::servers_[3] = {};

TEST_F(RemoteShardsTest, EveryQueryAnswersAlikeOnOneIndexLocalShardsAndRemoteShards) {
  const auto single = Index::open(path("single"));
  const auto local = Index::open(path("sharded"));
  const auto remote = Index::open(path("remote.stub"));
  ASSERT_EQ(single.size(), kArticles);
  EXPECT_EQ(local.size(), kArticles);
  EXPECT_EQ(remote.size(), kArticles);
  const auto requests = make_requests();
  ASSERT_GE(requests.size(), 50u);
  std::size_t with_hits = 0;
  std::size_t with_facets = 0;
  for (SearchRequest request : requests) {
    // Spelling suggestions are the one thing remote shards cannot give (README): compared
    // separately below.
    request.suggest_below = 0;
    const auto expected = single.search(request);
    SearchRequest everything = request;
    everything.limit = kArticles;
    everything.offset = 0;
    const auto all_expected = single.search(everything);
    ASSERT_TRUE(all_expected.total_exact);
    for (const auto& [setup, index] :
         {std::pair{"local shards: ", &local}, std::pair{"remote shards: ", &remote}}) {
      const std::string what = setup + describe(request);
      const auto actual = index->search(request);
      const auto all_actual = index->search(everything);
      EXPECT_FALSE(actual.partial);
      EXPECT_TRUE(actual.warnings.empty());
      EXPECT_EQ(all_expected.total, all_actual.total) << what;
      if (request.query.find('*') == std::string::npos) {
        expect_same(expected, actual, what);
        continue;
      }
      // Each shard expands a wildcard into its own words, weighted by its own statistics
      // (README): the same articles match, in another order.
      auto want = testing::hit_ids(all_expected);
      auto got = testing::hit_ids(all_actual);
      std::sort(want.begin(), want.end());
      std::sort(got.begin(), got.end());
      EXPECT_EQ(want, got) << what;
    }
    with_hits += expected.hits.empty() ? 0 : 1;
    for (const auto& facet : expected.facets)
      with_facets += facet.values.size() > 1 ? 1 : 0;
  }
  // The set must exercise something: most queries match, and the facet queries count.
  EXPECT_GE(with_hits, 45u);
  EXPECT_GE(with_facets, 20u);
}

TEST_F(RemoteShardsTest, GetFindsArticlesOnEveryShard) {
  const auto remote = Index::open(path("remote.stub"));
  for (const char* id : {"story-0", "story-1", "story-2", "story-151", "story-299"}) {
    const auto article = remote.get(id);
    ASSERT_TRUE(article) << id;
    EXPECT_EQ(article->id, id);
    EXPECT_EQ(*article, *Index::open(path("single")).get(id));
  }
  EXPECT_FALSE(remote.get("story-300"));
}

TEST_F(RemoteShardsTest, SpellingSuggestionsComeFromLocalShardsOnlyAndRemoteOnesSaySo) {
  const SearchRequest request{.query = "Lindkvist"};
  const auto single = Index::open(path("single")).search(request);
  ASSERT_EQ(single.suggestion, "Lindqvist");
  EXPECT_EQ(Index::open(path("sharded")).search(request).suggestion, "Lindqvist");
  EXPECT_TRUE(Index::open(path("sharded")).search(request).warnings.empty());

  const auto remote = Index::open(path("remote.stub")).search(request);
  EXPECT_EQ(remote.suggestion, std::nullopt);
  ASSERT_EQ(remote.warnings.size(), 1u);
  EXPECT_NE(remote.warnings[0].find("no spelling suggestions"), std::string::npos);

  // A stub mixing a local shard with remote ones suggests from the local shard's words.
  std::ofstream(path("mixed.stub")) << "auto sharded/shard-0\nremote " << servers_[1]->address()
                                    << "\nremote " << servers_[2]->address() << '\n';
  const auto mixed = Index::open(path("mixed.stub")).search(request);
  EXPECT_EQ(mixed.total, single.total);
  ASSERT_EQ(mixed.warnings.size(), 1u);
  EXPECT_NE(mixed.warnings[0].find("only from the local shards"), std::string::npos);
}

TEST_F(RemoteShardsTest, XapianOpensTheSameStubFile) {
  // The stub is Xapian's own format: its tools search the remote shards too.
  const auto delve = run_command("xapian-delve", {path("remote.stub")});
  EXPECT_EQ(delve.exit_code, 0) << delve.err;
  EXPECT_NE(delve.out.find("number of documents = " + std::to_string(kArticles)), std::string::npos)
      << delve.out;
}

TEST_F(RemoteShardsTest, TheToolSearchesRemoteShards) {
  const auto local = run_command(SEARCHTOOL_PATH, {"query", "--db", path("sharded"), "--json",
                                                   "--facets", "place", "strike OR court"});
  const auto remote = run_command(SEARCHTOOL_PATH, {"query", "--db", path("remote.stub"), "--json",
                                                    "--facets", "place", "strike OR court"});
  ASSERT_EQ(remote.exit_code, 0) << remote.err;
  EXPECT_EQ(remote.err, "");
  const auto want = nlohmann::json::parse(local.out);
  const auto got = nlohmann::json::parse(remote.out);
  EXPECT_EQ(got["partial"], false);
  EXPECT_EQ(got["hits"], want["hits"]);
  EXPECT_EQ(got["facets"], want["facets"]);
}

TEST_F(RemoteShardsTest, WritersRefuseRemoteShards) {
  // Remote shards are written on their own machines, never through a stub.
  const auto through_file =
      run_command(SEARCHTOOL_PATH, {"index", "--db", path("remote.stub"), path("corpus.jsonl")});
  EXPECT_EQ(through_file.exit_code, 1);
  EXPECT_NE(through_file.err.find("is not an index folder but a file"), std::string::npos)
      << through_file.err;
  fs::create_directories(path("remote-folder"));
  fs::copy_file(path("remote.stub"), path("remote-folder") / "XAPIANDB");
  for (const std::vector<std::string>& command :
       {std::vector<std::string>{"delete", "--db", path("remote-folder"), "story-1"},
        std::vector<std::string>{"compact", "--db", path("remote-folder")}}) {
    const auto refused = run_command(SEARCHTOOL_PATH, command);
    EXPECT_EQ(refused.exit_code, 1) << command[0];
    EXPECT_NE(refused.err.find("XAPIANDB:2 lists the remote shard " + servers_[0]->address()),
              std::string::npos)
        << refused.err;
  }
  EXPECT_EQ(Index::open(path("remote-folder")).size(), kArticles);
}

TEST_F(RemoteShardsTest, AShardThatStopsAnsweringFailsWithinTheTimeoutOrIsLeftOut) {
  using std::chrono::milliseconds;
  using Clock = std::chrono::steady_clock;
  // Servers of this test's own, so that stopping them leaves the other tests theirs.
  testing::TcpServer first(XAPIAN_TCPSRV_PATH, path("sharded") / "shard-0");
  testing::TcpServer second(XAPIAN_TCPSRV_PATH, path("sharded") / "shard-1");
  testing::TcpServer third(XAPIAN_TCPSRV_PATH, path("sharded") / "shard-2");
  std::ofstream(path("failing.stub")) << "remote " << first.address() << "\nremote "
                                      << second.address() << "\nremote " << third.address() << '\n';
  // What a partial answer without the second shard must be: the other two, searched locally.
  std::ofstream(path("healthy.stub")) << "auto sharded/shard-0\nauto sharded/shard-2\n";
  const IndexOptions strict{.remote_timeout = milliseconds(1000),
                            .remote_connect_timeout = milliseconds(1000)};
  IndexOptions lenient = strict;
  lenient.allow_partial = true;
  lenient.partial_retry_interval = milliseconds(0);
  const SearchRequest request{.query = "counted OR strike", .limit = 1000, .snippet_bytes = 0};

  const auto index = Index::open(path("failing.stub"), strict);
  const auto partial_index = Index::open(path("failing.stub"), lenient);
  const auto full = index.search(request);
  ASSERT_FALSE(full.partial);
  EXPECT_EQ(testing::hit_ids(partial_index.search(request)), testing::hit_ids(full));
  const auto healthy = Index::open(path("healthy.stub")).search(request);
  ASSERT_LT(healthy.total, full.total);
  ASSERT_GT(healthy.total, 0u);

  const auto expect_unavailable = [&](const Index& searched, const std::string& what) {
    SCOPED_TRACE(what);
    const auto start = Clock::now();
    try {
      searched.search(request);
      ADD_FAILURE() << "no error";
    } catch (const ShardUnavailableError& error) {
      EXPECT_EQ(error.shards(), std::vector<std::string>{second.address()});
      EXPECT_NE(std::string(error.what()).find(second.address()), std::string::npos);
    }
    // Within the timeout, with room for a loaded machine.
    EXPECT_LT(Clock::now() - start, milliseconds(3000));
  };
  const auto expect_partial = [&](const Index& searched, const std::string& what) {
    SCOPED_TRACE(what);
    const auto start = Clock::now();
    const auto results = searched.search(request);
    EXPECT_LT(Clock::now() - start, milliseconds(3000));
    EXPECT_TRUE(results.partial);
    ASSERT_EQ(results.failed_shards.size(), 1u);
    EXPECT_EQ(results.failed_shards[0].shard, second.address());
    EXPECT_FALSE(results.failed_shards[0].error.empty());
    EXPECT_EQ(results.total, healthy.total);
    EXPECT_EQ(testing::hit_ids(results), testing::hit_ids(healthy));
    ASSERT_FALSE(results.warnings.empty());
    EXPECT_NE(results.warnings[0].find("partial results"), std::string::npos);
  };

  // Slow: the server and its connections are frozen, keeping their sockets open.
  second.pause();
  expect_unavailable(index, "frozen");
  expect_partial(partial_index, "frozen");
  second.resume();

  // Down: killed mid-run, with the connections the indexes hold.
  second.kill();
  expect_unavailable(index, "killed");
  expect_partial(partial_index, "killed");
  EXPECT_THROW(Index::open(path("failing.stub"), strict), ShardUnavailableError);
  expect_partial(Index::open(path("failing.stub"), lenient), "opened while down");

  const auto tool = run_command(SEARCHTOOL_PATH, {"query", "--db", path("failing.stub"),
                                                  "--remote-timeout", "1", "--json", "counted"});
  EXPECT_EQ(tool.exit_code, 1);
  EXPECT_NE(tool.err.find(second.address()), std::string::npos) << tool.err;
  EXPECT_NE(tool.err.find("--allow-partial"), std::string::npos) << tool.err;
  const auto partial_tool =
      run_command(SEARCHTOOL_PATH, {"query", "--db", path("failing.stub"), "--remote-timeout", "1",
                                    "--allow-partial", "--json", "counted"});
  EXPECT_EQ(partial_tool.exit_code, 3) << partial_tool.err;
  EXPECT_NE(partial_tool.err.find("warning: partial results"), std::string::npos);
  const auto json = nlohmann::json::parse(partial_tool.out);
  EXPECT_EQ(json["partial"], true);
  EXPECT_EQ(json["failed_shards"][0]["shard"], second.address());

  // Back on its port: searched again, by the same Index objects.
  second.start();
  EXPECT_EQ(testing::hit_ids(index.search(request)), testing::hit_ids(full));
  const auto again = partial_index.search(request);
  EXPECT_FALSE(again.partial);
  EXPECT_EQ(testing::hit_ids(again), testing::hit_ids(full));

  // None answers: an error even when partial answers are allowed.
  first.kill();
  second.kill();
  third.kill();
  EXPECT_THROW(partial_index.search(request), ShardUnavailableError);
}

TEST_F(RemoteShardsTest, ConnectionsTheServersCloseWhenIdleAreOpenedAgain) {
  // Servers that close connections idle for 200 ms, behind an Index whose pool holds several.
  std::vector<std::unique_ptr<testing::TcpServer>> servers;
  std::ofstream stub(path("idle.stub"));
  for (int i = 0; i < 3; ++i) {
    servers.push_back(std::make_unique<testing::TcpServer>(
        XAPIAN_TCPSRV_PATH, path("sharded") / ("shard-" + std::to_string(i)),
        std::vector<std::string>{"--idle-timeout", "200"}));
    stub << "remote " << servers.back()->address() << '\n';
  }
  stub.close();
  const auto index = Index::open(path("idle.stub"));
  const SearchRequest request{.query = "counted", .snippet_bytes = 0};
  const auto expected = testing::hit_ids(Index::open(path("single")).search(request));
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 5; ++i)
        EXPECT_EQ(testing::hit_ids(index.search(request)), expected);
    });
  }
  for (auto& thread : threads)
    thread.join();
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  for (int i = 0; i < 3; ++i) {
    const auto results = index.search(request);
    EXPECT_FALSE(results.partial);
    EXPECT_EQ(testing::hit_ids(results), expected);
  }
}

TEST_F(RemoteShardsTest, RemoteTimeoutsMustBePositive) {
  EXPECT_THROW(Index::open(path("remote.stub"), {.remote_timeout = std::chrono::milliseconds(0)}),
               InvalidArgumentError);
  EXPECT_THROW(
      Index::open(path("remote.stub"), {.remote_connect_timeout = std::chrono::milliseconds(-1)}),
      InvalidArgumentError);
}

TEST(StubFileTest, BadRemoteLinesAreRefusedWithTheirLine) {
  testing::TempDir dir;
  for (const char* line : {"remote 127.0.0.1", "remote 127.0.0.1:0", "remote host:port",
                           "remote :", "remote", "tcp 127.0.0.1 33333", "inmemory"}) {
    std::ofstream(dir / "stub") << "# shards\n" << line << '\n';
    try {
      Index::open(dir / "stub");
      ADD_FAILURE() << line << " was accepted";
    } catch (const IndexFormatError& error) {
      EXPECT_NE(std::string(error.what()).find("stub:2:"), std::string::npos) << error.what();
    }
  }
}

TEST(StubFileTest, AStubThatListsItselfIsRefused) {
  testing::TempDir dir;
  std::ofstream(dir / "XAPIANDB") << "auto .\n";
  EXPECT_THROW(Index::open(dir.path()), IndexFormatError);
}

}  // namespace
}  // namespace newsdex

// Copies of one story (a wire report run by several outlets, with another title, byline or a few
// words changed) found while indexing. Each article gets a signature of its body's words; an
// article whose signature is close to an indexed article's joins that article's group, and the
// group key goes into a value slot that searches collapse on (Enquire::set_collapse_key), which
// stock xapian-tcpsrv serves too. README "Duplicates" describes the rules.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include <newsdex/article.hpp>

#include "analysis/text_terms.hpp"
#include "schema/schema.hpp"

namespace newsdex::detail {

// kSignatureHashes MinHash values over the distinct stems of a text: two texts have equal
// values in about the share of places that their sets of stems overlap (Jaccard similarity).
using TextSignature = std::array<std::uint32_t, schema::kSignatureHashes>;

// Texts with fewer distinct words than this get no signature, so they are never grouped: in a
// brief or a notice of figures, one changed word (a company, a price) is another story.
inline constexpr std::size_t kMinSignatureWords = 25;

// The signature of the words of `folded_text` (fold_diacritics() applied), stopwords left out,
// stemmed as `words` stems them; nullopt when it has fewer than kMinSignatureWords distinct
// words.
std::optional<TextSignature> text_signature(std::string_view folded_text, WordAnalyzer& words);

// The signature as stored in schema::kSignatureSlot: the low byte of each value (b-bit MinHash,
// a quarter of the bytes for an estimate as good at the similarities that decide copies). Back,
// the values are those low bytes; nullopt for anything but a stored signature.
std::string encode_signature(const TextSignature& signature);
std::optional<TextSignature> decode_signature(std::string_view stored);

// An estimate of the Jaccard similarity of the two word sets, from the share of values whose low
// bytes are equal, less the share that agree by chance; so a full signature compares with a
// stored one.
double signature_similarity(const TextSignature& a, const TextSignature& b);

// The band terms of a signature (schema::kSignatureBand), which undated articles carry.
std::vector<std::string> signature_band_terms(const TextSignature& signature);

// Where a dated article looks for its copies among the articles of one shard: the signatures of
// the shard's dated articles by publication day, as copies are published within
// DuplicateRules::max_days of each other. A day is read from the shard the first time it is
// asked for, and the writer adds what it writes afterwards. A candidate is always checked
// against the shard, so an entry that a later change made stale costs one read, never a wrong
// group. Holds the signatures (68 bytes each) of at most `max_articles` articles besides the
// day last read, forgetting the days least recently asked for. Not thread-safe.
class DaySignatures {
 public:
  static constexpr std::size_t kMaxArticles = std::size_t{1} << 19;

  DaySignatures() = default;
  explicit DaySignatures(std::size_t max_articles) : max_articles_(max_articles) {}

  // Appends to `shared` each article of `shard` published from `first` to `last` whose
  // signature shares a band with `signature`: the number of bands they share, and its docid
  // (once per version the writer added, so a docid may come more than once).
  void find(Xapian::Database& shard, const Date& first, const Date& last,
            const TextSignature& signature,
            std::vector<std::pair<std::size_t, Xapian::docid>>& shared);
  // Records an article written to the shard, in case its day was read before.
  void add(Xapian::docid docid, const Date& date, const TextSignature& signature);

  // Articles whose signatures it holds.
  std::size_t articles() const { return articles_; }

 private:
  struct Entry {
    Xapian::docid docid = 0;
    std::array<std::uint32_t, schema::kSignatureBands> bands{};
  };
  struct Day {
    std::vector<Entry> entries;
    std::uint64_t last_used = 0;
  };
  static Entry entry(Xapian::docid docid, const TextSignature& signature);
  Day& load(Xapian::Database& shard, const Date& day);
  void forget_least_used(long keep);

  std::size_t max_articles_ = kMaxArticles;
  std::unordered_map<long, Day> days_;
  std::size_t articles_ = 0;
  std::uint64_t clock_ = 0;
};

// A shard as grouping reads it.
struct GroupingShard {
  Xapian::WritableDatabase* database = nullptr;
  DaySignatures* days = nullptr;
};

// The group key a new group of copies takes from the signature of its first member: from its
// stored form, so that the key is the same whether that member was found indexed or pending.
std::string new_group_key(const TextSignature& first);

// When two articles count as copies of one story.
struct DuplicateRules {
  double min_similarity = 0.7;  // estimated share of distinct words in common
  int max_days = 2;             // most days between their publication dates
  // An undated article may only be a copy of an undated one: without a date nothing says that
  // the two ran together, and the articles of every day would be candidates.
};

// An article about to be written, as the grouping sees it.
struct PendingArticle {
  std::string id_term;
  std::string fingerprint;
  std::optional<Date> date;
  std::optional<TextSignature> signature;
  Xapian::Document* document = nullptr;  // receives the group key
};

// A group key to add to an article already in the index, which a new copy has joined.
struct GroupTag {
  std::size_t shard = 0;
  Xapian::docid docid = 0;
  std::string key;
};

// Adds the group key to a document: the collapse value and the boolean term.
void set_group_key(Xapian::Document& document, const std::string& key);

// Finds, for each article of a chunk in order, the closest copy among the articles of `shards`
// and the chunk's earlier articles whose group it may join (it must be a copy of every member),
// and gives both the copy's group key (a new key when the copy had none). Reads the shards only, so
// it runs while nothing writes them; returns the tags to add to articles already indexed. An
// article whose identical version is already indexed keeps the group it has.
std::vector<GroupTag> group_copies(std::span<const GroupingShard> shards,
                                   std::span<PendingArticle> chunk, const DuplicateRules& rules);

}  // namespace newsdex::detail

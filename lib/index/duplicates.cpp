#include "index/duplicates.hpp"

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "text/fold.hpp"
#include "text/hash.hpp"

namespace newsdex::detail {

namespace {

// A band term that more undated articles share than this comes from boilerplate or a template,
// not from copies of one story: it is not searched, so that it cannot make indexing slow.
constexpr Xapian::doccount kMaxArticlesPerBand = 1000;

// Indexed articles read per new article, at most: copies share most bands, so those sharing the
// most (dated articles) or found through the rarest band terms (undated ones) are read first,
// and a corpus of look-alike texts (generated, or market reports of one template) costs a
// bounded number of reads per article.
constexpr std::size_t kMaxIndexedReads = 32;
// Candidates put in order before the reads: enough for the reads, and for stale entries (older
// versions of articles written since) and repeated ones among them.
constexpr std::size_t kSortedReads = 4 * kMaxIndexedReads;

// SplitMix64's finaliser: spreads the bits of a word's hash, differently for each of the
// signature's hash functions.
std::uint64_t mix(std::uint64_t value) {
  value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
  value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
  return value ^ (value >> 31);
}

constexpr std::uint64_t kGolden = 0x9e3779b97f4a7c15ULL;

std::optional<Date> date_of(const std::string& compact) {
  if (compact.size() != 8) return std::nullopt;
  return Date::parse(compact.substr(0, 4) + '-' + compact.substr(4, 2) + '-' + compact.substr(6));
}

bool close_in_time(const std::optional<Date>& a, const std::optional<Date>& b, int max_days) {
  if (!a || !b) return !a && !b;
  return std::labs(a->days() - b->days()) <= max_days;
}

// Articles of a group compared with an article that would join it, at most.
constexpr std::size_t kMaxMembersChecked = 50;

// A shard and a document in it.
using Place = std::pair<std::size_t, Xapian::docid>;

// A copy found for an article: one of the chunk or an indexed one.
struct Candidate {
  double similarity = 0;
  std::optional<std::size_t> chunk_position;
  std::size_t shard = 0;
  Xapian::docid docid = 0;
  std::string key;
  TextSignature signature{};
};

struct StoredVersion {
  std::size_t shard = 0;
  Xapian::docid docid = 0;
  bool unchanged = false;
  std::string key;
};

std::optional<StoredVersion> find_stored(std::span<const GroupingShard> shards,
                                         const PendingArticle& article) {
  for (std::size_t shard = 0; shard < shards.size(); ++shard) {
    Xapian::WritableDatabase& database = *shards[shard].database;
    const Xapian::PostingIterator posting = database.postlist_begin(article.id_term);
    if (posting == database.postlist_end(article.id_term)) continue;
    const Xapian::Document stored = database.get_document(*posting);
    return StoredVersion{shard, *posting,
                         stored.get_value(schema::kFingerprintSlot) == article.fingerprint,
                         stored.get_value(schema::kDuplicateGroupSlot)};
  }
  return std::nullopt;
}

// What grouping needs of an indexed article; nullopt when it has no signature.
struct Indexed {
  TextSignature signature;
  std::optional<Date> date;
  std::string key;
};

std::optional<Indexed> read_indexed(Xapian::WritableDatabase& database, Xapian::docid docid) {
  try {
    const Xapian::Document document = database.get_document(docid, Xapian::DOC_ASSUME_VALID);
    const auto signature = decode_signature(document.get_value(schema::kSignatureSlot));
    if (!signature) return std::nullopt;
    return Indexed{*signature, date_of(document.get_value(schema::kDateSlot)),
                   document.get_value(schema::kDuplicateGroupSlot)};
  } catch (const Xapian::DocNotFoundError&) {
    return std::nullopt;  // removed since DaySignatures recorded it
  }
}

// How many articles of each shard hold each band term.
using BandCounts = std::unordered_map<std::string, std::vector<Xapian::doccount>>;

// The counts of `bands` in every shard, looked up in sorted order: terms that sort together lie
// in the same blocks of Xapian's B-tree, which are then read once rather than once per article.
BandCounts count_bands(std::span<const GroupingShard> shards, std::vector<std::string> bands) {
  std::sort(bands.begin(), bands.end());
  bands.erase(std::unique(bands.begin(), bands.end()), bands.end());
  BandCounts counts;
  counts.reserve(bands.size());
  for (const auto& band : bands)
    counts[band].resize(shards.size());
  for (std::size_t shard = 0; shard < shards.size(); ++shard) {
    for (const auto& band : bands)
      counts[band][shard] = shards[shard].database->get_termfreq(band);
  }
  return counts;
}

// An article's band terms in each shard, the rarest first, leaving out the bands of boilerplate
// (kMaxArticlesPerBand).
std::vector<std::pair<std::size_t, std::string>> bands_to_search(
    const BandCounts& counts, const std::vector<std::string>& bands) {
  std::vector<std::tuple<Xapian::doccount, std::size_t, std::string>> counted;
  for (const auto& band : bands) {
    const std::vector<Xapian::doccount>& by_shard = counts.at(band);
    for (std::size_t shard = 0; shard < by_shard.size(); ++shard) {
      if (by_shard[shard] > 0 && by_shard[shard] <= kMaxArticlesPerBand)
        counted.emplace_back(by_shard[shard], shard, band);
    }
  }
  std::sort(counted.begin(), counted.end());
  std::vector<std::pair<std::size_t, std::string>> ordered;
  ordered.reserve(counted.size());
  for (auto& [articles, shard, band] : counted)
    ordered.emplace_back(shard, std::move(band));
  return ordered;
}

// The key of an indexed article, counting the keys this chunk has given but not yet written.
std::string pending_key(const std::vector<GroupTag>& tags, const Place& place,
                        const std::string& stored_key) {
  for (const auto& tag : tags) {
    if (tag.shard == place.first && tag.docid == place.second) return tag.key;
  }
  return stored_key;
}

}  // namespace

std::optional<TextSignature> text_signature(std::string_view folded_text, WordAnalyzer& analyzer) {
  std::unordered_set<std::uint64_t> words;
  for_each_word(folded_text, [&](const Word& word) {
    const WordAnalysis& analysis = analyzer(word.text);
    if (!analysis.stopword) words.insert(fnv1a64(analysis.stem));
  });
  if (words.size() < kMinSignatureWords) return std::nullopt;
  TextSignature signature;
  signature.fill(std::numeric_limits<std::uint32_t>::max());
  for (const std::uint64_t word : words) {
    for (std::size_t i = 0; i < signature.size(); ++i) {
      const auto value = static_cast<std::uint32_t>(mix(word + (i + 1) * kGolden) >> 32);
      signature[i] = std::min(signature[i], value);
    }
  }
  return signature;
}

namespace {

// All 4 bytes of each value, big-endian: what the band terms hash.
std::string full_bytes(const TextSignature& signature) {
  std::string out;
  out.reserve(signature.size() * 4);
  for (const std::uint32_t value : signature) {
    for (int shift = 24; shift >= 0; shift -= 8)
      out.push_back(static_cast<char>((value >> shift) & 0xff));
  }
  return out;
}

// Two unrelated values agree in their low byte once in 256 times.
constexpr double kChanceAgreement = 1.0 / 256;

}  // namespace

std::string encode_signature(const TextSignature& signature) {
  std::string out;
  out.reserve(signature.size());
  for (const std::uint32_t value : signature)
    out.push_back(static_cast<char>(value & 0xff));
  return out;
}

std::optional<TextSignature> decode_signature(std::string_view stored) {
  TextSignature signature;
  // One byte per value, or the 4 big-endian bytes per value of layout revision 1, of which the
  // low byte is kept: similarity compares nothing else.
  std::size_t width = 0;
  if (stored.size() == signature.size()) width = 1;
  if (stored.size() == signature.size() * 4) width = 4;
  if (width == 0) return std::nullopt;
  for (std::size_t i = 0; i < signature.size(); ++i)
    signature[i] = static_cast<unsigned char>(stored[i * width + width - 1]);
  return signature;
}

double signature_similarity(const TextSignature& a, const TextSignature& b) {
  std::size_t equal = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    equal += (a[i] & 0xff) == (b[i] & 0xff) ? 1 : 0;
  const double share = static_cast<double>(equal) / static_cast<double>(a.size());
  return std::max(0.0, (share - kChanceAgreement) / (1 - kChanceAgreement));
}

std::vector<std::string> signature_band_terms(const TextSignature& signature) {
  static constexpr char kHex[] = "0123456789abcdef";
  const std::string encoded = full_bytes(signature);
  std::vector<std::string> terms;
  terms.reserve(schema::kSignatureBands);
  for (std::size_t band = 0; band < schema::kSignatureBands; ++band) {
    const std::string_view rows = std::string_view(encoded).substr(
        band * schema::kSignatureRows * 4, schema::kSignatureRows * 4);
    std::string term(schema::kSignatureBand);
    term += kHex[band >> 4];
    term += kHex[band & 15];
    term += hex64(fnv1a64(rows)).substr(8);
    terms.push_back(std::move(term));
  }
  return terms;
}

std::string new_group_key(const TextSignature& first) {
  return hex64(fnv1a64(encode_signature(first)));
}

void set_group_key(Xapian::Document& document, const std::string& key) {
  document.add_value(schema::kDuplicateGroupSlot, key);
  document.add_boolean_term(std::string(schema::kDuplicateGroup) + key);
}

namespace {

// The low bytes of a band's values, which is what a stored signature keeps of them.
std::array<std::uint32_t, schema::kSignatureBands> band_words(const TextSignature& signature) {
  std::array<std::uint32_t, schema::kSignatureBands> words{};
  for (std::size_t band = 0; band < schema::kSignatureBands; ++band) {
    for (std::size_t row = 0; row < schema::kSignatureRows; ++row)
      words[band] = words[band] << 8 | (signature[band * schema::kSignatureRows + row] & 0xff);
  }
  return words;
}

// A band's words as one key, the band's number included.
std::uint64_t band_key(std::size_t band, std::uint32_t word) {
  return static_cast<std::uint64_t>(band) << 32 | word;
}

}  // namespace

DaySignatures::Entry DaySignatures::entry(Xapian::docid docid, const TextSignature& signature) {
  return {docid, band_words(signature)};
}

DaySignatures::Day& DaySignatures::load(Xapian::Database& shard, const Date& day) {
  const auto [found, added] = days_.try_emplace(day.days());
  Day& loaded = found->second;
  loaded.last_used = ++clock_;
  if (!added) return loaded;
  const std::string term = schema::day_term(schema::kDay, day);
  Xapian::ValueIterator value = shard.valuestream_begin(schema::kSignatureSlot);
  const Xapian::ValueIterator no_value = shard.valuestream_end(schema::kSignatureSlot);
  for (auto it = shard.postlist_begin(term); it != shard.postlist_end(term); ++it) {
    value.skip_to(*it);
    if (value == no_value) break;
    if (value.get_docid() != *it) continue;
    if (const auto signature = decode_signature(*value))
      loaded.entries.push_back(entry(*it, *signature));
  }
  articles_ += loaded.entries.size();
  if (articles_ > max_articles_) forget_least_used(day.days());
  return loaded;
}

void DaySignatures::forget_least_used(long keep) {
  std::vector<std::pair<std::uint64_t, long>> by_use;
  for (const auto& [day, loaded] : days_) {
    if (day != keep) by_use.emplace_back(loaded.last_used, day);
  }
  std::sort(by_use.begin(), by_use.end());
  for (const auto& [last_used, day] : by_use) {
    if (articles_ <= max_articles_) break;
    const auto found = days_.find(day);
    articles_ -= found->second.entries.size();
    days_.erase(found);
  }
}

void DaySignatures::find(Xapian::Database& shard, const Date& first, const Date& last,
                         const TextSignature& signature,
                         std::vector<std::pair<std::size_t, Xapian::docid>>& shared) {
  const auto words = band_words(signature);
  for (long day = first.days(); day <= last.days(); ++day) {
    for (const Entry& indexed : load(shard, Date::from_days(day)).entries) {
      std::size_t bands = 0;
      for (std::size_t band = 0; band < schema::kSignatureBands; ++band)
        bands += indexed.bands[band] == words[band] ? 1 : 0;
      if (bands > 0) shared.emplace_back(bands, indexed.docid);
    }
  }
}

void DaySignatures::add(Xapian::docid docid, const Date& date, const TextSignature& signature) {
  const auto found = days_.find(date.days());
  if (found == days_.end()) return;  // read from the shard, with this article, when asked for
  found->second.entries.push_back(entry(docid, signature));
  ++articles_;
}

std::vector<GroupTag> group_copies(std::span<const GroupingShard> shards,
                                   std::span<PendingArticle> chunk, const DuplicateRules& rules) {
  std::vector<GroupTag> tags;
  std::vector<std::string> keys(chunk.size());
  std::vector<std::optional<StoredVersion>> stored(chunk.size());
  // Chunk positions by band (band_key), and the indexed versions that earlier articles of the
  // chunk replace (or repeat): those are stale, the chunk's article stands for them.
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> chunk_bands;
  std::set<Place> superseded;

  // What the loop below reads of the shards, read first: nothing writes them meanwhile.
  // Undated articles find their indexed copies through band terms, dated ones by day.
  std::vector<std::vector<std::string>> bands_of(chunk.size());
  std::vector<std::string> searched_bands;
  for (std::size_t i = 0; i < chunk.size(); ++i) {
    stored[i] = find_stored(shards, chunk[i]);
    if (!chunk[i].signature || chunk[i].date) continue;
    bands_of[i] = signature_band_terms(*chunk[i].signature);
    if (!(stored[i] && stored[i]->unchanged)) {
      searched_bands.insert(searched_bands.end(), bands_of[i].begin(), bands_of[i].end());
    }
  }
  const BandCounts band_counts = count_bands(shards, std::move(searched_bands));

  for (std::size_t i = 0; i < chunk.size(); ++i) {
    PendingArticle& article = chunk[i];
    const auto words = article.signature ? band_words(*article.signature)
                                         : std::array<std::uint32_t, schema::kSignatureBands>{};
    const auto remember = [&] {
      if (article.signature) {
        for (std::size_t band = 0; band < schema::kSignatureBands; ++band)
          chunk_bands[band_key(band, words[band])].push_back(i);
      }
      if (stored[i]) superseded.insert({stored[i]->shard, stored[i]->docid});
    };
    const auto stale = [&](const Place& place) {
      return (stored[i] && stored[i]->shard == place.first && stored[i]->docid == place.second) ||
             superseded.count(place) > 0;
    };
    if (stored[i] && stored[i]->unchanged) {
      keys[i] = stored[i]->key;
      if (!keys[i].empty()) set_group_key(*article.document, keys[i]);
      remember();
      continue;
    }
    if (!article.signature) {
      remember();
      continue;
    }
    const auto is_copy = [&](const TextSignature& signature, const std::optional<Date>& date) {
      return close_in_time(article.date, date, rules.max_days) &&
             signature_similarity(*article.signature, signature) >= rules.min_similarity;
    };

    // Every article sharing a band with this one and close enough to be a copy.
    std::vector<Candidate> candidates;
    std::unordered_set<std::size_t> chunk_seen;
    for (std::size_t band = 0; band < schema::kSignatureBands; ++band) {
      const auto found = chunk_bands.find(band_key(band, words[band]));
      if (found == chunk_bands.end()) continue;
      for (const std::size_t j : found->second) {
        if (chunk[j].id_term == article.id_term || !chunk_seen.insert(j).second) continue;
        if (!is_copy(*chunk[j].signature, chunk[j].date)) continue;
        candidates.push_back(
            {.similarity = signature_similarity(*article.signature, *chunk[j].signature),
             .chunk_position = j,
             .key = keys[j],
             .signature = *chunk[j].signature});
      }
    }
    // The indexed articles to read, in order: at most kMaxIndexedReads of them.
    std::vector<Place> to_read;
    if (article.date) {
      // Those published within the window, sharing the most bands first (of the first
      // kSortedReads; the order of the rest, read only when many are stale, matters less).
      std::vector<std::tuple<std::size_t, std::size_t, Xapian::docid>> shared_bands;
      const Date first = Date::from_days(article.date->days() - rules.max_days);
      const Date last = Date::from_days(article.date->days() + rules.max_days);
      std::vector<std::pair<std::size_t, Xapian::docid>> shared;
      for (std::size_t shard = 0; shard < shards.size(); ++shard) {
        shared.clear();
        shards[shard].days->find(*shards[shard].database, first, last, *article.signature, shared);
        for (const auto& [bands, docid] : shared)
          shared_bands.emplace_back(bands, shard, docid);
      }
      const auto sorted_end = shared_bands.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                         shared_bands.size(), kSortedReads));
      std::partial_sort(shared_bands.begin(), sorted_end, shared_bands.end(), std::greater<>());
      for (const auto& [bands, shard, docid] : shared_bands)
        to_read.emplace_back(shard, docid);
    } else {
      std::set<Place> listed;
      for (const auto& [shard, band] : bands_to_search(band_counts, bands_of[i])) {
        Xapian::WritableDatabase& database = *shards[shard].database;
        std::size_t listed_here = 0;
        for (auto it = database.postlist_begin(band);
             it != database.postlist_end(band) && listed_here < kMaxIndexedReads; ++it) {
          if (listed.insert({shard, *it}).second) {
            to_read.emplace_back(shard, *it);
            ++listed_here;
          }
        }
      }
    }
    std::size_t reads = 0;
    std::set<Place> read;
    for (const Place& place : to_read) {
      if (reads == kMaxIndexedReads) break;
      if (stale(place) || !read.insert(place).second) continue;
      ++reads;
      const auto found = read_indexed(*shards[place.first].database, place.second);
      if (!found || !is_copy(found->signature, found->date)) continue;
      candidates.push_back(
          {.similarity = signature_similarity(*article.signature, found->signature),
           .shard = place.first,
           .docid = place.second,
           .key = pending_key(tags, place, found->key),
           .signature = found->signature});
    }
    std::stable_sort(
        candidates.begin(), candidates.end(),
        [](const Candidate& a, const Candidate& b) { return a.similarity > b.similarity; });

    // A group admits an article only when it is a copy of each member (up to
    // kMaxMembersChecked of them), so that a chain of articles, each a little different from
    // the one before, never makes one group of different stories.
    const auto admits = [&](const std::string& key) {
      std::size_t checked = 0;
      for (std::size_t j = 0; j < i && checked < kMaxMembersChecked; ++j) {
        if (keys[j] != key || chunk[j].id_term == article.id_term) continue;
        ++checked;
        if (!chunk[j].signature || !is_copy(*chunk[j].signature, chunk[j].date)) return false;
      }
      const std::string term = std::string(schema::kDuplicateGroup) + key;
      for (std::size_t shard = 0; shard < shards.size(); ++shard) {
        Xapian::WritableDatabase& database = *shards[shard].database;
        for (auto it = database.postlist_begin(term);
             it != database.postlist_end(term) && checked < kMaxMembersChecked; ++it) {
          if (stale({shard, *it})) continue;
          ++checked;
          const auto found = read_indexed(database, *it);
          if (!found || !is_copy(found->signature, found->date)) return false;
        }
      }
      for (const auto& tag : tags) {
        if (tag.key != key || checked >= kMaxMembersChecked) continue;
        ++checked;
        const auto found = read_indexed(*shards[tag.shard].database, tag.docid);
        if (!found || !is_copy(found->signature, found->date)) return false;
      }
      return true;
    };

    for (const Candidate& best : candidates) {
      if (!best.key.empty() && !admits(best.key)) continue;
      const std::string key = best.key.empty() ? new_group_key(best.signature) : best.key;
      if (best.key.empty()) {
        if (best.chunk_position) {
          const std::size_t j = *best.chunk_position;
          keys[j] = key;
          set_group_key(*chunk[j].document, key);
          // An unchanged article is not written again, so its indexed version takes the key.
          if (stored[j] && stored[j]->unchanged) {
            tags.push_back({stored[j]->shard, stored[j]->docid, key});
          }
        } else {
          tags.push_back({best.shard, best.docid, key});
        }
      }
      keys[i] = key;
      set_group_key(*article.document, key);
      break;
    }
    remember();
  }
  return tags;
}

}  // namespace newsdex::detail

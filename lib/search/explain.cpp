#include "search/explain.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "schema/schema.hpp"

namespace newsdex::detail {

double Bm25::weight(double articles, double termfreq, double wdf, double length,
                    double average_length) {
  if (wdf <= 0) return 0;
  // The inverse document frequency part, raised for terms in more than a third of the articles
  // as Xapian raises it, so that no matching term weighs nothing.
  double odds = (articles - termfreq + 0.5) / (termfreq + 0.5);
  if (odds < 2) odds = odds * 0.5 + 1;
  const double term_weight = std::log(odds) * (kK1 + 1);
  const double normalised =
      std::max(average_length > 0 ? length / average_length : 0.0, kMinNormalisedLength);
  return term_weight * wdf / (kK1 * (normalised * kB + (1 - kB)) + wdf);
}

std::vector<WeightedTerm> weighted_terms(const Xapian::Query& query) {
  std::vector<WeightedTerm> terms;
  std::map<std::string, std::size_t> index;
  // Walked without recursion, since a parsed query may nest deeply; children are pushed in
  // reverse so that terms come out in query order.
  std::vector<Xapian::Query> pending{query};
  while (!pending.empty()) {
    const Xapian::Query next = std::move(pending.back());
    pending.pop_back();
    std::size_t weighted_children = 0;
    switch (next.get_type()) {
      case Xapian::Query::LEAF_TERM: {
        const std::string term = *next.get_terms_begin();
        if (term.empty()) break;  // MatchAll
        const auto [it, added] = index.emplace(term, terms.size());
        if (added) terms.push_back({term, 0});
        ++terms[it->second].count;
        break;
      }
      case Xapian::Query::OP_AND:
      case Xapian::Query::OP_OR:
      case Xapian::Query::OP_XOR:
      case Xapian::Query::OP_AND_MAYBE:
      case Xapian::Query::OP_PHRASE:
      case Xapian::Query::OP_NEAR:
        weighted_children = next.get_num_subqueries();
        break;
      case Xapian::Query::OP_AND_NOT:
      case Xapian::Query::OP_FILTER:
        weighted_children = next.get_num_subqueries() > 0 ? 1 : 0;
        break;
      default:
        break;
    }
    for (std::size_t i = weighted_children; i > 0; --i)
      pending.push_back(next.get_subquery(i - 1));
  }
  return terms;
}

namespace {

// The field a term belongs to and the word it stands for: Zcourt -> text, court, stemmed.
void describe(const std::string& term, TermScore& score) {
  std::size_t start = 0;
  while (start < term.size() && term[start] >= 'A' && term[start] <= 'Z')
    ++start;
  std::string prefix = term.substr(0, start);
  score.word = term.substr(start);
  score.stemmed = !prefix.empty() && prefix[0] == schema::kStemmed[0];
  if (score.stemmed) prefix.erase(0, 1);
  score.field = prefix.empty()                   ? "text"
                : prefix == schema::kTitle       ? "title"
                : prefix == schema::kSpeakerWord ? "speaker"
                : prefix == schema::kPlaceWord   ? "place"
                                                 : prefix;
}

}  // namespace

Explanation explain_score(const Xapian::Database& database, Xapian::docid docid,
                          const std::vector<WeightedTerm>& terms, double score, double recency) {
  Explanation explanation;
  explanation.length = database.get_doclength(docid);
  explanation.average_length = database.get_avlength();
  explanation.recency = recency;
  const auto articles = static_cast<double>(database.get_doccount());
  double explained = recency;
  Xapian::TermIterator it = database.termlist_begin(docid);
  std::vector<std::pair<std::string, std::size_t>> sorted;
  for (std::size_t i = 0; i < terms.size(); ++i)
    sorted.emplace_back(terms[i].term, i);
  std::sort(sorted.begin(), sorted.end());
  // The termlist is in term order, so one pass finds every term the article has.
  for (const auto& [term, position] : sorted) {
    it.skip_to(term);
    if (it == database.termlist_end(docid)) break;
    if (*it != term) continue;
    TermScore part;
    part.term = term;
    describe(term, part);
    part.wdf = it.get_wdf();
    part.articles = database.get_termfreq(term);
    part.weight = terms[position].count * Bm25::weight(articles, static_cast<double>(part.articles),
                                                       static_cast<double>(part.wdf),
                                                       static_cast<double>(explanation.length),
                                                       explanation.average_length);
    explained += part.weight;
    explanation.terms.push_back(std::move(part));
  }
  std::stable_sort(explanation.terms.begin(), explanation.terms.end(),
                   [](const TermScore& a, const TermScore& b) { return a.weight > b.weight; });
  // Rounding apart, what the terms leave unexplained is the part of wildcards and synonyms.
  const double other = score - explained;
  explanation.other = std::abs(other) <= 1e-9 * std::max(1.0, std::abs(score)) ? 0 : other;
  return explanation;
}

}  // namespace newsdex::detail

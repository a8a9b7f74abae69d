// Why a hit scores what it scores: each query term's part of its BM25 weight, worked out from
// the statistics Xapian ranks with and the formula of Xapian's BM25Weight, since Xapian 1.4 has
// no per-term account of a match (README "Explain").
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include <newsdex/index.hpp>

namespace newsdex::detail {

// Xapian's BM25Weight with its default parameters (k1 = 1, k2 = 0, k3 = 1, b = 0.5,
// min_normlen = 0.5), for a term the query has once.
struct Bm25 {
  static constexpr double kK1 = 1;
  static constexpr double kB = 0.5;
  static constexpr double kMinNormalisedLength = 0.5;

  // The weight of a term found in `termfreq` of `articles` articles, `wdf` times in an article
  // of `length` where the average length is `average_length`.
  static double weight(double articles, double termfreq, double wdf, double length,
                       double average_length);
};

// A term that adds to the score of the articles having it, and how many times the query has it.
struct WeightedTerm {
  std::string term;
  unsigned count = 0;
};

// The terms of `query` that carry weight (not the filters, nor what a NOT excludes), in query
// order. Terms under operators that weigh their parts as one (wildcards, synonyms) or rescale
// them are left out; Explanation::other holds their part.
std::vector<WeightedTerm> weighted_terms(const Xapian::Query& query);

// The explanation of `score` for document `docid`: the parts of `terms`, and `recency` (the
// recency boost the document got), with what remains in Explanation::other.
Explanation explain_score(const Xapian::Database& database, Xapian::docid docid,
                          const std::vector<WeightedTerm>& terms, double score, double recency);

}  // namespace newsdex::detail

// Recency: relevance blended with publication age through Xapian's ValueMapPostingSource over
// the publication date slot, a built-in class that remote shards (xapian-tcpsrv) also run.
#pragma once

#include <optional>

#include <xapian.h>

#include <newsdex/article.hpp>

namespace newsdex::detail {

// The boost an article gains for being recent (README "Recency"):
//   boost = weight × scale × 2^(−age / half_life_days)
// where age is the number of days from its publication to the reference date (0 when published
// later), scale the best relevance score an article reaches for the query (1 when the query
// has no relevance, e.g. an empty query). Ages beyond kMaxHalfLives half-lives give 0.
class RecencyBoost {
 public:
  static constexpr double kMaxHalfLives = 20;

  RecencyBoost(double half_life_days, double weight, double scale, const Date& reference);

  double boost(const Date& published) const;
  const Date& reference() const { return reference_; }

  // `query` with the boost added to the score of every article it matches.
  Xapian::Query apply(const Xapian::Query& query, const Xapian::Database& database) const;

 private:
  double half_life_days_;
  double weight_;
  double scale_;
  Date reference_;
};

// The boost for a query over `database`, with the reference date defaulting to the newest
// publication date in the index; nullopt when no article is dated. Throws InvalidArgumentError
// for a half-life or weight that is not positive and finite.
std::optional<RecencyBoost> make_recency_boost(const Xapian::Query& query,
                                               const Xapian::Database& database,
                                               double half_life_days, double weight,
                                               std::optional<Date> reference);

}  // namespace newsdex::detail

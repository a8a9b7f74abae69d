#include "search/recency.hpp"

#include <algorithm>
#include <cmath>

#include <newsdex/error.hpp>

#include "schema/schema.hpp"

namespace newsdex::detail {

namespace {

std::optional<Date> parse_compact(const std::string& value) {
  if (value.size() != 8) return std::nullopt;
  return Date::parse(value.substr(0, 4) + '-' + value.substr(4, 2) + '-' + value.substr(6, 2));
}

}  // namespace

RecencyBoost::RecencyBoost(double half_life_days, double weight, double scale,
                           const Date& reference)
    : half_life_days_(half_life_days), weight_(weight), scale_(scale), reference_(reference) {}

double RecencyBoost::boost(const Date& published) const {
  const double age = static_cast<double>(std::max(0L, reference_.days() - published.days()));
  if (age > kMaxHalfLives * half_life_days_) return 0;
  return weight_ * scale_ * std::exp2(-age / half_life_days_);
}

Xapian::Query RecencyBoost::apply(const Xapian::Query& query,
                                  const Xapian::Database& database) const {
  const auto lowest = parse_compact(database.get_value_lower_bound(schema::kDateSlot));
  const auto highest = parse_compact(database.get_value_upper_bound(schema::kDateSlot));
  if (!lowest || !highest) return query;
  // One entry per day that can gain anything; older days and undated articles gain 0.
  const long oldest_boosted =
      reference_.days() - static_cast<long>(std::ceil(kMaxHalfLives * half_life_days_));
  auto* source = new Xapian::ValueMapPostingSource(schema::kDateSlot);
  source->set_default_weight(0);
  for (long day = std::max(lowest->days(), oldest_boosted); day <= highest->days(); ++day) {
    const Date date = Date::from_days(day);
    source->add_mapping(date.compact(), boost(date));
  }
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, Xapian::Query(source->release()));
}

std::optional<RecencyBoost> make_recency_boost(const Xapian::Query& query,
                                               const Xapian::Database& database,
                                               double half_life_days, double weight,
                                               std::optional<Date> reference) {
  if (!(half_life_days > 0) || !std::isfinite(half_life_days)) {
    throw InvalidArgumentError("the recency half-life must be a positive number of days");
  }
  if (!(weight > 0) || !std::isfinite(weight)) {
    throw InvalidArgumentError("the recency weight must be a positive number");
  }
  if (!reference) reference = parse_compact(database.get_value_upper_bound(schema::kDateSlot));
  if (!reference) return std::nullopt;
  // The best score the query alone gives an article, so that the boost keeps its meaning
  // whatever the query's scale. Not Xapian's bound on possible scores (get_max_possible), which
  // it works out per shard from that shard's bounds on document lengths, so that one index
  // would rank differently as one database, as local shards and as remote ones.
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  const Xapian::MSet top = enquire.get_mset(0, 1);
  const double best = top.empty() ? 0 : top.begin().get_weight();
  return RecencyBoost(half_life_days, weight, best > 0 ? best : 1.0, *reference);
}

}  // namespace newsdex::detail

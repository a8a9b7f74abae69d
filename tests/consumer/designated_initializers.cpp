// Compiled by consumer_test.cmake with -Wall -Wextra -Werror against the installed headers: the
// aggregates of the API, built with designated initializers that leave members out, as the
// headers' examples do, must not warn (GCC's -Wmissing-field-initializers warns for members
// without a default).
#include <newsdex/newsdex.hpp>

int main() {
  [[maybe_unused]] const newsdex::Article article{.id = "a1", .body = "Text."};
  [[maybe_unused]] const newsdex::Speaker speaker{.name = "Ana Ruiz"};
  [[maybe_unused]] const newsdex::Place place{.name = "Chile", .kind = newsdex::PlaceKind::country};
  [[maybe_unused]] const newsdex::MentionedDate date{.text = "on Tuesday"};
  [[maybe_unused]] const newsdex::Annotations annotations{.places = {place}};
  [[maybe_unused]] const newsdex::GazetteerPlace known{.name = "Chile"};
  [[maybe_unused]] const newsdex::GeoNamesFiles files{.cities = "cities15000.txt"};
  [[maybe_unused]] const newsdex::ExtractOptions extract{.places = false};
  [[maybe_unused]] const newsdex::InputProblem problem{.message = "bad"};
  [[maybe_unused]] const newsdex::SourceLocation location{.line = 1};
  [[maybe_unused]] const newsdex::ReadOptions read{.format = newsdex::InputFormat::plain};
  [[maybe_unused]] const newsdex::WriterOptions writer{.shards = 2};
  [[maybe_unused]] const newsdex::CompactOptions compact{.merge_shards = true};
  [[maybe_unused]] const newsdex::IndexOptions index{.max_limit = 100};
  [[maybe_unused]] const newsdex::SearchRequest request{.limit = 5,
                                                        .facets = {newsdex::FacetField::place}};
  [[maybe_unused]] const newsdex::Hit hit{.title = "Title"};
  [[maybe_unused]] const newsdex::FacetValue value{.count = 1};
  [[maybe_unused]] const newsdex::Facet facet{.distinct = 1};
  [[maybe_unused]] const newsdex::TimelineBucket bucket{.count = 1};
  [[maybe_unused]] const newsdex::ShardFailure failure{.error = "timeout"};
  [[maybe_unused]] const newsdex::SearchResults results{.total = 1};
  [[maybe_unused]] const newsdex::TermScore term{.weight = 1};
  [[maybe_unused]] const newsdex::Explanation explanation{.recency = 1};
  [[maybe_unused]] const newsdex::SimilarRequest similar{.id = "a1", .terms = 5};
  [[maybe_unused]] const newsdex::IndexInfo info{.articles = 1};
  return 0;
}

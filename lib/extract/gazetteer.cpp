#include <algorithm>

#include <newsdex/gazetteer.hpp>

#include "extract/gazetteer_access.hpp"
#include "extract/gazetteer_sources.hpp"
#include "extract/gazetteer_store.hpp"

namespace newsdex::detail {
// Generated at build time by newsdex_gazetteer_compile (see lib/CMakeLists.txt).
extern const unsigned char kBuiltinGazetteer[];
extern const std::size_t kBuiltinGazetteerSize;
}  // namespace newsdex::detail

namespace newsdex {

struct [[gnu::visibility("hidden")]] Gazetteer::Impl {
  detail::GazetteerStore store;
};

namespace {

using detail::GazetteerStore;
using detail::NameRef;
using detail::NameRole;
using detail::PlaceRecord;

std::string upper(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  return out;
}

// The places `name` refers to in the order a reader would guess them: strong readings before
// weak ones, then by rank. Codes count only when `with_codes`.
std::vector<NameRef> readings(const GazetteerStore& store, std::string_view name, bool with_codes) {
  std::vector<NameRef> refs;
  for (const auto& ref : store.find(detail::place_key(name))) {
    if (ref.role == NameRole::code && !with_codes) continue;
    const bool seen = std::any_of(refs.begin(), refs.end(),
                                  [&](const NameRef& other) { return other.place == ref.place; });
    if (!seen) refs.push_back(ref);
  }
  std::stable_sort(refs.begin(), refs.end(), [&](const NameRef& a, const NameRef& b) {
    if (a.weak != b.weak) return !a.weak;
    return store.place(a.place).rank > store.place(b.place).rank;
  });
  return refs;
}

}  // namespace

Gazetteer::Gazetteer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Gazetteer::~Gazetteer() = default;

std::shared_ptr<const Gazetteer> Gazetteer::builtin() {
  static const std::shared_ptr<const Gazetteer> instance = detail::GazetteerAccess::make(
      GazetteerStore::deserialize({reinterpret_cast<const char*>(detail::kBuiltinGazetteer),
                                   detail::kBuiltinGazetteerSize}));
  return instance;
}

std::shared_ptr<const Gazetteer> Gazetteer::with_geonames(const GeoNamesFiles& files) {
  return with_geonames(files, *builtin());
}

std::shared_ptr<const Gazetteer> Gazetteer::with_geonames(const GeoNamesFiles& files,
                                                          const Gazetteer& base) {
  detail::GazetteerBuilder builder(base.impl_->store);
  detail::add_geonames(builder, files);
  return detail::GazetteerAccess::make(builder.freeze());
}

std::optional<std::string> Gazetteer::country_code(std::string_view text) const {
  const auto& store = impl_->store;
  for (const auto& ref : readings(store, text, /*with_codes=*/true)) {
    const auto& place = store.place(ref.place);
    if (place.kind == PlaceKind::country) return place.code;
  }
  return std::nullopt;
}

std::string Gazetteer::country_name(std::string_view code) const {
  const auto* place = impl_->store.place_with_code(upper(code));
  if (place == nullptr || place->kind != PlaceKind::country) return {};
  return place->name;
}

std::vector<GazetteerPlace> Gazetteer::lookup(std::string_view name) const {
  std::vector<GazetteerPlace> places;
  for (const auto& ref : readings(impl_->store, name, /*with_codes=*/false)) {
    const auto& place = impl_->store.place(ref.place);
    places.push_back({.name = place.name,
                      .country = place.country,
                      .kind = place.kind,
                      .code = place.code,
                      .region = place.region});
  }
  return places;
}

std::vector<std::string> Gazetteer::canonical_names(std::string_view name) const {
  std::vector<std::string> names;
  for (const auto& ref : readings(impl_->store, name, /*with_codes=*/false)) {
    const auto& canonical = impl_->store.place(ref.place).name;
    if (std::find(names.begin(), names.end(), canonical) == names.end()) {
      names.push_back(canonical);
    }
  }
  return names;
}

std::size_t Gazetteer::place_count() const {
  return impl_->store.places().size();
}
std::size_t Gazetteer::name_count() const {
  return impl_->store.name_count();
}

namespace detail {

const GazetteerStore& GazetteerAccess::store(const Gazetteer& gazetteer) {
  return gazetteer.impl_->store;
}

std::shared_ptr<const Gazetteer> GazetteerAccess::make(GazetteerStore store) {
  auto impl = std::make_unique<Gazetteer::Impl>();
  impl->store = std::move(store);
  return std::shared_ptr<const Gazetteer>(new Gazetteer(std::move(impl)));
}

}  // namespace detail

}  // namespace newsdex

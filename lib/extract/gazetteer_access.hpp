// Internal access to the tables behind a newsdex::Gazetteer, for the place extractor.
#pragma once

#include <memory>

#include <newsdex/gazetteer.hpp>

#include "extract/gazetteer_store.hpp"

namespace newsdex::detail {

struct GazetteerAccess {
  static const GazetteerStore& store(const Gazetteer& gazetteer);
  static std::shared_ptr<const Gazetteer> make(GazetteerStore store);
};

}  // namespace newsdex::detail

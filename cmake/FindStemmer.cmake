# Finds libstemmer, the Snowball stemmers' C library (Debian: libstemmer-dev), which ships no
# CMake or pkg-config file of its own.
#
# Defines the imported target Stemmer::Stemmer and the cache variables STEMMER_INCLUDE_DIR and
# STEMMER_LIBRARY. newsdex's CMake package installs this module next to newsdex-config.cmake,
# so a host linking the static library finds libstemmer the same way the build did.
find_path(STEMMER_INCLUDE_DIR libstemmer.h)
find_library(STEMMER_LIBRARY stemmer)
mark_as_advanced(STEMMER_INCLUDE_DIR STEMMER_LIBRARY)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Stemmer REQUIRED_VARS STEMMER_LIBRARY STEMMER_INCLUDE_DIR)

if(Stemmer_FOUND AND NOT TARGET Stemmer::Stemmer)
  add_library(Stemmer::Stemmer UNKNOWN IMPORTED)
  set_target_properties(Stemmer::Stemmer PROPERTIES
    IMPORTED_LOCATION "${STEMMER_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${STEMMER_INCLUDE_DIR}")
endif()

# Lists what the shared library exports and fails when anything lies outside its API: C++
# symbols outside namespace newsdex (or inside newsdex::detail, or members of a pimpl's Impl),
# and C symbols without the newsdex_ prefix. Catches instantiations of standard templates,
# inline functions of Xapian or nlohmann-json, and internal code that lost its hidden visibility.
#
#   cmake -DNM=nm -DLIBRARY=lib/libnewsdex.so -P tests/abi/check_exports.cmake
if(NOT NM OR NOT LIBRARY)
  message(FATAL_ERROR "usage: cmake -DNM=nm -DLIBRARY=libnewsdex.so -P check_exports.cmake")
endif()

execute_process(COMMAND ${NM} -D --defined-only --demangle ${LIBRARY}
                OUTPUT_VARIABLE nm_output RESULT_VARIABLE nm_result)
if(NOT nm_result EQUAL 0)
  message(FATAL_ERROR "${NM} could not read ${LIBRARY}")
endif()
string(REPLACE ";" "\\;" nm_output "${nm_output}")
string(REPLACE "\n" ";" nm_lines "${nm_output}")

set(count 0)
set(c_count 0)
set(leaks "")
foreach(line IN LISTS nm_lines)
  # "ADDRESS TYPE NAME"; NAME may hold spaces ("typeinfo for newsdex::Error").
  if(NOT line MATCHES "^[0-9a-f]+ [A-Za-z] (.+)$")
    continue()
  endif()
  set(name "${CMAKE_MATCH_1}")
  math(EXPR count "${count} + 1")
  string(REGEX REPLACE "^(typeinfo name for|typeinfo for|vtable for|VTT for) " "" entity "${name}")
  if(entity MATCHES "^newsdex_[a-z0-9_]+$")
    math(EXPR c_count "${c_count} + 1")
  elseif(NOT entity MATCHES "^newsdex::" OR entity MATCHES "^newsdex::detail::"
         OR entity MATCHES "^newsdex::([A-Za-z0-9_]+::)*Impl::")
    string(APPEND leaks "  ${name}\n")
  endif()
endforeach()

if(count EQUAL 0)
  message(FATAL_ERROR "${LIBRARY} exports nothing: is it the shared library?")
endif()
if(leaks)
  message(FATAL_ERROR "${LIBRARY} exports symbols outside the newsdex API. Give the declaration "
                      "NEWSDEX_EXPORT only if it is API; otherwise keep it in newsdex::detail, "
                      "in an anonymous namespace or hidden (lib/newsdex.map):\n${leaks}")
endif()
math(EXPR cpp_count "${count} - ${c_count}")
message(STATUS "${LIBRARY} exports ${count} symbols: ${cpp_count} C++, ${c_count} C")

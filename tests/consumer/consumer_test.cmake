# The consumer test: newsdex as a host sees it once installed. Installs the build tree into a
# temporary prefix (nothing is rebuilt), then checks
#   - the layout: headers, libraries with a versioned SONAME, CMake and pkg-config packages;
#   - that the installed shared library exports only the API (tests/abi/check_exports.cmake);
#   - that every public header compiles on its own with only the installed include folder and
#     pulls in nothing but the standard library (no Xapian, Boost or JSON headers), and that the
#     API's aggregates take designated initializers without warnings;
#   - what find_package(newsdex) and pkg-config hand a host (tests/consumer/interface);
#   - that examples/hosts builds with find_package, with pkg-config and statically, and that the
#     programs work: index the sample articles, search with filters and facets, extract, in C++
#     and in C, with the same output whichever way (and in whichever language) they were built.
#
# tests/CMakeLists.txt runs it with the variables below; by hand:
#   cmake -DBUILD_DIR=build -DSOURCE_DIR=. -DWORK_DIR=/tmp/consumer -DCXX=c++ -DCC=cc \
#         -DNM=nm -DREADELF=readelf -DPKG_CONFIG=pkg-config -DMAKE=make \
#         -DGENERATOR="Unix Makefiles" \
#         -DVERSION=0.1.0 -DSOVERSION=0.1 -DLIBDIR=lib -P tests/consumer/consumer_test.cmake
foreach(variable BUILD_DIR SOURCE_DIR WORK_DIR CXX CC NM READELF PKG_CONFIG MAKE GENERATOR VERSION
                 SOVERSION LIBDIR)
  if(NOT DEFINED ${variable} OR "${${variable}}" STREQUAL "")
    message(FATAL_ERROR "consumer_test.cmake needs -D${variable}=...")
  endif()
endforeach()

set(prefix "${WORK_DIR}/prefix")
set(examples "${SOURCE_DIR}/examples/hosts")
set(articles "${SOURCE_DIR}/examples/articles")
set(db "${WORK_DIR}/news.db")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

# Hosts build with every warning as an error: using the API as documented (designated
# initializers included) must be warning-free. A sanitized library needs sanitized hosts.
set(host_flags "-Wall -Wextra -Wpedantic -Werror")
set(host_link_flags "")
if(SANITIZE)
  string(APPEND host_flags " -fsanitize=${SANITIZE} -fno-omit-frame-pointer")
  set(host_link_flags "-fsanitize=${SANITIZE}")
endif()

# Runs a command and fails the test unless it exits with `expected`; stores standard output in
# `output_variable`.
function(run expected output_variable)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE output
                  ERROR_VARIABLE errors WORKING_DIRECTORY "${WORK_DIR}")
  if(NOT "${result}" STREQUAL "${expected}")
    list(JOIN ARGN " " command)
    message(FATAL_ERROR "`${command}` exited with ${result}, expected ${expected}:\n"
                        "${output}${errors}")
  endif()
  set(${output_variable} "${output}" PARENT_SCOPE)
  set(${output_variable}_errors "${errors}" PARENT_SCOPE)
endfunction()

function(expect_match text regex what)
  if(NOT text MATCHES "${regex}")
    message(FATAL_ERROR "${what}: expected to match \"${regex}\" in:\n${text}")
  endif()
endfunction()

# ---- Install, and what is installed
run(0 install_log ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")
set(libdir "${prefix}/${LIBDIR}")
foreach(file include/newsdex/newsdex.hpp include/newsdex/newsdex.h include/newsdex/version.h
             ${LIBDIR}/libnewsdex.so.${VERSION} ${LIBDIR}/libnewsdex.a
             ${LIBDIR}/cmake/newsdex/newsdex-config.cmake
             ${LIBDIR}/cmake/newsdex/newsdex-config-version.cmake
             ${LIBDIR}/pkgconfig/newsdex.pc bin/searchtool)
  if(NOT EXISTS "${prefix}/${file}")
    message(FATAL_ERROR "cmake --install did not install ${file}")
  endif()
endforeach()
foreach(link libnewsdex.so libnewsdex.so.${SOVERSION})
  if(NOT IS_SYMLINK "${libdir}/${link}")
    message(FATAL_ERROR "${libdir}/${link} is not a symbolic link")
  endif()
endforeach()
get_filename_component(linked "${libdir}/libnewsdex.so" REALPATH)
get_filename_component(library "${libdir}/libnewsdex.so.${VERSION}" REALPATH)
if(NOT linked STREQUAL library)
  message(FATAL_ERROR "libnewsdex.so points to ${linked}, not libnewsdex.so.${VERSION}")
endif()

# Exactly the public headers: nothing of lib/ leaks into the prefix.
file(GLOB source_headers RELATIVE "${SOURCE_DIR}/include/newsdex" "${SOURCE_DIR}/include/newsdex/*")
file(GLOB installed_headers RELATIVE "${prefix}/include/newsdex" "${prefix}/include/newsdex/*")
set(expected_headers ${source_headers} version.h)
list(SORT expected_headers)
list(SORT installed_headers)
if(NOT installed_headers STREQUAL expected_headers)
  message(FATAL_ERROR "installed headers: ${installed_headers}; expected: ${expected_headers}")
endif()

# ---- The shared library: SONAME, exports; searchtool finds it from its own folder
run(0 dynamic ${READELF} -d "${library}")
expect_match("${dynamic}" "\\(SONAME\\)[^\n]*\\[libnewsdex\\.so\\.${SOVERSION}\\]" "SONAME")
run(0 exports ${CMAKE_COMMAND} -DNM=${NM} -DLIBRARY=${library}
    -P "${SOURCE_DIR}/tests/abi/check_exports.cmake")
run(0 searchtool_dynamic ${READELF} -d "${prefix}/bin/searchtool")
expect_match("${searchtool_dynamic}" "\\(RUNPATH\\)[^\n]*\\[\\$ORIGIN/\\.\\./${LIBDIR}\\]"
             "searchtool's run-time path")

# ---- Public headers: self-contained, warning-free, and standard-library-only
# The reference: every header the standard library consists of.
file(WRITE "${WORK_DIR}/standard.cpp" "#include <bits/stdc++.h>\n")
run(0 standard_deps ${CXX} -std=c++20 -M "${WORK_DIR}/standard.cpp")
string(REGEX REPLACE "[ \\\\\n]+" ";" standard_deps "${standard_deps}")

set(intruders "")
foreach(header IN LISTS installed_headers)
  set(unit "${WORK_DIR}/header-${header}.cpp")
  file(WRITE "${unit}" "#include <newsdex/${header}>\n")
  # -nostdinc++ is not used: the standard library is allowed; everything else in the default
  # include path (where Xapian's headers are) is caught by the dependency check below.
  run(0 ignored ${CXX} -std=c++20 -Wall -Wextra -Wpedantic -Werror -fsyntax-only
      -I "${prefix}/include" -MD -MF "${unit}.d" "${unit}")
  file(READ "${unit}.d" deps)
  string(REGEX REPLACE "[ \\\\\n]+" ";" deps "${deps}")
  list(REMOVE_AT deps 0 1)  # the target and the unit itself
  foreach(dep IN LISTS deps)
    string(FIND "${dep}" "${prefix}/include/newsdex/" in_prefix)
    if(in_prefix EQUAL 0)
      continue()
    endif()
    list(FIND standard_deps "${dep}" found)
    if(found EQUAL -1 OR dep MATCHES "xapian|boost|nlohmann")
      string(APPEND intruders "  newsdex/${header} includes ${dep}\n")
    endif()
  endforeach()
endforeach()
if(intruders)
  message(FATAL_ERROR "public headers include more than the standard library:\n${intruders}")
endif()
# The aggregates take designated initializers that leave members out, without warnings.
run(0 ignored ${CXX} -std=c++20 -Wall -Wextra -Wpedantic -Werror -fsyntax-only
    -I "${prefix}/include" "${SOURCE_DIR}/tests/consumer/designated_initializers.cpp")
# The C API's header is C.
foreach(standard c99 c11)
  file(WRITE "${WORK_DIR}/c-header.c" "#include <newsdex/newsdex.h>\n")
  run(0 ignored ${CC} -std=${standard} -Wall -Wextra -Wpedantic -Werror -fsyntax-only
      -I "${prefix}/include" "${WORK_DIR}/c-header.c")
endforeach()

# ---- What the packages hand a host
run(0 interface_log ${CMAKE_COMMAND} -S "${SOURCE_DIR}/tests/consumer/interface"
    -B "${WORK_DIR}/interface" -G "${GENERATOR}" "-DCMAKE_PREFIX_PATH=${prefix}"
    "-DNEWSDEX_EXPECTED_PREFIX=${prefix}" "-DNEWSDEX_EXPECTED_VERSION=${VERSION}"
    "-DNEWSDEX_EXPECTED_LIBDIR=${LIBDIR}")
set(ENV{PKG_CONFIG_PATH} "${libdir}/pkgconfig")
run(0 pc_cflags ${PKG_CONFIG} --cflags newsdex)
run(0 pc_libs ${PKG_CONFIG} --libs newsdex)
string(STRIP "${pc_cflags}" pc_cflags)
string(STRIP "${pc_libs}" pc_libs)
if(NOT pc_cflags STREQUAL "-I${prefix}/include" OR NOT pc_libs STREQUAL "-L${libdir} -lnewsdex")
  message(FATAL_ERROR "pkg-config gives \"${pc_cflags}\" and \"${pc_libs}\"")
endif()
run(0 pc_version ${PKG_CONFIG} --modversion newsdex)
string(STRIP "${pc_version}" pc_version)
if(NOT pc_version STREQUAL VERSION)
  message(FATAL_ERROR "pkg-config says version ${pc_version}, expected ${VERSION}")
endif()

# ---- The examples, built three ways
set(launcher "")
if(CCACHE)
  set(launcher "-DCMAKE_C_COMPILER_LAUNCHER=${CCACHE}" "-DCMAKE_CXX_COMPILER_LAUNCHER=${CCACHE}")
endif()
function(build_with_cmake build_dir)  # ARGN: more cache settings, then TARGETS ...
  cmake_parse_arguments(PARSE_ARGV 1 option "" "" "SETTINGS;TARGETS")
  run(0 configure_log ${CMAKE_COMMAND} -S "${examples}" -B "${build_dir}" -G "${GENERATOR}"
      "-DCMAKE_PREFIX_PATH=${prefix}" "-DCMAKE_CXX_COMPILER=${CXX}" "-DCMAKE_C_COMPILER=${CC}"
      "-DCMAKE_CXX_FLAGS=${host_flags}" "-DCMAKE_C_FLAGS=${host_flags}"
      "-DCMAKE_EXE_LINKER_FLAGS=${host_link_flags}" ${launcher} ${option_SETTINGS})
  file(STRINGS "${build_dir}/CMakeCache.txt" found_dir REGEX "^newsdex_DIR:")
  if(NOT found_dir STREQUAL "newsdex_DIR:PATH=${libdir}/cmake/newsdex")
    message(FATAL_ERROR "${build_dir} found another newsdex: ${found_dir}")
  endif()
  set(targets "")
  if(option_TARGETS)
    set(targets --target ${option_TARGETS})
  endif()
  run(0 build_log ${CMAKE_COMMAND} --build "${build_dir}" -j2 ${targets})
endfunction()

function(build_with_pkg_config build_dir)  # ARGN: make arguments
  file(MAKE_DIRECTORY "${build_dir}")
  set(compilers "CXX=${CXX}" "CC=${CC}")
  if(CCACHE)
    set(compilers "CXX=${CCACHE} ${CXX}" "CC=${CCACHE} ${CC}")
  endif()
  run(0 build_log ${MAKE} -f "${examples}/Makefile" -C "${build_dir}" -j2 ${compilers}
      "CXXFLAGS=${host_flags}" "CFLAGS=${host_flags}" "LDFLAGS=${host_link_flags}" ${ARGN})
endfunction()

build_with_cmake("${WORK_DIR}/cmake")
build_with_pkg_config("${WORK_DIR}/pkg-config")
build_with_cmake("${WORK_DIR}/cmake-static" SETTINGS -DNEWSDEX_USE_STATIC_LIBS=ON TARGETS search)
build_with_pkg_config("${WORK_DIR}/pkg-config-static" STATIC=1 search_c)
foreach(program cmake-static/search pkg-config-static/search_c)
  run(0 program_dynamic ${READELF} -d "${WORK_DIR}/${program}")
  if(program_dynamic MATCHES "libnewsdex")
    message(FATAL_ERROR "${program} was to link libnewsdex.a, yet needs libnewsdex.so")
  endif()
endforeach()

# ---- The examples at work. No LD_LIBRARY_PATH: the programs find the library by themselves.
set(query "speaker:ruiz")
run(0 first_index "${WORK_DIR}/cmake/index_folder" "${db}" "${articles}")
expect_match("${first_index}" "^added 24, replaced 0, unchanged 0, skipped 0; 24 articles in "
             "index_folder")
run(0 second_index "${WORK_DIR}/pkg-config/index_folder" "${db}" "${articles}")
expect_match("${second_index}" "^added 0, replaced 0, unchanged 24, skipped 0; 24 articles in "
             "index_folder again")

run(0 search "${WORK_DIR}/cmake/search" "${db}" "${query}")
expect_match("${search}" "^3 articles match \"speaker:ruiz\"\n" "search")
expect_match("${search}"
             "\n[1-3]\\. 2024-04-16  Chile and India agree to [^\n]*\n   quoting [^\n]*Ana Ruiz"
             "search: the hit and its speakers")
expect_match("${search}" "\nspeaker \\([0-9]+ distinct\\): Ana Ruiz \\(3\\)"
             "search: speaker facet")
expect_match("${search}" "\nyear \\(3 distinct\\): 2022 \\(1\\) 2023 \\(1\\) 2024 \\(1\\)\n"
             "search: year facet")
expect_match("${search}" "\n3 of them name Chile: \\(speaker:ruiz\\) place:\"Chile\"\n"
             "search: drilling down")
foreach(build pkg-config cmake-static)
  run(0 same_search "${WORK_DIR}/${build}/search" "${db}" "${query}")
  if(NOT same_search STREQUAL search)
    message(FATAL_ERROR "search built with ${build} printed\n${same_search}\nnot\n${search}")
  endif()
endforeach()
# A QueryError thrown in the library is caught by type in the host.
run(2 bad_query "${WORK_DIR}/cmake/search" "${db}" "speaker:\"ruiz")
expect_match("${bad_query_errors}" "^search: .* \\(at byte [0-9]+\\)\n" "search: a bad query")
run(1 no_index "${WORK_DIR}/cmake/search" "${WORK_DIR}/missing.db" "${query}")
expect_match("${no_index_errors}" "^search: no index at " "search: no index")

run(0 search_c "${WORK_DIR}/cmake/search_c" "${db}" "${query}")
set(quoting "(   quoting [^\n]*\n)?")
string(CONCAT newest_first "^3 articles match, newest first\n"
       "1\\. 2024-04-16  [^\n]*\n${quoting}2\\. 2023-09-29  [^\n]*\n${quoting}3\\. 2022-06-22  ")
expect_match("${search_c}" "${newest_first}" "search_c: hits newest first")
expect_match("${search_c}" "\nplace: Chile \\(3\\) " "search_c: the place facet")
foreach(build pkg-config pkg-config-static)
  run(0 same_search_c "${WORK_DIR}/${build}/search_c" "${db}" "${query}")
  if(NOT same_search_c STREQUAL search_c)
    message(FATAL_ERROR "search_c built with ${build} printed\n${same_search_c}\nnot\n${search_c}")
  endif()
endforeach()
run(2 bad_query_c "${WORK_DIR}/cmake/search_c" "${db}" "date:2022-13")
expect_match("${bad_query_c_errors}" "^search_c: .* \\(at byte [0-9]+\\)\n" "search_c: a bad query")

string(CONCAT story "Chile and India agreed on Tuesday to expand trade in copper, Finance "
                    "Minister Ana Ruiz told reporters in Santiago. \"This is a long-term "
                    "partnership,\" she said.")
run(0 extract "${WORK_DIR}/cmake/extract" --date 2024-04-16 "${story}")
expect_match("${extract}" "(^|\n)speaker Ana Ruiz \\(Finance Minister\\): \"Ana Ruiz\" \"she\"\n"
             "extract: the speaker")
expect_match("${extract}" "\nplace Santiago \\(city, CL\\): \"Santiago\"\n" "extract: a place")
expect_match("${extract}" "\ndate 2024-04-16: \"on Tuesday\"\n" "extract: a date")
run(0 same_extract "${WORK_DIR}/pkg-config/extract" --date 2024-04-16 "${story}")
if(NOT same_extract STREQUAL extract)
  message(FATAL_ERROR "extract built with pkg-config printed\n${same_extract}\nnot\n${extract}")
endif()

# Indexing through the C API gives the index the C++ API gives.
set(c_db "${WORK_DIR}/news-c.db")
run(0 c_index "${WORK_DIR}/pkg-config/index_folder_c" "${c_db}" "${articles}")
expect_match("${c_index}" "^added or replaced 24, skipped 0; 24 articles in " "index_folder_c")
run(0 c_indexed_search "${WORK_DIR}/cmake/search" "${c_db}" "${query}")
if(NOT c_indexed_search STREQUAL search)
  message(FATAL_ERROR "search on the index index_folder_c wrote printed\n${c_indexed_search}\n"
                      "not\n${search}")
endif()
run(3 c_missing "${WORK_DIR}/cmake/index_folder_c" "${c_db}" "${WORK_DIR}/missing")
expect_match("${c_missing_errors}" "missing: [^\n]* \\(skipped\\)\n" "index_folder_c: a problem")

# The installed tool reads what the host wrote.
run(0 searchtool_output "${prefix}/bin/searchtool" query --db "${db}" --snippet-bytes 0 "${query}")
expect_match("${searchtool_output}" "^3 articles match \"speaker:ruiz\"" "installed searchtool")

message(STATUS "consumer test passed: ${exports}")

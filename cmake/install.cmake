# What `cmake --install` puts under the prefix (README "Embedding"):
#   include/newsdex/*.h, *.hpp                     public headers, the generated version.h
#   LIBDIR/libnewsdex.so.X.Y.Z, .so.X.Y, .so, .a    shared library (SONAME libnewsdex.so.X.Y), static
#   LIBDIR/cmake/newsdex/                           find_package(newsdex CONFIG)
#   LIBDIR/pkgconfig/newsdex.pc                     pkg-config --cflags --libs newsdex
#   bin/searchtool                                  (installed by tools/searchtool)
include(CMakePackageConfigHelpers)

set(NEWSDEX_CMAKE_PACKAGE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/newsdex)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/newsdex ${PROJECT_BINARY_DIR}/include/newsdex
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        COMPONENT development
        FILES_MATCHING PATTERN "*.h" PATTERN "*.hpp")

install(TARGETS newsdex_shared newsdex
        EXPORT newsdex-targets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime
                NAMELINK_COMPONENT development
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development)

install(EXPORT newsdex-targets
        NAMESPACE newsdex::
        DESTINATION ${NEWSDEX_CMAKE_PACKAGE_DIR}
        COMPONENT development)

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/newsdex-config.cmake.in
                              ${PROJECT_BINARY_DIR}/cmake/newsdex-config.cmake
                              INSTALL_DESTINATION ${NEWSDEX_CMAKE_PACKAGE_DIR})
# Until 1.0 a minor version may change the API: 0.1 accepts 0.1.x only.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cmake/newsdex-config-version.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cmake/newsdex-config.cmake
              ${PROJECT_BINARY_DIR}/cmake/newsdex-config-version.cmake
              ${PROJECT_SOURCE_DIR}/cmake/FindStemmer.cmake
        DESTINATION ${NEWSDEX_CMAKE_PACKAGE_DIR}
        COMPONENT development)

# newsdex.pc names the prefix given at install time (cmake --install --prefix P), which may
# differ from the one configured, so the prefix is filled in when installing.
set(NEWSDEX_INSTALL_PREFIX "@NEWSDEX_INSTALL_PREFIX@")
foreach(dir LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(NEWSDEX_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(NEWSDEX_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
configure_file(${PROJECT_SOURCE_DIR}/cmake/newsdex.pc.in ${PROJECT_BINARY_DIR}/cmake/newsdex.pc.in
               @ONLY)
install(CODE "
  file(READ \"${PROJECT_BINARY_DIR}/cmake/newsdex.pc.in\" pc_text)
  string(REPLACE \"@NEWSDEX_INSTALL_PREFIX@\" \"\${CMAKE_INSTALL_PREFIX}\" pc_text \"\${pc_text}\")
  file(WRITE \"${PROJECT_BINARY_DIR}/cmake/newsdex.pc\" \"\${pc_text}\")
" COMPONENT development)
install(FILES ${PROJECT_BINARY_DIR}/cmake/newsdex.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
        COMPONENT development)

# The relocatable bundle: `cmake --build build --target package` (CPack,
# TGZ) writes build/clausegap-<version>-Linux.tar.gz, a tree that runs from
# wherever it is unpacked, on a machine with glibc but without clausegap's
# other libraries or MeCab's dictionary:
#
#   bin/clausegap                      DT_RPATH $ORIGIN/../lib/clausegap
#   libexec/clausegap/clausegap-pdf    the PDF reader's child process (poppler)
#   lib/clausegap/*.so*                the shared libraries it needs but glibc's
#   share/clausegap/rules/             the default rule pack
#   share/clausegap/legal.dic          the legal user dictionary
#   share/clausegap/ipadic-utf8/       MeCab's system dictionary (about 51 MB)
#
# The executable finds the data relative to itself (/proc/self/exe, see
# engine::FindDefaultRules and tokenize::DefaultDictionarySearch). The
# libraries and the dictionary are in the install component "bundle", which
# a plain `cmake --install` leaves out and the package includes.

set(CLAUSEGAP_BUNDLE_IPADIC_DIR /var/lib/mecab/dic/ipadic-utf8 CACHE PATH
  "The compiled MeCab system dictionary (sys.dic, matrix.bin …) the bundle carries")

# DT_RPATH rather than DT_RUNPATH: it also serves the libraries' own
# dependencies (libpoppler's libfreetype …). A missing lib/clausegap (a plain
# install) falls through to the system's libraries.
set_target_properties(clausegap PROPERTIES INSTALL_RPATH "$ORIGIN/../lib/clausegap")
target_link_options(clausegap PRIVATE "LINKER:--disable-new-dtags")
set_target_properties(clausegap-pdf PROPERTIES INSTALL_RPATH "$ORIGIN/../../lib/clausegap")
target_link_options(clausegap-pdf PRIVATE "LINKER:--disable-new-dtags")

install(DIRECTORY ${CLAUSEGAP_BUNDLE_IPADIC_DIR}/
  DESTINATION ${CMAKE_INSTALL_DATADIR}/clausegap/ipadic-utf8
  COMPONENT bundle EXCLUDE_FROM_ALL)

# Every shared library of the executables except the C library's own, which
# must match the machine's kernel interface and loader.
install(CODE [[
  file(GET_RUNTIME_DEPENDENCIES
    EXECUTABLES "$<TARGET_FILE:clausegap>" "$<TARGET_FILE:clausegap-pdf>"
    RESOLVED_DEPENDENCIES_VAR deps
    UNRESOLVED_DEPENDENCIES_VAR unresolved
    PRE_EXCLUDE_REGEXES
      "^ld-linux" "^linux-vdso" "^libc\\.so" "^libm\\.so" "^libpthread\\.so" "^libdl\\.so"
      "^librt\\.so" "^libresolv\\.so" "^libutil\\.so" "^libanl\\.so" "^libnsl\\.so")
  if(unresolved)
    message(FATAL_ERROR "clausegap bundle: libraries not found: ${unresolved}")
  endif()
  foreach(dep IN LISTS deps)
    file(INSTALL DESTINATION "${CMAKE_INSTALL_PREFIX}/lib/clausegap" TYPE SHARED_LIBRARY
         FOLLOW_SYMLINK_CHAIN FILES "${dep}")
  endforeach()
]] COMPONENT bundle EXCLUDE_FROM_ALL)

set(CPACK_GENERATOR TGZ)
set(CPACK_PACKAGE_NAME clausegap)
set(CPACK_PACKAGE_VENDOR clausegap)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "clausegap: finds missing or weak information-security clauses in Japanese contracts")
set(CPACK_PACKAGE_FILE_NAME "clausegap-${PROJECT_VERSION}-${CMAKE_SYSTEM_NAME}-${CMAKE_SYSTEM_PROCESSOR}")
set(CPACK_INCLUDE_TOPLEVEL_DIRECTORY ON)
set(CPACK_COMPONENT_INCLUDE_TOPLEVEL_DIRECTORY ON)
# One archive of the executable, its data and the bundle component; not the
# library, headers and Python module (components dev and python), which are
# for building against.
set(CPACK_ARCHIVE_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
set(CPACK_COMPONENTS_ALL Unspecified bundle)
set(CPACK_STRIP_FILES ON)
include(CPack)

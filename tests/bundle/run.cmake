# ctest: builds the bundle (CPack TGZ), unpacks it into a fresh folder and
# runs it from another working directory on SAMPLE: the report must equal
# the build tree's, the libraries and MeCab's dictionary must come from the
# bundle, and a broken bundled dictionary or an explicit CLAUSEGAP_RULES that
# does not exist must stop it with exit code 2.
#   cmake -DBUILD_DIR=… -DSAMPLE=… -DWORK=… -DEXE=… -P run.cmake
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/elsewhere)
function(run)
  cmake_parse_arguments(ARG "" "EXPECT;WORKING_DIRECTORY" "COMMAND" ${ARGN})
  if(NOT DEFINED ARG_EXPECT)
    set(ARG_EXPECT 0)
  endif()
  if(NOT ARG_WORKING_DIRECTORY)
    set(ARG_WORKING_DIRECTORY ${WORK})
  endif()
  execute_process(COMMAND ${ARG_COMMAND} WORKING_DIRECTORY ${ARG_WORKING_DIRECTORY}
    RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code STREQUAL ARG_EXPECT)
    message(FATAL_ERROR "${ARG_COMMAND}: exit ${code}, expected ${ARG_EXPECT}\n${out}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
  set(err "${err}" PARENT_SCOPE)
endfunction()

run(COMMAND ${CMAKE_CPACK_COMMAND} --config ${BUILD_DIR}/CPackConfig.cmake -B ${WORK}/package)
file(GLOB tarballs ${WORK}/package/clausegap-*.tar.gz)
list(LENGTH tarballs count)
if(NOT count EQUAL 1)
  message(FATAL_ERROR "expected one tarball in ${WORK}/package, found: ${tarballs}")
endif()
file(MAKE_DIRECTORY ${WORK}/unpacked)
run(COMMAND ${CMAKE_COMMAND} -E tar xzf ${tarballs} WORKING_DIRECTORY ${WORK}/unpacked)
file(GLOB top ${WORK}/unpacked/clausegap-*)
set(bundled ${top}/bin/clausegap)
foreach(part bin/clausegap libexec/clausegap/clausegap-pdf lib/clausegap/libpoppler-cpp.so.0
             share/clausegap/rules/default.jsonc share/clausegap/legal.dic
             share/clausegap/ipadic-utf8/sys.dic share/clausegap/ipadic-utf8/dicrc
             lib/clausegap/libmecab.so.2)
  if(NOT EXISTS ${top}/${part})
    message(FATAL_ERROR "the bundle has no ${part}")
  endif()
endforeach()
if(EXISTS ${top}/include OR EXISTS ${top}/lib/cmake)
  message(FATAL_ERROR "the bundle carries the development files")
endif()

# The same report as the build tree's binary, from another directory, with
# the libraries of the bundle (the loader says where each comes from).
set(args check --format json --fail-on never --no-config ${SAMPLE})
run(COMMAND ${EXE} ${args})
string(JSON expected GET "${out}" documents 0)
run(COMMAND ${CMAKE_COMMAND} -E env LD_DEBUG=libs ${bundled} ${args}
    WORKING_DIRECTORY ${WORK}/elsewhere)
string(JSON actual GET "${out}" documents 0)
string(JSON same EQUAL "${expected}" "${actual}")
if(NOT same)
  message(FATAL_ERROR "the bundle's report differs:\n${actual}\nexpected:\n${expected}")
endif()
string(REGEX MATCH "calling init: [^\n]*libmecab\\.so\\.2" mecab "${err}")
if(NOT mecab MATCHES "/lib/clausegap/libmecab\\.so\\.2$")
  message(FATAL_ERROR "libmecab did not come from the bundle: '${mecab}'")
endif()
# poppler is loaded by the PDF helper only, never by a check of .docx files.
if(err MATCHES "libpoppler")
  message(FATAL_ERROR "clausegap loaded poppler to check a .docx")
endif()

# A PDF (a minimal one, written here; poppler rebuilds its missing xref
# table) is read by the bundle's helper with the bundle's poppler.
file(WRITE ${WORK}/elsewhere/short.pdf "%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R
  /Resources << /Font << /F1 5 0 R >> >> >> endobj
4 0 obj << /Length 120 >> stream
BT /F1 12 Tf 72 770 Td (Article 1. The vendor shall not subcontract the work to any third party.) Tj ET
endstream endobj
5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
trailer << /Root 1 0 R >>
%%EOF
")
# The helper's stderr is not the run's: the loader writes to files.
run(COMMAND ${CMAKE_COMMAND} -E env LD_DEBUG=libs LD_DEBUG_OUTPUT=${WORK}/ld ${bundled}
            check --format json --fail-on never --no-config short.pdf
    WORKING_DIRECTORY ${WORK}/elsewhere)
string(JSON status GET "${out}" documents 0 status)
if(NOT status STREQUAL "ok")
  message(FATAL_ERROR "the bundle could not read a PDF: ${out}")
endif()
file(GLOB traces ${WORK}/ld.*)
set(loaded "")
foreach(trace IN LISTS traces)
  file(READ ${trace} text)
  string(APPEND loaded "${text}")
endforeach()
if(NOT loaded MATCHES "calling init: [^\n]*/lib/clausegap/libpoppler\\.so")
  message(FATAL_ERROR "the PDF helper did not load the bundle's poppler")
endif()

# The dictionary is the bundle's: broken, it stops the run.
file(WRITE ${top}/share/clausegap/ipadic-utf8/sys.dic "not a dictionary")
run(COMMAND ${bundled} ${args} EXPECT 2 WORKING_DIRECTORY ${WORK}/elsewhere)
if(NOT err MATCHES "MeCab cannot load the dictionaries: dictionary file is broken")
  message(FATAL_ERROR "a broken bundled sys.dic: no MeCab error: ${err}")
endif()

# An explicit CLAUSEGAP_RULES that does not exist is an error, not the
# bundle's pack.
run(COMMAND ${CMAKE_COMMAND} -E env CLAUSEGAP_RULES=${WORK}/no-such-rules ${bundled} ${args}
    EXPECT 2 WORKING_DIRECTORY ${WORK}/elsewhere)
if(NOT err MATCHES "no-such-rules: not a folder of rule packs")
  message(FATAL_ERROR "CLAUSEGAP_RULES=…/no-such-rules: ${err}")
endif()
message(STATUS "bundle: ${tarballs} runs from ${WORK}/elsewhere")
file(REMOVE_RECURSE ${WORK})

# ctest: installs the build tree into a fresh prefix, builds tests/consumer
# against it with find_package(clausegap), runs it on SAMPLE and compares its
# document object with the installed CLI's (check --format json).
#   cmake -DBUILD_DIR=… -DSOURCE_DIR=… -DSAMPLE=… -DWORK=… -P run.cmake
file(REMOVE_RECURSE ${WORK})
set(prefix ${WORK}/prefix)
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "${ARGN}: exit ${code}\n${out}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})
run(${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK}/build -DCMAKE_PREFIX_PATH=${prefix}
    -DCMAKE_BUILD_TYPE=Release)
run(${CMAKE_COMMAND} --build ${WORK}/build)
run(${WORK}/build/consumer ${SAMPLE})
set(library "${out}")
execute_process(COMMAND ${prefix}/bin/clausegap check --format json --no-config ${SAMPLE}
  RESULT_VARIABLE code OUTPUT_VARIABLE cli)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "clausegap check: exit ${code}")
endif()
string(JSON cli GET "${cli}" documents 0)
string(JSON same EQUAL "${library}" "${cli}")
if(NOT same)
  message(FATAL_ERROR "the library's report differs from the CLI's:\n${library}\n${cli}")
endif()
string(JSON status GET "${library}" requirements 0 status)
message(STATUS "consumer: ${SAMPLE}: first requirement ${status}; equal to the CLI's")
file(REMOVE_RECURSE ${WORK})

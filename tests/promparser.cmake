# Prometheus text parser (issue 5): unit, round-trip and conformance tests, the libFuzzer target
# and the throughput benchmark. The parser files (kubeapi/prom*) use no Qt; for the fuzz target
# they are compiled once more into a small library with clang's fuzzer instrumentation. The
# tests link klarsicht_kubeapi, so that CI compiles the parser only once per build.
# Listed by name: other kubeapi/prom* files (the Prometheus HTTP API source) use Qt.
set(KLARSICHT_PROMPARSER_SOURCES)
foreach(f promchars.h promcollector.cpp promcollector.h promfamilytable.cpp promfamilytable.h
        promnumber.cpp promnumber.h promomvalidator.cpp promomvalidator.h promparser.cpp
        promparser.h promparseropenmetrics.cpp promparserstate.h promtypes.h)
    list(APPEND KLARSICHT_PROMPARSER_SOURCES ${PROJECT_SOURCE_DIR}/kubeapi/promtext/${f})
endforeach()

if(KLARSICHT_FUZZ)
    # Only the fuzz target: scripts/fuzz builds it alone from build-fuzz/.
    add_library(klarsicht_promparser_fuzz STATIC ${KLARSICHT_PROMPARSER_SOURCES})
    target_include_directories(klarsicht_promparser_fuzz PUBLIC ${PROJECT_SOURCE_DIR})
    target_compile_options(klarsicht_promparser_fuzz PRIVATE
        -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
        -fno-omit-frame-pointer)
    add_executable(fuzz_promparser ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_promparser.cpp)
    klarsicht_target_defaults(fuzz_promparser)
    target_compile_options(fuzz_promparser PRIVATE
        -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_link_options(fuzz_promparser PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_libraries(fuzz_promparser PRIVATE klarsicht_promparser_fuzz)
    return()
endif()


klarsicht_add_test(NAME tst_promparser SOURCES unit/tst_promparser.cpp
    LIBS klarsicht_kubeapi LABELS unit)
klarsicht_add_test(NAME tst_promparser_conformance
    SOURCES conformance/tst_promparser_conformance.cpp
    LIBS klarsicht_kubeapi LABELS conformance)
klarsicht_add_test(NAME tst_promparser_roundtrip SOURCES unit/tst_promparser_roundtrip.cpp
    LIBS klarsicht_kubeapi prometheus-cpp::core LABELS unit)

# Benchmark: an executable only, never a CTest test (run scripts/bench-promparse).
add_executable(bench_promparse bench/bench_promparse.cpp)
klarsicht_target_defaults(bench_promparse)
target_link_libraries(bench_promparse PRIVATE klarsicht_kubeapi)

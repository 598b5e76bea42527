# Prometheus text parser (issue 5): unit, round-trip and conformance tests, the libFuzzer target
# and the throughput benchmark. The parser files (kubeapi/prom*) use no Qt; they are compiled
# once more into a small library here so that the fuzz target builds with clang's sanitizers
# without the rest of kubeapi, and the tests do not depend on unrelated kubeapi code.
# Listed by name: other kubeapi/prom* files (the Prometheus HTTP API source) use Qt.
set(KLARSICHT_PROMPARSER_SOURCES)
foreach(f promchars.h promcollector.cpp promcollector.h promfamilytable.cpp promfamilytable.h
        promnumber.cpp promnumber.h promomvalidator.cpp promomvalidator.h promparser.cpp
        promparser.h promparseropenmetrics.cpp promparserstate.h promtypes.h)
    list(APPEND KLARSICHT_PROMPARSER_SOURCES ${PROJECT_SOURCE_DIR}/kubeapi/${f})
endforeach()


add_library(klarsicht_promparser STATIC ${KLARSICHT_PROMPARSER_SOURCES})
klarsicht_target_defaults(klarsicht_promparser)
target_include_directories(klarsicht_promparser PUBLIC ${PROJECT_SOURCE_DIR})

klarsicht_add_test(NAME tst_promparser SOURCES unit/tst_promparser.cpp
    LIBS klarsicht_promparser LABELS unit)
klarsicht_add_test(NAME tst_promparser_conformance
    SOURCES conformance/tst_promparser_conformance.cpp
    LIBS klarsicht_promparser LABELS conformance)
klarsicht_add_test(NAME tst_promparser_roundtrip SOURCES unit/tst_promparser_roundtrip.cpp
    LIBS klarsicht_promparser prometheus-cpp::core LABELS unit)

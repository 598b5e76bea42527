# kubeconfig, credentials, quantities and decoders (kubeapi/), and `klarsicht contexts`.
if(KLARSICHT_FUZZ)
    # Only the fuzz target: the decoders and their JSON parser compiled once more with clang's
    # fuzzer instrumentation (scripts/fuzz builds it alone from build-fuzz/).
    set(sources)
    foreach(f decodecontext.cpp decodecore.cpp decoders.cpp decodepolicy.cpp decodeworkloads.cpp
            jsonview.cpp quantity.cpp rfc3339.cpp stringpool.cpp)
        list(APPEND sources ${PROJECT_SOURCE_DIR}/kubeapi/objects/${f})
    endforeach()
    add_executable(fuzz_decoders ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_decoders.cpp ${sources})
    klarsicht_target_defaults(fuzz_decoders)
    target_include_directories(fuzz_decoders PRIVATE ${PROJECT_SOURCE_DIR})
    target_compile_options(fuzz_decoders PRIVATE
        -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_link_options(fuzz_decoders PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_libraries(fuzz_decoders PRIVATE Qt6::Core nlohmann_json::nlohmann_json)

    # kubeconfig (YAML) and quantities, the other parsers of user input.
    add_executable(fuzz_kubeconfig ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_kubeconfig.cpp
        ${PROJECT_SOURCE_DIR}/kubeapi/config/kubeconfig.cpp ${PROJECT_SOURCE_DIR}/kubeapi/objects/quantity.cpp)
    klarsicht_target_defaults(fuzz_kubeconfig)
    target_include_directories(fuzz_kubeconfig PRIVATE ${PROJECT_SOURCE_DIR})
    target_compile_options(fuzz_kubeconfig PRIVATE
        -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_link_options(fuzz_kubeconfig PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_libraries(fuzz_kubeconfig PRIVATE Qt6::Core yaml-cpp)
    return()
endif()

klarsicht_add_test(NAME tst_quantity SOURCES unit/tst_quantity.cpp LIBS klarsicht_kubeapi LABELS unit)
klarsicht_add_test(NAME tst_decoders SOURCES unit/tst_decoders.cpp LIBS klarsicht_kubeapi LABELS unit)
klarsicht_add_test(NAME tst_contexts_kubectl
    SOURCES integration/tst_contexts_kubectl.cpp ${PROJECT_SOURCE_DIR}/app/contextscommand.cpp
    LIBS klarsicht_kubeapi LABELS integration TIMEOUT 120)
klarsicht_add_test(NAME tst_exec SOURCES unit/tst_exec.cpp LIBS klarsicht_kubeapi LABELS unit TIMEOUT 120)
klarsicht_add_test(NAME tst_kubeconfig SOURCES unit/tst_kubeconfig.cpp LIBS klarsicht_kubeapi LABELS unit)
klarsicht_add_test(NAME tst_quantity_kubectl SOURCES conformance/tst_quantity_kubectl.cpp
    LIBS klarsicht_kubeapi LABELS conformance TIMEOUT 120)

# Benchmark: an executable only, never a CTest test. Prints decode speed and heap per pod.
add_executable(bench_decode_pods bench/bench_decode_pods.cpp)
klarsicht_target_defaults(bench_decode_pods)
target_link_libraries(bench_decode_pods PRIVATE klarsicht_kubeapi)

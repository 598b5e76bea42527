# kubeconfig, credentials, quantities and decoders (kubeapi/), and `klarsicht contexts`.
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

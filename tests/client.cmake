# REST + watch client, errors and informers (kubeapi/apiclient, apierror, watchstream, informer*).
klarsicht_add_test(NAME tst_apierror SOURCES unit/tst_apierror.cpp LIBS klarsicht_kubeapi LABELS unit)
klarsicht_add_test(NAME tst_informer_backoff SOURCES unit/tst_informer_backoff.cpp LIBS klarsicht_kubeapi LABELS unit)
klarsicht_add_test(NAME tst_informer_merge SOURCES unit/tst_informer_merge.cpp unit/scripted_server.h LIBS klarsicht_kubeapi LABELS unit TIMEOUT 60)
klarsicht_add_test(NAME tst_apireply_bounds SOURCES unit/tst_apireply_bounds.cpp unit/scripted_server.h LIBS klarsicht_kubeapi LABELS unit TIMEOUT 60)
klarsicht_add_test(NAME tst_informer_access SOURCES unit/tst_informer_access.cpp unit/scripted_server.h LIBS klarsicht_kubeapi LABELS unit TIMEOUT 60)

# Against the real demo cluster (HTTPS on loopback), with kubectl as the referee.
if(TARGET klarsicht-demo-cluster)
    foreach(t tst_client_democluster tst_client_faults tst_watch_burst)
        klarsicht_add_test(NAME ${t} SOURCES integration/${t}.cpp integration/tst_client_support.h
            LIBS klarsicht_kubeapi LABELS integration TIMEOUT 240)
        target_compile_definitions(${t} PRIVATE
            KLARSICHT_DEMO_CLUSTER="$<TARGET_FILE:klarsicht-demo-cluster>")
    endforeach()
endif()

# The chaos suite (label chaos, run by scripts/test): 100 rounds of random faults against the
# demo cluster, 0 differences between the session's informers and the server.
if(TARGET klarsicht-demo-cluster)
    klarsicht_add_test(NAME tst_client_rbac SOURCES integration/tst_client_rbac.cpp
        integration/tst_client_support.h LIBS klarsicht_models LABELS integration TIMEOUT 240)
    target_compile_definitions(tst_client_rbac PRIVATE
        KLARSICHT_DEMO_CLUSTER="$<TARGET_FILE:klarsicht-demo-cluster>")
    klarsicht_add_test(NAME tst_chaos SOURCES integration/tst_chaos.cpp
        integration/tst_client_support.h LIBS klarsicht_models LABELS chaos TIMEOUT 1800
        ENV QTEST_FUNCTION_TIMEOUT=1800000)
    target_compile_definitions(tst_chaos PRIVATE
        KLARSICHT_DEMO_CLUSTER="$<TARGET_FILE:klarsicht-demo-cluster>")
endif()

# Benchmark (not a CTest test): scripts/bench-ingest runs it.
add_executable(bench_ingest bench/bench_ingest.cpp)
klarsicht_target_defaults(bench_ingest)
target_link_libraries(bench_ingest PRIVATE klarsicht_kubeapi)
if(TARGET klarsicht-demo-cluster)
    target_compile_definitions(bench_ingest PRIVATE
        KLARSICHT_DEMO_CLUSTER="$<TARGET_FILE:klarsicht-demo-cluster>")
endif()

# Screens benchmark (issue 6): an executable only, never a CTest test (run scripts/bench-screens).
if(TARGET klarsicht-demo-cluster)
    add_executable(bench_screens bench/bench_screens.cpp bench/bench_support.h)
    klarsicht_target_defaults(bench_screens)
    target_link_libraries(bench_screens PRIVATE klarsicht_views)
    target_compile_definitions(bench_screens PRIVATE
        KLARSICHT_DEMO_CLUSTER="$<TARGET_FILE:klarsicht-demo-cluster>")
endif()

# Metrics at scale (issue 12): every running container of the large preset gets its series.
if(TARGET klarsicht-demo-cluster)
    add_executable(bench_metrics_large bench/bench_metrics_large.cpp bench/bench_support.h)
    klarsicht_target_defaults(bench_metrics_large)
    target_link_libraries(bench_metrics_large PRIVATE klarsicht_models)
    target_compile_definitions(bench_metrics_large PRIVATE
        KLARSICHT_DEMO_CLUSTER="$<TARGET_FILE:klarsicht-demo-cluster>")
endif()

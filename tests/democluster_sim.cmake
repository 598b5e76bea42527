# Tests of the demo cluster's simulation half (controllers, kubelet, metrics, logs, presets).
klarsicht_add_test(NAME tst_sim_controllers SOURCES unit/tst_sim_controllers.cpp
    LIBS klarsicht_democluster LABELS unit TIMEOUT 120)
klarsicht_add_test(NAME tst_sim_metrics SOURCES unit/tst_sim_metrics.cpp
    LIBS klarsicht_democluster LABELS unit TIMEOUT 120)
klarsicht_add_test(NAME tst_sim_logs SOURCES unit/tst_sim_logs.cpp
    LIBS klarsicht_democluster LABELS unit TIMEOUT 120)
klarsicht_add_test(NAME tst_sim_workshop SOURCES unit/tst_sim_workshop.cpp
    LIBS klarsicht_democluster LABELS unit TIMEOUT 120)
# Benchmark, not a test: prints the large preset's seed time and per-pass costs.
add_executable(bench_sim_large bench/bench_sim_large.cpp)
klarsicht_target_defaults(bench_sim_large)
target_link_libraries(bench_sim_large PRIVATE klarsicht_democluster)
klarsicht_add_test(NAME tst_sim_termination SOURCES unit/tst_sim_termination.cpp
    LIBS klarsicht_democluster LABELS unit TIMEOUT 60)

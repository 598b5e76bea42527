# The demo's metrics history end to end: klarsicht-demo-cluster --history-out, promtool blocks
# and Debian's Prometheus via scripts/demo-prometheus, and the PrometheusSource backfill into
# MetricsHistory. Skips with a message when prometheus/promtool are missing.
klarsicht_add_test(NAME tst_demo_history SOURCES integration/tst_demo_history.cpp
    integration/tst_metrics_support.h LIBS klarsicht_models LABELS integration TIMEOUT 240)
if(TARGET klarsicht-demo-cluster)
    add_dependencies(tst_demo_history klarsicht-demo-cluster)
endif()

# The history writer against the demo cluster's own live /metrics/cadvisor (no Prometheus needed).
klarsicht_add_test(NAME tst_sim_history SOURCES unit/tst_sim_history.cpp unit/sim_testsupport.h
    LIBS klarsicht_democluster LABELS unit TIMEOUT 120)

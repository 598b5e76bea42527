# Metrics sources (kubeapi/*source*, cadvisorreader, promqueryresult, prometheusdiscovery) and the
# sampler (models/metricssampler). The sampler tests compile only the history sources they need
# (not the whole klarsicht_models library) so they build fast on the shared machine.
add_library(klarsicht_metrics_core STATIC
    ${PROJECT_SOURCE_DIR}/models/metricssampler.cpp
    ${PROJECT_SOURCE_DIR}/models/counterrate.cpp
    ${PROJECT_SOURCE_DIR}/models/metricseries.cpp
    ${PROJECT_SOURCE_DIR}/models/metricshistory.cpp
    ${PROJECT_SOURCE_DIR}/models/percentiles.cpp
    ${PROJECT_SOURCE_DIR}/models/timerange.cpp)
klarsicht_target_defaults(klarsicht_metrics_core)
target_include_directories(klarsicht_metrics_core PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(klarsicht_metrics_core PUBLIC klarsicht_kubeapi Qt6::Core)

klarsicht_add_test(NAME tst_metricssource SOURCES unit/tst_metricssource.cpp
    LIBS klarsicht_kubeapi LABELS unit)
klarsicht_add_test(NAME tst_metricssource_sampler SOURCES unit/tst_metricssource_sampler.cpp
    LIBS klarsicht_metrics_core LABELS unit)

# Against the real demo cluster (and Debian's Prometheus for the truth test); they start what
# they need on loopback and skip with a message when it is missing.
klarsicht_add_test(NAME tst_metrics_sources SOURCES integration/tst_metrics_sources.cpp
    integration/tst_metrics_support.h LIBS klarsicht_metrics_core LABELS integration TIMEOUT 120)
klarsicht_add_test(NAME tst_metrics_truth SOURCES integration/tst_metrics_truth.cpp
    integration/tst_metrics_support.h LIBS klarsicht_metrics_core LABELS integration TIMEOUT 150)
if(TARGET klarsicht-demo-cluster)
    add_dependencies(tst_metrics_sources klarsicht-demo-cluster)
    add_dependencies(tst_metrics_truth klarsicht-demo-cluster)
endif()

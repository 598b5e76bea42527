# Metrics sources (kubeapi/*source*, cadvisorreader, promqueryresult, prometheusdiscovery) and the
# sampler (models/metricssampler).

klarsicht_add_test(NAME tst_metricssource SOURCES unit/tst_metricssource.cpp
    LIBS klarsicht_kubeapi LABELS unit)
klarsicht_add_test(NAME tst_metricssource_sampler SOURCES unit/tst_metricssource_sampler.cpp
    LIBS klarsicht_models LABELS unit)

# Against the real demo cluster (and Debian's Prometheus for the truth test); they start what
# they need on loopback and skip with a message when it is missing.
klarsicht_add_test(NAME tst_metrics_sources SOURCES integration/tst_metrics_sources.cpp
    integration/tst_metrics_support.h LIBS klarsicht_models LABELS integration TIMEOUT 120)
klarsicht_add_test(NAME tst_metrics_truth SOURCES integration/tst_metrics_truth.cpp
    integration/tst_metrics_support.h LIBS klarsicht_models LABELS integration TIMEOUT 150)
if(TARGET klarsicht-demo-cluster)
    add_dependencies(tst_metrics_sources klarsicht-demo-cluster)
    add_dependencies(tst_metrics_truth klarsicht-demo-cluster)
endif()

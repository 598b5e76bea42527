# The Namespaces tab (issue 13): quota, limit range and network policy decoding and words, the
# tab's model under QAbstractItemModelTester.
klarsicht_add_test(NAME tst_networkpolicy SOURCES unit/tst_networkpolicy.cpp
    LIBS klarsicht_models LABELS unit)
klarsicht_add_test(NAME tst_namespacesmodel SOURCES unit/tst_namespacesmodel.cpp
    unit/insightstestdata.h LIBS klarsicht_models LABELS unit)

# Against the real workshop demo, kubectl the referee: quotas, pods by phase, a scale past the
# quota, the viewer's limited view and its access lines.
if(TARGET klarsicht-demo-cluster)
    klarsicht_add_test(NAME tst_namespaces_democluster
        SOURCES integration/tst_namespaces_democluster.cpp integration/tst_client_support.h
        LIBS klarsicht_views LABELS integration TIMEOUT 300)
    target_compile_definitions(tst_namespaces_democluster PRIVATE
        KLARSICHT_DEMO_CLUSTER="$<TARGET_FILE:klarsicht-demo-cluster>")
endif()

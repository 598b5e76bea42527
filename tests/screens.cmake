# Insight screens (issue 6): the feed, item models and filter proxy (unit), pages (gui).
klarsicht_add_test(NAME tst_insightsmodel SOURCES unit/tst_insightsmodel.cpp unit/insightstestdata.h
    LIBS klarsicht_models LABELS unit)
klarsicht_add_test(NAME tst_insightsflatproxy SOURCES unit/tst_insightsflatproxy.cpp unit/insightstestdata.h
    LIBS klarsicht_models LABELS unit)

# Against the real demo cluster: the app's session/feed/model stack under a real MainWindow,
# driven with kubectl.
if(TARGET klarsicht-demo-cluster)
    klarsicht_add_test(NAME tst_screens_democluster
        SOURCES integration/tst_screens_democluster.cpp integration/tst_client_support.h
        LIBS klarsicht_views LABELS integration TIMEOUT 300)
    target_compile_definitions(tst_screens_democluster PRIVATE
        KLARSICHT_DEMO_CLUSTER="$<TARGET_FILE:klarsicht-demo-cluster>")
endif()

# `klarsicht snapshot` against kubectl: as admin, as a namespace-limited user, with --watch.
if(TARGET klarsicht AND TARGET klarsicht-demo-cluster)
    klarsicht_add_test(NAME tst_snapshot_command
        SOURCES integration/tst_snapshot_command.cpp integration/pod_lines.h
                integration/tst_client_support.h
        LIBS klarsicht_kubeapi LABELS integration TIMEOUT 300)
    target_compile_definitions(tst_snapshot_command PRIVATE
        KLARSICHT_DEMO_CLUSTER="$<TARGET_FILE:klarsicht-demo-cluster>"
        KLARSICHT_APP="$<TARGET_FILE:klarsicht>")
    add_dependencies(tst_snapshot_command klarsicht klarsicht-demo-cluster)
endif()

# No token, password or client key in any log line, error text, snapshot or capture.
if(TARGET klarsicht AND TARGET klarsicht-demo-cluster)
    klarsicht_add_test(NAME tst_secrets_not_logged
        SOURCES integration/tst_secrets_not_logged.cpp integration/tst_client_support.h
        LIBS klarsicht_models LABELS integration TIMEOUT 300)
    target_compile_definitions(tst_secrets_not_logged PRIVATE
        KLARSICHT_DEMO_CLUSTER="$<TARGET_FILE:klarsicht-demo-cluster>"
        KLARSICHT_APP="$<TARGET_FILE:klarsicht>")
    add_dependencies(tst_secrets_not_logged klarsicht klarsicht-demo-cluster)
endif()

# The klarsicht binary's life cycle: --help without a display, option errors, and the demo
# cluster it starts is stopped on SIGTERM/SIGINT (and by the kernel on SIGKILL).
if(TARGET klarsicht AND TARGET klarsicht-demo-cluster)
    klarsicht_add_test(NAME tst_app_lifecycle SOURCES integration/tst_app_lifecycle.cpp
        LIBS Qt6::Core LABELS integration TIMEOUT 240)
    target_compile_definitions(tst_app_lifecycle PRIVATE KLARSICHT_APP="$<TARGET_FILE:klarsicht>")
    add_dependencies(tst_app_lifecycle klarsicht klarsicht-demo-cluster)
endif()

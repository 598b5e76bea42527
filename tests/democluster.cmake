# Demo cluster API server: integration tests that start the real klarsicht-demo-cluster and drive
# it with the real kubectl and python3-kubernetes.
klarsicht_add_test(NAME tst_democluster_kubectl
    SOURCES integration/tst_democluster_kubectl.cpp
    LIBS Qt6::Core
    LABELS integration
    TIMEOUT 180)
target_compile_definitions(tst_democluster_kubectl PRIVATE
    KLARSICHT_DEMO_CLUSTER="$<TARGET_FILE:klarsicht-demo-cluster>")
add_dependencies(tst_democluster_kubectl klarsicht-demo-cluster)

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

# Acceptance: Debian's Prometheus scrapes every node's cadvisor endpoint through the API server
# proxy (file_sd targets from kubectl's node list) and agrees with metrics.k8s.io per pod.
klarsicht_add_test(NAME tst_democluster_prometheus
    SOURCES integration/tst_democluster_prometheus.cpp integration/tst_democluster_support.h
    LIBS Qt6::Core Qt6::Network
    LABELS integration
    TIMEOUT 120)
target_compile_definitions(tst_democluster_prometheus PRIVATE
    KLARSICHT_DEMO_CLUSTER="$<TARGET_FILE:klarsicht-demo-cluster>")
add_dependencies(tst_democluster_prometheus klarsicht-demo-cluster)

# Graceful pod deletion (Terminating, preStop, grace periods, --force) against the real kubectl.
klarsicht_add_test(NAME tst_democluster_terminating
    SOURCES integration/tst_democluster_terminating.cpp integration/tst_democluster_support.h
    LIBS Qt6::Core Qt6::Network
    LABELS integration
    TIMEOUT 180)
target_compile_definitions(tst_democluster_terminating PRIVATE
    KLARSICHT_DEMO_CLUSTER="$<TARGET_FILE:klarsicht-demo-cluster>")
add_dependencies(tst_democluster_terminating klarsicht-demo-cluster)

# RBAC: the demo cluster authorizes from Roles, ClusterRoles and their bindings, with kubectl
# (get, create, delete, auth can-i) as the referee.
klarsicht_add_test(NAME tst_democluster_rbac
    SOURCES integration/tst_democluster_rbac.cpp integration/tst_democluster_support.h
    LIBS Qt6::Core Qt6::Network
    LABELS integration
    TIMEOUT 180)
target_compile_definitions(tst_democluster_rbac PRIVATE
    KLARSICHT_DEMO_CLUSTER="$<TARGET_FILE:klarsicht-demo-cluster>")
add_dependencies(tst_democluster_rbac klarsicht-demo-cluster)

# ResourceQuota, LimitRange and NetworkPolicy: quota admission and the quota controller, a
# ReplicaSet refused past its quota, LimitRange defaults and maximum, with kubectl as the referee.
klarsicht_add_test(NAME tst_democluster_quota
    SOURCES integration/tst_democluster_quota.cpp integration/tst_democluster_support.h
    LIBS Qt6::Core Qt6::Network
    LABELS integration
    TIMEOUT 240)
target_compile_definitions(tst_democluster_quota PRIVATE
    KLARSICHT_DEMO_CLUSTER="$<TARGET_FILE:klarsicht-demo-cluster>")
add_dependencies(tst_democluster_quota klarsicht-demo-cluster)

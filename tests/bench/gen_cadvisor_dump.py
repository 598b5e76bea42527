#!/usr/bin/env python3
"""Writes a kubelet-style /metrics/cadvisor dump of at least MB megabytes (default 110).

Shape as in the fact sheet (metrics-formats.md §4) and the real 1.31/1.35 fixtures: families
sorted by name, HELP then TYPE, labels container,id,image,name,namespace,pod (cpu="total"
between container and id on container_cpu_usage_seconds_total), row kinds node root,
aggregate cgroups, pod cgroup, pause sandbox and app containers, Go %g values, ms timestamps.
Deterministic (fixed seed). Usage: gen_cadvisor_dump.py OUT [MB]
"""
import random
import sys

FAMILIES = [
    # name, type, help, extra label sets, timestamped
    ("container_cpu_system_seconds_total", "counter", "Cumulative system cpu time consumed in seconds.", [()], True),
    ("container_cpu_usage_seconds_total", "counter", "Cumulative cpu time consumed in seconds.", [()], True),
    ("container_cpu_user_seconds_total", "counter", "Cumulative user cpu time consumed in seconds.", [()], True),
    ("container_fs_reads_bytes_total", "counter", "Cumulative count of bytes read", [("device", "/dev/nvme0n1")], True),
    ("container_fs_writes_bytes_total", "counter", "Cumulative count of bytes written", [("device", "/dev/nvme0n1")], True),
    ("container_last_seen", "gauge", "Last time a container was seen by the exporter", [()], True),
    ("container_memory_cache", "gauge", "Number of bytes of page cache memory.", [()], True),
    ("container_memory_failcnt", "counter", "Number of memory usage hits limits", [()], True),
    ("container_memory_failures_total", "counter", "Cumulative count of memory allocation failures.",
     [(("failure_type", "pgfault"), ("scope", "container")), (("failure_type", "pgfault"), ("scope", "hierarchy")),
      (("failure_type", "pgmajfault"), ("scope", "container")), (("failure_type", "pgmajfault"), ("scope", "hierarchy"))], True),
    ("container_memory_mapped_file", "gauge", "Size of memory mapped files in bytes.", [()], True),
    ("container_memory_rss", "gauge", "Size of RSS in bytes.", [()], True),
    ("container_memory_swap", "gauge", "Container swap usage in bytes.", [()], True),
    ("container_memory_usage_bytes", "gauge", "Current memory usage in bytes, including all memory regardless of when it was accessed", [()], True),
    ("container_memory_working_set_bytes", "gauge", "Current working set in bytes.", [()], True),
    ("container_network_receive_bytes_total", "counter", "Cumulative count of bytes received", [("interface", "eth0")], True),
    ("container_network_transmit_bytes_total", "counter", "Cumulative count of bytes transmitted", [("interface", "eth0")], True),
    ("container_spec_cpu_period", "gauge", "CPU period of the container.", [()], False),
    ("container_spec_cpu_shares", "gauge", "CPU share of the container.", [()], False),
    ("container_spec_memory_limit_bytes", "gauge", "Memory limit for the container.", [()], False),
    ("container_start_time_seconds", "gauge", "Start time of the container since unix epoch in seconds.", [()], False),
    ("container_tasks_state", "gauge", "Number of tasks in given state",
     [("state", "running"), ("state", "sleeping"), ("state", "stopped"), ("state", "uninterruptible")], True),
]

NAMESPACES = ["default", "kube-system", "monitoring", "shop", "payments", "search", "ingress-nginx"]
APPS = ["frontend", "backend", "cart", "checkout", "redis", "postgres", "nginx", "coredns", "worker"]
IMAGES = ["docker.io/library/nginx:1.27.2", "registry.k8s.io/coredns/coredns:v1.11.3",
          "ghcr.io/example/shop-backend:2.14.0", "docker.io/library/redis:7.4.1",
          "docker.io/library/postgres:16.4", "quay.io/prometheus/node-exporter:v1.8.2"]
PAUSE = "registry.k8s.io/pause:3.10.1"


def go_g(v):
    """Go strconv.FormatFloat(v, 'g', -1, 64) for the values we write."""
    if v == int(v) and abs(v) < 1e21:
        iv = int(v)
        if abs(iv) < 10 ** 6 or iv == 0:
            return str(iv)
    r = repr(float(v))
    if "e" in r or "E" in r:
        mant, exp = r.split("e")
        e = int(exp)
        return "%se%s%02d" % (mant.rstrip("0").rstrip(".") if "." in mant else mant, "-" if e < 0 else "+", abs(e))
    # repr gives the shortest round-trip digits; switch to exponent form like Go for >= 1e21
    # or exp10 < -4 or >= 6 of the shortest representation.
    digits = r.replace("-", "").replace(".", "").lstrip("0")
    f = float(v)
    import math
    exp10 = int(math.floor(math.log10(abs(f)))) if f != 0 else 0
    if exp10 < -4 or exp10 >= 6:
        d = digits.rstrip("0") or "0"
        mant = d[0] + ("." + d[1:] if len(d) > 1 else "")
        return "%s%se%s%02d" % ("-" if f < 0 else "", mant, "-" if exp10 < 0 else "+", abs(exp10))
    return r


def main():
    out = sys.argv[1]
    target = int(float(sys.argv[2]) * 1e6) if len(sys.argv) > 2 else 110 * 10 ** 6
    rng = random.Random(20261126)
    now_ms = 1764100000000
    # Rows per pod: pod cgroup, pause and 1-3 app containers; grow the pod list until the
    # estimated size reaches the target (about 435 bytes per row and family).
    rows = [("", "/", "", "", "", ""), ("", "/kubepods", "", "", "", ""),
            ("", "/kubepods/burstable", "", "", "", ""), ("", "/kubepods/besteffort", "", "", "", ""),
            ("", "/system.slice/kubelet.service", "", "", "", ""),
            ("", "/system.slice/containerd.service", "", "", "", "")]
    estimate = 0
    pod_index = 0
    while estimate < target:
        ns = rng.choice(NAMESPACES)
        app = rng.choice(APPS)
        pod = "%s-%08x-%05x" % (app, rng.getrandbits(32), rng.getrandbits(20))
        uid = "%08x-%04x-%04x-%04x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(16),
                                            rng.getrandbits(16), rng.getrandbits(48))
        qos = rng.choice(["burstable/", "besteffort/", ""])
        base = "/kubepods/%spod%s" % (qos, uid)
        rows.append(("", base, "", "", ns, pod))
        rows.append(("", base + "/" + "%064x" % rng.getrandbits(256), PAUSE, "%064x" % rng.getrandbits(256), ns, pod))
        for c in range(rng.randint(1, 3)):
            cid = "%064x" % rng.getrandbits(256)
            rows.append((app if c == 0 else "%s-sidecar-%d" % (app, c), base + "/" + cid, rng.choice(IMAGES), cid, ns, pod))
        pod_index += 1
        estimate = len(rows) * 435 * len(FAMILIES)

    with open(out, "w", buffering=1 << 20) as f:
        for name, typ, help_text, extras, stamped in FAMILIES:
            f.write("# HELP %s %s\n# TYPE %s %s\n" % (name, help_text, name, typ))
            lines = []
            for container, cid, image, cname, ns, pod in rows:
                for extra in extras:
                    if extra and isinstance(extra[0], tuple):
                        extra_pairs = list(extra)
                    elif extra:
                        extra_pairs = [extra]
                    else:
                        extra_pairs = []
                    labels = [("container", container)]
                    if name == "container_cpu_usage_seconds_total":
                        labels.append(("cpu", "total"))
                    labels += [("id", cid), ("image", image), ("name", cname), ("namespace", ns), ("pod", pod)]
                    labels += extra_pairs
                    labels.sort()
                    if typ == "counter":
                        value = rng.choice([rng.randint(0, 10 ** 12), rng.random() * 10 ** rng.randint(0, 6)])
                    elif "start_time" in name or name == "container_last_seen":
                        value = 1764000000 + rng.randint(0, 100000)
                    else:
                        value = rng.randint(0, 1 << 33)
                    ts = " %d" % (now_ms - rng.randint(0, 15000)) if stamped else ""
                    lines.append("%s{%s} %s%s\n" % (name, ",".join('%s="%s"' % kv for kv in labels), go_g(value), ts))
            lines.sort()
            f.writelines(lines)
        f.write("# HELP machine_cpu_cores Number of logical CPU cores.\n# TYPE machine_cpu_cores gauge\n")
        f.write('machine_cpu_cores{boot_id="5c3e4a1e-6d2b-4a8e-9f0a-1b2c3d4e5f60",machine_id="9a8b7c6d5e4f30211234567890abcdef",system_uuid="4c4c4544-0044-3510-8052-b4c04f4e4d32"} 64\n')
        f.write("# HELP machine_memory_bytes Amount of memory installed on the machine.\n# TYPE machine_memory_bytes gauge\n")
        f.write('machine_memory_bytes{boot_id="5c3e4a1e-6d2b-4a8e-9f0a-1b2c3d4e5f60",machine_id="9a8b7c6d5e4f30211234567890abcdef",system_uuid="4c4c4544-0044-3510-8052-b4c04f4e4d32"} 2.70317568e+11\n')
    print("wrote %s: %d pods, %d cgroup rows per family, %d families" % (out, pod_index, len(rows), len(FAMILIES) + 2))


if __name__ == "__main__":
    main()

// Decoders for workload controllers, events, HPAs, services, Status and metrics (decoders.h).
#include "kubeapi/objects/decodecontext.h"
#include "kubeapi/objects/rfc3339.h"

#include <QCoreApplication>

namespace kube {

using json = JsonNode;
using I = DecodeContext::Intern;
using Scope = DecodeContext::Scope;

namespace {

// spec and status of a workload, each nullptr when absent.
struct Parts
{
    const json *spec = nullptr;
    const json *status = nullptr;
};

Parts parts(DecodeContext &c, const json &j, ObjectMeta *meta)
{
    if (!c.requireObject(j))
        return {};
    decodeObjectMeta(c, j, meta);
    return {c.object(j, "spec"), c.object(j, "status")};
}

qint32 i32(DecodeContext &c, const json *obj, std::string_view key, qint64 fallback = 0)
{
    return obj ? qint32(c.integer(*obj, key, fallback)) : qint32(fallback);
}

void decodeSpecCommon(DecodeContext &c, const json *spec, LabelSelector *selector,
                      PodTemplateSummary *podTemplate)
{
    if (!spec)
        return;
    Scope s(c, "spec");
    decodeLabelSelector(c, *spec, selector);
    decodePodTemplate(c, *spec, podTemplate);
}

QString strategyType(DecodeContext &c, const json *spec, std::string_view key)
{
    if (!spec)
        return {};
    Scope s(c, "spec");
    const json *st = c.object(*spec, key);
    if (!st)
        return {};
    Scope ss(c, key);
    return c.string(*st, "type", I::Yes);
}

void decodeObjectReference(DecodeContext &c, const json &o, ObjectReference *out)
{
    out->kind = c.string(o, "kind", I::Yes);
    out->namespaceName = c.string(o, "namespace", I::Yes);
    out->name = c.string(o, "name", I::Yes);
    out->uid = c.string(o, "uid", I::Yes);
    out->apiVersion = c.string(o, "apiVersion", I::Yes);
    out->fieldPath = c.string(o, "fieldPath", I::Yes);
}

} // namespace

void decodeInto(DecodeContext &c, const json &j, ReplicaSet *out)
{
    const Parts p = parts(c, j, &out->metadata);
    decodeSpecCommon(c, p.spec, &out->selector, &out->podTemplate);
    {
        Scope sp(c, "spec");
        out->replicas.desired = i32(c, p.spec, "replicas", 1);
    }
    Scope st(c, "status");
    out->replicas.current = i32(c, p.status, "replicas");
    out->replicas.ready = i32(c, p.status, "readyReplicas");
    out->replicas.available = i32(c, p.status, "availableReplicas");
    out->fullyLabeledReplicas = i32(c, p.status, "fullyLabeledReplicas");
    // A ReplicaSet's pods are all of its one template.
    out->replicas.updated = out->replicas.current;
    out->observedGeneration = p.status ? c.integer(*p.status, "observedGeneration") : 0;
    if (p.status)
        decodeConditions(c, *p.status, &out->conditions); // ReplicaFailure
}

void decodeInto(DecodeContext &c, const json &j, Deployment *out)
{
    const Parts p = parts(c, j, &out->metadata);
    decodeSpecCommon(c, p.spec, &out->selector, &out->podTemplate);
    out->strategyType = strategyType(c, p.spec, "strategy");
    if (p.spec) {
        Scope s(c, "spec");
        out->replicas.desired = qint32(c.integer(*p.spec, "replicas", 1));
        out->paused = c.boolean(*p.spec, "paused");
        if (const json *strategy = c.object(*p.spec, "strategy")) {
            Scope ss(c, "strategy");
            if (const json *ru = c.object(*strategy, "rollingUpdate")) {
                Scope rs(c, "rollingUpdate");
                out->maxSurge = c.intOrString(*ru, "maxSurge");
                out->maxUnavailable = c.intOrString(*ru, "maxUnavailable");
            }
        }
    } else {
        out->replicas.desired = 1;
    }
    if (!p.status)
        return;
    Scope s(c, "status");
    out->replicas.current = i32(c, p.status, "replicas");
    out->replicas.ready = i32(c, p.status, "readyReplicas");
    out->replicas.updated = i32(c, p.status, "updatedReplicas");
    out->replicas.available = i32(c, p.status, "availableReplicas");
    out->unavailableReplicas = i32(c, p.status, "unavailableReplicas");
    out->observedGeneration = c.integer(*p.status, "observedGeneration");
    decodeConditions(c, *p.status, &out->conditions);
}

void decodeInto(DecodeContext &c, const json &j, StatefulSet *out)
{
    const Parts p = parts(c, j, &out->metadata);
    decodeSpecCommon(c, p.spec, &out->selector, &out->podTemplate);
    out->updateStrategyType = strategyType(c, p.spec, "updateStrategy");
    out->replicas.desired = 1;
    if (p.spec) {
        Scope s(c, "spec");
        out->replicas.desired = i32(c, p.spec, "replicas", 1);
        out->serviceName = c.string(*p.spec, "serviceName", I::Yes);
        out->podManagementPolicy = c.string(*p.spec, "podManagementPolicy", I::Yes);
    }
    if (!p.status)
        return;
    Scope s(c, "status");
    out->replicas.current = i32(c, p.status, "currentReplicas");
    out->replicas.ready = i32(c, p.status, "readyReplicas");
    out->replicas.updated = i32(c, p.status, "updatedReplicas");
    out->replicas.available = i32(c, p.status, "availableReplicas");
    out->currentRevision = c.string(*p.status, "currentRevision", I::Yes);
    out->updateRevision = c.string(*p.status, "updateRevision", I::Yes);
    out->observedGeneration = c.integer(*p.status, "observedGeneration");
}

void decodeInto(DecodeContext &c, const json &j, DaemonSet *out)
{
    const Parts p = parts(c, j, &out->metadata);
    decodeSpecCommon(c, p.spec, &out->selector, &out->podTemplate);
    out->updateStrategyType = strategyType(c, p.spec, "updateStrategy");
    if (!p.status)
        return;
    Scope s(c, "status");
    out->replicas.desired = i32(c, p.status, "desiredNumberScheduled");
    out->replicas.current = i32(c, p.status, "currentNumberScheduled");
    out->replicas.ready = i32(c, p.status, "numberReady");
    out->replicas.updated = i32(c, p.status, "updatedNumberScheduled");
    out->replicas.available = i32(c, p.status, "numberAvailable");
    out->numberUnavailable = i32(c, p.status, "numberUnavailable");
    out->numberMisscheduled = i32(c, p.status, "numberMisscheduled");
    out->observedGeneration = c.integer(*p.status, "observedGeneration");
}

void decodeInto(DecodeContext &c, const json &j, Job *out)
{
    const Parts p = parts(c, j, &out->metadata);
    decodeSpecCommon(c, p.spec, &out->selector, &out->podTemplate);
    if (p.spec) {
        Scope s(c, "spec");
        out->parallelism = i32(c, p.spec, "parallelism", -1);
        out->completions = i32(c, p.spec, "completions", -1);
        out->backoffLimit = i32(c, p.spec, "backoffLimit", -1);
        out->suspend = c.boolean(*p.spec, "suspend");
    }
    if (!p.status)
        return;
    Scope s(c, "status");
    out->active = i32(c, p.status, "active");
    out->succeeded = i32(c, p.status, "succeeded");
    out->failed = i32(c, p.status, "failed");
    out->ready = i32(c, p.status, "ready", -1);
    out->startTime = c.time(*p.status, "startTime");
    out->completionTime = c.time(*p.status, "completionTime");
    decodeConditions(c, *p.status, &out->conditions);
}

void decodeInto(DecodeContext &c, const json &j, CronJob *out)
{
    const Parts p = parts(c, j, &out->metadata);
    if (p.spec) {
        Scope s(c, "spec");
        out->schedule = c.string(*p.spec, "schedule");
        out->timeZone = c.string(*p.spec, "timeZone", I::Yes);
        out->concurrencyPolicy = c.string(*p.spec, "concurrencyPolicy", I::Yes);
        out->suspend = c.boolean(*p.spec, "suspend");
        if (const json *jt = c.object(*p.spec, "jobTemplate")) {
            Scope js(c, "jobTemplate");
            if (const json *jspec = c.object(*jt, "spec")) {
                Scope ss(c, "spec");
                decodePodTemplate(c, *jspec, &out->podTemplate);
            }
        }
    }
    if (!p.status)
        return;
    Scope s(c, "status");
    if (const json *active = c.array(*p.status, "active")) {
        Scope as(c, "active");
        qsizetype i = 0;
        for (const json &e : *active) {
            Scope is(c, i++);
            if (!c.requireObject(e))
                continue;
            ObjectReference ref;
            decodeObjectReference(c, e, &ref);
            out->active.append(std::move(ref));
        }
    }
    out->lastScheduleTime = c.time(*p.status, "lastScheduleTime");
    out->lastSuccessfulTime = c.time(*p.status, "lastSuccessfulTime");
}

void decodeInto(DecodeContext &c, const json &j, Event *out)
{
    if (!c.requireObject(j))
        return;
    decodeObjectMeta(c, j, &out->metadata);
    if (const json *io = c.object(j, "involvedObject")) {
        Scope s(c, "involvedObject");
        decodeObjectReference(c, *io, &out->involvedObject);
    }
    out->reason = c.string(j, "reason", I::Yes);
    out->message = c.string(j, "message");
    out->type = c.string(j, "type", I::Yes);
    out->count = qint32(c.integer(j, "count"));
    out->firstTimestamp = c.time(j, "firstTimestamp");
    out->lastTimestamp = c.time(j, "lastTimestamp");
    out->eventTime = c.time(j, "eventTime");
    if (const json *series = c.object(j, "series")) {
        Scope s(c, "series");
        if (out->count == 0)
            out->count = qint32(c.integer(*series, "count"));
        if (!out->lastTimestamp.isValid())
            out->lastTimestamp = c.time(*series, "lastObservedTime");
    }
    if (!out->lastTimestamp.isValid())
        out->lastTimestamp = out->eventTime;
    if (!out->firstTimestamp.isValid())
        out->firstTimestamp = out->eventTime;
    if (const json *src = c.object(j, "source")) {
        Scope s(c, "source");
        out->sourceComponent = c.string(*src, "component", I::Yes);
        out->sourceHost = c.string(*src, "host", I::Yes);
    }
    if (out->sourceComponent.isEmpty())
        out->sourceComponent = c.string(j, "reportingComponent", I::Yes);
    if (out->sourceHost.isEmpty())
        out->sourceHost = c.string(j, "reportingInstance", I::Yes);
}

void decodeInto(DecodeContext &c, const json &j, HorizontalPodAutoscaler *out)
{
    const Parts p = parts(c, j, &out->metadata);
    if (p.spec) {
        Scope s(c, "spec");
        if (const json *ref = c.object(*p.spec, "scaleTargetRef")) {
            Scope rs(c, "scaleTargetRef");
            out->targetKind = c.string(*ref, "kind", I::Yes);
            out->targetName = c.string(*ref, "name", I::Yes);
            out->targetApiVersion = c.string(*ref, "apiVersion", I::Yes);
        }
        out->minReplicas = qint32(c.integer(*p.spec, "minReplicas", 1));
        out->maxReplicas = qint32(c.integer(*p.spec, "maxReplicas"));
        // autoscaling/v1 field, then the v2/v2beta2/v2beta1 metric lists.
        out->targetCpuUtilizationPercent = qint32(
            c.integer(*p.spec, "targetCPUUtilizationPercentage", -1));
        if (const json *metrics = c.array(*p.spec, "metrics")) {
            for (const json &m : *metrics) {
                const json *res = c.object(m, "resource");
                if (!res || c.string(*res, "name") != u"cpu")
                    continue;
                if (const json *target = c.object(*res, "target"))
                    out->targetCpuUtilizationPercent = qint32(
                        c.integer(*target, "averageUtilization", -1));
                else
                    out->targetCpuUtilizationPercent = qint32(
                        c.integer(*res, "targetAverageUtilization", -1));
            }
        }
    }
    if (!p.status)
        return;
    Scope s(c, "status");
    out->currentReplicas = qint32(c.integer(*p.status, "currentReplicas"));
    out->desiredReplicas = qint32(c.integer(*p.status, "desiredReplicas"));
    out->lastScaleTime = c.time(*p.status, "lastScaleTime");
    out->currentCpuUtilizationPercent = qint32(
        c.integer(*p.status, "currentCPUUtilizationPercentage", -1));
    if (const json *metrics = c.array(*p.status, "currentMetrics")) {
        for (const json &m : *metrics) {
            const json *res = c.object(m, "resource");
            if (!res || c.string(*res, "name") != u"cpu")
                continue;
            if (const json *current = c.object(*res, "current"))
                out->currentCpuUtilizationPercent = qint32(
                    c.integer(*current, "averageUtilization", -1));
            else
                out->currentCpuUtilizationPercent = qint32(
                    c.integer(*res, "currentAverageUtilization", -1));
        }
    }
    decodeConditions(c, *p.status, &out->conditions);
}

void decodeInto(DecodeContext &c, const json &j, Service *out)
{
    const Parts p = parts(c, j, &out->metadata);
    if (p.spec) {
        Scope s(c, "spec");
        out->type = c.string(*p.spec, "type", I::Yes);
        if (out->type.isEmpty())
            out->type = QStringLiteral("ClusterIP");
        out->clusterIP = c.string(*p.spec, "clusterIP");
        out->externalIPs = c.stringList(*p.spec, "externalIPs");
        out->externalName = c.string(*p.spec, "externalName");
        out->selector = c.stringMap(*p.spec, "selector");
        if (const json *ports = c.array(*p.spec, "ports")) {
            Scope ps(c, "ports");
            qsizetype i = 0;
            for (const json &e : *ports) {
                Scope is(c, i++);
                if (!c.requireObject(e))
                    continue;
                ServicePort port;
                port.name = c.string(e, "name", I::Yes);
                port.protocol = c.string(e, "protocol", I::Yes);
                port.port = qint32(c.integer(e, "port"));
                port.targetPort = c.intOrString(e, "targetPort");
                port.nodePort = qint32(c.integer(e, "nodePort"));
                out->ports.append(std::move(port));
            }
        }
    }
    if (!p.status)
        return;
    Scope s(c, "status");
    if (const json *lb = c.object(*p.status, "loadBalancer")) {
        if (const json *ingress = c.array(*lb, "ingress")) {
            for (const json &e : *ingress) {
                QString ip = c.string(e, "ip");
                out->loadBalancerIngress.append(ip.isEmpty() ? c.string(e, "hostname") : ip);
            }
        }
    }
}

void decodeInto(DecodeContext &c, const json &j, Status *out)
{
    if (!c.requireObject(j))
        return;
    out->status = c.string(j, "status");
    out->reason = c.string(j, "reason");
    out->message = c.string(j, "message");
    out->code = qint32(c.integer(j, "code"));
    const json *d = c.object(j, "details");
    if (!d)
        return;
    Scope s(c, "details");
    out->detailsName = c.string(*d, "name");
    out->detailsGroup = c.string(*d, "group");
    out->detailsKind = c.string(*d, "kind");
    out->retryAfterSeconds = qint32(c.integer(*d, "retryAfterSeconds"));
    if (const json *causes = c.array(*d, "causes")) {
        for (const json &e : *causes) {
            if (e.is_object())
                out->causes.append(
                    {c.string(e, "reason"), c.string(e, "message"), c.string(e, "field")});
        }
    }
}

namespace {

void decodeMetricsHeader(DecodeContext &c, const json &j, QString *name, QString *ns,
                         Timestamp *timestamp, qint64 *windowMs)
{
    if (const json *m = c.object(j, "metadata")) {
        Scope s(c, "metadata");
        *name = c.string(*m, "name");
        if (ns)
            *ns = c.string(*m, "namespace", I::Yes);
    }
    *timestamp = c.time(j, "timestamp");
    const QString window = c.string(j, "window");
    if (!window.isEmpty()) {
        *windowMs = parseGoDurationMs(window.toStdString());
        if (*windowMs < 0) {
            Scope s(c, "window");
            c.fail(QCoreApplication::translate("Decoders", "“%1” is not a duration")
                       .arg(window.left(32)));
        }
    }
}

} // namespace

void decodeInto(DecodeContext &c, const json &j, NodeMetrics *out)
{
    if (!c.requireObject(j))
        return;
    decodeMetricsHeader(c, j, &out->name, nullptr, &out->timestamp, &out->windowMs);
    if (const json *u = c.object(j, "usage")) {
        Scope s(c, "usage");
        out->cpu = c.quantity(*u, "cpu");
        out->memory = c.quantity(*u, "memory");
    }
}

void decodeInto(DecodeContext &c, const json &j, PodMetrics *out)
{
    if (!c.requireObject(j))
        return;
    decodeMetricsHeader(c, j, &out->name, &out->namespaceName, &out->timestamp, &out->windowMs);
    const json *containers = c.array(j, "containers");
    if (!containers)
        return;
    Scope s(c, "containers");
    qsizetype i = 0;
    for (const json &e : *containers) {
        Scope is(c, i++);
        if (!c.requireObject(e))
            continue;
        ContainerMetrics cm;
        cm.name = c.string(e, "name", I::Yes);
        if (const json *u = c.object(e, "usage")) {
            Scope us(c, "usage");
            cm.cpu = c.quantity(*u, "cpu");
            cm.memory = c.quantity(*u, "memory");
        }
        out->containers.append(std::move(cm));
    }
}

} // namespace kube

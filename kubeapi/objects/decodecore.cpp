// Decoders for metadata, pods, containers, nodes and namespaces (see decoders.h).
#include "kubeapi/objects/decodecontext.h"

#include <algorithm>

namespace kube {

using json = JsonNode;
using I = DecodeContext::Intern;
using Scope = DecodeContext::Scope;

namespace {

constexpr std::string_view kLastApplied = "kubectl.kubernetes.io/last-applied-configuration";
constexpr size_t kMaxAnnotationValue = 4096;

void decodeAnnotations(DecodeContext &c, const json &meta, StringPairs *out)
{
    const json *m = c.object(meta, "annotations");
    if (!m)
        return;
    Scope s(c, "annotations");
    for (auto it = m->begin(); it != m->end(); ++it) {
        if (it->is_null())
            continue;
        if (!it->is_string()) {
            Scope k(c, it.key());
            c.failType(*it, QT_TRANSLATE_NOOP("Decoders", "a string"));
            continue;
        }
        const std::string_view value = it->string();
        if (it.key() == kLastApplied || value.size() > kMaxAnnotationValue)
            continue;
        out->append({c.text(it.key(), I::Yes), c.text(value, I::No)});
    }
}

void decodeProbe(DecodeContext &c, const json &container, std::string_view key, ProbeSummary *out)
{
    const json *p = c.object(container, key);
    if (!p)
        return;
    Scope s(c, key);
    if (const json *h = c.object(*p, "httpGet")) {
        Scope hs(c, "httpGet");
        QString scheme = c.string(*h, "scheme").toLower();
        if (scheme.isEmpty())
            scheme = QStringLiteral("http");
        out->handler = QStringLiteral("http-get ") + scheme + QStringLiteral("://")
                       + c.string(*h, "host") + u':' + c.intOrString(*h, "port")
                       + c.string(*h, "path");
    } else if (const json *t = c.object(*p, "tcpSocket")) {
        Scope ts(c, "tcpSocket");
        out->handler = QStringLiteral("tcp-socket ") + c.string(*t, "host") + u':'
                       + c.intOrString(*t, "port");
    } else if (const json *e = c.object(*p, "exec")) {
        Scope es(c, "exec");
        out->handler = QStringLiteral("exec [") + c.stringList(*e, "command").join(u' ') + u']';
    } else if (const json *g = c.object(*p, "grpc")) {
        Scope gs(c, "grpc");
        out->handler = QStringLiteral("grpc <pod>:") + QString::number(c.integer(*g, "port")) + u' '
                       + c.string(*g, "service");
    } else {
        out->handler = QStringLiteral("unknown");
    }
    out->initialDelaySeconds = qint32(c.integer(*p, "initialDelaySeconds", 0));
    out->timeoutSeconds = qint32(c.integer(*p, "timeoutSeconds", 1));
    out->periodSeconds = qint32(c.integer(*p, "periodSeconds", 10));
    out->successThreshold = qint32(c.integer(*p, "successThreshold", 1));
    out->failureThreshold = qint32(c.integer(*p, "failureThreshold", 3));
}

void decodeSecurityContext(DecodeContext &c, const json &container, SecurityContextSummary *out)
{
    const json *sc = c.object(container, "securityContext");
    if (!sc)
        return;
    Scope s(c, "securityContext");
    out->runAsUser = c.integer(*sc, "runAsUser", -1);
    out->runAsGroup = c.integer(*sc, "runAsGroup", -1);
    out->runAsNonRoot = c.optionalBool(*sc, "runAsNonRoot");
    out->privileged = c.optionalBool(*sc, "privileged");
    out->readOnlyRootFilesystem = c.optionalBool(*sc, "readOnlyRootFilesystem");
    out->allowPrivilegeEscalation = c.optionalBool(*sc, "allowPrivilegeEscalation");
    if (const json *caps = c.object(*sc, "capabilities")) {
        Scope cs(c, "capabilities");
        out->capabilitiesAdd = c.stringList(*caps, "add", I::Yes);
        out->capabilitiesDrop = c.stringList(*caps, "drop", I::Yes);
    }
}

void decodeEnvVar(DecodeContext &c, const json &e, EnvVar *out)
{
    out->name = c.string(e, "name", I::Yes);
    const json *from = c.object(e, "valueFrom");
    if (!from) {
        // A literal value; kept as text (never a Secret's value: those come via valueFrom).
        out->value = c.string(e, "value");
        return;
    }
    Scope s(c, "valueFrom");
    if (const json *r = c.object(*from, "secretKeyRef")) {
        Scope rs(c, "secretKeyRef");
        out->source = EnvVar::Source::SecretKeyRef;
        out->sourceName = c.string(*r, "name", I::Yes);
        out->sourceKey = c.string(*r, "key", I::Yes);
        out->optional = c.boolean(*r, "optional");
    } else if (const json *r = c.object(*from, "configMapKeyRef")) {
        Scope rs(c, "configMapKeyRef");
        out->source = EnvVar::Source::ConfigMapKeyRef;
        out->sourceName = c.string(*r, "name", I::Yes);
        out->sourceKey = c.string(*r, "key", I::Yes);
        out->optional = c.boolean(*r, "optional");
    } else if (const json *r = c.object(*from, "fieldRef")) {
        Scope rs(c, "fieldRef");
        out->source = EnvVar::Source::FieldRef;
        out->sourceKey = c.string(*r, "fieldPath", I::Yes);
    } else if (const json *r = c.object(*from, "resourceFieldRef")) {
        Scope rs(c, "resourceFieldRef");
        out->source = EnvVar::Source::ResourceFieldRef;
        out->sourceName = c.string(*r, "containerName", I::Yes);
        out->sourceKey = c.string(*r, "resource", I::Yes);
    } else {
        out->source = EnvVar::Source::Unknown;
    }
}

void decodeContainerState(DecodeContext &c, const json &status, std::string_view key,
                          ContainerState *out)
{
    const json *st = c.object(status, key);
    if (!st)
        return;
    Scope s(c, key);
    if (const json *w = c.object(*st, "waiting")) {
        Scope ws(c, "waiting");
        out->kind = ContainerState::Kind::Waiting;
        out->reason = c.string(*w, "reason", I::Yes);
        out->message = c.string(*w, "message");
    } else if (const json *r = c.object(*st, "running")) {
        Scope rs(c, "running");
        out->kind = ContainerState::Kind::Running;
        out->startedAt = c.time(*r, "startedAt");
    } else if (const json *t = c.object(*st, "terminated")) {
        Scope ts(c, "terminated");
        out->kind = ContainerState::Kind::Terminated;
        out->reason = c.string(*t, "reason", I::Yes);
        out->message = c.string(*t, "message");
        out->exitCode = qint32(c.integer(*t, "exitCode"));
        out->signal = qint32(c.integer(*t, "signal"));
        out->startedAt = c.time(*t, "startedAt");
        out->finishedAt = c.time(*t, "finishedAt");
    }
}

void decodeContainerStatuses(DecodeContext &c, const json &status, std::string_view key,
                             QList<ContainerStatus> *out)
{
    if (const json *a = c.array(status, key))
        out->reserve(qsizetype(a->size()));
    forEachObject(c, status, key, [&](const json &e) {
        ContainerStatus cs;
        cs.name = c.string(e, "name", I::Yes);
        decodeContainerState(c, e, "state", &cs.state);
        decodeContainerState(c, e, "lastState", &cs.lastState);
        cs.restartCount = qint32(c.integer(e, "restartCount"));
        cs.ready = c.boolean(e, "ready");
        cs.started = c.optionalBool(e, "started");
        cs.image = c.string(e, "image", I::Yes);
        cs.imageID = c.string(e, "imageID", I::Yes);
        cs.containerID = c.string(e, "containerID");
        out->append(std::move(cs));
    });
}

void decodeContainers(DecodeContext &c, const json &spec, std::string_view key,
                      QList<Container> *out)
{
    const json *a = c.array(spec, key);
    if (!a)
        return;
    *out = c.shared<QList<Container>>('C', *a, [&] {
        QList<Container> list;
        list.reserve(qsizetype(a->size()));
        forEachObject(c, spec, key, [&](const json &e) {
            Container ct;
            decodeContainer(c, e, &ct);
            list.append(std::move(ct));
        });
        return list;
    });
}

} // namespace

void decodeObjectMeta(DecodeContext &c, const json &obj, ObjectMeta *out)
{
    const json *m = c.object(obj, "metadata");
    if (!m)
        return;
    Scope s(c, "metadata");
    out->uid = c.string(*m, "uid");
    out->name = c.string(*m, "name");
    out->namespaceName = c.string(*m, "namespace", I::Yes);
    out->resourceVersion = c.string(*m, "resourceVersion");
    out->generation = c.integer(*m, "generation");
    if (const json *labels = c.object(*m, "labels"))
        out->labels = c.shared<StringPairs>('L', *labels,
                                            [&] { return c.stringMap(*m, "labels"); });
    if (const json *annotations = c.object(*m, "annotations")) {
        out->annotations = c.shared<StringPairs>('A', *annotations, [&] {
            StringPairs pairs;
            decodeAnnotations(c, *m, &pairs);
            return pairs;
        });
    }
    if (const json *owners = c.array(*m, "ownerReferences")) {
        out->ownerReferences = c.shared<QList<OwnerReference>>('O', *owners, [&] {
            QList<OwnerReference> list;
            forEachObject(c, *m, "ownerReferences", [&](const json &e) {
                OwnerReference o;
                o.apiVersion = c.string(e, "apiVersion", I::Yes);
                o.kind = c.string(e, "kind", I::Yes);
                o.name = c.string(e, "name", I::Yes);
                o.uid = c.string(e, "uid", I::Yes);
                o.controller = c.boolean(e, "controller");
                list.append(std::move(o));
            });
            return list;
        });
    }
    out->creationTimestamp = c.time(*m, "creationTimestamp");
    out->deletionTimestamp = c.time(*m, "deletionTimestamp");
}

void decodeListMeta(DecodeContext &c, const json &obj, ListMeta *out)
{
    if (!c.requireObject(obj))
        return;
    out->resourceVersion = c.string(obj, "resourceVersion");
    out->continueToken = c.string(obj, "continue");
    out->remainingItemCount = c.integer(obj, "remainingItemCount", -1);
}

void decodeConditions(DecodeContext &c, const json &status, QList<Condition> *out)
{
    if (const json *a = c.array(status, "conditions"))
        out->reserve(qsizetype(a->size()));
    forEachObject(c, status, "conditions", [&](const json &e) {
        Condition cond;
        cond.type = c.string(e, "type", I::Yes);
        cond.status = c.string(e, "status", I::Yes);
        cond.reason = c.string(e, "reason", I::Yes);
        cond.message = c.string(e, "message", I::Yes);
        cond.lastTransitionTime = c.time(e, "lastTransitionTime");
        cond.lastHeartbeatTime = c.time(e, "lastHeartbeatTime");
        if (!cond.lastHeartbeatTime.isValid())
            cond.lastHeartbeatTime = c.time(e, "lastProbeTime");
        out->append(std::move(cond));
    });
}

void decodeContainer(DecodeContext &c, const json &e, Container *out)
{
    out->name = c.string(e, "name", I::Yes);
    out->image = c.string(e, "image", I::Yes);
    out->imagePullPolicy = c.string(e, "imagePullPolicy", I::Yes);
    out->command = c.stringList(e, "command", I::Yes);
    out->args = c.stringList(e, "args", I::Yes);
    out->restartPolicy = c.string(e, "restartPolicy", I::Yes);
    if (const json *r = c.object(e, "resources")) {
        Scope rs(c, "resources");
        if (const json *req = c.object(*r, "requests")) {
            Scope q(c, "requests");
            out->resources.cpuRequest = c.quantity(*req, "cpu");
            out->resources.memoryRequest = c.quantity(*req, "memory");
        }
        if (const json *lim = c.object(*r, "limits")) {
            Scope q(c, "limits");
            out->resources.cpuLimit = c.quantity(*lim, "cpu");
            out->resources.memoryLimit = c.quantity(*lim, "memory");
        }
    }
    forEachObject(c, e, "ports", [&](const json &p) {
        ContainerPort port;
        port.name = c.string(p, "name", I::Yes);
        port.protocol = c.string(p, "protocol", I::Yes);
        if (port.protocol.isEmpty())
            port.protocol = QStringLiteral("TCP");
        port.containerPort = qint32(c.integer(p, "containerPort"));
        port.hostPort = qint32(c.integer(p, "hostPort"));
        out->ports.append(std::move(port));
    });
    forEachObject(c, e, "env", [&](const json &v) {
        EnvVar env;
        decodeEnvVar(c, v, &env);
        out->env.append(std::move(env));
    });
    forEachObject(c, e, "envFrom", [&](const json &v) {
        EnvFromSource src;
        src.prefix = c.string(v, "prefix", I::Yes);
        if (const json *s = c.object(v, "secretRef")) {
            src.kind = EnvFromSource::Kind::Secret;
            src.name = c.string(*s, "name", I::Yes);
        } else if (const json *m = c.object(v, "configMapRef")) {
            src.kind = EnvFromSource::Kind::ConfigMap;
            src.name = c.string(*m, "name", I::Yes);
        }
        out->envFrom.append(std::move(src));
    });
    forEachObject(c, e, "volumeMounts", [&](const json &v) {
        VolumeMount vm;
        vm.name = c.string(v, "name", I::Yes);
        vm.mountPath = c.string(v, "mountPath", I::Yes);
        vm.subPath = c.string(v, "subPath", I::Yes);
        vm.readOnly = c.boolean(v, "readOnly");
        out->volumeMounts.append(std::move(vm));
    });
    decodeProbe(c, e, "livenessProbe", &out->livenessProbe);
    decodeProbe(c, e, "readinessProbe", &out->readinessProbe);
    decodeProbe(c, e, "startupProbe", &out->startupProbe);
    decodeSecurityContext(c, e, &out->securityContext);
}

void decodePodTemplate(DecodeContext &c, const json &spec, PodTemplateSummary *out)
{
    const json *t = c.object(spec, "template");
    if (!t)
        return;
    Scope s(c, "template");
    if (const json *m = c.object(*t, "metadata")) {
        Scope ms(c, "metadata");
        out->labels = c.stringMap(*m, "labels");
    }
    if (const json *ps = c.object(*t, "spec")) {
        Scope ss(c, "spec");
        decodeContainers(c, *ps, "initContainers", &out->initContainers);
        decodeContainers(c, *ps, "containers", &out->containers);
    }
}

void decodeLabelSelector(DecodeContext &c, const json &spec, LabelSelector *out)
{
    decodeLabelSelectorAt(c, spec, "selector", out);
}

bool decodeLabelSelectorAt(DecodeContext &c, const json &obj, std::string_view key,
                           LabelSelector *out)
{
    const json *sel = c.object(obj, key);
    if (!sel)
        return false;
    Scope s(c, key);
    out->matchLabels = c.stringMap(*sel, "matchLabels");
    forEachObject(c, *sel, "matchExpressions", [&](const json &e) {
        LabelSelectorRequirement r;
        r.key = c.string(e, "key", I::Yes);
        r.op = c.string(e, "operator", I::Yes);
        r.values = c.stringList(e, "values", I::Yes);
        out->matchExpressions.append(std::move(r));
    });
    return true;
}

void decodeInto(DecodeContext &c, const json &j, RawObject *out)
{
    if (!c.requireObject(j))
        return;
    decodeObjectMeta(c, j, &out->metadata);
    const std::string_view text = j.raw();
    out->json = QByteArray(text.data(), qsizetype(text.size()));
}

void decodeInto(DecodeContext &c, const json &j, Namespace *out)
{
    if (!c.requireObject(j))
        return;
    decodeObjectMeta(c, j, &out->metadata);
    if (const json *st = c.object(j, "status")) {
        Scope s(c, "status");
        out->phase = c.string(*st, "phase", I::Yes);
    }
}

void decodeInto(DecodeContext &c, const json &j, Node *out)
{
    if (!c.requireObject(j))
        return;
    decodeObjectMeta(c, j, &out->metadata);
    for (const auto &[key, value] : std::as_const(out->metadata.labels)) {
        static const QString rolePrefix = QStringLiteral("node-role.kubernetes.io/");
        if (key.startsWith(rolePrefix) && key.size() > rolePrefix.size())
            out->roles.append(key.mid(rolePrefix.size()));
        else if (key == u"kubernetes.io/role" && !value.isEmpty())
            out->roles.append(value);
    }
    out->roles.sort();
    out->roles.removeDuplicates();
    if (const json *spec = c.object(j, "spec")) {
        Scope s(c, "spec");
        out->unschedulable = c.boolean(*spec, "unschedulable");
        out->providerID = c.string(*spec, "providerID");
        forEachObject(c, *spec, "taints", [&](const json &e) {
            out->taints.append({c.string(e, "key", I::Yes), c.string(e, "value", I::Yes),
                                c.string(e, "effect", I::Yes)});
        });
    }
    const json *st = c.object(j, "status");
    if (!st)
        return;
    Scope s(c, "status");
    auto resources = [&](std::string_view key, NodeResources *r) {
        const json *m = c.object(*st, key);
        if (!m)
            return;
        Scope rs(c, key);
        r->cpu = c.quantity(*m, "cpu");
        r->memory = c.quantity(*m, "memory");
        r->pods = c.quantity(*m, "pods");
        r->ephemeralStorage = c.quantity(*m, "ephemeral-storage");
    };
    resources("capacity", &out->capacity);
    resources("allocatable", &out->allocatable);
    decodeConditions(c, *st, &out->conditions);
    forEachObject(c, *st, "addresses", [&](const json &e) {
        out->addresses.append({c.string(e, "type", I::Yes), c.string(e, "address")});
    });
    if (const json *ni = c.object(*st, "nodeInfo")) {
        Scope ns(c, "nodeInfo");
        out->nodeInfo.kubeletVersion = c.string(*ni, "kubeletVersion", I::Yes);
        out->nodeInfo.kubeProxyVersion = c.string(*ni, "kubeProxyVersion", I::Yes);
        out->nodeInfo.osImage = c.string(*ni, "osImage", I::Yes);
        out->nodeInfo.kernelVersion = c.string(*ni, "kernelVersion", I::Yes);
        out->nodeInfo.operatingSystem = c.string(*ni, "operatingSystem", I::Yes);
        out->nodeInfo.architecture = c.string(*ni, "architecture", I::Yes);
        out->nodeInfo.containerRuntimeVersion = c.string(*ni, "containerRuntimeVersion", I::Yes);
    }
}

void decodeInto(DecodeContext &c, const json &j, Pod *out)
{
    if (!c.requireObject(j))
        return;
    decodeObjectMeta(c, j, &out->metadata);
    if (const json *spec = c.object(j, "spec")) {
        Scope s(c, "spec");
        out->nodeName = c.string(*spec, "nodeName", I::Yes);
        out->serviceAccountName = c.string(*spec, "serviceAccountName", I::Yes);
        out->restartPolicy = c.string(*spec, "restartPolicy", I::Yes);
        out->priorityClassName = c.string(*spec, "priorityClassName", I::Yes);
        decodeContainers(c, *spec, "initContainers", &out->initContainers);
        decodeContainers(c, *spec, "containers", &out->containers);
    }
    const json *st = c.object(j, "status");
    if (!st)
        return;
    Scope s(c, "status");
    out->phase = c.string(*st, "phase", I::Yes);
    out->reason = c.string(*st, "reason", I::Yes);
    out->message = c.string(*st, "message");
    out->podIP = c.string(*st, "podIP");
    // Only dual-stack pods keep the list: a single entry would repeat podIP.
    forEachObject(c, *st, "podIPs", [&](const json &e) { out->podIPs.append(c.string(e, "ip")); });
    if (out->podIPs.size() == 1 && out->podIPs.first() == out->podIP)
        out->podIPs.clear();
    out->hostIP = c.string(*st, "hostIP", I::Yes);
    out->qosClass = c.string(*st, "qosClass", I::Yes);
    out->startTime = c.time(*st, "startTime");
    // Ready, plus only the conditions that are not True: a healthy pod then holds one condition
    // instead of four (≈ 400 bytes less per pod, 60 MB at 150,000 pods).
    QList<Condition> conditions;
    decodeConditions(c, *st, &conditions);
    for (Condition &cond : conditions) {
        if (cond.type == u"Ready" || cond.status != u"True")
            out->conditions.append(std::move(cond));
    }
    out->conditions.squeeze();
    decodeContainerStatuses(c, *st, "initContainerStatuses", &out->initContainerStatuses);
    decodeContainerStatuses(c, *st, "containerStatuses", &out->containerStatuses);
}

} // namespace kube

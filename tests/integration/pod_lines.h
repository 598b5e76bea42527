#pragma once

// Pods as one comparable line each (namespace/name, node, phase, labels, every container's
// restarts and states), read from kubectl's JSON (the referee shares no decoder with us) and
// from a snapshot file through the decoders the app uses: tests compare the two.
#include "kubeapi/objects/decoders.h"
#include "tst_client_support.h"

#include <QFile>

#include <map>

namespace podlines {

inline QString containerLine(const QString &list, const QString &name, int restarts,
                             const QString &state, const QString &lastState)
{
    return QStringLiteral("%1:%2 restarts=%3 state=%4 last=%5")
        .arg(list, name)
        .arg(restarts)
        .arg(state, lastState);
}

inline QString podLine(const QString &ns, const QString &name, const QString &node,
                       const QString &phase, QStringList labels, const QStringList &containers)
{
    labels.sort();
    return ns + u'/' + name + QStringLiteral(" node=") + node + QStringLiteral(" phase=") + phase
           + QStringLiteral(" labels=") + labels.join(u',') + QStringLiteral(" | ")
           + containers.join(QStringLiteral(" | "));
}

// uid → (resourceVersion, the fields compared, as one line)
using PodLines = std::map<QString, std::pair<QString, QString>>;

inline std::map<QString, QString> versions(const PodLines &pods)
{
    std::map<QString, QString> out;
    for (const auto &[uid, pod] : pods)
        out[uid] = pod.first;
    return out;
}

// kubectl's view, read straight from its JSON (the referee shares no decoder with us).
inline PodLines kubectlPods(const clienttest::DemoCluster &cluster,
                            const QStringList &scope = {QStringLiteral("-A")})
{
    bool ok = false;
    const QByteArray out = cluster.kubectl(
        QStringList{QStringLiteral("get"), QStringLiteral("pods")} + scope
            + QStringList{QStringLiteral("-o"), QStringLiteral("json")},
        &ok);
    const auto json = nlohmann::json::parse(out.begin(), out.end(), nullptr, false);
    PodLines pods;
    if (!ok || !json.is_object() || !json.contains("items"))
        return pods;
    const auto str = [](const nlohmann::json &o, const char *key) -> QString {
        return o.is_object() && o.contains(key) && o[key].is_string()
                   ? QString::fromStdString(o[key].get<std::string>())
                   : QString();
    };
    const auto stateOf = [&](const nlohmann::json &state) -> QString {
        for (const char *kind : {"waiting", "running", "terminated"}) {
            if (state.is_object() && state.contains(kind))
                return QString::fromLatin1(kind) + u'/' + str(state[kind], "reason");
        }
        return QStringLiteral("none/");
    };
    const nlohmann::json none;
    for (const auto &item : json["items"]) {
        const nlohmann::json &meta = item.contains("metadata") ? item["metadata"] : none;
        const nlohmann::json &status = item.contains("status") ? item["status"] : none;
        QStringList labels;
        if (meta.contains("labels") && meta["labels"].is_object()) {
            for (auto it = meta["labels"].begin(); it != meta["labels"].end(); ++it)
                labels << QString::fromStdString(it.key()) + u'='
                              + QString::fromStdString(it.value().get<std::string>());
        }
        QStringList containers;
        for (const char *list : {"initContainerStatuses", "containerStatuses"}) {
            if (!status.is_object() || !status.contains(list) || !status[list].is_array())
                continue;
            for (const auto &c : status[list])
                containers << containerLine(
                    QString::fromLatin1(list), str(c, "name"), c.value("restartCount", 0),
                    stateOf(c.contains("state") ? c["state"] : none),
                    stateOf(c.contains("lastState") ? c["lastState"] : none));
        }
        pods[str(meta, "uid")] = {str(meta, "resourceVersion"),
                                  podLine(str(meta, "namespace"), str(meta, "name"),
                                          str(item["spec"], "nodeName"), str(status, "phase"),
                                          labels, containers)};
    }
    return pods;
}

// The snapshot file, through the decoders the app uses for `klarsicht --open`.
inline PodLines snapshotPods(const QString &file)
{
    QFile f(file);
    PodLines pods;
    if (!f.open(QIODevice::ReadOnly))
        return pods;
    const QByteArray bytes = f.readAll();
    const auto doc = nlohmann::json::parse(bytes.begin(), bytes.end(), nullptr, false);
    if (!doc.is_object() || !doc.contains("lists") || !doc["lists"].contains("pods"))
        return pods;
    const std::string text = doc["lists"]["pods"].dump();
    const kube::DecodedList<kube::Pod> list = kube::decodeList<kube::Pod>(
        QByteArrayView(text.data(), qsizetype(text.size())));
    if (!list.ok())
        qWarning("snapshot pods do not decode: %s", qPrintable(list.error));
    const auto stateOf = [](const kube::ContainerState &s) -> QString {
        switch (s.kind) {
        case kube::ContainerState::Kind::Waiting:
            return QStringLiteral("waiting/") + s.reason;
        case kube::ContainerState::Kind::Running:
            return QStringLiteral("running/") + s.reason;
        case kube::ContainerState::Kind::Terminated:
            return QStringLiteral("terminated/") + s.reason;
        case kube::ContainerState::Kind::None:
            break;
        }
        return QStringLiteral("none/");
    };
    for (const kube::Pod &pod : list.items) {
        QStringList labels;
        for (const auto &[k, v] : pod.metadata.labels)
            labels << k + u'=' + v;
        QStringList containers;
        for (const auto &c : pod.initContainerStatuses)
            containers << containerLine(QStringLiteral("initContainerStatuses"), c.name,
                                        c.restartCount, stateOf(c.state), stateOf(c.lastState));
        for (const auto &c : pod.containerStatuses)
            containers << containerLine(QStringLiteral("containerStatuses"), c.name, c.restartCount,
                                        stateOf(c.state), stateOf(c.lastState));
        pods[pod.metadata.uid] = {pod.metadata.resourceVersion,
                                  podLine(pod.metadata.namespaceName, pod.metadata.name,
                                          pod.nodeName, pod.phase, labels, containers)};
    }
    return pods;
}

} // namespace podlines

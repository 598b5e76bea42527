#pragma once

// Finds a Prometheus inside the cluster through the API server: the well-known Services of
// kube-prometheus, prometheus-operator, kube-prometheus-stack and the prometheus chart, probed
// through the service proxy in that order.
#include "kubeapi/client/apierror.h"
#include "kubeapi/objects/objects.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace kube {

class ApiClient;

class PrometheusDiscovery final : public QObject
{
    Q_OBJECT
public:
    struct Candidate
    {
        QString namespaceName;
        QString service;
        QString port;   // the port's name, or its number when it has none
        QString scheme; // "" (http) or "https"
        bool operator==(const Candidate &) const = default;
    };

    explicit PrometheusDiscovery(ApiClient *client, QObject *parent = nullptr);

    // Lists Services (all namespaces; on 403 only monitoring/prometheus-k8s is tried by name),
    // probes each candidate with a tiny query and emits finished() once.
    void start();

    // The well-known Services among `services`, best first: monitoring/prometheus-k8s, then
    // */prometheus-operated, */kube-prometheus-stack-prometheus, */prometheus-server (each group
    // sorted by namespace).
    static QList<Candidate> candidates(const QList<Service> &services);
    // /api/v1/namespaces/<ns>/services/[https:]<name>:<port>/proxy
    static QString proxyPath(const Candidate &candidate);

Q_SIGNALS:
    // `proxyPath` is empty when nothing answered; `lastError` then says why the last try failed.
    void finished(const QString &proxyPath, const kube::ApiError &lastError);

private:
    void onServices(class ApiReply *reply);
    void probeNext();

    QPointer<ApiClient> m_client;
    QList<Candidate> m_queue;
    ApiError m_lastError;
};

} // namespace kube

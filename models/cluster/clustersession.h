#pragma once

#include "kubeapi/client/apiclient.h" // complete type for InformerBase::client()
#include "kubeapi/config/clusterconnection.h"
#include "kubeapi/informers/informerbase.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

class ClusterStore;
namespace kube {
class ApiClient;
}

// One live connection to a cluster: an ApiClient for a kubeconfig context, one informer per
// followed kind (followedkinds.h), and every informer change forwarded into the ClusterStore.
class ClusterSession final : public QObject
{
    Q_OBJECT
public:
    ClusterSession(const kube::ClusterConnection &connection, ClusterStore *store,
                   QObject *parent = nullptr);
    ~ClusterSession() override;

    // Namespaces to watch when a cluster-wide list is forbidden (besides the context's own).
    void setFallbackNamespaces(const QStringList &namespaces);
    void start();
    void stop();

    kube::ApiClient *client() const { return m_client; }
    const QList<kube::InformerBase *> &informers() const { return m_informers; }
    // True once every informer has listed (or given up with forbidden/error).
    bool allSettled() const;
    // One line per kind: "pods: live", "nodes: no access", … (translated).
    QStringList stateSummary() const;
    // What these credentials hide from the Namespaces tab: "kind: state" of each namespace,
    // pod, quota, limit range and network policy informer that cannot read the whole cluster.
    QStringList namespaceLimits() const;
    // What an informer's state means, for the connection indicator (translated).
    static QString stateText(const kube::InformerBase &informer);
    // Whether an informer shows everything (it may list cluster-wide and is live).
    static bool limited(const kube::InformerBase &informer);

Q_SIGNALS:
    void stateChanged();
    void settled();
    // What a kind may be read as changed after the first settle (RBAC changed while we run),
    // e.g. "pods: access across the cluster returned" (translated).
    void accessChanged(const QString &message);
    // The context's credential plugin wrote a line to stderr while it runs, e.g. a device-code
    // login ("open https://… and enter the code …"): the user has to see it now, not when the
    // plugin gives up. credentialPluginDone() follows when it delivered or failed.
    void credentialPluginMessage(const QString &line);
    void credentialPluginDone();

private:
    template<typename T>
    void addInformer();
    void noteAccess(const kube::InformerBase *informer);
    static QString accessKey(const kube::InformerBase &informer);

    kube::ApiClient *m_client = nullptr;
    ClusterStore *m_store = nullptr;
    QList<kube::InformerBase *> m_informers;
    QHash<const kube::InformerBase *, QString> m_access; // accessKey() last seen
    bool m_settledEmitted = false;
};

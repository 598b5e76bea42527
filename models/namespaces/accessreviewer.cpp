#include "models/namespaces/accessreviewer.h"

#include "kubeapi/client/apiclient.h"
#include "kubeapi/client/apireply.h"

AccessReviewer::AccessReviewer(kube::ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

AccessReviewer::~AccessReviewer()
{
    for (const QPointer<kube::ApiReply> &reply : std::as_const(m_running)) {
        if (reply) {
            reply->abort();
            delete reply.data();
        }
    }
}

void AccessReviewer::review(const QString &ns)
{
    if (!m_client || ns.isEmpty() || m_running.contains(ns) || m_results.value(ns).done)
        return;
    kube::ApiReply *reply = kube::requestRulesReview(m_client, ns);
    m_running.insert(ns, reply);
    connect(reply, &kube::ApiReply::finished, this, [this, reply, ns] {
        m_running.remove(ns);
        Result result;
        result.done = true;
        if (!reply->error().isOk())
            result.error = reply->error().explanation();
        else if (QString why; !kube::parseRulesReview(reply->takeBody(), &result.rules, &why))
            result.error = why;
        reply->deleteLater();
        m_results.insert(ns, result);
        Q_EMIT reviewed(ns);
    });
}

#pragma once

// Asks the API server what the current user may do in a namespace (SelfSubjectRulesReview),
// once per namespace and session, and keeps the answers for the details pane.
#include "kubeapi/access/rulesreview.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

namespace kube {
class ApiClient;
class ApiReply;
} // namespace kube

class AccessReviewer final : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        bool done = false;
        kube::SubjectRules rules;
        QString error; // translated; the review itself failed (e.g. forbidden)
    };

    explicit AccessReviewer(kube::ApiClient *client, QObject *parent = nullptr);
    ~AccessReviewer() override;

    // Starts a review of `ns` unless one was made or is running.
    void review(const QString &ns);
    // The answer for `ns` (done false while it is asked, or never was).
    Result result(const QString &ns) const { return m_results.value(ns); }

Q_SIGNALS:
    void reviewed(const QString &ns);

private:
    kube::ApiClient *m_client;
    QHash<QString, Result> m_results;
    QHash<QString, QPointer<kube::ApiReply>> m_running;
};

#pragma once

// The part every metrics source that polls through the API server shares (kubelet cadvisor via
// the node proxy, metrics.k8s.io): one round at a time, its requests owned until they finish.
#include "kubeapi/metrics/metricssource.h"

#include "kubeapi/offthread.h"
#include <QPointer>

#include <functional>

namespace kube {

class ApiClient;
class ApiReply;
struct ApiRequest;

class ApiMetricsSource : public MetricsSource
{
    Q_OBJECT
public:
    bool isBusy() const override { return m_busy; }
    // Request timeout (no byte for this long = failed).
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

protected:
    // `client` must outlive the source.
    ApiMetricsSource(ApiClient *client, QObject *parent);
    ~ApiMetricsSource() override;

    ApiClient *client() const { return m_client; }
    int timeoutMs() const { return m_timeoutMs; }
    // "https://server" followed by `what`, for description().
    QString describe(const QString &what) const;

    // Starts a round: false while one runs. Without a client the round is already failed and
    // finishes from the event loop (roundFinished() must never come from inside poll()).
    bool beginRound();
    bool hasClient() const { return !m_client.isNull(); }
    MetricsRound &round() { return m_round; }
    // Keeps the first error of a round; later ones only add their part to failedParts.
    void recordFailure(const ApiError &error, const QString &part);
    // Sends through the client; `done` runs once on finish, after which the reply is deleted.
    ApiReply *send(const ApiRequest &request, std::function<void(ApiReply *reply)> done);
    // Emits roundFinished() with what the round collected and makes the source ready again.
    void finishRound();

    // Runs `work` (parsing a response: tens of thousands of pods on a big cluster) on the thread
    // pool and hands its result to `done` on this object's thread; never if the source is gone
    // by then. `work` must not touch the source.
    template<typename Work, typename Done>
    void offThread(Work work, Done done)
    {
        runOffThread(this, std::move(work), std::move(done));
    }

private:
    QPointer<ApiClient> m_client;
    int m_timeoutMs = 10000;
    bool m_busy = false;
    MetricsRound m_round;
    QList<QPointer<ApiReply>> m_replies;
};

} // namespace kube

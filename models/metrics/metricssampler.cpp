#include "models/metrics/metricssampler.h"

#include "kubeapi/client/apiclient.h"
#include "kubeapi/metrics/kubeletsource.h"
#include "kubeapi/metrics/metricsserversource.h"
#include "kubeapi/metrics/prometheusdiscovery.h"
#include "kubeapi/metrics/prometheussource.h"

#include <QDateTime>

#include <cmath>

using kube::MetricsRound;
using kube::MetricsSource;

namespace {

// Counter state of containers not seen for this long is dropped (they are gone).
constexpr qint64 kRateForgetMs = 10 * 60 * 1000;

QString nodeRateKey(const QString &node)
{
    return QStringLiteral("node\x1f") + node;
}

} // namespace

MetricsSampler::MetricsSampler(MetricsHistory *history, QObject *parent)
    : QObject(parent)
    , m_history(history)
{
    qRegisterMetaType<kube::MetricsRound>();
    qRegisterMetaType<kube::MetricsHistoryBatch>();
    m_timer.setTimerType(Qt::CoarseTimer);
    m_timer.setInterval(m_intervalSeconds * 1000);
    connect(&m_timer, &QTimer::timeout, this, &MetricsSampler::tick);
}

MetricsSampler::~MetricsSampler() = default;

bool MetricsSampler::setIntervalSeconds(int seconds)
{
    if (!allowedIntervalsSeconds().contains(seconds))
        return false;
    m_intervalSeconds = seconds;
    m_timer.setInterval(seconds * 1000);
    return true;
}

void MetricsSampler::setupFor(kube::ApiClient *client, const QUrl &prometheusUrl)
{
    std::vector<std::unique_ptr<MetricsSource>> sources;
    if (prometheusUrl.isValid() && !prometheusUrl.isEmpty())
        sources.push_back(std::make_unique<kube::PrometheusSource>(prometheusUrl));
    sources.push_back(std::make_unique<kube::KubeletSource>(client));
    sources.push_back(std::make_unique<kube::MetricsServerSource>(client));
    setCandidates(std::move(sources));
    m_client = client;
    m_discovery = std::make_unique<kube::PrometheusDiscovery>(client);
    connect(m_discovery.get(), &kube::PrometheusDiscovery::finished, this,
            &MetricsSampler::onDiscovered);
}

void MetricsSampler::setCandidates(std::vector<std::unique_ptr<MetricsSource>> sources)
{
    m_discovery.reset();
    m_discovering = false;
    m_sources = std::move(sources);
    for (const auto &source : m_sources)
        connectSource(source.get());
    m_index = 0;
    m_chosen = false;
    m_failures = 0;
    m_waitingForHistory = false;
    m_pendingTiers.clear();
    m_rates.clear();
    m_rateSeenMs.clear();
    m_status = Status{};
    Q_EMIT statusChanged();
}

void MetricsSampler::connectSource(MetricsSource *source)
{
    connect(source, &MetricsSource::roundFinished, this,
            [this, source](const MetricsRound &round) { onRound(source, round); });
    connect(source, &MetricsSource::historyFinished, this, &MetricsSampler::onHistory);
}

MetricsSource *MetricsSampler::currentSource() const
{
    if (!m_chosen || m_index < 0 || m_index >= int(m_sources.size()))
        return nullptr;
    return m_sources[size_t(m_index)].get();
}

void MetricsSampler::start()
{
    if (m_running)
        return;
    m_running = true;
    if (m_discovery && !m_discovering) {
        m_discovering = true;
        m_discovery->start();
    }
    m_timer.start();
    tick();
}

void MetricsSampler::stop()
{
    m_running = false;
    m_timer.stop();
}

void MetricsSampler::sampleNow()
{
    tick();
}

void MetricsSampler::tick()
{
    // Discovery decides whether a Prometheus goes first; waiting for it avoids choosing a
    // lesser source only to switch (and lose the history) a moment later.
    if ((m_discovery && m_discovering) || m_waitingForHistory || m_sources.empty())
        return;
    if (m_index >= int(m_sources.size()))
        m_index = 0;
    MetricsSource *source = m_sources[size_t(m_index)].get();
    source->poll(); // false while the previous round still runs: that round's answer counts
}

void MetricsSampler::onDiscovered(const QString &proxyPath, const kube::ApiError &error)
{
    Q_UNUSED(error)
    m_discovering = false;
    if (!proxyPath.isEmpty() && m_client) {
        auto source = std::make_unique<kube::PrometheusSource>(m_client.data(), proxyPath);
        connectSource(source.get());
        // After an explicit --prometheus, before the kubelets.
        size_t at = 0;
        while (at < m_sources.size()
               && m_sources[at]->kind() == kube::MetricsSourceKind::Prometheus)
            ++at;
        m_sources.insert(m_sources.begin() + qsizetype(at), std::move(source));
        if (!m_chosen)
            m_index = 0;
        else if (int(at) <= m_index)
            ++m_index;
    }
    if (m_running)
        tick();
}

void MetricsSampler::onRound(MetricsSource *source, const MetricsRound &round)
{
    if (m_index >= int(m_sources.size()) || m_sources[size_t(m_index)].get() != source)
        return; // a source we moved away from answered late
    if (!round.hasData()) {
        fail(round);
        return;
    }
    if (!m_chosen) {
        choose(source, round.timestampMs);
        scheduleStartupRounds(round);
        if (source->hasHistory() && !m_status.historyLoaded) {
            m_pendingTiers = historyTiers(round.timestampMs);
            if (!m_pendingTiers.isEmpty()) {
                m_heldRound = round;
                m_waitingForHistory = true;
                m_historyRounds = 0;
                m_historyError = kube::ApiError();
                fetchNextTier(source);
                return;
            }
        }
    }
    m_failures = 0;
    record(round);
    m_status.lastDataMs = round.timestampMs;
    m_status.missingSinceMs = 0;
    m_status.lastError = round.error;
    m_status.failedParts = round.failedParts;
    Q_EMIT statusChanged();
}

void MetricsSampler::choose(MetricsSource *source, qint64 nowMs)
{
    m_chosen = true;
    m_failures = 0;
    m_status.kind = source->kind();
    m_status.description = source->description();
    m_status.inUseSinceMs = nowMs;
    m_status.historyLoaded = false;
    m_rates.clear();
    m_rateSeenMs.clear();
}

void MetricsSampler::fail(const MetricsRound &round)
{
    if (m_status.missingSinceMs == 0)
        m_status.missingSinceMs = round.timestampMs;
    m_status.lastError = round.error;
    m_status.failedParts = round.failedParts;
    if (!m_chosen) {
        // Not chosen yet: try the next candidate at once; past the last one, start over on the
        // next tick and say that no source delivers.
        ++m_index;
        if (m_index >= int(m_sources.size())) {
            m_index = 0;
            m_status.kind = kube::MetricsSourceKind::None;
            m_status.description.clear();
            Q_EMIT statusChanged();
            return;
        }
        Q_EMIT statusChanged();
        if (m_running)
            QMetaObject::invokeMethod(this, &MetricsSampler::tick, Qt::QueuedConnection);
        return;
    }
    if (++m_failures >= m_failuresBeforeReselect) {
        m_chosen = false;
        m_index = 0;
        m_failures = 0;
        m_status.kind = kube::MetricsSourceKind::None;
        m_status.description.clear();
    }
    Q_EMIT statusChanged();
}

QList<MetricsSampler::HistoryTier> MetricsSampler::historyTiers(qint64 nowMs) const
{
    const qint64 step = qint64(m_intervalSeconds) * 1000;
    const MetricSeries::Config &kept = m_history->config().series;
    const qint64 fineFrom = nowMs - m_historySpanMs;
    const qint64 midFrom = nowMs - kept.midCapacity * kept.midBucketMs;
    const qint64 oldFrom = nowMs - kept.oldCapacity * kept.oldBucketMs;
    QList<HistoryTier> tiers;
    // A coarse tier stops one of its steps before the next tier starts, so no instant is
    // read twice (MetricSeries refuses a sample older than its newest anyway).
    if (oldFrom < midFrom - kept.oldBucketMs)
        tiers.append({oldFrom, qMin(midFrom, fineFrom) - kept.oldBucketMs, kept.oldBucketMs});
    if (midFrom < fineFrom - kept.midBucketMs)
        tiers.append({midFrom, fineFrom - kept.midBucketMs, kept.midBucketMs});
    if (m_historySpanMs > step)
        tiers.append({fineFrom, nowMs - step, step});
    return tiers;
}

void MetricsSampler::fetchNextTier(MetricsSource *source)
{
    const HistoryTier tier = m_pendingTiers.takeFirst();
    source->fetchHistory(tier.fromMs, tier.toMs, tier.stepMs);
}

void MetricsSampler::onHistory(const kube::MetricsHistoryBatch &batch)
{
    if (!m_waitingForHistory)
        return;
    // Hours of rounds at once: announced once by historyApplied, not per round, or every view
    // would recompute its rows and charts for each of the (6 h at 15 s) 1,440 rounds.
    for (const MetricsRound &round : batch.rounds)
        recordRound(round, false);
    m_historyRounds += int(batch.rounds.size());
    if (m_historyError.isOk())
        m_historyError = batch.error;
    MetricsSource *source = currentSource();
    if (!m_pendingTiers.isEmpty() && source) {
        // A coarse tier that failed (a Prometheus with a short retention may refuse it) does
        // not keep the finer ones from being read.
        fetchNextTier(source);
        return;
    }
    m_waitingForHistory = false;
    m_pendingTiers.clear();
    // Loaded means the recent hours at full resolution arrived; the last tier is that one.
    m_status.historyLoaded = batch.error.isOk();
    Q_EMIT historyApplied(m_historyRounds);
    const MetricsRound held = std::move(m_heldRound);
    m_heldRound = MetricsRound{};
    record(held);
    m_status.lastDataMs = held.timestampMs;
    m_status.missingSinceMs = 0;
    m_status.lastError = held.error.isOk() ? m_historyError : held.error;
    m_status.failedParts = held.failedParts;
    Q_EMIT statusChanged();
}

void MetricsSampler::record(const MetricsRound &round)
{
    recordRound(round, true);
}

void MetricsSampler::recordRound(const MetricsRound &round, bool announce)
{
    QList<ContainerUsage> containers;
    containers.reserve(round.containers.size());
    for (const kube::ContainerMetricsSample &sample : round.containers) {
        ContainerUsage usage;
        usage.namespaceName = sample.namespaceName;
        usage.pod = sample.pod;
        usage.container = sample.container;
        usage.node = sample.node;
        PodPlacement placement;
        if (m_resolver && m_resolver(sample.namespaceName, sample.pod, &placement)) {
            if (usage.node.isEmpty())
                usage.node = placement.node;
            usage.controller = placement.controller;
        }
        double cores = sample.cpuCores;
        if (std::isnan(cores) && std::isfinite(sample.cpuSecondsTotal)) {
            const QString key = MetricsHistory::containerId(sample.namespaceName, sample.pod,
                                                            sample.container);
            const qint64 ms = sample.cpuTimestampMs ? sample.cpuTimestampMs : sample.timestampMs;
            if (const auto rate = m_rates.add(key, ms, sample.cpuSecondsTotal))
                cores = *rate;
            m_rateSeenMs.insert(key, round.timestampMs);
        }
        usage.cpuMillicores = cores * 1000.0;
        usage.workingSetBytes = sample.workingSetBytes;
        usage.rssBytes = sample.rssBytes;
        containers.append(usage);
    }
    QList<NodeUsage> nodes;
    nodes.reserve(round.nodes.size());
    for (const kube::NodeMetricsSample &sample : round.nodes) {
        NodeUsage usage;
        usage.node = sample.node;
        double cores = sample.cpuCores;
        if (std::isnan(cores) && std::isfinite(sample.cpuSecondsTotal)) {
            const QString key = nodeRateKey(sample.node);
            const qint64 ms = sample.cpuTimestampMs ? sample.cpuTimestampMs : sample.timestampMs;
            if (const auto rate = m_rates.add(key, ms, sample.cpuSecondsTotal))
                cores = *rate;
            m_rateSeenMs.insert(key, round.timestampMs);
        }
        usage.cpuMillicores = cores * 1000.0;
        usage.workingSetBytes = sample.workingSetBytes;
        usage.rssBytes = sample.rssBytes;
        nodes.append(usage);
    }
    m_history->addRound(round.timestampMs, containers, nodes);
    pruneRates(round.timestampMs);
    // Limits of the history's memory are news for the status bar, never silent.
    const bool thinned = m_history->thinning() < 1.0;
    const bool limitChanged = m_history->refusedSeries() != m_status.refusedSeries
                              || thinned != m_status.thinned
                              || (thinned && m_history->rawSpanMs() != m_status.rawSpanMs);
    m_status.refusedSeries = m_history->refusedSeries();
    m_status.thinned = thinned;
    m_status.rawSpanMs = m_history->rawSpanMs();
    m_status.seriesCount = m_history->seriesCount();
    m_status.memoryLimitBytes = m_history->config().maxBytes;
    if (limitChanged)
        Q_EMIT statusChanged();
    if (announce)
        Q_EMIT roundRecorded(round.timestampMs, int(containers.size()), int(nodes.size()));
}

void MetricsSampler::pruneRates(qint64 nowMs)
{
    for (auto it = m_rateSeenMs.begin(); it != m_rateSeenMs.end();) {
        if (nowMs - it.value() > kRateForgetMs) {
            m_rates.remove(it.key());
            it = m_rateSeenMs.erase(it);
        } else {
            ++it;
        }
    }
}

void MetricsSampler::scheduleStartupRounds(const MetricsRound &first)
{
    // A counter source (kubelet cadvisor) gives no CPU figure until a second round yields a
    // rate; at the regular interval that leaves the screens on "–" for 15 s or more. A few
    // quick extra rounds right after the first make the rates appear within seconds. Real
    // kubelets refresh their counters every ~10 s, hence more than one retry; rounds whose
    // counters did not move are ignored by CounterRate, so an early retry costs nothing.
    const auto isCounter = [](double cores, double total) {
        return std::isnan(cores) && std::isfinite(total);
    };
    bool counters = false;
    for (const kube::ContainerMetricsSample &s : first.containers)
        counters = counters || isCounter(s.cpuCores, s.cpuSecondsTotal);
    for (const kube::NodeMetricsSample &s : first.nodes)
        counters = counters || isCounter(s.cpuCores, s.cpuSecondsTotal);
    if (!counters)
        return;
    const int chosenAt = ++m_startupGeneration;
    for (const int delayMs : {2000, 5000, 10000}) {
        if (delayMs >= m_intervalSeconds * 1000)
            break;
        QTimer::singleShot(delayMs, this, [this, chosenAt] {
            // Only for the source chosen then, and only while sampling.
            if (m_running && m_chosen && chosenAt == m_startupGeneration)
                tick();
        });
    }
}

#pragma once

// Turns monotonic counters (container_cpu_usage_seconds_total) into per-second rates between
// consecutive samples, treating any decrease as a counter reset (container restart).
#include <QHash>
#include <QString>
#include <QtGlobal>

#include <optional>

class CounterRate final
{
public:
    // The rate per second between two samples. A decrease means the counter restarted from 0,
    // so the increase is the new value itself (as Prometheus' rate() treats resets). nullopt
    // when the time does not advance or a value is not finite or negative.
    static std::optional<double> rate(qint64 previousMs, double previous, qint64 currentMs,
                                      double current);

    // Remembers the last sample per series key and returns the rate since it; nullopt for the
    // first sample of a key and for samples not newer than the last one (which are ignored).
    std::optional<double> add(const QString &key, qint64 timestampMs, double counter);
    void remove(const QString &key) { m_last.remove(key); }
    void clear() { m_last.clear(); }
    qsizetype size() const { return m_last.size(); }

private:
    struct Last
    {
        qint64 ms;
        double value;
    };
    QHash<QString, Last> m_last;
};

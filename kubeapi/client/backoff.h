#pragma once

// Exponential back-off with jitter for reconnecting informers: grows from an initial delay to a
// cap, randomised after the cap so that many informers do not retry in lock-step; a server's
// Retry-After is a floor under the delay.
#include <QRandomGenerator>

namespace kube {

class Backoff final
{
public:
    explicit Backoff(int initialMs = 800, int maxMs = 30000, double factor = 2.0,
                     double jitter = 0.5);

    // The delay before the next attempt; each call grows the following one up to the cap.
    // The delay lies in [current, current * (1 + jitter)] with current capped at max;
    // `retryAfterSeconds` (from a 429/5xx), when >= 0, is a floor under it.
    int nextDelayMs(int retryAfterSeconds = -1);
    // After a success: the next failure starts from the initial delay again.
    void reset() { m_current = 0; }
    int failures() const { return m_failures; }
    // Deterministic jitter for tests.
    void setSeed(quint32 seed) { m_random.seed(seed); }

    int initialMs() const { return m_initial; }
    int maxMs() const { return m_max; }

private:
    int m_initial;
    int m_max;
    double m_factor;
    double m_jitter;
    double m_current = 0; // 0 = no failure since the last reset
    int m_failures = 0;
    QRandomGenerator m_random;
};

} // namespace kube

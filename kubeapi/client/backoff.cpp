#include "kubeapi/client/backoff.h"

#include <algorithm>

namespace kube {

Backoff::Backoff(int initialMs, int maxMs, double factor, double jitter)
    : m_initial(initialMs)
    , m_max(maxMs)
    , m_factor(factor)
    , m_jitter(jitter)
    , m_random(QRandomGenerator::global()->generate())
{}

int Backoff::nextDelayMs(int retryAfterSeconds)
{
    ++m_failures;
    m_current = m_current <= 0 ? m_initial : std::min<double>(m_current * m_factor, m_max);
    // Jitter comes after the cap (as in client-go's wait.Backoff): informers that all reached
    // the cap still come back spread over [max, max * (1 + jitter)], not in lock-step.
    int delay = int(m_current * (1.0 + m_jitter * m_random.generateDouble()));
    if (retryAfterSeconds >= 0) {
        // The server's word is a floor, never a shortcut past a back-off that has grown: a
        // server that keeps answering 429 "retry in 1 s" still gets the growing delay. A broken
        // header must not park us for hours, hence the limit.
        const int serverMs = std::min(retryAfterSeconds, 600) * 1000;
        delay = std::max(delay, int(serverMs * (1.0 + 0.2 * m_random.generateDouble())));
    }
    return delay;
}

} // namespace kube

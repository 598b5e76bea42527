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
    // Jitter only ever lengthens the wait (up to +jitter), then the cap applies again, so the
    // delay stays within [initial, max].
    const double jittered = m_current * (1.0 + m_jitter * m_random.generateDouble());
    int delay = int(std::min<double>(jittered, m_max));
    if (retryAfterSeconds >= 0) {
        // The server said when: wait that long (within reason: a broken header must not park
        // us for hours), spread a little so that many informers do not return at once.
        const int serverMs = std::min(retryAfterSeconds, 600) * 1000;
        delay = std::max(m_initial, int(serverMs * (1.0 + 0.2 * m_random.generateDouble())));
    }
    return delay;
}

} // namespace kube

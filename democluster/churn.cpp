#include "democluster/churn.h"

#include "democluster/objectstore.h"

#include <nlohmann/json.hpp>

namespace demo {

void Churn::begin(ObjectStore &store, int perSecond, int seconds)
{
    m_pods = store.list("pods").items;
    m_names.clear();
    m_next = 0;
    m_perSecond = m_pods.empty() || seconds <= 0 ? 0 : perSecond;
    m_start = std::chrono::steady_clock::now();
    m_until = m_start + std::chrono::seconds(seconds);
    m_doneAtStart = m_done;
}

void Churn::step(ObjectStore &store)
{
    if (!active())
        return;
    const auto now = std::chrono::steady_clock::now();
    const auto until = std::min(now, m_until);
    const double elapsed = std::chrono::duration<double>(until - m_start).count();
    // Catch up to the rate: the housekeeping thread wakes about every 10 ms but not exactly.
    const auto due = std::uint64_t(elapsed * m_perSecond);
    while (m_done - m_doneAtStart < due) {
        const std::size_t index = m_next++ % m_pods.size();
        if (index == m_names.size()) {
            const nlohmann::json &meta = (*m_pods[index])["metadata"];
            m_names.emplace_back(meta.value("namespace", std::string()),
                                 meta.value("name", std::string()));
            m_pods[index].reset();
        }
        const auto &[ns, name] = m_names[index];
        const std::string value = std::to_string(m_done);
        store.modify("pods", ns, name, [&](nlohmann::json &pod) {
            pod["metadata"]["annotations"]["demo.klarsicht.io/churn"] = value;
            return true;
        });
        ++m_done; // a pod deleted meanwhile still counts, so the burst keeps its length
    }
    if (now >= m_until) {
        m_perSecond = 0;
        m_pods.clear();
        m_names.clear();
    }
}

} // namespace demo

#include "democluster/faults.h"

#include <sstream>
#include <stdexcept>

namespace demo {

bool Faults::take(std::atomic<int> &counter)
{
    int n = counter.load();
    while (n > 0) {
        if (counter.compare_exchange_weak(n, n - 1))
            return true;
    }
    return false;
}

static int number(const std::string &name, const std::string &value)
{
    try {
        std::size_t used = 0;
        const int n = std::stoi(value, &used);
        if (used != value.size() || n < 0)
            throw std::invalid_argument(value);
        return n;
    } catch (const std::exception &) {
        throw std::invalid_argument("fault \"" + name + "\" needs a non-negative number, got \""
                                    + value + "\"");
    }
}

void Faults::apply(const std::string &spec)
{
    std::stringstream in(spec);
    std::string item;
    int churnRate = 0; // set last, so the housekeeping thread sees the burst's length with it
    while (std::getline(in, item, ',')) {
        if (item.empty())
            continue;
        const auto eq = item.find('=');
        const std::string name = item.substr(0, eq);
        const std::string value = eq == std::string::npos ? "1" : item.substr(eq + 1);
        if (name == "latency")
            m_latencyMs = number(name, value);
        else if (name == "429")
            m_tooMany = number(name, value);
        else if (name == "retryafter")
            m_retryAfter = number(name, value);
        else if (name == "500")
            m_internal = number(name, value);
        else if (name == "watch410")
            m_watchExpired = number(name, value);
        else if (name == "list410")
            m_listExpired = number(name, value);
        else if (name == "watchtoolarge")
            m_watchTooLarge = number(name, value);
        else if (name == "dropwatches")
            ++m_watchGeneration;
        else if (name == "restart")
            m_restart = true;
        else if (name == "churn")
            churnRate = number(name, value);
        else if (name == "churnseconds")
            m_churnSeconds = number(name, value);
        else
            throw std::invalid_argument("unknown fault \"" + name + "\"");
    }
    if (churnRate > 0)
        m_churnRate = churnRate;
}

void Faults::apply(const nlohmann::json &spec)
{
    if (!spec.is_object())
        throw std::invalid_argument("the fault spec must be a JSON object");
    auto count = [&spec](const char *key, std::atomic<int> &target) {
        if (!spec.contains(key))
            return;
        if (!spec[key].is_number_integer() || spec[key].get<int>() < 0)
            throw std::invalid_argument(std::string(key) + " must be a non-negative integer");
        target = spec[key].get<int>();
    };
    count("latencyMs", m_latencyMs);
    count("tooManyRequests", m_tooMany);
    count("retryAfterSeconds", m_retryAfter);
    count("internalErrors", m_internal);
    count("watchExpired", m_watchExpired);
    count("listExpired", m_listExpired);
    count("watchTooLarge", m_watchTooLarge);
    if (spec.value("dropWatches", false))
        ++m_watchGeneration;
    if (spec.value("restart", false))
        m_restart = true;
    count("churnSeconds", m_churnSeconds);
    count("churnPerSecond", m_churnRate); // last: see apply(std::string)
}

nlohmann::json Faults::state() const
{
    return {
        {"latencyMs", m_latencyMs.load()},          {"tooManyRequests", m_tooMany.load()},
        {"retryAfterSeconds", m_retryAfter.load()}, {"internalErrors", m_internal.load()},
        {"watchExpired", m_watchExpired.load()},    {"listExpired", m_listExpired.load()},
        {"watchTooLarge", m_watchTooLarge.load()},  {"watchGeneration", m_watchGeneration.load()}};
}

const char *Faults::help()
{
    return "  --faults SPEC         inject faults, comma-separated (also at run time: an admin\n"
           "                        POSTs the same spec as text, or JSON, to /demo/faults;\n"
           "                        GET /demo/faults shows the state):\n"
           "                          latency=MS     delay every API request by MS ms\n"
           "                          429=N          answer the next N requests 429\n"
           "                                         TooManyRequests with Retry-After\n"
           "                          retryafter=S   the Retry-After seconds (default 1)\n"
           "                          500=N          answer the next N requests 500\n"
           "                          watch410=N     the next N watches get a 410 Expired\n"
           "                                         ERROR event\n"
           "                          list410=N      the next N paged list continuations\n"
           "                                         answer 410 Expired\n"
           "                          watchtoolarge=N the next N watches from a given\n"
           "                                         resourceVersion answer 504 Too large\n"
           "                                         resource version (a lagging cache)\n"
           "                          dropwatches    close every open watch connection\n"
           "                          restart        restart the HTTPS listener on the same\n"
           "                                         port, keeping all cluster state\n"
           "                          churn=N        update N pods per second (an annotation;\n"
           "                                         every pod watch gets MODIFIED events)\n"
           "                          churnseconds=S how long the churn lasts (default 10)\n";
}

} // namespace demo

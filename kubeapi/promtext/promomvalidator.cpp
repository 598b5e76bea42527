#include "kubeapi/promtext/promomvalidator.h"

#include "kubeapi/promtext/promnumber.h"

#include <cmath>
#include <cstdint>

namespace kube {

namespace {

void appendKeyPart(std::string &key, std::string_view part)
{
    // Length-prefixed so that no label value can forge a boundary.
    const auto n = static_cast<std::uint32_t>(part.size());
    key.append(reinterpret_cast<const char *>(&n), sizeof n);
    key.append(part);
}

std::string describe(std::string_view family, const PromSampleView &sample)
{
    std::string text(sample.name.empty() ? family : sample.name);
    if (!sample.labels.empty()) {
        text += '{';
        bool first = true;
        for (const PromLabel &l : sample.labels) {
            if (!first)
                text += ',';
            first = false;
            text.append(l.name).append("=\"").append(l.value).append("\"");
        }
        text += '}';
    }
    return text;
}

const PromLabel *findLabel(const PromSampleView &sample, std::string_view name)
{
    for (const PromLabel &l : sample.labels) {
        if (l.name == name)
            return &l;
    }
    return nullptr;
}

bool isHistogram(PromMetricType type)
{
    return type == PromMetricType::Histogram || type == PromMetricType::GaugeHistogram;
}

// OpenMetrics writes infinity in le and quantile as "+Inf" only ("+INF" is not canonical).
bool parseThreshold(std::string_view text, double &out)
{
    if (text == "+Inf") {
        out = HUGE_VAL;
        return true;
    }
    return PromNumber::parseFloat(text, out) && std::isfinite(out);
}

} // namespace

void PromOmValidator::beginFamily()
{
    m_inGroup = false;
    m_group = {};
    m_finishedGroups.clear();
    m_hasSeries = false;
}

bool PromOmValidator::endGroup(std::string &message)
{
    if (!m_inGroup || !m_group.any)
        return true;
    const Group &g = m_group;
    if (!isHistogram(m_type))
        return true;
    const bool gauge = m_type == PromMetricType::GaugeHistogram;
    const char *countName = gauge ? "_gcount" : "_count";
    const char *sumName = gauge ? "_gsum" : "_sum";
    if (!g.hasInf) {
        message = "histogram " + m_familyName + " has a metric without a le=\"+Inf\" bucket";
        return false;
    }
    if (g.hasCount != g.hasSum) {
        message = "histogram " + m_familyName + " must have both " + m_familyName + countName
                  + " and " + m_familyName + sumName + " or neither";
        return false;
    }
    if (g.hasCount && g.count != g.infValue) {
        message = "histogram " + m_familyName + ": " + m_familyName + countName
                  + " differs from the le=\"+Inf\" bucket";
        return false;
    }
    // OpenMetrics 1.0 forbids _sum next to negative buckets, but client_golang writes one
    // (prometheus' own testdata alltypes.5mfs.om.txt) and Prometheus accepts it; we accept a
    // negative sum exactly when there are negative buckets, as for gauge histograms.
    if (g.hasSum && g.sum < 0 && !g.negativeBucket) {
        message = "histogram " + m_familyName + " has a negative sum but no negative bucket";
        return false;
    }
    return true;
}

bool PromOmValidator::endFamily(std::string &message)
{
    const bool ok = endGroup(message);
    beginFamily();
    return ok;
}

bool PromOmValidator::checkSample(std::string_view family, PromMetricType type,
                                  const PromSampleView &sample, std::string &message)
{
    m_type = type;
    if (m_familyName != family)
        m_familyName.assign(family);

    // A metric (label set without le/quantile) must be one contiguous run of lines.
    std::string_view skipped;
    if (isHistogram(type))
        skipped = "le";
    else if (type == PromMetricType::Summary)
        skipped = "quantile";
    m_newKey.clear();
    for (const PromLabel &l : sample.labels) {
        if (l.name == skipped)
            continue;
        appendKeyPart(m_newKey, l.name);
        appendKeyPart(m_newKey, l.value);
    }
    if (!m_inGroup || m_newKey != m_groupKey) {
        if (!endGroup(message))
            return false;
        if (m_inGroup)
            m_finishedGroups.insert(m_groupKey);
        if (m_finishedGroups.count(m_newKey) != 0) {
            message = "the samples of " + describe(family, sample)
                      + " are not contiguous with the earlier samples of the same metric";
            return false;
        }
        m_groupKey.swap(m_newKey);
        m_inGroup = true;
        m_group = {};
    }
    m_group.any = true;

    // Points of one series: all with a timestamp or all without, never going back in time.
    m_newSeriesKey.assign(sample.name);
    m_newSeriesKey += '\0';
    for (const PromLabel &l : sample.labels) {
        appendKeyPart(m_newSeriesKey, l.name);
        appendKeyPart(m_newSeriesKey, l.value);
    }
    if (m_hasSeries && m_newSeriesKey == m_seriesKey) {
        if (sample.hasTimestamp != m_seriesHadTimestamp) {
            message = "the samples of " + describe(family, sample)
                      + " must either all have a timestamp or all have none";
            return false;
        }
        if (sample.hasTimestamp && sample.timestampSeconds < m_seriesTimestamp) {
            message = "the timestamps of " + describe(family, sample) + " go backwards";
            return false;
        }
    } else {
        m_seriesKey.swap(m_newSeriesKey);
        m_hasSeries = true;
    }
    m_seriesHadTimestamp = sample.hasTimestamp;
    m_seriesTimestamp = sample.timestampSeconds;

    return checkValue(family, type, sample, message);
}

bool PromOmValidator::checkValue(std::string_view family, PromMetricType type,
                                 const PromSampleView &sample, std::string &message)
{
    const double v = sample.value;
    const auto fail = [&](const char *what) {
        message = describe(family, sample) + ": " + what;
        return false;
    };
    const bool negativeOrNan = std::isnan(v) || v < 0;

    if (sample.hasExemplar) {
        const bool allowed = (type == PromMetricType::Counter
                              && sample.kind == PromSampleKind::Value)
                             || (isHistogram(type) && sample.kind == PromSampleKind::Bucket);
        if (!allowed)
            return fail(
                "exemplars are allowed only on counter _total and histogram _bucket samples");
    }

    switch (type) {
    case PromMetricType::Counter:
        if (sample.kind == PromSampleKind::Value && negativeOrNan)
            return fail("a counter value must not be negative or NaN");
        return true;
    case PromMetricType::StateSet:
        if (findLabel(sample, family) == nullptr)
            return fail("a stateset sample needs a label named after its family");
        if (v != 0 && v != 1)
            return fail("a stateset value must be 0 or 1");
        return true;
    case PromMetricType::Info:
        if (v != 1)
            return fail("an info value must be 1");
        return true;
    case PromMetricType::Summary:
        if (sample.kind == PromSampleKind::Quantile) {
            const PromLabel *q = findLabel(sample, "quantile");
            if (q == nullptr)
                return fail("a summary sample without suffix needs a quantile label");
            double quantile = 0;
            if (!parseThreshold(q->value, quantile) || std::isnan(quantile) || quantile < 0
                || quantile > 1)
                return fail("the quantile label must be a number between 0 and 1");
        } else if (sample.kind == PromSampleKind::Count) {
            if (negativeOrNan)
                return fail("a summary count must not be negative or NaN");
        } else if (sample.kind == PromSampleKind::Sum && std::isnan(v)) {
            // Quantiles and sums of negative observations are negative; client_golang writes
            // them (prometheus testdata alltypes.5mfs.om.txt) and Prometheus accepts them.
            return fail("a summary sum must not be NaN");
        }
        return true;
    case PromMetricType::Histogram:
    case PromMetricType::GaugeHistogram: {
        Group &g = m_group;
        switch (sample.kind) {
        case PromSampleKind::Bucket: {
            const PromLabel *le = findLabel(sample, "le");
            if (le == nullptr)
                return fail("a _bucket sample needs a le label");
            double bound = 0;
            if (!parseThreshold(le->value, bound) || std::isnan(bound))
                return fail("the le label must be a number or +Inf");
            if (negativeOrNan)
                return fail("a bucket count must not be negative or NaN");
            if (g.hasBuckets && !(bound > g.lastLe))
                return fail("buckets must be in increasing order of le");
            if (g.hasBuckets && v < g.lastBucket)
                return fail("bucket counts must not decrease");
            if (g.hasCount || g.hasSum)
                return fail("buckets must come before _count and _sum");
            g.hasBuckets = true;
            g.lastLe = bound;
            g.lastBucket = v;
            if (bound < 0)
                g.negativeBucket = true;
            if (std::isinf(bound)) {
                g.hasInf = true;
                g.infValue = v;
            }
            return true;
        }
        case PromSampleKind::Count:
            if (negativeOrNan)
                return fail("a histogram count must not be negative or NaN");
            g.hasCount = true;
            g.count = v;
            return true;
        case PromSampleKind::Sum:
            if (std::isnan(v))
                return fail("a histogram sum must not be NaN");
            g.hasSum = true;
            g.sum = v;
            return true;
        default:
            return true;
        }
    }
    default:
        return true;
    }
}

} // namespace kube

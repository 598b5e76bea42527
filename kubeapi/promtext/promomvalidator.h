#pragma once

// The OpenMetrics 1.0 rules that span more than one line: metric points grouped per label set,
// histogram buckets ordered and complete, value ranges per type, timestamps per series.
#include "kubeapi/promtext/promtypes.h"

#include <string>
#include <string_view>
#include <unordered_set>

namespace kube {

class PromOmValidator final
{
public:
    void beginFamily();
    // false and a message if the sample breaks a rule of its family's type.
    bool checkSample(std::string_view family, PromMetricType type, const PromSampleView &sample,
                     std::string &message);
    // Checks the last metric of the family; call when the next family or # EOF begins.
    bool endFamily(std::string &message);

private:
    struct Group
    {
        bool any = false;
        bool hasBuckets = false;
        bool hasInf = false;
        bool negativeBucket = false;
        bool hasCount = false;
        bool hasSum = false;
        double lastLe = 0;
        double lastBucket = 0;
        double infValue = 0;
        double count = 0;
        double sum = 0;
    };

    bool endGroup(std::string &message);
    bool checkValue(std::string_view family, PromMetricType type, const PromSampleView &sample,
                    std::string &message);

    std::string m_familyName;
    PromMetricType m_type = PromMetricType::Untyped;
    std::string m_groupKey;
    std::string m_newKey;
    bool m_inGroup = false;
    Group m_group;
    std::unordered_set<std::string> m_finishedGroups;
    std::string m_seriesKey;
    std::string m_newSeriesKey;
    bool m_hasSeries = false;
    bool m_seriesHadTimestamp = false;
    double m_seriesTimestamp = 0;
};

} // namespace kube

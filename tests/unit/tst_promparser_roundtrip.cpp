// Property test: random metric families written by prometheus-cpp's TextSerializer (the writer
// of our demo cluster's kubelet exposition) parse back to the same families, names, labels
// and values. Fixed seed, thousands of cases.
#include "kubeapi/promtext/promcollector.h"
#include "kubeapi/promtext/promnumber.h"

#include <prometheus/metric_family.h>
#include <prometheus/text_serializer.h>

#include <QTest>

#include <cmath>
#include <cstring>
#include <limits>
#include <locale>
#include <random>
#include <sstream>

using namespace kube;

namespace {

constexpr int kCases = 2000;

// The serializer's number format (fact sheet §3): classic locale, 16 significant digits,
// "Nan", "+Inf", "-Inf". What we must read back is the value of that text, not the original
// double, since 16 digits do not round-trip every double.
std::string serializerText(double v)
{
    if (std::isnan(v))
        return "Nan";
    if (std::isinf(v))
        return v < 0 ? "-Inf" : "+Inf";
    std::ostringstream out;
    out.imbue(std::locale::classic());
    out.precision(std::numeric_limits<double>::max_digits10 - 1);
    out << v;
    return out.str();
}

double expectedValue(double v)
{
    if (std::isnan(v) || std::isinf(v))
        return v;
    std::istringstream in(serializerText(v));
    in.imbue(std::locale::classic());
    double back = 0;
    in >> back;
    return back;
}

bool sameDouble(double a, double b)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    return a == b && std::signbit(a) == std::signbit(b);
}

class Generator
{
public:
    explicit Generator(std::uint32_t seed)
        : m_rng(seed)
    {}

    int below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(m_rng); }

    std::string name(bool label)
    {
        static const char first[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_";
        static const char rest[] =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789";
        std::string s(1, first[below(int(sizeof first) - 1)]);
        const int len = below(12);
        for (int i = 0; i < len; ++i)
            s += rest[below(int(sizeof rest) - 1)];
        if (!label && below(4) == 0)
            s += ':' + std::string(1, rest[below(26)]);
        // Label names starting with "__" are reserved; prometheus-cpp rejects them.
        if (s.size() >= 2 && s[0] == '_' && s[1] == '_')
            s[0] = 'x';
        return s;
    }

    std::string labelValue()
    {
        // ASCII specials the format must escape or quote, and multi-byte UTF-8.
        static const char *const pieces[] = {"a", "Z", "0", " ",  "\\", "\"",   "\n",
                                             "{", "}", ",", "=",  "#",  "\t",   "\\n",
                                             "ä", "€", "𝄞", "\r", "le", "+Inf", "NaN"};
        std::string s;
        const int len = below(6);
        for (int i = 0; i < len; ++i)
            s += pieces[below(int(std::size(pieces)))];
        return s;
    }

    std::string help()
    {
        // prometheus-cpp writes HELP unescaped: no backslash or newline can round-trip.
        std::string s;
        const int len = below(30);
        for (int i = 0; i < len; ++i)
            s += char(' ' + below(95));
        for (char &c : s) {
            if (c == '\\')
                c = '/';
        }
        // The text starts after the blanks that follow the name, so a leading blank is lost.
        if (!s.empty() && s[0] == ' ')
            s[0] = '.';
        return s;
    }

    double value()
    {
        switch (below(12)) {
        case 0:
            return std::numeric_limits<double>::quiet_NaN();
        case 1:
            return std::numeric_limits<double>::infinity();
        case 2:
            return -std::numeric_limits<double>::infinity();
        case 3:
            return 0.0;
        case 4:
            return -0.0;
        case 5:
            return 1.797693134862315e308; // the largest 16-digit text below the limit
        case 6:
            return std::numeric_limits<double>::denorm_min() * (1 + below(1000));
        case 7:
            return double(
                std::uniform_int_distribution<std::int64_t>(-1000000000, 1000000000)(m_rng));
        case 8:
            return std::uniform_real_distribution<double>(-1, 1)(m_rng);
        case 9:
            return std::ldexp(std::uniform_real_distribution<double>(-1, 1)(m_rng),
                              below(2000) - 1000);
        default: {
            // Any finite bit pattern.
            while (true) {
                const std::uint64_t bits = m_rng() | (std::uint64_t(m_rng()) << 32);
                double d;
                std::memcpy(&d, &bits, sizeof d);
                // prometheus-cpp prints DBL_MAX as 1.797693134862316e+308, which overflows;
                // promtool rejects that text too, so such values cannot round-trip.
                if (std::isfinite(d) && std::abs(d) <= 1.797693134862315e308)
                    return d;
            }
        }
        }
    }

    std::uint64_t count()
    {
        return below(3) == 0 ? (std::uint64_t(m_rng()) << 32 | m_rng())
                             : std::uint64_t(below(100000));
    }

    std::int64_t timestamp()
    {
        if (below(2) == 0)
            return 0; // not written
        return std::int64_t(std::uint64_t(m_rng()) << 32 | m_rng());
    }

private:
    std::mt19937 m_rng;
};

struct Expected
{
    std::string name;
    std::vector<std::pair<std::string, std::string>> labels; // le/quantile compared by value
    double value;
    double bound = 0; // le or quantile
    bool hasBound = false;
    std::int64_t timestampMs = 0;
};

prometheus::MetricFamily randomFamily(Generator &g, int index, std::vector<Expected> &expected)
{
    prometheus::MetricFamily f;
    // The "_f<index>" ending keeps one family's name from being another's _sum/_count/_bucket.
    f.name = g.name(false) + "_f" + std::to_string(index);
    f.help = g.help();
    const prometheus::MetricType types[] = {
        prometheus::MetricType::Counter, prometheus::MetricType::Gauge,
        prometheus::MetricType::Untyped, prometheus::MetricType::Histogram,
        prometheus::MetricType::Summary};
    f.type = types[g.below(5)];
    const int metrics = 1 + g.below(4);
    for (int m = 0; m < metrics; ++m) {
        prometheus::ClientMetric c;
        const int labelCount = g.below(5);
        for (int l = 0; l < labelCount; ++l) {
            std::string n = g.name(true) + "_" + std::to_string(l);
            c.label.push_back({n, g.labelValue()});
        }
        c.timestamp_ms = g.timestamp();
        std::vector<std::pair<std::string, std::string>> labels;
        for (const auto &l : c.label)
            labels.emplace_back(l.name, l.value);
        const auto add = [&](const std::string &name, double v, bool hasBound = false,
                             double bound = 0) {
            expected.push_back(
                {name, labels, expectedValue(v), expectedValue(bound), hasBound, c.timestamp_ms});
        };
        // Counts are printed as exact integers: expect their nearest double.
        const auto addCount = [&](const std::string &name, std::uint64_t v, bool hasBound = false,
                                  double bound = 0) {
            expected.push_back(
                {name, labels, double(v), expectedValue(bound), hasBound, c.timestamp_ms});
        };
        switch (f.type) {
        case prometheus::MetricType::Counter:
            c.counter.value = g.value();
            add(f.name, c.counter.value);
            break;
        case prometheus::MetricType::Gauge:
            c.gauge.value = g.value();
            add(f.name, c.gauge.value);
            break;
        case prometheus::MetricType::Untyped:
            c.untyped.value = g.value();
            add(f.name, c.untyped.value);
            break;
        case prometheus::MetricType::Summary: {
            c.summary.sample_count = g.count();
            c.summary.sample_sum = g.value();
            addCount(f.name + "_count", c.summary.sample_count);
            add(f.name + "_sum", c.summary.sample_sum);
            const int quantiles = g.below(4);
            for (int q = 0; q < quantiles; ++q) {
                const double quantile = g.below(1001) / 1000.0;
                const double v = g.value();
                c.summary.quantile.push_back({quantile, v});
                add(f.name, v, true, quantile);
            }
            break;
        }
        case prometheus::MetricType::Histogram: {
            c.histogram.sample_count = g.count();
            c.histogram.sample_sum = g.value();
            addCount(f.name + "_count", c.histogram.sample_count);
            add(f.name + "_sum", c.histogram.sample_sum);
            const int buckets = g.below(5);
            double bound = -1000.0 * g.below(3);
            std::uint64_t cumulative = 0;
            for (int b = 0; b < buckets; ++b) {
                bound += 0.001 + std::abs(std::ldexp(g.value() == 0 ? 1.0 : 0.5, g.below(40) - 20));
                cumulative += std::uint64_t(g.below(1000));
                c.histogram.bucket.push_back({cumulative, bound});
                addCount(f.name + "_bucket", cumulative, true, bound);
            }
            // The serializer closes with le="+Inf" = _count.
            addCount(f.name + "_bucket", c.histogram.sample_count, true,
                     std::numeric_limits<double>::infinity());
            break;
        }
        default:
            break;
        }
        f.metric.push_back(std::move(c));
    }
    return f;
}

PromMetricType ourType(prometheus::MetricType t)
{
    switch (t) {
    case prometheus::MetricType::Counter:
        return PromMetricType::Counter;
    case prometheus::MetricType::Gauge:
        return PromMetricType::Gauge;
    case prometheus::MetricType::Histogram:
        return PromMetricType::Histogram;
    case prometheus::MetricType::Summary:
        return PromMetricType::Summary;
    default:
        return PromMetricType::Untyped;
    }
}

} // namespace

class TstPromParserRoundTrip final : public QObject
{
    Q_OBJECT

private slots:
    void serializerOutputParsesBack();
};

void TstPromParserRoundTrip::serializerOutputParsesBack()
{
    Generator g(20261126);
    const prometheus::TextSerializer serializer;
    std::size_t totalSamples = 0;
    std::size_t totalBytes = 0;
    for (int n = 0; n < kCases; ++n) {
        std::vector<prometheus::MetricFamily> families;
        std::vector<std::vector<Expected>> expected;
        const int familyCount = 1 + g.below(4);
        for (int i = 0; i < familyCount; ++i) {
            expected.emplace_back();
            families.push_back(randomFamily(g, i, expected.back()));
        }
        const std::string body = serializer.Serialize(families);
        totalBytes += body.size();
        const PromParseResult r = PromCollector::parse(
            body, PromParser::Options{PromFormat::Text004, true, std::size_t(1) << 20},
            std::size_t(1 + g.below(64)));
        const QByteArray context = "case " + QByteArray::number(n) + ":\n"
                                   + QByteArray::fromStdString(body);
        if (!r.ok)
            qWarning("error %llu:%llu %s", qulonglong(r.error.line), qulonglong(r.error.column),
                     r.error.message.c_str());
        QVERIFY2(r.ok,
                 QByteArray(context + "\nerror " + QByteArray::number(qulonglong(r.error.line))
                            + ':' + QByteArray::number(qulonglong(r.error.column)) + ' '
                            + QByteArray::fromStdString(r.error.message))
                     .constData());
        QVERIFY2(r.families.size() == families.size(), context.constData());
        for (std::size_t f = 0; f < families.size(); ++f) {
            const PromFamily &got = r.families[f];
            QCOMPARE(got.name, families[f].name);
            QCOMPARE(got.type, ourType(families[f].type));
            QCOMPARE(got.hasHelp, !families[f].help.empty());
            QCOMPARE(got.help, families[f].help);
            // Samples within a family: compare as sorted lists; the serializer's order is not
            // part of the contract.
            auto key = [](const std::string &name, const auto &labels) {
                std::string k = name;
                for (const auto &[ln, lv] : labels) {
                    if (ln == "le" || ln == "quantile")
                        continue;
                    k.append(1, '\0').append(ln).append(1, '\0').append(lv);
                }
                return k;
            };
            std::vector<const Expected *> want;
            for (const Expected &e : expected[f])
                want.push_back(&e);
            QVERIFY2(got.samples.size() == want.size(), context.constData());
            std::vector<bool> used(want.size(), false);
            for (const PromSample &s : got.samples) {
                std::vector<std::pair<std::string, std::string>> plain;
                double bound = 0;
                bool hasBound = false;
                for (const auto &l : s.labels) {
                    if (l.first == "le" || l.first == "quantile") {
                        hasBound = PromNumber::parseFloat(l.second, bound);
                        QVERIFY2(hasBound, context.constData());
                    } else {
                        plain.push_back(l);
                    }
                }
                bool matched = false;
                for (std::size_t w = 0; w < want.size() && !matched; ++w) {
                    const Expected &e = *want[w];
                    if (used[w] || key(e.name, e.labels) != key(s.name, plain)
                        || e.hasBound != hasBound || (hasBound && !sameDouble(e.bound, bound))
                        || !sameDouble(e.value, s.value) || s.hasTimestamp != (e.timestampMs != 0)
                        || (s.hasTimestamp && s.timestampMs != e.timestampMs))
                        continue;
                    used[w] = true;
                    matched = true;
                }
                if (!matched)
                    qWarning("unmatched sample %s value %.17g ts %lld", s.name.c_str(), s.value,
                             static_cast<long long>(s.timestampMs));
                QVERIFY2(matched, QByteArray(context + "\nunmatched sample "
                                             + QByteArray::fromStdString(s.name) + " value "
                                             + QByteArray::number(s.value, 'g', 17))
                                      .constData());
                ++totalSamples;
            }
        }
    }
    qInfo("%d cases, %zu samples, %zu bytes of serializer output parsed back", kCases, totalSamples,
          totalBytes);
}

QTEST_GUILESS_MAIN(TstPromParserRoundTrip)
#include "tst_promparser_roundtrip.moc"

#include "kubeapi/metrics/promqueryresult.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

namespace kube {

namespace {

using json = nlohmann::json;

QString qs(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// Prometheus writes sample values as strings in Go 'f' format plus NaN/+Inf/-Inf.
bool parseValue(const json &v, double *out)
{
    if (!v.is_string())
        return false;
    const std::string &s = v.get_ref<const std::string &>();
    if (s == "NaN") {
        *out = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (s == "+Inf" || s == "Inf") {
        *out = std::numeric_limits<double>::infinity();
        return true;
    }
    if (s == "-Inf") {
        *out = -std::numeric_limits<double>::infinity();
        return true;
    }
    bool ok = false;
    *out = QByteArrayView(s.data(), qsizetype(s.size())).toDouble(&ok);
    return ok;
}

bool parsePoint(const json &pair, PromQueryResult::Point *out)
{
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number())
        return false;
    // Seconds with at most millisecond digits: round, so 1700000000.050 is 1700000000050 ms.
    out->ms = qint64(std::llround(pair[0].get<double>() * 1000.0));
    return parseValue(pair[1], &out->value);
}

bool parseLabels(const json &metric, QHash<QString, QString> *out)
{
    if (!metric.is_object())
        return false;
    for (auto it = metric.begin(); it != metric.end(); ++it) {
        if (!it.value().is_string())
            return false;
        out->insert(qs(it.key()), qs(it.value().get_ref<const std::string &>()));
    }
    return true;
}

PromQueryResult fail(const QString &why)
{
    PromQueryResult r;
    r.errorType = QStringLiteral("decode");
    r.error = why;
    return r;
}

} // namespace

PromQueryResult PromQueryResult::parse(QByteArrayView body)
{
    const json doc = json::parse(body.begin(), body.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return fail(QStringLiteral("the answer is not a JSON object"));
    PromQueryResult r;
    if (const auto w = doc.find("warnings"); w != doc.end() && w->is_array()) {
        for (const json &item : *w)
            if (item.is_string())
                r.warnings.append(qs(item.get_ref<const std::string &>()));
    }
    const auto status = doc.find("status");
    if (status == doc.end() || !status->is_string())
        return fail(QStringLiteral("the answer has no \"status\""));
    if (*status != "success") {
        const auto type = doc.find("errorType");
        const auto error = doc.find("error");
        r.errorType = type != doc.end() && type->is_string() ? qs(type->get<std::string>())
                                                             : QStringLiteral("unknown");
        r.error = error != doc.end() && error->is_string()
                      ? qs(error->get<std::string>())
                      : QStringLiteral("status ") + qs(status->get<std::string>());
        return r;
    }
    const auto data = doc.find("data");
    if (data == doc.end() || !data->is_object())
        return fail(QStringLiteral("the answer has no \"data\" object"));
    const auto type = data->find("resultType");
    const auto result = data->find("result");
    if (type == data->end() || !type->is_string() || result == data->end())
        return fail(QStringLiteral("\"data\" lacks resultType or result"));
    r.resultType = qs(type->get<std::string>());

    if (r.resultType == QLatin1String("scalar") || r.resultType == QLatin1String("string")) {
        Series series;
        Point point;
        if (r.resultType == QLatin1String("scalar")) {
            if (!parsePoint(*result, &point))
                return fail(QStringLiteral("data.result: expected [time, \"value\"]"));
        } else if (!result->is_array() || result->size() != 2 || !(*result)[0].is_number()) {
            return fail(QStringLiteral("data.result: expected [time, \"text\"]"));
        } else {
            point.ms = qint64(std::llround((*result)[0].get<double>() * 1000.0));
            point.value = std::numeric_limits<double>::quiet_NaN();
        }
        series.points.append(point);
        r.series.append(series);
        return r;
    }
    const bool matrix = r.resultType == QLatin1String("matrix");
    if (!matrix && r.resultType != QLatin1String("vector"))
        return fail(QStringLiteral("unknown resultType \"%1\"").arg(r.resultType));
    if (!result->is_array())
        return fail(QStringLiteral("data.result: expected an array"));
    r.series.reserve(qsizetype(result->size()));
    for (size_t i = 0; i < result->size(); ++i) {
        const json &item = (*result)[i];
        const QString where = QStringLiteral("data.result[%1]").arg(i);
        if (!item.is_object())
            return fail(where + QStringLiteral(": expected an object"));
        Series series;
        const auto metric = item.find("metric");
        if (metric != item.end() && !parseLabels(*metric, &series.labels))
            return fail(where + QStringLiteral(".metric: expected an object of strings"));
        if (matrix) {
            const auto values = item.find("values");
            if (values == item.end() || !values->is_array())
                return fail(where + QStringLiteral(".values: expected an array"));
            series.points.reserve(qsizetype(values->size()));
            for (size_t k = 0; k < values->size(); ++k) {
                Point point;
                if (!parsePoint((*values)[k], &point))
                    return fail(where
                                + QStringLiteral(".values[%1]: expected [time, \"value\"]").arg(k));
                series.points.append(point);
            }
        } else {
            Point point;
            const auto value = item.find("value");
            if (value == item.end() || !parsePoint(*value, &point))
                return fail(where + QStringLiteral(".value: expected [time, \"value\"]"));
            series.points.append(point);
        }
        r.series.append(std::move(series));
    }
    return r;
}

} // namespace kube

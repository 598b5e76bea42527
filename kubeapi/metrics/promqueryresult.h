#pragma once

// The JSON answer of Prometheus' /api/v1/query and /api/v1/query_range, decoded: vector, matrix
// or scalar results as series of (ms, value) points, or the server's errorType and error.
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace kube {

struct PromQueryResult
{
    struct Point
    {
        qint64 ms = 0;    // the float seconds of the answer, rounded to milliseconds
        double value = 0; // "NaN", "+Inf", "-Inf" are decoded to their doubles
    };
    struct Series
    {
        QHash<QString, QString> labels; // "metric" object, including __name__ if present
        QList<Point> points;            // one for vector/scalar, in time order for matrix
    };

    QString resultType; // vector, matrix, scalar, string
    QList<Series> series;
    QStringList warnings;
    // Set when the body is not a success answer: the server's errorType (bad_data, execution,
    // timeout, ...) and its error text, or "decode" and what was wrong with the JSON.
    QString errorType;
    QString error;
    bool ok() const { return error.isEmpty() && errorType.isEmpty(); }

    // Never throws; bad JSON or a wrong shape gives errorType "decode" and a sentence saying
    // where.
    static PromQueryResult parse(QByteArrayView json);
};

} // namespace kube

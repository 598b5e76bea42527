#pragma once

// QSKIP for a missing referee (kubectl, Prometheus, promtool, python3-kubernetes) or a product
// that failed to start (the demo cluster, the app) — except in CI (CI=true), where the same
// condition is a failure: a green CI must mean the test ran, not that it stepped aside.
#include <QTest>

namespace testsupport {

inline bool inCi()
{
    const QByteArray ci = qgetenv("CI").toLower();
    return !ci.isEmpty() && ci != "false" && ci != "0";
}

} // namespace testsupport

#define SKIP_OR_FAIL(message)                                                                \
    do {                                                                                     \
        if (testsupport::inCi())                                                             \
            QFAIL(qPrintable(QStringLiteral("%1 (CI is set: this is a failure, not a skip)") \
                                 .arg(QString::fromUtf8(message))));                         \
        QSKIP(message);                                                                      \
    } while (false)

#pragma once

// One request to the Kubernetes API as ApiClient::send() takes it: path, query, method, and what
// it is about (so errors can be worded), plus whether it is a long-lived stream.
#include "kubeapi/client/apierror.h"

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

namespace kube {

struct ApiRequest
{
    QString path;    // e.g. "/api/v1/namespaces/default/pods"
    QUrlQuery query; // limit, continue, watch, …
    QByteArray method = QByteArrayLiteral("GET");
    QByteArray body;
    QByteArray contentType;
    QByteArray accept = QByteArrayLiteral("application/json");
    // Watches and log follows: served from a separate connection pool so that they never take
    // the connections short requests need, and the body is handed out as it arrives.
    bool stream = false;
    // Give up when nothing arrives for this long (0 = Qt's default of none). Streams use it to
    // notice connections that died silently (suspend, network change).
    int inactivityTimeoutMs = 0;
    // The most a body may hold (not streams): past it the reply stops reading and fails with
    // ApiError::tooLarge. Error bodies are kept to their first 64 KiB whatever this says.
    qint64 maxBodyBytes = qint64(1) << 30;
    // Wording of errors: verb ("list", "watch", "get"), resource plural, API group, namespace.
    QString verb;
    QString resource;
    QString group;
    QString ns;
};

} // namespace kube

#pragma once

// The one result/status type of every request to a cluster: transport or TLS failure, HTTP code,
// the Kubernetes Status reason/message, and a translated explanation a person can act on.
#include <QList>
#include <QMetaType>
#include <QNetworkReply>
#include <QSslError>
#include <QString>
#include <QUrl>

#include <nlohmann/json_fwd.hpp>

namespace kube {

class ApiError final
{
public:
    enum class Kind {
        None,       // success
        Transport,  // connection refused, host not found, timeout, connection dropped
        Tls,        // certificate or handshake problem
        Http,       // the server answered with a non-2xx code (maybe with a Status body)
        Credential, // the client could not obtain a credential (exec plugin, token file)
        Decode,     // the server answered 2xx but the body was not what the API promises
        Cancelled,  // the request was aborted by us
        TooLarge,   // the answer passed the request's size limit; we stopped reading it
    };

    ApiError() = default;

    // What the request was about, used to word the explanation ("You may not list nodes").
    struct Context
    {
        QUrl server;      // scheme://host:port only; never with user info
        QString verb;     // list, watch, get
        QString resource; // plural, e.g. "pods"
        QString group;    // "" for core
        QString ns;       // namespace or ""
    };

    static ApiError transport(const Context &context, QNetworkReply::NetworkError code,
                              const QString &detail);
    static ApiError tls(const Context &context, const QList<QSslError> &errors);
    // A non-2xx answer. `body` may hold a Kubernetes Status (JSON) or plain text.
    static ApiError http(const Context &context, int httpStatus, const QByteArray &body,
                         int retryAfterHeaderSeconds = -1);
    // A Status object met inside a watch stream (type ERROR).
    static ApiError fromStatus(const Context &context, const nlohmann::json &status);
    // A Status already decoded into its fields (watch ERROR events via decoders.h).
    static ApiError fromStatusFields(const Context &context, int code, const QString &reason,
                                     const QString &message, int retryAfterSeconds = -1);
    static ApiError credential(const Context &context, const QString &detail);
    static ApiError decode(const Context &context, const QString &detail);
    static ApiError cancelled(const Context &context);
    static ApiError tooLarge(const Context &context, qint64 limitBytes);

    bool isOk() const { return m_kind == Kind::None; }
    Kind kind() const { return m_kind; }
    int httpStatus() const { return m_httpStatus; }
    QString reason() const { return m_reason; }            // Status.reason, e.g. Forbidden, Expired
    QString message() const { return m_message; }          // Status.message or the transport detail
    int retryAfterSeconds() const { return m_retryAfter; } // -1 when the server named none
    QNetworkReply::NetworkError networkError() const { return m_networkError; }
    const QList<QSslError::SslError> &sslErrors() const { return m_sslErrors; }
    const Context &context() const { return m_context; }

    bool isForbidden() const
    {
        return m_httpStatus == 403 || m_reason == QLatin1String("Forbidden");
    }
    bool isUnauthorized() const { return m_httpStatus == 401; }
    bool isTooLarge() const { return m_kind == Kind::TooLarge; }
    // 410 Gone / reason Expired (or Gone): the resourceVersion or continue token is too old.
    bool isExpired() const;
    // Worth trying again later (transport trouble, 429, 5xx, 504 too-large RV).
    bool isTransient() const;

    // A short sentence in the UI language that says what happened and what to do. Never holds a
    // credential. Translated when called, so call it when showing it.
    QString explanation() const;
    // One line for logs: kind, code, reason, message; English, no credentials.
    QString toLogString() const;

private:
    Kind m_kind = Kind::None;
    int m_httpStatus = 0;
    int m_retryAfter = -1;
    qint64 m_limitBytes = 0; // TooLarge
    QNetworkReply::NetworkError m_networkError = QNetworkReply::NoError;
    QString m_reason;
    QString m_message;
    QList<QSslError::SslError> m_sslErrors;
    Context m_context;
};

// Strips user info, path and query from a URL so it can be shown (never a credential).
QUrl displayServer(const QUrl &url);

} // namespace kube

Q_DECLARE_METATYPE(kube::ApiError)

#include "kubeapi/client/apierror.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

namespace kube {

namespace {

// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ApiError)
};

QString jsonString(const nlohmann::json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return {};
    return QString::fromStdString(it->get<std::string>());
}

// Server text goes into messages shown to people; keep it to one readable line.
QString shortened(QString text)
{
    text = text.simplified();
    if (text.size() > 400)
        text = text.left(400) + QStringLiteral("…");
    return text;
}

QString serverText(const ApiError::Context &context)
{
    const QString s = displayServer(context.server).toString();
    return s.isEmpty() ? Tr::tr("the server") : s;
}

QString resourceText(const ApiError::Context &context)
{
    if (context.resource.isEmpty())
        return Tr::tr("this resource");
    if (context.group.isEmpty())
        return context.resource;
    return context.resource + QLatin1Char('.') + context.group;
}

QString forbiddenText(const ApiError::Context &c)
{
    const QString what = resourceText(c);
    const bool inNs = !c.ns.isEmpty();
    if (c.verb == QLatin1String("list"))
        return inNs ? Tr::tr("You may not list %1 in namespace %2.").arg(what, c.ns)
                    : Tr::tr("You may not list %1 across the cluster.").arg(what);
    if (c.verb == QLatin1String("watch"))
        return inNs ? Tr::tr("You may not watch %1 in namespace %2.").arg(what, c.ns)
                    : Tr::tr("You may not watch %1 across the cluster.").arg(what);
    return inNs ? Tr::tr("You may not read %1 in namespace %2.").arg(what, c.ns)
                : Tr::tr("You may not read %1.").arg(what);
}

bool isUntrustedIssuer(QSslError::SslError e)
{
    switch (e) {
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::CertificateUntrusted:
    case QSslError::CertificateSignatureFailed:
        return true;
    default:
        return false;
    }
}

} // namespace

QUrl displayServer(const QUrl &url)
{
    if (url.isEmpty())
        return {};
    QUrl shown;
    shown.setScheme(url.scheme());
    shown.setHost(url.host());
    shown.setPort(url.port());
    return shown;
}

ApiError ApiError::transport(const Context &context, QNetworkReply::NetworkError code,
                             const QString &detail)
{
    ApiError e;
    e.m_kind = Kind::Transport;
    e.m_context = context;
    e.m_networkError = code;
    e.m_message = shortened(detail);
    return e;
}

ApiError ApiError::tls(const Context &context, const QList<QSslError> &errors)
{
    ApiError e;
    e.m_kind = Kind::Tls;
    e.m_context = context;
    e.m_networkError = QNetworkReply::SslHandshakeFailedError;
    QStringList texts;
    for (const QSslError &error : errors) {
        if (!e.m_sslErrors.contains(error.error()))
            e.m_sslErrors.append(error.error());
        texts.append(error.errorString());
    }
    texts.removeDuplicates();
    e.m_message = shortened(texts.join(QStringLiteral("; ")));
    return e;
}

ApiError ApiError::http(const Context &context, int httpStatus, const QByteArray &body,
                        int retryAfterHeaderSeconds)
{
    ApiError e;
    const auto json = nlohmann::json::parse(body.begin(), body.end(), nullptr, false);
    if (json.is_object() && jsonString(json, "kind") == QLatin1String("Status"))
        e = fromStatus(context, json);
    else
        e.m_message = shortened(QString::fromUtf8(body));
    e.m_kind = Kind::Http;
    e.m_context = context;
    e.m_httpStatus = httpStatus;
    if (retryAfterHeaderSeconds >= 0)
        e.m_retryAfter = retryAfterHeaderSeconds;
    return e;
}

ApiError ApiError::fromStatus(const Context &context, const nlohmann::json &status)
{
    ApiError e;
    e.m_kind = Kind::Http;
    e.m_context = context;
    if (!status.is_object()) {
        e.m_message = QStringLiteral("malformed Status object");
        return e;
    }
    e.m_reason = jsonString(status, "reason");
    e.m_message = shortened(jsonString(status, "message"));
    if (const auto code = status.find("code"); code != status.end() && code->is_number_integer())
        e.m_httpStatus = code->get<int>();
    if (const auto details = status.find("details");
        details != status.end() && details->is_object()) {
        if (const auto ra = details->find("retryAfterSeconds");
            ra != details->end() && ra->is_number_integer())
            e.m_retryAfter = ra->get<int>();
    }
    return e;
}

ApiError ApiError::fromStatusFields(const Context &context, int code, const QString &reason,
                                    const QString &message, int retryAfterSeconds)
{
    ApiError e;
    e.m_kind = Kind::Http;
    e.m_context = context;
    e.m_httpStatus = code;
    e.m_reason = reason;
    e.m_message = shortened(message);
    e.m_retryAfter = retryAfterSeconds > 0 ? retryAfterSeconds : -1;
    return e;
}

ApiError ApiError::credential(const Context &context, const QString &detail)
{
    ApiError e;
    e.m_kind = Kind::Credential;
    e.m_context = context;
    // The first line is ours; what follows is the plugin's stderr (see toLogString()).
    const qsizetype nl = detail.indexOf(QLatin1Char('\n'));
    e.m_message = nl < 0 ? shortened(detail)
                         : shortened(detail.left(nl)) + QLatin1Char('\n')
                               + shortened(detail.mid(nl + 1));
    return e;
}

ApiError ApiError::decode(const Context &context, const QString &detail)
{
    ApiError e;
    e.m_kind = Kind::Decode;
    e.m_context = context;
    e.m_message = shortened(detail);
    return e;
}

ApiError ApiError::cancelled(const Context &context)
{
    ApiError e;
    e.m_kind = Kind::Cancelled;
    e.m_context = context;
    e.m_networkError = QNetworkReply::OperationCanceledError;
    return e;
}

ApiError ApiError::tooLarge(const Context &context, qint64 limitBytes)
{
    ApiError e;
    e.m_kind = Kind::TooLarge;
    e.m_context = context;
    e.m_limitBytes = limitBytes;
    e.m_message = QStringLiteral("answer larger than %1 bytes").arg(limitBytes);
    return e;
}

bool ApiError::isExpired() const
{
    return m_httpStatus == 410 || m_reason == QLatin1String("Expired")
           || m_reason == QLatin1String("Gone");
}

bool ApiError::isTransient() const
{
    switch (m_kind) {
    case Kind::Transport:
        return true;
    case Kind::Http:
        return m_httpStatus == 429 || m_httpStatus >= 500;
    default:
        return false;
    }
}

QString ApiError::explanation() const
{
    const QString server = serverText(m_context);
    switch (m_kind) {
    case Kind::None:
        return {};
    case Kind::Cancelled:
        return Tr::tr("The request was cancelled.");
    case Kind::Credential:
        return Tr::tr("Klarsicht could not get a credential for %1: %2").arg(server, m_message);
    case Kind::Decode:
        return Tr::tr("The server at %1 sent data Klarsicht cannot read: %2").arg(server, m_message);
    case Kind::TooLarge:
        return Tr::tr("The server at %1 sent an answer larger than %2 MiB; Klarsicht stopped "
                      "reading it to keep its memory bounded.")
            .arg(server)
            .arg(std::max<qint64>(1, m_limitBytes / (1024 * 1024)));
    case Kind::Tls: {
        bool untrusted = false, mismatch = false, expired = false;
        for (const auto e : m_sslErrors) {
            untrusted = untrusted || isUntrustedIssuer(e);
            mismatch = mismatch || e == QSslError::HostNameMismatch;
            expired = expired || e == QSslError::CertificateExpired
                      || e == QSslError::CertificateNotYetValid;
        }
        if (untrusted)
            return Tr::tr("The certificate of %1 is not signed by the CA in your kubeconfig.")
                .arg(server);
        if (mismatch)
            return Tr::tr("The certificate of %1 is not issued for this host name; "
                          "tls-server-name in your kubeconfig can name the expected one.")
                .arg(server);
        if (expired)
            return Tr::tr("The certificate of %1 has expired or is not valid yet.").arg(server);
        return Tr::tr("The secure connection to %1 failed: %2").arg(server, m_message);
    }
    case Kind::Transport:
        switch (m_networkError) {
        case QNetworkReply::ConnectionRefusedError:
            return Tr::tr("The server at %1 cannot be reached: it refused the connection. "
                          "Check that the cluster is running.")
                .arg(server);
        case QNetworkReply::HostNotFoundError:
            return Tr::tr("The server at %1 cannot be reached: its host name is unknown. "
                          "Check the server address in your kubeconfig.")
                .arg(server);
        case QNetworkReply::TimeoutError:
        case QNetworkReply::OperationCanceledError:
            return Tr::tr("The server at %1 did not answer in time.").arg(server);
        case QNetworkReply::SslHandshakeFailedError:
            return Tr::tr("The secure connection to %1 failed: %2").arg(server, m_message);
        case QNetworkReply::ProxyConnectionRefusedError:
        case QNetworkReply::ProxyNotFoundError:
        case QNetworkReply::ProxyTimeoutError:
        case QNetworkReply::ProxyAuthenticationRequiredError:
        case QNetworkReply::ProxyConnectionClosedError:
            return Tr::tr("The proxy for %1 cannot be used: %2").arg(server, m_message);
        default:
            return Tr::tr("The connection to %1 failed: %2").arg(server, m_message);
        }
    case Kind::Http:
        break;
    }
    switch (m_httpStatus) {
    case 401:
        return Tr::tr("The server at %1 does not accept your credentials. "
                      "Log in again or renew the credential in your kubeconfig.")
            .arg(server);
    case 403:
        return forbiddenText(m_context);
    case 404:
        return Tr::tr("%1 was not found on the server; the cluster may not offer this API.")
            .arg(resourceText(m_context));
    case 410:
        return Tr::tr("The data Klarsicht had is too old for the server; it is loaded again.");
    case 429:
        return Tr::tr(
                   "The server at %1 is busy and asked Klarsicht to wait; it tries again shortly.")
            .arg(server);
    default:
        break;
    }
    if (isExpired())
        return Tr::tr("The data Klarsicht had is too old for the server; it is loaded again.");
    if (m_httpStatus >= 500)
        return Tr::tr("The server at %1 reported an error (HTTP %2): %3")
            .arg(server, QString::number(m_httpStatus), m_message);
    return Tr::tr("The server at %1 refused the request (HTTP %2): %3")
        .arg(server, QString::number(m_httpStatus), m_message);
}

QString ApiError::toLogString() const
{
    static const char *const kinds[] = {"ok",         "transport", "tls",       "http",
                                        "credential", "decode",    "cancelled", "too large"};
    QString s = QLatin1String(kinds[static_cast<int>(m_kind)]);
    if (m_httpStatus)
        s += QLatin1Char(' ') + QString::number(m_httpStatus);
    if (!m_reason.isEmpty())
        s += QLatin1Char(' ') + m_reason;
    if (!m_context.verb.isEmpty())
        s += QStringLiteral(" (") + m_context.verb + QLatin1Char(' ') + resourceText(m_context)
             + (m_context.ns.isEmpty() ? QString() : QStringLiteral(" in ") + m_context.ns)
             + QLatin1Char(')');
    if (m_kind == Kind::Credential) {
        // What a credential plugin wrote to stderr follows the first line: shown to the user
        // in the explanation, never logged (it may echo account names or device codes).
        const qsizetype nl = m_message.indexOf(QLatin1Char('\n'));
        s += QStringLiteral(": ") + (nl < 0 ? m_message : m_message.left(nl));
        return s;
    }
    if (!m_message.isEmpty())
        s += QStringLiteral(": ") + m_message;
    return s;
}

} // namespace kube

// Kubeconfig::resolve(): one context → ClusterConnection, with kubectl's validation rules.
#include "kubeapi/config/kubeconfig.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace kube {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Kubeconfig)
};

QString where(const KubeconfigOrigin &o)
{
    return Tr::tr("%1, line %2").arg(o.file).arg(o.line);
}

// Reads a PEM file named by the kubeconfig; the error names the file, never its content.
bool readFile(const QString &path, QByteArray *out, QString *why)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *why = f.exists() ? f.errorString() : Tr::tr("no such file");
        return false;
    }
    *out = f.readAll();
    return true;
}

// The server URL for messages: scheme, host and port only (never user info or a query).
QString safeUrl(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
}

} // namespace

QString Kubeconfig::plainTextCredentialWarning(const ClusterConnection &c)
{
    if (c.server.scheme() != u"http")
        return {};
    const bool secret = !c.token.isEmpty() || !c.tokenFile.isEmpty() || !c.password.isEmpty()
                        || c.hasExec;
    if (!secret)
        return {};
    return Tr::tr("Warning: the server of context “%1” is an http:// URL; its credential is "
                  "sent unencrypted and anyone on the network path can read it. Use https://.")
        .arg(c.contextName);
}

std::optional<ClusterConnection> Kubeconfig::resolve(const QString &contextName,
                                                     QString *error) const
{
    auto fail = [error](const QString &message) -> std::optional<ClusterConnection> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QString files = m_files.isEmpty() ? Tr::tr("(no kubeconfig file found)")
                                            : m_files.join(QStringLiteral(", "));
    const QString name = contextName.isEmpty() ? m_currentContext : contextName;
    if (name.isEmpty())
        return fail(Tr::tr("No current context is set in %1; choose a context").arg(files));
    const KubeconfigContext *ctx = context(name);
    if (!ctx)
        return fail(Tr::tr("The context “%1” is not defined in %2").arg(name, files));

    ClusterConnection conn;
    conn.contextName = ctx->name;
    conn.clusterName = ctx->cluster;
    conn.userName = ctx->user;
    conn.defaultNamespace = ctx->namespaceName;

    const KubeconfigCluster *cl = cluster(ctx->cluster);
    if (ctx->cluster.isEmpty())
        return fail(
            Tr::tr("The context “%1” (%2) names no cluster").arg(ctx->name, where(ctx->origin)));
    if (!cl)
        return fail(
            Tr::tr("The context “%1” (%2) refers to the cluster “%3”, which is not defined in %4")
                .arg(ctx->name, where(ctx->origin), ctx->cluster, files));
    if (cl->server.isEmpty())
        return fail(Tr::tr("The cluster “%1” (%2) has no server").arg(cl->name, where(cl->origin)));
    conn.server = QUrl(cl->server, QUrl::StrictMode);
    if (!conn.server.isValid() || conn.server.host().isEmpty()
        || (conn.server.scheme() != u"https" && conn.server.scheme() != u"http"))
        return fail(
            Tr::tr("The server of the cluster “%1” (%2) is not an https:// or http:// URL: %3")
                .arg(cl->name, where(cl->origin), safeUrl(conn.server)));
    conn.insecureSkipTlsVerify = cl->insecureSkipTlsVerify;
    conn.tlsServerName = cl->tlsServerName;
    if (!cl->proxyUrl.isEmpty()) {
        conn.proxyUrl = QUrl(cl->proxyUrl, QUrl::StrictMode);
        if (!conn.proxyUrl.isValid() || conn.proxyUrl.host().isEmpty())
            return fail(Tr::tr("The proxy-url of the cluster “%1” (%2) is not a valid URL")
                            .arg(cl->name, where(cl->origin)));
    }
    QString why;
    if (!cl->certificateAuthorityData.isEmpty()) {
        conn.certificateAuthorityPem = cl->certificateAuthorityData;
    } else if (!cl->certificateAuthority.isEmpty()
               && !readFile(cl->certificateAuthority, &conn.certificateAuthorityPem, &why)) {
        return fail(
            Tr::tr("Cannot read the certificate authority file %1 of the cluster “%2” (%3): %4")
                .arg(cl->certificateAuthority, cl->name, where(cl->origin), why));
    }
    if (conn.insecureSkipTlsVerify && !conn.certificateAuthorityPem.isEmpty())
        return fail(Tr::tr("The cluster “%1” (%2) sets both insecure-skip-tls-verify and a "
                           "certificate authority; kubectl refuses this too (“specifying a root "
                           "certificates file with the insecure flag is not allowed”). Remove "
                           "one of the two.")
                        .arg(cl->name, where(cl->origin)));

    if (ctx->user.isEmpty())
        return conn; // anonymous access, as kubectl allows
    const KubeconfigUser *u = user(ctx->user);
    if (!u)
        return fail(
            Tr::tr("The context “%1” (%2) refers to the user “%3”, which is not defined in %4")
                .arg(ctx->name, where(ctx->origin), ctx->user, files));

    if (!u->clientCertificateData.isEmpty())
        conn.clientCertificatePem = u->clientCertificateData;
    else if (!u->clientCertificate.isEmpty()
             && !readFile(u->clientCertificate, &conn.clientCertificatePem, &why))
        return fail(Tr::tr("Cannot read the client certificate file %1 of the user “%2” (%3): %4")
                        .arg(u->clientCertificate, u->name, where(u->origin), why));
    if (!u->clientKeyData.isEmpty())
        conn.clientKeyPem = u->clientKeyData;
    else if (!u->clientKey.isEmpty() && !readFile(u->clientKey, &conn.clientKeyPem, &why))
        return fail(Tr::tr("Cannot read the client key file %1 of the user “%2” (%3): %4")
                        .arg(u->clientKey, u->name, where(u->origin), why));
    if (conn.clientCertificatePem.isEmpty() != conn.clientKeyPem.isEmpty())
        return fail(Tr::tr("The user “%1” (%2) has a client certificate without a key, or a key "
                           "without a certificate")
                        .arg(u->name, where(u->origin)));

    conn.token = u->token;
    if (conn.token.isEmpty() && !u->tokenFile.isEmpty()) {
        // Checked now so a typo is reported before the first request; the client re-reads it.
        if (!QFileInfo(u->tokenFile).isReadable())
            return fail(Tr::tr("Cannot read the token file %1 of the user “%2” (%3)")
                            .arg(u->tokenFile, u->name, where(u->origin)));
        conn.tokenFile = u->tokenFile;
    }
    conn.username = u->username;
    conn.password = u->password;

    if (!u->authProvider.isEmpty()) {
        if (u->authProvider != u"oidc")
            return fail(Tr::tr("The user “%1” (%2) uses the auth-provider “%3”, which kubectl no "
                               "longer supports; "
                               "switch to its exec credential plugin (for example "
                               "gke-gcloud-auth-plugin or kubelogin)")
                            .arg(u->name, where(u->origin), u->authProvider));
        if (u->oidcIdToken.isEmpty())
            return fail(Tr::tr("The user “%1” (%2) uses the oidc auth-provider but has no "
                               "id-token; log in with your OIDC tool first")
                            .arg(u->name, where(u->origin)));
        if (conn.token.isEmpty())
            conn.token = u->oidcIdToken;
    }

    if (u->hasExec) {
        conn.hasExec = true;
        conn.exec = u->exec;
        const QString v1 = QStringLiteral("client.authentication.k8s.io/v1");
        const QString v1beta1 = QStringLiteral("client.authentication.k8s.io/v1beta1");
        if (conn.exec.command.isEmpty())
            return fail(Tr::tr("The exec plugin of the user “%1” (%2) has no command")
                            .arg(u->name, where(u->origin)));
        if (conn.exec.apiVersion.isEmpty())
            return fail(Tr::tr("The exec plugin of the user “%1” (%2) has no apiVersion (use %3)")
                            .arg(u->name, where(u->origin), v1));
        if (conn.exec.apiVersion != v1 && conn.exec.apiVersion != v1beta1)
            return fail(Tr::tr("The exec plugin of the user “%1” (%2) asks for apiVersion %3; "
                               "supported are %4 and %5")
                            .arg(u->name, where(u->origin), conn.exec.apiVersion, v1, v1beta1));
        if (conn.exec.interactiveMode.isEmpty()) {
            if (conn.exec.apiVersion == v1)
                return fail(Tr::tr("interactiveMode must be specified for %1 to use exec "
                                   "authentication plugin (%2)")
                                .arg(u->name, where(u->origin)));
            conn.exec.interactiveMode = QStringLiteral("IfAvailable"); // the v1beta1 default
        }
        if (conn.exec.interactiveMode != u"Never" && conn.exec.interactiveMode != u"IfAvailable"
            && conn.exec.interactiveMode != u"Always")
            return fail(Tr::tr("The exec plugin of the user “%1” (%2) has interactiveMode “%3”; "
                               "use Never, IfAvailable or Always")
                            .arg(u->name, where(u->origin), conn.exec.interactiveMode));
    }
    return conn;
}

} // namespace kube

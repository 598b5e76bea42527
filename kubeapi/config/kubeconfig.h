#pragma once

// The merged kubeconfig, loaded and merged exactly as kubectl does (--kubeconfig, KUBECONFIG
// list, ~/.kube/config), and the resolution of one context into a ClusterConnection.
#include "kubeapi/config/clusterconnection.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace kube {

// Where an entry was defined (for relative paths and error messages).
struct KubeconfigOrigin
{
    QString file; // absolute path of the kubeconfig file
    int line = 0; // 1-based
};

struct KubeconfigCluster
{
    QString name;
    QString server;
    QString certificateAuthority;        // absolute path ("" = none)
    QByteArray certificateAuthorityData; // decoded PEM; overrides the file when both are set
    bool insecureSkipTlsVerify = false;
    QString tlsServerName;
    QString proxyUrl;
    KubeconfigOrigin origin;
};

struct KubeconfigUser
{
    QString name;
    QString clientCertificate; // absolute path
    QByteArray clientCertificateData;
    QString clientKey; // absolute path
    QByteArray clientKeyData;
    QString token;
    QString tokenFile; // absolute path
    QString username;
    QString password;
    bool hasExec = false;
    ExecConfig exec;      // command made absolute only when it contains a '/'
    QString authProvider; // auth-provider.name ("oidc", ...)
    QString oidcIdToken;  // auth-provider.config.id-token for oidc
    KubeconfigOrigin origin;
};

struct KubeconfigContext
{
    QString name;
    QString cluster;
    QString user;
    QString namespaceName;
    KubeconfigOrigin origin;
};

class Kubeconfig final
{
public:
    // The files kubectl would read: {explicitFile} if given, else the KUBECONFIG list (split on
    // ':', empty entries and duplicates dropped), else ~/.kube/config.
    static QStringList filesToLoad(const QString &explicitFile = {});

    // Loads and merges `files` (kubectl's rules: the first file wins per cluster/user/context
    // name, entries are taken whole, current-context comes from the first file that sets one).
    // Missing files are skipped unless `explicitFile` is set. nullopt + a translated error
    // naming the file and line for unreadable files, malformed YAML, wrong field types,
    // duplicate names in one file or bad base64. No error text ever contains a credential.
    static std::optional<Kubeconfig> loadFiles(const QStringList &files, bool explicitFile,
                                               QString *error);
    // filesToLoad() + loadFiles().
    static std::optional<Kubeconfig> load(const QString &explicitFile, QString *error);

    QString currentContext() const { return m_currentContext; }
    QList<KubeconfigContext> contexts() const { return m_contexts; } // in merge order
    QList<KubeconfigCluster> clusters() const { return m_clusters; }
    QList<KubeconfigUser> users() const { return m_users; }
    QStringList loadedFiles() const { return m_files; } // the files that existed and were read

    const KubeconfigContext *context(const QString &name) const;
    const KubeconfigCluster *cluster(const QString &name) const;
    const KubeconfigUser *user(const QString &name) const;

    // Everything the client needs for `contextName` ("" = current-context): reads the CA and
    // client certificate/key files, checks the token file is readable, validates the exec
    // and auth-provider settings. nullopt + a translated error on any problem.
    std::optional<ClusterConnection> resolve(const QString &contextName, QString *error) const;
    // A warning for the user when the connection would send a credential (token, password,
    // exec credential) over plain http://; empty otherwise. Translated.
    static QString plainTextCredentialWarning(const ClusterConnection &connection);

private:
    QString m_currentContext;
    QList<KubeconfigContext> m_contexts;
    QList<KubeconfigCluster> m_clusters;
    QList<KubeconfigUser> m_users;
    QStringList m_files;

    friend class KubeconfigParser;
};

} // namespace kube

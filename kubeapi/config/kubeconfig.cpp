#include "kubeapi/config/kubeconfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/yaml.h>

#include <optional>

namespace kube {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Kubeconfig)
};

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// A parse failure that carries its translated message up to loadFiles().
struct ParseError
{
    QString message;
};

} // namespace

// Reads one kubeconfig file into the entry lists, with kubectl's (sigs.k8s.io/yaml → JSON)
// type rules: a plain YAML 1.1 boolean or number where a string belongs is an error there too.
class KubeconfigParser final
{
public:
    KubeconfigParser(const QString &file)
        : m_file(file)
        , m_dir(QFileInfo(file).absolutePath())
    {}

    void parse(const QByteArray &bytes, Kubeconfig *file)
    {
        YAML::Node root;
        try {
            root = YAML::Load(bytes.toStdString());
        } catch (const YAML::ParserException &e) {
            throw ParseError{Tr::tr("%1, line %2, column %3: not valid YAML (%4)")
                                 .arg(m_file)
                                 .arg(e.mark.line + 1)
                                 .arg(e.mark.column + 1)
                                 .arg(qs(e.msg))};
        } catch (const YAML::Exception &e) {
            throw ParseError{Tr::tr("%1: not valid YAML (%2)").arg(m_file, qs(e.msg))};
        }
        if (!root || root.IsNull())
            return;
        if (!root.IsMap())
            throw ParseError{Tr::tr("%1, line %2: the kubeconfig must be a mapping (clusters:, "
                                    "users:, contexts:, …)")
                                 .arg(m_file)
                                 .arg(root.Mark().line + 1)};
        file->m_currentContext = string(root, "current-context", QStringLiteral("current-context"));
        forEachNamed(root, "clusters", "cluster",
                     [&](const QString &name, const YAML::Node &c, int line, const QString &path) {
                         KubeconfigCluster k;
                         k.name = name;
                         k.origin = {m_file, line};
                         k.server = string(c, "server", path + QStringLiteral(".server"));
                         k.certificateAuthority = resolvePath(
                             string(c, "certificate-authority",
                                    path + QStringLiteral(".certificate-authority")));
                         k.certificateAuthorityData = base64(
                             c, "certificate-authority-data",
                             path + QStringLiteral(".certificate-authority-data"));
                         k.insecureSkipTlsVerify = boolean(
                             c, "insecure-skip-tls-verify",
                             path + QStringLiteral(".insecure-skip-tls-verify"));
                         k.tlsServerName = string(c, "tls-server-name",
                                                  path + QStringLiteral(".tls-server-name"));
                         k.proxyUrl = string(c, "proxy-url", path + QStringLiteral(".proxy-url"));
                         file->m_clusters.append(k);
                     });
        forEachNamed(
            root, "users", "user",
            [&](const QString &name, const YAML::Node &u, int line, const QString &path) {
                KubeconfigUser k;
                k.name = name;
                k.origin = {m_file, line};
                k.clientCertificate = resolvePath(
                    string(u, "client-certificate", path + QStringLiteral(".client-certificate")));
                k.clientCertificateData = base64(u, "client-certificate-data",
                                                 path + QStringLiteral(".client-certificate-data"));
                k.clientKey = resolvePath(
                    string(u, "client-key", path + QStringLiteral(".client-key")));
                k.clientKeyData = base64(u, "client-key-data",
                                         path + QStringLiteral(".client-key-data"));
                k.token = string(u, "token", path + QStringLiteral(".token"));
                k.tokenFile = resolvePath(
                    string(u, "tokenFile", path + QStringLiteral(".tokenFile")));
                k.username = string(u, "username", path + QStringLiteral(".username"));
                k.password = string(u, "password", path + QStringLiteral(".password"));
                if (const auto execNode = map(u, "exec", path + QStringLiteral(".exec"))) {
                    const YAML::Node &exec = *execNode;
                    const QString ep = path + QStringLiteral(".exec");
                    k.hasExec = true;
                    k.exec.apiVersion = string(exec, "apiVersion",
                                               ep + QStringLiteral(".apiVersion"));
                    k.exec.command = string(exec, "command", ep + QStringLiteral(".command"));
                    // kubectl: relative to the kubeconfig only if it names a path, else looked up in PATH.
                    if (k.exec.command.contains(u'/'))
                        k.exec.command = resolvePath(k.exec.command);
                    k.exec.args = stringList(exec, "args", ep + QStringLiteral(".args"));
                    const YAML::Node env = exec["env"];
                    if (env && !env.IsNull()) {
                        if (!env.IsSequence())
                            throw typeError(env, ep + QStringLiteral(".env"), Tr::tr("a list"));
                        for (std::size_t i = 0; i < env.size(); ++i) {
                            const QString vp = ep + QStringLiteral(".env[%1]").arg(i);
                            if (!env[i].IsMap())
                                throw typeError(env[i], vp, Tr::tr("a mapping"));
                            k.exec.env.append(
                                {string(env[i], "name", vp + QStringLiteral(".name")),
                                 string(env[i], "value", vp + QStringLiteral(".value"))});
                        }
                    }
                    k.exec.installHint = string(exec, "installHint",
                                                ep + QStringLiteral(".installHint"));
                    k.exec.provideClusterInfo = boolean(exec, "provideClusterInfo",
                                                        ep + QStringLiteral(".provideClusterInfo"));
                    k.exec.interactiveMode = string(exec, "interactiveMode",
                                                    ep + QStringLiteral(".interactiveMode"));
                }
                if (const auto apNode = map(u, "auth-provider",
                                            path + QStringLiteral(".auth-provider"))) {
                    const YAML::Node &ap = *apNode;
                    const QString ep = path + QStringLiteral(".auth-provider");
                    k.authProvider = string(ap, "name", ep + QStringLiteral(".name"));
                    if (const auto cfg = map(ap, "config", ep + QStringLiteral(".config")))
                        k.oidcIdToken = string(*cfg, "id-token",
                                               ep + QStringLiteral(".config.id-token"));
                }
                file->m_users.append(k);
            });
        forEachNamed(root, "contexts", "context",
                     [&](const QString &name, const YAML::Node &c, int line, const QString &path) {
                         KubeconfigContext k;
                         k.name = name;
                         k.origin = {m_file, line};
                         k.cluster = string(c, "cluster", path + QStringLiteral(".cluster"));
                         k.user = string(c, "user", path + QStringLiteral(".user"));
                         k.namespaceName = string(c, "namespace",
                                                  path + QStringLiteral(".namespace"));
                         file->m_contexts.append(k);
                     });
    }

private:
    ParseError typeError(const YAML::Node &node, const QString &path, const QString &expected) const
    {
        return ParseError{Tr::tr("%1, line %2: %3 must be %4")
                              .arg(m_file)
                              .arg(node.Mark().line + 1)
                              .arg(path, expected)};
    }

    // sigs.k8s.io/yaml resolves plain scalars by YAML 1.1, so `namespace: no` is a boolean and
    // kubectl rejects it; we do the same rather than silently disagree.
    static bool plainNonString(const YAML::Node &node)
    {
        if (node.Tag() != "?")
            return false;
        static const QRegularExpression re(QStringLiteral(
            "^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
            "|[-+]?[0-9_]+|[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?"
            "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)|0x[0-9a-fA-F_]+|0o?[0-7_]+)$"));
        return re.match(qs(node.Scalar())).hasMatch();
    }

    static bool isNull(const YAML::Node &node) { return !node || node.IsNull(); }

    QString string(const YAML::Node &parent, const char *key, const QString &path) const
    {
        const YAML::Node v = parent[key];
        if (isNull(v))
            return {};
        if (!v.IsScalar() || plainNonString(v))
            throw typeError(v, path, Tr::tr("a string"));
        return qs(v.Scalar());
    }

    bool boolean(const YAML::Node &parent, const char *key, const QString &path) const
    {
        const YAML::Node v = parent[key];
        if (isNull(v))
            return false;
        static const QSet<QString> yes = {
            QStringLiteral("y"),    QStringLiteral("Y"),    QStringLiteral("yes"),
            QStringLiteral("Yes"),  QStringLiteral("YES"),  QStringLiteral("true"),
            QStringLiteral("True"), QStringLiteral("TRUE"), QStringLiteral("on"),
            QStringLiteral("On"),   QStringLiteral("ON")};
        static const QSet<QString> no = {
            QStringLiteral("n"),     QStringLiteral("N"),     QStringLiteral("no"),
            QStringLiteral("No"),    QStringLiteral("NO"),    QStringLiteral("false"),
            QStringLiteral("False"), QStringLiteral("FALSE"), QStringLiteral("off"),
            QStringLiteral("Off"),   QStringLiteral("OFF")};
        if (v.IsScalar() && v.Tag() == "?") {
            const QString s = qs(v.Scalar());
            if (yes.contains(s))
                return true;
            if (no.contains(s))
                return false;
        }
        throw typeError(v, path, Tr::tr("true or false"));
    }

    QByteArray base64(const YAML::Node &parent, const char *key, const QString &path) const
    {
        QString text = string(parent, key, path);
        if (text.isEmpty())
            return {};
        text.remove(u'\n').remove(u'\r');
        auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            throw ParseError{Tr::tr("%1, line %2: %3 is not valid base64")
                                 .arg(m_file)
                                 .arg(parent[key].Mark().line + 1)
                                 .arg(path)};
        return *decoded;
    }

    QStringList stringList(const YAML::Node &parent, const char *key, const QString &path) const
    {
        const YAML::Node v = parent[key];
        QStringList out;
        if (isNull(v))
            return out;
        if (!v.IsSequence())
            throw typeError(v, path, Tr::tr("a list"));
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (!v[i].IsScalar() || plainNonString(v[i]))
                throw typeError(v[i], path + QStringLiteral("[%1]").arg(i), Tr::tr("a string"));
            out.append(qs(v[i].Scalar()));
        }
        return out;
    }

    std::optional<YAML::Node> map(const YAML::Node &parent, const char *key,
                                  const QString &path) const
    {
        const YAML::Node v = parent[key];
        if (isNull(v))
            return std::nullopt;
        if (!v.IsMap())
            throw typeError(v, path, Tr::tr("a mapping"));
        return v;
    }

    template<typename F>
    void forEachNamed(const YAML::Node &root, const char *listKey, const char *entryKey, F &&f)
    {
        const YAML::Node list = root[listKey];
        if (isNull(list))
            return;
        const QString listName = QString::fromLatin1(listKey);
        if (!list.IsSequence())
            throw typeError(list, listName, Tr::tr("a list"));
        QSet<QString> seen;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const YAML::Node item = list[i];
            const QString path = listName + QStringLiteral("[%1]").arg(i);
            if (!item.IsMap())
                throw typeError(item, path, Tr::tr("a mapping"));
            const QString name = string(item, "name", path + QStringLiteral(".name"));
            if (seen.contains(name))
                throw ParseError{Tr::tr("%1, line %2: %3 “%4” is defined twice in this file")
                                     .arg(m_file)
                                     .arg(item.Mark().line + 1)
                                     .arg(QString::fromLatin1(entryKey), name)};
            seen.insert(name);
            const auto body = map(item, entryKey, path + u'.' + QString::fromLatin1(entryKey));
            f(name, body ? *body : YAML::Node(YAML::NodeType::Map), int(item.Mark().line) + 1,
              path + u'.' + QString::fromLatin1(entryKey));
        }
    }

    QString resolvePath(const QString &path) const
    {
        if (path.isEmpty() || QDir::isAbsolutePath(path))
            return path;
        return QDir::cleanPath(m_dir + u'/' + path);
    }

    QString m_file;
    QString m_dir;
};

QStringList Kubeconfig::filesToLoad(const QString &explicitFile)
{
    if (!explicitFile.isEmpty())
        return {QFileInfo(explicitFile).absoluteFilePath()};
    const QString env = qEnvironmentVariable("KUBECONFIG");
    if (!env.isEmpty()) {
        QStringList files;
        for (const QString &part : env.split(u':', Qt::SkipEmptyParts)) {
            const QString abs = QFileInfo(part).absoluteFilePath();
            if (!files.contains(abs))
                files.append(abs);
        }
        return files;
    }
    return {QDir::homePath() + QStringLiteral("/.kube/config")};
}

std::optional<Kubeconfig> Kubeconfig::load(const QString &explicitFile, QString *error)
{
    return loadFiles(filesToLoad(explicitFile), !explicitFile.isEmpty(), error);
}

std::optional<Kubeconfig> Kubeconfig::loadFiles(const QStringList &files, bool explicitFile,
                                                QString *error)
{
    Kubeconfig merged;
    for (const QString &file : files) {
        QFile f(file);
        if (!f.exists()) {
            if (explicitFile) {
                if (error)
                    *error = Tr::tr("The kubeconfig file %1 does not exist").arg(file);
                return std::nullopt;
            }
            continue; // kubectl skips missing files of the KUBECONFIG list
        }
        if (!f.open(QIODevice::ReadOnly)) {
            if (error)
                *error =
                    Tr::tr("Cannot read the kubeconfig file %1: %2").arg(file, f.errorString());
            return std::nullopt;
        }
        Kubeconfig one;
        try {
            KubeconfigParser(file).parse(f.readAll(), &one);
        } catch (const ParseError &e) {
            if (error)
                *error = e.message;
            return std::nullopt;
        }
        merged.m_files.append(file);
        if (merged.m_currentContext.isEmpty())
            merged.m_currentContext = one.m_currentContext;
        for (const auto &c : std::as_const(one.m_clusters)) {
            if (!merged.cluster(c.name))
                merged.m_clusters.append(c);
        }
        for (const auto &u : std::as_const(one.m_users)) {
            if (!merged.user(u.name))
                merged.m_users.append(u);
        }
        for (const auto &c : std::as_const(one.m_contexts)) {
            if (!merged.context(c.name))
                merged.m_contexts.append(c);
        }
    }
    return merged;
}

const KubeconfigContext *Kubeconfig::context(const QString &name) const
{
    for (const auto &c : m_contexts) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

const KubeconfigCluster *Kubeconfig::cluster(const QString &name) const
{
    for (const auto &c : m_clusters) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

const KubeconfigUser *Kubeconfig::user(const QString &name) const
{
    for (const auto &u : m_users) {
        if (u.name == name)
            return &u;
    }
    return nullptr;
}

} // namespace kube

// `klarsicht contexts` and Kubeconfig::resolve() against the real kubectl as referee, on a
// KUBECONFIG of three files with conflicting names, relative paths and current-context set only
// in the second file.
#include "../skip_or_fail.h"
#include "app/contextscommand.h"
#include "kubeapi/config/kubeconfig.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

class TestContextsKubectl final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void getContexts_data();
    void getContexts();
    void resolveAgreesWithKubectlView_data();
    void resolveAgreesWithKubectlView();

private:
    void write(const QString &relative, const QByteArray &content);
    QByteArray kubectl(const QStringList &args, const QString &kubeconfigEnv,
                       int *exitCode = nullptr);
    QString ours(const QStringList &args, const QString &kubeconfigEnv, int *exitCode = nullptr);
    QString kubeconfigList() const;

    QString m_kubectl;
    QTemporaryDir m_dir;
};

void TestContextsKubectl::write(const QString &relative, const QByteArray &content)
{
    const QString path = m_dir.filePath(relative);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

void TestContextsKubectl::initTestCase()
{
    m_kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
    if (m_kubectl.isEmpty())
        SKIP_OR_FAIL(
            "kubectl is not installed; it is the referee of this test (Debian: kubernetes-client)");
    QVERIFY(m_dir.isValid());
    // PEM-shaped placeholders: kubectl --flatten embeds the bytes, we compare bytes.
    write(QStringLiteral("one/certs/ca.pem"),
          "-----BEGIN CERTIFICATE-----\nb25lLWNh\n-----END CERTIFICATE-----\n");
    write(QStringLiteral("one/tokens/shared.token"), "token-from-file\n");
    write(QStringLiteral("two/ca2.pem"),
          "-----BEGIN CERTIFICATE-----\ndHdvLWNh\n-----END CERTIFICATE-----\n");
    write(QStringLiteral("two/keys/u2.crt"),
          "-----BEGIN CERTIFICATE-----\ndTItY3J0\n-----END CERTIFICATE-----\n");
    write(QStringLiteral("two/keys/u2.key"),
          "-----BEGIN PRIVATE KEY-----\ndTIta2V5\n-----END PRIVATE KEY-----\n");

    // File 1: no current-context; defines the shared names first (they win).
    write(QStringLiteral("one/config"), R"(apiVersion: v1
kind: Config
current-context: ""
clusters:
- name: shared
  cluster:
    server: https://one.example:6443
    certificate-authority: certs/ca.pem
- name: alpha-cluster
  cluster:
    server: https://alpha.example:443
    insecure-skip-tls-verify: true
users:
- name: shared-user
  user:
    tokenFile: tokens/shared.token
- name: alpha-user
  user:
    token: alpha-secret-token
contexts:
- name: shared-ctx
  context: {cluster: shared, user: shared-user, namespace: from-file-one}
- name: alpha
  context:
    cluster: alpha-cluster
    user: alpha-user
)");
    // File 2: sets current-context; conflicting definitions of the shared names are ignored.
    write(QStringLiteral("two/config"), R"(apiVersion: v1
kind: Config
current-context: beta
preferences: {}
clusters:
- name: shared
  cluster:
    server: https://two.example:6443
- name: beta-cluster
  cluster:
    server: https://beta.example:8443
    certificate-authority: ca2.pem
    tls-server-name: api.beta.internal
users:
- name: shared-user
  user:
    token: should-not-win
- name: beta-user
  user:
    client-certificate: keys/u2.crt
    client-key: keys/u2.key
contexts:
- name: shared-ctx
  context: {cluster: beta-cluster, user: beta-user, namespace: from-file-two}
- name: beta
  context: {cluster: beta-cluster, user: beta-user, namespace: kube-system}
- name: Zulu-Upper
  context: {cluster: shared, user: ""}
- name: a-rather-long-context-name-that-widens-the-column
  context: {cluster: beta-cluster, user: shared-user, namespace: "default"}
)");
    // File 3: its current-context is ignored (file 2 set one first).
    write(QStringLiteral("three/config"),
          R"({"apiVersion":"v1","kind":"Config","current-context":"gamma",
"clusters":[{"name":"gamma-cluster","cluster":{"server":"https://gamma.example"}}],
"users":[{"name":"gamma-user","user":{"exec":{"apiVersion":"client.authentication.k8s.io/v1","command":"./bin/get-token","args":["--x"],"interactiveMode":"Never"}}}],
"contexts":[{"name":"gamma","context":{"cluster":"gamma-cluster","user":"gamma-user"}},
            {"name":"übergröße","context":{"cluster":"gamma-cluster","user":"gamma-user","namespace":"ns-ä"}}]})");
}

QString TestContextsKubectl::kubeconfigList() const
{
    // A missing file and a duplicate in the list, both of which kubectl tolerates.
    return QStringList{m_dir.filePath(QStringLiteral("one/config")),
                       m_dir.filePath(QStringLiteral("missing/config")),
                       m_dir.filePath(QStringLiteral("two/config")),
                       m_dir.filePath(QStringLiteral("one/config")),
                       m_dir.filePath(QStringLiteral("three/config"))}
        .join(u':');
}

QByteArray TestContextsKubectl::kubectl(const QStringList &args, const QString &kubeconfigEnv,
                                        int *exitCode)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KUBECONFIG"), kubeconfigEnv);
    env.insert(QStringLiteral("HOME"), m_dir.path()); // no stray ~/.kube/cache writes elsewhere
    p.setProcessEnvironment(env);
    p.start(m_kubectl, args);
    if (!p.waitForFinished(30000))
        return "kubectl did not finish";
    if (exitCode)
        *exitCode = p.exitCode();
    return p.readAllStandardOutput();
}

QString TestContextsKubectl::ours(const QStringList &args, const QString &kubeconfigEnv,
                                  int *exitCode)
{
    const QByteArray saved = qgetenv("KUBECONFIG");
    qputenv("KUBECONFIG", kubeconfigEnv.toUtf8());
    QString out, err;
    QTextStream outStream(&out), errStream(&err);
    const int rc = runContextsCommand(args, outStream, errStream);
    qputenv("KUBECONFIG", saved);
    if (exitCode)
        *exitCode = rc;
    return out;
}

void TestContextsKubectl::getContexts_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("which"); // "list" = the three-file KUBECONFIG, else one file
    QTest::newRow("merged") << QStringList{} << QStringLiteral("list");
    QTest::newRow("merged -o name")
        << QStringList{QStringLiteral("-o"), QStringLiteral("name")} << QStringLiteral("list");
    QTest::newRow("merged --no-headers")
        << QStringList{QStringLiteral("--no-headers")} << QStringLiteral("list");
    QTest::newRow("named") << QStringList{QStringLiteral("beta"), QStringLiteral("alpha")}
                           << QStringLiteral("list");
    QTest::newRow("unknown name") << QStringList{QStringLiteral("nope"), QStringLiteral("gamma")}
                                  << QStringLiteral("list");
    QTest::newRow("--kubeconfig three")
        << QStringList{QStringLiteral("--kubeconfig"), QStringLiteral("three/config")} << QString();
    QTest::newRow("--kubeconfig one")
        << QStringList{QStringLiteral("--kubeconfig"), QStringLiteral("one/config")} << QString();
    QTest::newRow("empty KUBECONFIG file list") << QStringList{} << QStringLiteral("missing");
}

void TestContextsKubectl::getContexts()
{
    QFETCH(QStringList, args);
    QFETCH(QString, which);
    for (QString &a : args) {
        if (a.endsWith(QStringLiteral("/config")))
            a = m_dir.filePath(a);
    }
    QString env = which == u"list" ? kubeconfigList() : QString();
    if (which == u"missing")
        env = m_dir.filePath(QStringLiteral("missing/config"));
    int theirCode = -1, ourCode = -1;
    const QString theirs = QString::fromUtf8(
        kubectl(QStringList{QStringLiteral("config"), QStringLiteral("get-contexts")} + args, env,
                &theirCode));
    const QString mine = ours(args, env, &ourCode);
    QVERIFY2(!theirs.isEmpty() || theirCode != 0, "kubectl printed nothing");
    if (mine != theirs)
        qWarning().noquote() << "kubectl:\n" << theirs << "\nklarsicht:\n" << mine;
    QCOMPARE(mine, theirs);
    QCOMPARE(ourCode != 0, theirCode != 0);
}

void TestContextsKubectl::resolveAgreesWithKubectlView_data()
{
    QTest::addColumn<QString>("context");
    for (const char *c : {"shared-ctx", "alpha", "beta", "Zulu-Upper", "gamma",
                          "a-rather-long-context-name-that-widens-the-column"})
        QTest::newRow(c) << QString::fromUtf8(c);
}

void TestContextsKubectl::resolveAgreesWithKubectlView()
{
    QFETCH(QString, context);
    const QString env = kubeconfigList();
    int code = -1;
    const QByteArray json = kubectl({QStringLiteral("config"), QStringLiteral("view"),
                                     QStringLiteral("--minify"), QStringLiteral("--flatten"),
                                     QStringLiteral("-o"), QStringLiteral("json"),
                                     QStringLiteral("--context"), context},
                                    env, &code);
    QCOMPARE(code, 0);
    const QJsonObject view = QJsonDocument::fromJson(json).object();
    const QJsonObject ctx = view[u"contexts"].toArray().first().toObject()[u"context"].toObject();
    const QJsonObject cluster =
        view[u"clusters"].toArray().first().toObject()[u"cluster"].toObject();
    const QJsonObject user = view[u"users"].toArray().first().toObject()[u"user"].toObject();

    qputenv("KUBECONFIG", env.toUtf8());
    QString error;
    const auto config = kube::Kubeconfig::load(QString(), &error);
    qunsetenv("KUBECONFIG");
    QVERIFY2(config, qPrintable(error));
    const auto conn = config->resolve(context, &error);
    QVERIFY2(conn, qPrintable(error));
    QCOMPARE(conn->clusterName, ctx[u"cluster"].toString());
    QCOMPARE(conn->userName, ctx[u"user"].toString());
    QCOMPARE(conn->defaultNamespace, ctx[u"namespace"].toString());
    QCOMPARE(conn->server.toString(), cluster[u"server"].toString());
    QCOMPARE(conn->insecureSkipTlsVerify, cluster[u"insecure-skip-tls-verify"].toBool());
    QCOMPARE(conn->tlsServerName, cluster[u"tls-server-name"].toString());
    QCOMPARE(conn->certificateAuthorityPem,
             QByteArray::fromBase64(cluster[u"certificate-authority-data"].toString().toLatin1()));
    QCOMPARE(conn->clientCertificatePem,
             QByteArray::fromBase64(user[u"client-certificate-data"].toString().toLatin1()));
    QCOMPARE(conn->clientKeyPem,
             QByteArray::fromBase64(user[u"client-key-data"].toString().toLatin1()));
    QCOMPARE(conn->token, user[u"token"].toString());
    // `view` shows paths relative to the file that defined the entry again; we hold them
    // resolved against that file's folder.
    const QString userDir = ctx[u"user"].toString() == u"gamma-user" ? QStringLiteral("three")
                                                                     : QStringLiteral("one");
    auto resolved = [&](const QString &p) {
        return p.isEmpty() || QDir::isAbsolutePath(p)
                   ? p
                   : QDir::cleanPath(m_dir.filePath(userDir) + u'/' + p);
    };
    QCOMPARE(conn->tokenFile, resolved(user[u"tokenFile"].toString()));
    const QJsonObject exec = user[u"exec"].toObject();
    QCOMPARE(conn->hasExec, !exec.isEmpty());
    if (conn->hasExec) {
        QCOMPARE(conn->exec.command, resolved(exec[u"command"].toString()));
        QCOMPARE(conn->exec.apiVersion, exec[u"apiVersion"].toString());
        // kubectl before 1.22 does not know interactiveMode and leaves it out of `config view`.
        if (exec.contains(u"interactiveMode"))
            QCOMPARE(conn->exec.interactiveMode, exec[u"interactiveMode"].toString());
    }
}

QTEST_GUILESS_MAIN(TestContextsKubectl)
#include "tst_contexts_kubectl.moc"

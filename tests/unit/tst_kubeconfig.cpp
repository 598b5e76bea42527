// Kubeconfig loading, merging, validation and resolution; errors name file and line and never
// contain a credential. (The merge order is cross-checked with kubectl in tst_contexts_kubectl.)
#include "kubeapi/config/kubeconfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace kube;

class TestKubeconfig final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void filesToLoad();
    void mergeRules();
    void relativePaths();
    void dataFieldsOverrideFiles();
    void malformed_data();
    void malformed();
    void resolveErrors_data();
    void resolveErrors();
    void plainHttpWithACredentialWarns();
    void execValidation();
    void authProviders();
    void missingFiles();

private:
    QString write(const QString &name, const QByteArray &content);
    QTemporaryDir m_dir;
};

QString TestKubeconfig::write(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(content);
    return path;
}

void TestKubeconfig::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestKubeconfig::filesToLoad()
{
    const QByteArray saved = qgetenv("KUBECONFIG");
    qputenv("KUBECONFIG", "/a/one:/b/two::/a/one:relative/three");
    const QStringList files = Kubeconfig::filesToLoad();
    QCOMPARE(files,
             (QStringList{QStringLiteral("/a/one"), QStringLiteral("/b/two"),
                          QDir::current().absoluteFilePath(QStringLiteral("relative/three"))}));
    QCOMPARE(Kubeconfig::filesToLoad(QStringLiteral("/x/explicit")),
             QStringList{QStringLiteral("/x/explicit")});
    qunsetenv("KUBECONFIG");
    QCOMPARE(Kubeconfig::filesToLoad(),
             QStringList{QDir::homePath() + QStringLiteral("/.kube/config")});
    if (!saved.isNull())
        qputenv("KUBECONFIG", saved);
}

void TestKubeconfig::mergeRules()
{
    const QString a = write(QStringLiteral("merge/a"), R"(
clusters:
- {name: c, cluster: {server: "https://a.example", insecure-skip-tls-verify: true}}
contexts:
- {name: x, context: {cluster: c, user: u, namespace: from-a}}
users:
- {name: u, user: {token: "token-a"}}
)");
    const QString b = write(QStringLiteral("merge/b"), R"(
current-context: x
clusters:
- {name: c, cluster: {server: "https://b.example", tls-server-name: only-in-b}}
- {name: d, cluster: {server: "https://d.example:8443"}}
contexts:
- {name: x, context: {cluster: d, user: v}}
- {name: second, context: {cluster: d, user: v}}
users:
- {name: u, user: {token: "token-b", username: admin}}
- {name: v, user: {username: admin, password: "pw"}}
)");
    const QString c = write(QStringLiteral("merge/c"), "current-context: second\n");
    QString error;
    const auto config = Kubeconfig::loadFiles({a, b, c}, false, &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->currentContext(), QStringLiteral("x")); // from b, the first that sets one
    QCOMPARE(config->contexts().size(), 2);
    // Entries are taken whole from the first file: no field of the second file leaks in.
    QCOMPARE(config->cluster(QStringLiteral("c"))->server, QStringLiteral("https://a.example"));
    QVERIFY(config->cluster(QStringLiteral("c"))->tlsServerName.isEmpty());
    QVERIFY(config->user(QStringLiteral("u"))->username.isEmpty());
    QCOMPARE(config->context(QStringLiteral("x"))->namespaceName, QStringLiteral("from-a"));
    QCOMPARE(config->context(QStringLiteral("x"))->origin.file, a);
    QCOMPARE(config->context(QStringLiteral("second"))->origin.file, b);
    QCOMPARE(config->context(QStringLiteral("second"))->origin.line, 8);
    QCOMPARE(config->loadedFiles(), (QStringList{a, b, c}));

    const auto x = config->resolve(QString(), &error);
    QVERIFY2(x, qPrintable(error));
    QCOMPARE(x->contextName, QStringLiteral("x"));
    QCOMPARE(x->server, QUrl(QStringLiteral("https://a.example")));
    QVERIFY(x->insecureSkipTlsVerify);
    QCOMPARE(x->token, QStringLiteral("token-a"));
    QCOMPARE(x->defaultNamespace, QStringLiteral("from-a"));
    const auto y = config->resolve(QStringLiteral("second"), &error);
    QVERIFY2(y, qPrintable(error));
    QCOMPARE(y->username, QStringLiteral("admin"));
    QCOMPARE(y->password, QStringLiteral("pw"));
    QCOMPARE(y->server.port(), 8443);
}

void TestKubeconfig::relativePaths()
{
    write(QStringLiteral("rel/sub/ca.crt"), "CA-PEM");
    write(QStringLiteral("rel/sub/keys/client.crt"), "CERT-PEM");
    write(QStringLiteral("rel/sub/keys/client.key"), "KEY-PEM");
    write(QStringLiteral("rel/sub/token"), "file-token\n");
    const QString file = write(QStringLiteral("rel/sub/config"), R"(
current-context: r
clusters:
- name: rc
  cluster: {server: "https://r.example", certificate-authority: ca.crt}
users:
- name: ru
  user:
    client-certificate: keys/client.crt
    client-key: ./keys/../keys/client.key
    tokenFile: token
- name: eu
  user:
    exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: ../bin/plugin, args: [get-token, "--x=1"],
           env: [{name: A, value: "1"}], installHint: "install it", provideClusterInfo: true}
- name: pu
  user:
    exec: {apiVersion: client.authentication.k8s.io/v1, command: aws, interactiveMode: Never}
contexts:
- {name: r, context: {cluster: rc, user: ru}}
- {name: e, context: {cluster: rc, user: eu}}
- {name: p, context: {cluster: rc, user: pu}}
)");
    QString error;
    // Loaded from another working directory: paths follow the file, not the cwd.
    const QString cwd = QDir::currentPath();
    QDir::setCurrent(QDir::rootPath());
    const auto config = Kubeconfig::loadFiles({file}, true, &error);
    QDir::setCurrent(cwd);
    QVERIFY2(config, qPrintable(error));
    const auto r = config->resolve(QString(), &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->certificateAuthorityPem, QByteArray("CA-PEM"));
    QCOMPARE(r->clientCertificatePem, QByteArray("CERT-PEM"));
    QCOMPARE(r->clientKeyPem, QByteArray("KEY-PEM"));
    QCOMPARE(r->tokenFile, m_dir.filePath(QStringLiteral("rel/sub/token")));
    const auto e = config->resolve(QStringLiteral("e"), &error);
    QVERIFY2(e, qPrintable(error));
    QVERIFY(e->hasExec);
    QCOMPARE(e->exec.command, m_dir.filePath(QStringLiteral("rel/bin/plugin")));
    QCOMPARE(e->exec.args, (QStringList{QStringLiteral("get-token"), QStringLiteral("--x=1")}));
    QCOMPARE(e->exec.env.size(), 1);
    QCOMPARE(e->exec.interactiveMode, QStringLiteral("IfAvailable")); // v1beta1 default
    QVERIFY(e->exec.provideClusterInfo);
    QCOMPARE(e->exec.installHint, QStringLiteral("install it"));
    const auto p = config->resolve(QStringLiteral("p"), &error);
    QVERIFY2(p, qPrintable(error));
    QCOMPARE(p->exec.command, QStringLiteral("aws")); // bare names are looked up in PATH later
}

void TestKubeconfig::dataFieldsOverrideFiles()
{
    const QString file = write(QStringLiteral("data/config"), R"(
current-context: d
clusters:
- name: dc
  cluster:
    server: https://d.example
    certificate-authority: does-not-exist.crt
    certificate-authority-data: Q0EtREFUQQ==
users:
- name: du
  user:
    client-certificate-data: |
      Q0VSVC1E
      QVRB
    client-key-data: S0VZLURBVEE=
contexts:
- {name: d, context: {cluster: dc, user: du}}
)");
    QString error;
    const auto config = Kubeconfig::loadFiles({file}, true, &error);
    QVERIFY2(config, qPrintable(error));
    const auto d = config->resolve(QString(), &error);
    QVERIFY2(d, qPrintable(error));
    QCOMPARE(d->certificateAuthorityPem, QByteArray("CA-DATA"));
    QCOMPARE(d->clientCertificatePem, QByteArray("CERT-DATA"));
    QCOMPARE(d->clientKeyPem, QByteArray("KEY-DATA"));
}

void TestKubeconfig::malformed_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("expected"); // substring, after "<file>, line "
    QTest::newRow("syntax") << QByteArray("apiVersion: v1\nclusters: [\n  - {name: x\n")
                            << QStringLiteral("not valid YAML");
    QTest::newRow("tab indent") << QByteArray("clusters:\n\t- name: x\n")
                                << QStringLiteral("not valid YAML");
    QTest::newRow("top-level list")
        << QByteArray("- a\n- b\n") << QStringLiteral("1: the kubeconfig must be a mapping");
    QTest::newRow("clusters map") << QByteArray("clusters:\n  a: b\n")
                                  << QStringLiteral("2: clusters must be a list");
    QTest::newRow("server list")
        << QByteArray("clusters:\n- name: a\n  cluster:\n    server: [x]\n")
        << QStringLiteral("4: clusters[0].cluster.server must be a string");
    QTest::newRow("yaml 1.1 bool")
        << QByteArray("contexts:\n- name: a\n  context: {cluster: c, user: no}\n")
        << QStringLiteral("3: contexts[0].context.user must be a string");
    QTest::newRow("number") << QByteArray("contexts:\n- name: 42\n")
                            << QStringLiteral("2: contexts[0].name must be a string");
    QTest::newRow("insecure string")
        << QByteArray("clusters:\n- name: a\n  cluster: {insecure-skip-tls-verify: \"true\"}\n")
        << QStringLiteral("insecure-skip-tls-verify must be true or false");
    QTest::newRow("bad base64")
        << QByteArray("users:\n- name: u\n  user:\n    client-key-data: \"not base64!!\"\n")
        << QStringLiteral("4: users[0].user.client-key-data is not valid base64");
    QTest::newRow("duplicate") << QByteArray("users:\n- name: u\n- name: v\n- name: u\n")
                               << QStringLiteral("4: user “u” is defined twice");
    QTest::newRow("exec args") << QByteArray(
        "users:\n- name: u\n  user:\n    exec: {command: x, args: x}\n")
                               << QStringLiteral("users[0].user.exec.args must be a list");
    QTest::newRow("exec env") << QByteArray(
        "users:\n- name: u\n  user:\n    exec: {command: x, env: [x]}\n")
                              << QStringLiteral("users[0].user.exec.env[0] must be a mapping");
}

void TestKubeconfig::malformed()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, expected);
    const QString file = write(QStringLiteral("bad/config"), yaml);
    QString error;
    QVERIFY(!Kubeconfig::loadFiles({file}, true, &error));
    QVERIFY2(error.startsWith(file), qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY2(!error.contains(u"not base64!!"), "values are never quoted");
}

void TestKubeconfig::resolveErrors_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no current") << QString() << QStringLiteral("No current context");
    QTest::newRow("unknown context")
        << QStringLiteral("nope") << QStringLiteral("The context “nope” is not defined");
    QTest::newRow("unknown cluster")
        << QStringLiteral("no-cluster")
        << QStringLiteral("refers to the cluster “ghost”, which is not defined");
    QTest::newRow("unknown user") << QStringLiteral(
        "no-user") << QStringLiteral("refers to the user “ghost”, which is not defined");
    QTest::newRow("no server") << QStringLiteral("no-server")
                               << QStringLiteral("The cluster “empty” (");
    QTest::newRow("bad server") << QStringLiteral("bad-server")
                                << QStringLiteral("is not an https:// or http:// URL");
    QTest::newRow("missing ca") << QStringLiteral("missing-ca")
                                << QStringLiteral("Cannot read the certificate authority file");
    QTest::newRow("missing cert") << QStringLiteral("missing-cert")
                                  << QStringLiteral("Cannot read the client certificate file");
    QTest::newRow("cert without key")
        << QStringLiteral("half-cert") << QStringLiteral("client certificate without a key");
    QTest::newRow("missing token file")
        << QStringLiteral("missing-token") << QStringLiteral("Cannot read the token file");
    // kubectl: "specifying a root certificates file with the insecure flag is not allowed".
    QTest::newRow("insecure with a CA")
        << QStringLiteral("insecure-ca")
        << QStringLiteral("sets both insecure-skip-tls-verify and a certificate authority");
}

void TestKubeconfig::resolveErrors()
{
    QFETCH(QString, context);
    QFETCH(QString, expected);
    const QString file = write(QStringLiteral("resolve/config"), R"(
clusters:
- {name: ok, cluster: {server: "https://ok.example"}}
- {name: empty, cluster: {}}
- {name: bad, cluster: {server: "ftp://user:secretpw@host/"}}
- {name: noca, cluster: {server: "https://ok.example", certificate-authority: nowhere/ca.crt}}
- {name: insecureca, cluster: {server: "https://ok.example", insecure-skip-tls-verify: true, certificate-authority-data: Q0VSVA==}}
users:
- {name: nocert, user: {client-certificate: nowhere/c.crt, client-key: nowhere/c.key}}
- {name: half, user: {client-certificate-data: Q0VSVA==, token: "tok-secret-123"}}
- {name: notoken, user: {tokenFile: nowhere/token}}
contexts:
- {name: no-cluster, context: {cluster: ghost}}
- {name: no-user, context: {cluster: ok, user: ghost}}
- {name: no-server, context: {cluster: empty}}
- {name: bad-server, context: {cluster: bad}}
- {name: missing-ca, context: {cluster: noca}}
- {name: missing-cert, context: {cluster: ok, user: nocert}}
- {name: half-cert, context: {cluster: ok, user: half}}
- {name: missing-token, context: {cluster: ok, user: notoken}}
- {name: insecure-ca, context: {cluster: insecureca}}
)");
    QString error;
    const auto config = Kubeconfig::loadFiles({file}, true, &error);
    QVERIFY2(config, qPrintable(error));
    QVERIFY(!config->resolve(context, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY2(!error.contains(u"secretpw") && !error.contains(u"tok-secret-123"), qPrintable(error));
}

void TestKubeconfig::plainHttpWithACredentialWarns()
{
    const QString file = write(QStringLiteral("http/config"), R"(
clusters:
- {name: plain, cluster: {server: "http://10.0.0.1:8080"}}
- {name: tls, cluster: {server: "https://10.0.0.1:6443"}}
users:
- {name: tok, user: {token: "tok-plain-123"}}
- {name: pw, user: {username: u, password: "pw-plain-123"}}
contexts:
- {name: plain-token, context: {cluster: plain, user: tok}}
- {name: plain-password, context: {cluster: plain, user: pw}}
- {name: plain-anonymous, context: {cluster: plain}}
- {name: tls-token, context: {cluster: tls, user: tok}}
)");
    QString error;
    const auto config = Kubeconfig::loadFiles({file}, true, &error);
    QVERIFY2(config, qPrintable(error));
    for (const char *name : {"plain-token", "plain-password"}) {
        const auto c = config->resolve(QString::fromLatin1(name), &error);
        QVERIFY2(c, qPrintable(error));
        const QString warning = Kubeconfig::plainTextCredentialWarning(*c);
        QVERIFY2(warning.contains(u"http://") && warning.contains(QString::fromLatin1(name)),
                 qPrintable(warning));
        QVERIFY(!warning.contains(u"plain-123"));
    }
    for (const char *name : {"plain-anonymous", "tls-token"}) {
        const auto c = config->resolve(QString::fromLatin1(name), &error);
        QVERIFY2(c, qPrintable(error));
        QVERIFY(Kubeconfig::plainTextCredentialWarning(*c).isEmpty());
    }
}

void TestKubeconfig::execValidation()
{
    const QString file = write(QStringLiteral("exec/config"), R"(
clusters:
- {name: c, cluster: {server: "https://c.example"}}
users:
- {name: v1-no-mode, user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: kubelogin}}}
- {name: old, user: {exec: {apiVersion: client.authentication.k8s.io/v1alpha1, command: kubelogin}}}
- {name: noversion, user: {exec: {command: kubelogin}}}
- {name: nocommand, user: {exec: {apiVersion: client.authentication.k8s.io/v1, interactiveMode: Never}}}
- {name: badmode, user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: x, interactiveMode: Sometimes}}}
contexts:
- {name: a, context: {cluster: c, user: v1-no-mode}}
- {name: b, context: {cluster: c, user: old}}
- {name: d, context: {cluster: c, user: noversion}}
- {name: e, context: {cluster: c, user: nocommand}}
- {name: f, context: {cluster: c, user: badmode}}
)");
    QString error;
    const auto config = Kubeconfig::loadFiles({file}, true, &error);
    QVERIFY2(config, qPrintable(error));
    const QList<std::pair<const char *, const char *>> cases = {
        {"a", "interactiveMode must be specified for v1-no-mode"},
        {"b", "v1alpha1"},
        {"d", "has no apiVersion"},
        {"e", "has no command"},
        {"f", "Sometimes"}};
    for (const auto &[ctx, expected] : cases) {
        QVERIFY(!config->resolve(QString::fromLatin1(ctx), &error));
        QVERIFY2(error.contains(QString::fromLatin1(expected)), qPrintable(error));
    }
}

void TestKubeconfig::authProviders()
{
    const QString file = write(QStringLiteral("oidc/config"), R"(
clusters:
- {name: c, cluster: {server: "https://c.example"}}
users:
- name: oidc-user
  user:
    auth-provider:
      name: oidc
      config: {client-id: k8s, id-token: eyJhbGciOi.payload.sig, idp-issuer-url: "https://issuer", refresh-token: r}
- name: oidc-empty
  user: {auth-provider: {name: oidc, config: {client-id: k8s}}}
- name: gcp-user
  user: {auth-provider: {name: gcp, config: {access-token: ya29.secret}}}
contexts:
- {name: o, context: {cluster: c, user: oidc-user}}
- {name: oe, context: {cluster: c, user: oidc-empty}}
- {name: g, context: {cluster: c, user: gcp-user}}
)");
    QString error;
    const auto config = Kubeconfig::loadFiles({file}, true, &error);
    QVERIFY2(config, qPrintable(error));
    const auto o = config->resolve(QStringLiteral("o"), &error);
    QVERIFY2(o, qPrintable(error));
    QCOMPARE(o->token, QStringLiteral("eyJhbGciOi.payload.sig"));
    QVERIFY(!config->resolve(QStringLiteral("oe"), &error));
    QVERIFY2(error.contains(u"id-token"), qPrintable(error));
    QVERIFY(!config->resolve(QStringLiteral("g"), &error));
    QVERIFY2(error.contains(u"gcp") && error.contains(u"gke-gcloud-auth-plugin"),
             qPrintable(error));
    QVERIFY(!error.contains(u"ya29.secret"));
}

void TestKubeconfig::missingFiles()
{
    QString error;
    const QString missing = m_dir.filePath(QStringLiteral("nowhere/config"));
    const auto none = Kubeconfig::loadFiles({missing}, false, &error);
    QVERIFY(none);
    QVERIFY(none->contexts().isEmpty());
    QVERIFY(none->loadedFiles().isEmpty());
    QVERIFY(!none->resolve(QString(), &error));
    QVERIFY(!Kubeconfig::loadFiles({missing}, true, &error));
    QVERIFY2(error.contains(missing), qPrintable(error));
    const QString empty = write(QStringLiteral("empty/config"), "");
    QVERIFY(Kubeconfig::loadFiles({empty}, true, &error));
    // A file that is there but cannot be read is an error even when it is not the first one.
    // A directory in its place cannot be read by anyone, root included (CI runs as root); a
    // file without read permission only by others.
    const QString directory = m_dir.filePath(QStringLiteral("directory/config"));
    QVERIFY(QDir().mkpath(directory));
    error.clear();
    QVERIFY(!Kubeconfig::loadFiles({empty, directory}, false, &error));
    QVERIFY2(error.contains(directory), qPrintable(error));
    const QString unreadable = write(QStringLiteral("unreadable/config"), "clusters: []\n");
    QFile::setPermissions(unreadable, QFileDevice::Permissions());
    if (!QFileInfo(unreadable).isReadable()) {
        error.clear();
        QVERIFY(!Kubeconfig::loadFiles({unreadable}, false, &error));
        QVERIFY2(error.contains(unreadable), qPrintable(error));
    }
}

QTEST_GUILESS_MAIN(TestKubeconfig)
#include "tst_kubeconfig.moc"

// ExecCredentialProvider with real plugin processes: small /bin/sh scripts written by the test
// that print an ExecCredential and count their runs in a file.
#include "kubeapi/config/execcredential.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <QtTest>
#include <unistd.h>

using namespace kube;

class TestExec final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void foundThroughLoginShellPath();
    void cachedUntilExpiry();
    void shortExpiryRerunsAfterExpiry();
    void invalidateAfter401Reruns();
    void concurrentRequestsShareOneRun();
    void execInfoAndEnv();
    void clientCertificateCredential();
    void missingBinaryShowsInstallHint();
    void nonZeroExit();
    void badOutput_data();
    void badOutput();
    void timeout();
    void interactiveAlwaysWithoutTerminal();
    void endlessOutputIsCut();
    void loginPromptArrivesWhileThePluginRuns();

private:
    QString script(const QString &name, const QByteArray &body);
    ClusterConnection connection(const QString &command) const;
    int runsRecorded() const;

    QTemporaryDir m_dir;
};

QString TestExec::script(const QString &name, const QByteArray &body)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("#!/bin/sh\n" + body);
    f.close();
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

ClusterConnection TestExec::connection(const QString &command) const
{
    ClusterConnection c;
    c.contextName = QStringLiteral("ctx");
    c.userName = QStringLiteral("exec-user");
    c.server = QUrl(QStringLiteral("https://127.0.0.1:6443"));
    c.certificateAuthorityPem = "-----BEGIN CERTIFICATE-----\nY2E=\n-----END CERTIFICATE-----\n";
    c.hasExec = true;
    c.exec.apiVersion = QStringLiteral("client.authentication.k8s.io/v1");
    c.exec.command = command;
    c.exec.interactiveMode = QStringLiteral("Never");
    c.exec.env = {{QStringLiteral("COUNT_FILE"), m_dir.filePath(QStringLiteral("count"))},
                  {QStringLiteral("INFO_FILE"), m_dir.filePath(QStringLiteral("info.json"))}};
    return c;
}

int TestExec::runsRecorded() const
{
    QFile f(m_dir.filePath(QStringLiteral("count")));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return f.readAll().trimmed().toInt();
}

// Counts its runs, saves KUBERNETES_EXEC_INFO, and prints a token whose expiry is
// $EXPIRES_IN seconds from now ("past" = already expired, "" = no expiry).
static const QByteArray kTokenPlugin = R"(
n=$(cat "$COUNT_FILE" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "$COUNT_FILE"
printf '%s' "$KUBERNETES_EXEC_INFO" > "$INFO_FILE"
case "$EXPIRES_IN" in
  past) exp='"expirationTimestamp":"2001-01-01T00:00:00Z",' ;;
  "") exp='' ;;
  *) exp="\"expirationTimestamp\":\"$(date -u -d "+$EXPIRES_IN seconds" +%Y-%m-%dT%H:%M:%SZ)\"," ;;
esac
printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{%s"token":"tok-%s"}}\n' "$exp" "$n"
echo "plugin says hello" >&2
)";

void TestExec::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(!script(QStringLiteral("token-plugin"), kTokenPlugin).isEmpty());
}

void TestExec::foundThroughLoginShellPath()
{
    // A desktop launcher's PATH lacks the plugin's folder; the login shell's PATH has it.
    QDir(m_dir.path()).mkpath(QStringLiteral("loginbin"));
    script(QStringLiteral("loginbin/login-only-plugin"), kTokenPlugin);
    const QString shell = script(QStringLiteral("fake-login-shell"),
                                 "printf '\\n__KLARSICHT_PATH__=%s\\n' '"
                                     + m_dir.filePath(QStringLiteral("loginbin")).toUtf8() + "'\n");
    const QByteArray savedShell = qgetenv("SHELL");
    qputenv("SHELL", shell.toUtf8());
    ExecCredentialProvider provider(connection(QStringLiteral("login-only-plugin")));
    QSignalSpy ready(&provider, &ExecCredentialProvider::credentialReady);
    QSignalSpy failed(&provider, &ExecCredentialProvider::failed);
    provider.request();
    QTRY_VERIFY_WITH_TIMEOUT(ready.size() + failed.size() > 0, 20000);
    qputenv("SHELL", savedShell);
    QVERIFY2(failed.isEmpty(),
             failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QCOMPARE(ready.first().first().value<ExecCredential>().token, QStringLiteral("tok-1"));
    QVERIFY(ExecCredentialProvider::searchPath(m_dir.filePath(QStringLiteral("loginbin")))
                .contains(m_dir.filePath(QStringLiteral("loginbin"))));
    QFile::remove(m_dir.filePath(QStringLiteral("count")));
}

void TestExec::cachedUntilExpiry()
{
    QFile::remove(m_dir.filePath(QStringLiteral("count")));
    auto conn = connection(m_dir.filePath(QStringLiteral("token-plugin")));
    conn.exec.env.append({QStringLiteral("EXPIRES_IN"), QStringLiteral("3600")});
    ExecCredentialProvider provider(conn);
    QSignalSpy ready(&provider, &ExecCredentialProvider::credentialReady);
    QSignalSpy messages(&provider, &ExecCredentialProvider::pluginMessage);
    provider.request();
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 20000);
    const auto first = ready.first().first().value<ExecCredential>();
    QCOMPARE(first.token, QStringLiteral("tok-1"));
    QVERIFY(first.expiry.isValid());
    QVERIFY(messages.contains(QVariantList{QStringLiteral("plugin says hello")}));
    // Within its lifetime the cache answers, and the plugin is not started again.
    provider.request();
    QTRY_COMPARE(ready.size(), 2);
    QCOMPARE(ready.last().first().value<ExecCredential>().token, QStringLiteral("tok-1"));
    QCOMPARE(provider.runCount(), 1);
    QCOMPARE(runsRecorded(), 1);

    // An already expired credential is never served from the cache.
    QFile::remove(m_dir.filePath(QStringLiteral("count")));
    auto expired = connection(m_dir.filePath(QStringLiteral("token-plugin")));
    expired.exec.env.append({QStringLiteral("EXPIRES_IN"), QStringLiteral("past")});
    ExecCredentialProvider p2(expired);
    QSignalSpy ready2(&p2, &ExecCredentialProvider::credentialReady);
    p2.request();
    QTRY_COMPARE_WITH_TIMEOUT(ready2.size(), 1, 20000);
    QVERIFY(!p2.cached());
    p2.request();
    QTRY_COMPARE_WITH_TIMEOUT(ready2.size(), 2, 20000);
    QCOMPARE(ready2.last().first().value<ExecCredential>().token, QStringLiteral("tok-2"));
    QCOMPARE(p2.runCount(), 2);
}

void TestExec::shortExpiryRerunsAfterExpiry()
{
    QFile::remove(m_dir.filePath(QStringLiteral("count")));
    auto conn = connection(m_dir.filePath(QStringLiteral("token-plugin")));
    conn.exec.env.append({QStringLiteral("EXPIRES_IN"), QStringLiteral("2")});
    ExecCredentialProvider provider(conn);
    QSignalSpy ready(&provider, &ExecCredentialProvider::credentialReady);
    provider.request();
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 20000);
    QCOMPARE(ready.first().first().value<ExecCredential>().token, QStringLiteral("tok-1"));
    // Wait for the expiry to pass (no assertion on how long that takes).
    QTRY_VERIFY_WITH_TIMEOUT(!provider.cached(), 15000);
    provider.request();
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 20000);
    QCOMPARE(ready.last().first().value<ExecCredential>().token, QStringLiteral("tok-2"));
    QCOMPARE(runsRecorded(), 2);
}

void TestExec::invalidateAfter401Reruns()
{
    QFile::remove(m_dir.filePath(QStringLiteral("count")));
    ExecCredentialProvider provider(
        connection(m_dir.filePath(QStringLiteral("token-plugin")))); // no expiry
    QSignalSpy ready(&provider, &ExecCredentialProvider::credentialReady);
    provider.request();
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 20000);
    QVERIFY(!ready.first().first().value<ExecCredential>().expiry.isValid());
    QVERIFY(provider.cached());
    provider.invalidate(); // the server answered 401
    QVERIFY(!provider.cached());
    provider.request();
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 20000);
    QCOMPARE(ready.last().first().value<ExecCredential>().token, QStringLiteral("tok-2"));
}

void TestExec::concurrentRequestsShareOneRun()
{
    QFile::remove(m_dir.filePath(QStringLiteral("count")));
    ExecCredentialProvider provider(connection(m_dir.filePath(QStringLiteral("token-plugin"))));
    QSignalSpy ready(&provider, &ExecCredentialProvider::credentialReady);
    provider.request();
    provider.request();
    provider.request();
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 20000);
    QCOMPARE(provider.runCount(), 1);
    QCOMPARE(runsRecorded(), 1);
}

void TestExec::execInfoAndEnv()
{
    auto conn = connection(m_dir.filePath(QStringLiteral("token-plugin")));
    conn.exec.provideClusterInfo = true;
    conn.tlsServerName = QStringLiteral("api.internal");
    ExecCredentialProvider provider(conn);
    QSignalSpy ready(&provider, &ExecCredentialProvider::credentialReady);
    provider.request();
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 20000);
    QFile f(m_dir.filePath(QStringLiteral("info.json")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject info = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(info[u"kind"].toString(), QStringLiteral("ExecCredential"));
    QCOMPARE(info[u"apiVersion"].toString(), QStringLiteral("client.authentication.k8s.io/v1"));
    const QJsonObject spec = info[u"spec"].toObject();
    QVERIFY(spec.contains(u"interactive"));
    QCOMPARE(spec[u"interactive"].toBool(), false); // interactiveMode Never
    const QJsonObject cluster = spec[u"cluster"].toObject();
    QCOMPARE(cluster[u"server"].toString(), QStringLiteral("https://127.0.0.1:6443"));
    QCOMPARE(cluster[u"tls-server-name"].toString(), QStringLiteral("api.internal"));
    QCOMPARE(QByteArray::fromBase64(cluster[u"certificate-authority-data"].toString().toLatin1()),
             conn.certificateAuthorityPem);
}

void TestExec::clientCertificateCredential()
{
    const QString plugin = script(QStringLiteral("cert-plugin"), R"(
printf '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"clientCertificateData":"-----BEGIN CERTIFICATE-----\\nQQ==\\n-----END CERTIFICATE-----\\n","clientKeyData":"-----BEGIN PRIVATE KEY-----\\nQg==\\n-----END PRIVATE KEY-----\\n"}}'
)");
    auto conn = connection(plugin);
    conn.exec.apiVersion = QStringLiteral("client.authentication.k8s.io/v1beta1");
    ExecCredentialProvider provider(conn);
    QSignalSpy ready(&provider, &ExecCredentialProvider::credentialReady);
    provider.request();
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 20000);
    const auto c = ready.first().first().value<ExecCredential>();
    QVERIFY(c.token.isEmpty());
    QVERIFY(c.clientCertificatePem.startsWith("-----BEGIN CERTIFICATE-----\n"));
    QVERIFY(c.clientKeyPem.contains("PRIVATE KEY"));
}

void TestExec::missingBinaryShowsInstallHint()
{
    auto conn = connection(QStringLiteral("kubelogin-that-is-not-installed"));
    conn.exec.installHint = QStringLiteral(
        "Install kubelogin: https://azure.github.io/kubelogin/install.html");
    ExecCredentialProvider provider(conn);
    QSignalSpy failed(&provider, &ExecCredentialProvider::failed);
    provider.request();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    const QString error = failed.first().first().toString();
    QVERIFY2(error.contains(u"kubelogin-that-is-not-installed"), qPrintable(error));
    QVERIFY2(error.contains(u"not found"), qPrintable(error));
    QVERIFY2(error.contains(conn.exec.installHint), qPrintable(error));
    QCOMPARE(provider.runCount(), 0);

    // The same with a path to a file that does not exist.
    ExecCredentialProvider byPath(connection(m_dir.filePath(QStringLiteral("no/such/plugin"))));
    QSignalSpy failed2(&byPath, &ExecCredentialProvider::failed);
    byPath.request();
    QTRY_COMPARE_WITH_TIMEOUT(failed2.size(), 1, 20000);
    QVERIFY(failed2.first().first().toString().contains(u"not found"));
}

void TestExec::nonZeroExit()
{
    const QString plugin = script(QStringLiteral("failing-plugin"),
                                  "echo 'error: AADSTS50076: login required' >&2\nexit 3\n");
    ExecCredentialProvider provider(connection(plugin));
    QSignalSpy failed(&provider, &ExecCredentialProvider::failed);
    provider.request();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    const QString error = failed.first().first().toString();
    QVERIFY2(error.contains(u"exit code 3"), qPrintable(error));
    QVERIFY2(error.contains(u"login required"), qPrintable(error));
    QVERIFY(!provider.cached());
}

void TestExec::badOutput_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not json") << QByteArray("secret-token-abc")
                              << QStringLiteral("did not print an ExecCredential");
    QTest::newRow("no status") << QByteArray(
        R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential"})")
                               << QStringLiteral("didn't return a status field");
    QTest::newRow("empty status") << QByteArray(
        R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{}})")
                                  << QStringLiteral("didn't return a token or cert/key pair");
    QTest::newRow("cert only") << QByteArray(
        R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"clientCertificateData":"x"}})")
                               << QStringLiteral("only certificate or key");
    QTest::newRow("wrong apiVersion") << QByteArray(
        R"({"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"secret-token-abc"}})")
                                      << QStringLiteral("apiVersion");
    QTest::newRow("wrong kind") << QByteArray(
        R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"Pod","status":{"token":"secret-token-abc"}})")
                                << QStringLiteral("kind");
    QTest::newRow("bad expiry") << QByteArray(
        R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"secret-token-abc","expirationTimestamp":"soon"}})")
                                << QStringLiteral("expirationTimestamp");
}

void TestExec::badOutput()
{
    QFETCH(QByteArray, output);
    QFETCH(QString, expected);
    QFile out(m_dir.filePath(QStringLiteral("output.txt")));
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(output);
    out.close();
    const QString plugin = script(QStringLiteral("bad-plugin"),
                                  "cat '" + out.fileName().toUtf8() + "'\n");
    ExecCredentialProvider provider(connection(plugin));
    QSignalSpy failed(&provider, &ExecCredentialProvider::failed);
    provider.request();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    const QString error = failed.first().first().toString();
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY2(!error.contains(u"secret-token-abc"),
             "the error text must never quote the credential");
}

void TestExec::timeout()
{
    const QString plugin = script(QStringLiteral("slow-plugin"), "exec sleep 30\n");
    ExecCredentialProvider provider(connection(plugin));
    provider.setTimeoutMs(300);
    QSignalSpy failed(&provider, &ExecCredentialProvider::failed);
    provider.request();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    QVERIFY2(failed.first().first().toString().contains(u"did not answer"),
             qPrintable(failed.first().first().toString()));
    QVERIFY(!provider.isRunning());
}

void TestExec::interactiveAlwaysWithoutTerminal()
{
    if (isatty(0))
        QSKIP("stdin is a terminal here; interactiveMode Always would be allowed");
    auto conn = connection(m_dir.filePath(QStringLiteral("token-plugin")));
    conn.exec.interactiveMode = QStringLiteral("Always");
    ExecCredentialProvider provider(conn);
    QSignalSpy failed(&provider, &ExecCredentialProvider::failed);
    provider.request();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    QVERIFY(failed.first().first().toString().contains(u"interactive"));
    QCOMPARE(provider.runCount(), 0);
}

void TestExec::endlessOutputIsCut()
{
    // A broken plugin that never stops writing: killed past 1 MiB, not buffered without end.
    ExecCredentialProvider provider(
        connection(script(QStringLiteral("endless"), "exec yes 0123456789abcdef\n")));
    QSignalSpy failed(&provider, &ExecCredentialProvider::failed);
    provider.request();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    const QString error = failed.first().first().toString();
    QVERIFY2(error.contains(u"more than 1024 KiB"), qPrintable(error));
    QVERIFY(!provider.isRunning());
}

void TestExec::loginPromptArrivesWhileThePluginRuns()
{
    // A device-code login: the prompt is news while the plugin still waits for the person.
    ExecCredentialProvider provider(connection(script(
        QStringLiteral("devicecode"),
        "echo 'To sign in, open https://login.example/device and enter the code ABCD-1234' >&2\n"
        "sleep 2\n"
        "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",'"
        "'\"status\":{\"token\":\"tok-device\"}}'\n")));
    QSignalSpy messages(&provider, &ExecCredentialProvider::pluginMessage);
    QSignalSpy ready(&provider, &ExecCredentialProvider::credentialReady);
    provider.request();
    QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 1, 10000);
    QVERIFY(messages.first().first().toString().contains(u"ABCD-1234"));
    QVERIFY(provider.isRunning());
    QCOMPARE(ready.size(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 20000);
    QCOMPARE(ready.first().first().value<ExecCredential>().token, QStringLiteral("tok-device"));
}

QTEST_GUILESS_MAIN(TestExec)
#include "tst_exec.moc"

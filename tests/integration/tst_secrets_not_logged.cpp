// Credentials never leak (issue 12): with a message handler that records every log line at
// every level (debug included), sessions with client keys, tokens, a wrong token, basic auth
// and exec plugins run against the demo cluster, fail where they must, and `klarsicht snapshot`
// and `klarsicht capture` run with debug logging. No token, password or client key line may
// appear in any log line, error text, state text, the snapshot file or the command output.
#include "models/cluster/clustersession.h"
#include "models/cluster/clusterstore.h"
#include "tst_client_support.h"

#include <QDir>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QtTest>

using kube::InformerBase;

namespace {

QMutex g_mutex;
QStringList g_lines;

void recordMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    QMutexLocker lock(&g_mutex);
    g_lines << message;
}

} // namespace

class TestSecretsNotLogged final : public QObject
{
    Q_OBJECT
private:
    // A plugin that answers with `token` (exit 0), or says something on stderr and fails.
    QString plugin(const QString &name, const QByteArray &token, bool fail)
    {
        const QString path = m_cluster.dir() + u'/' + name;
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        if (fail) {
            f.write("#!/bin/sh\necho 'login failed: the device code expired' >&2\nexit 1\n");
        } else {
            f.write("#!/bin/sh\necho 'opening a browser for the sign-in' >&2\n"
                    "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\","
                    "\"kind\":\"ExecCredential\",\"status\":{\"token\":\""
                    + token + "\"}}'\n");
        }
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return path;
    }
    kube::ClusterConnection execConnection(const QString &script) const
    {
        kube::ClusterConnection c = m_cluster.execConnection(script);
        c.contextName = QStringLiteral("exec");
        return c;
    }
    void runCommand(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(KLARSICHT_APP), args);
        QVERIFY(p.waitForStarted());
        QVERIFY(p.waitForFinished(180000));
        m_texts << QString::fromUtf8(p.readAllStandardOutput())
                << QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitCode() == 0, qPrintable(m_texts.last()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        qInstallMessageHandler(recordMessage);
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        QString error;
        if (!m_cluster.start({QStringLiteral("--preset"), QStringLiteral("workshop")}, &error))
            QFAIL(qPrintable(QStringLiteral("cannot start the demo cluster: ") + error));
        for (const kube::KubeconfigUser &u : m_cluster.config().users()) {
            if (!u.token.isEmpty())
                m_secrets << u.token;
            // Every line of the key's PEM body is a secret on its own.
            for (const QByteArray &line : u.clientKeyData.split('\n')) {
                if (line.size() >= 32 && !line.startsWith("-----"))
                    m_secrets << QString::fromLatin1(line);
            }
        }
        m_secrets << m_wrongToken << m_password << QString::fromLatin1(m_execToken);
        QVERIFY(m_secrets.size() >= 5);
    }

    void sessionsAndTheirErrors()
    {
        QList<kube::ClusterConnection> connections;
        for (const char *context : {"demo", "demo-token", "demo-viewer"})
            connections << m_cluster.connection(QString::fromLatin1(context));
        kube::ClusterConnection wrong = m_cluster.connection(QStringLiteral("demo-token"));
        wrong.token = m_wrongToken;
        connections << wrong;
        kube::ClusterConnection basic = m_cluster.connection(QStringLiteral("demo-token"));
        basic.token.clear();
        basic.username = QStringLiteral("alice");
        basic.password = m_password;
        connections << basic;
        connections << execConnection(plugin(QStringLiteral("ok.sh"), m_execToken, false))
                    << execConnection(plugin(QStringLiteral("fails.sh"), {}, true));

        std::vector<std::unique_ptr<ClusterStore>> stores;
        std::vector<std::unique_ptr<ClusterSession>> sessions;
        for (const kube::ClusterConnection &c : std::as_const(connections)) {
            stores.push_back(std::make_unique<ClusterStore>());
            sessions.push_back(std::make_unique<ClusterSession>(c, stores.back().get()));
            sessions.back()->start();
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(sessions.begin(), sessions.end(),
                                             [](const auto &s) { return s->allSettled(); }),
                                 60000);
        QTest::qWait(1000);
        QVERIFY(stores[0]->podCount() > 0); // the good ones did read the cluster
        int failing = 0;
        for (const auto &s : sessions) {
            for (const InformerBase *i : s->informers()) {
                m_texts << ClusterSession::stateText(*i) << i->lastError().explanation()
                        << i->lastError().toLogString();
                failing += i->lastError().isOk() ? 0 : 1;
            }
            m_texts << s->stateSummary();
        }
        QVERIFY(failing > 0); // wrong token, basic auth, the failing plugin, the viewer's 403s
    }

    void snapshotAndCapture()
    {
        const QString snapshot = m_cluster.dir() + QStringLiteral("/s.json");
        runCommand({QStringLiteral("snapshot"), QStringLiteral("-o"), snapshot,
                    QStringLiteral("--kubeconfig"), m_cluster.kubeconfigPath,
                    QStringLiteral("--context"), QStringLiteral("demo-token"),
                    QStringLiteral("--samples"), QStringLiteral("1")});
        QFile f(snapshot);
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_texts << QString::fromUtf8(f.readAll());
        QVERIFY(m_texts.last().size() > 1000);
        const QString out = m_cluster.dir() + QStringLiteral("/capture");
        runCommand({QStringLiteral("capture"), QStringLiteral("--out"), out,
                    QStringLiteral("--kubeconfig"), m_cluster.kubeconfigPath,
                    QStringLiteral("--context"), QStringLiteral("demo"), QStringLiteral("--settle"),
                    QStringLiteral("1")});
        const QStringList pngs = QDir(out).entryList({QStringLiteral("*.png")});
        QVERIFY(!pngs.isEmpty());
        for (const QString &png : pngs) {
            QFile image(out + u'/' + png);
            QVERIFY(image.open(QIODevice::ReadOnly));
            m_texts << QString::fromLatin1(image.readAll());
        }
    }

    void noSecretAnywhere()
    {
        QStringList lines;
        {
            QMutexLocker lock(&g_mutex);
            lines = g_lines;
        }
        // The handler saw the client at work (debug lines of lists and watches), so an empty
        // check cannot pass by accident.
        QVERIFY2(lines.size() > 50, qPrintable(QString::number(lines.size())));
        const QStringList all = lines + m_texts;
        for (const QString &secret : std::as_const(m_secrets)) {
            for (const QString &text : all)
                QVERIFY2(!text.contains(secret),
                         qPrintable(QStringLiteral("a secret appears in: ") + text.left(300)));
        }
    }

    void cleanupTestCase()
    {
        m_cluster.stop();
        qInstallMessageHandler(nullptr);
    }

private:
    clienttest::DemoCluster m_cluster;
    QStringList m_secrets;
    QStringList m_texts;
    const QString m_wrongToken = QStringLiteral("wrong-token-7Hq2ZkP9xWv4");
    const QString m_password = QStringLiteral("pa55-word-Yt6rEw3q");
    const QByteArray m_execToken = "exec-token-Lm8nBv5cXz1a";
};

QTEST_GUILESS_MAIN(TestSecretsNotLogged)
#include "tst_secrets_not_logged.moc"

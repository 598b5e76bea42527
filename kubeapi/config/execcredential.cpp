#include "kubeapi/config/execcredential.h"

#include "kubeapi/logging.h"
#include "kubeapi/objects/rfc3339.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <unistd.h>

namespace kube {

namespace {

// The login shell's PATH, asked once per process (a desktop launcher's PATH often lacks
// ~/.local/bin, Homebrew or SDK folders where kubelogin, aws or gcloud plugins live).
std::optional<QString> s_loginShellPath;
bool s_loginShellQueryRunning = false;

const char kPathMarker[] = "__KLARSICHT_PATH__=";

// The last lines of the plugin's stderr for an error message, bounded in size.
QString stderrTail(const QByteArray &err)
{
    QString text = QString::fromUtf8(err).trimmed();
    if (text.size() > 600)
        text = QStringLiteral("…") + text.right(600);
    return text;
}

} // namespace

ExecCredentialProvider::ExecCredentialProvider(const ClusterConnection &connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{
    qRegisterMetaType<kube::ExecCredential>();
}

ExecCredentialProvider::~ExecCredentialProvider()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
        delete m_process;
    }
}

std::optional<ExecCredential> ExecCredentialProvider::cached() const
{
    if (!m_cache)
        return std::nullopt;
    if (m_cache->expiry.isValid() && QDateTime::currentDateTimeUtc() >= m_cache->expiry)
        return std::nullopt;
    return m_cache;
}

void ExecCredentialProvider::invalidate()
{
    m_cache.reset();
}

void ExecCredentialProvider::request()
{
    if (const auto c = cached()) {
        const ExecCredential credential = *c;
        QTimer::singleShot(0, this, [this, credential] { emit credentialReady(credential); });
        return;
    }
    if (m_process || m_pending)
        return; // the running plugin answers everyone
    start();
}

QStringList ExecCredentialProvider::searchPath(const QString &loginShellPath)
{
    QStringList dirs = qEnvironmentVariable("PATH").split(u':', Qt::SkipEmptyParts);
    const QString home = QDir::homePath();
    const QStringList extra = loginShellPath.split(u':', Qt::SkipEmptyParts)
                              + QStringList{home + QStringLiteral("/.local/bin"),
                                            home + QStringLiteral("/bin"),
                                            home + QStringLiteral("/go/bin"),
                                            home + QStringLiteral("/.krew/bin"),
                                            home + QStringLiteral("/google-cloud-sdk/bin"),
                                            QStringLiteral("/usr/local/bin"),
                                            QStringLiteral("/opt/homebrew/bin"),
                                            QStringLiteral("/snap/bin"),
                                            QStringLiteral("/usr/bin"),
                                            QStringLiteral("/bin")};
    for (const QString &d : extra) {
        if (!dirs.contains(d))
            dirs.append(d);
    }
    return dirs;
}

void ExecCredentialProvider::start()
{
    const QString command = m_connection.exec.command;
    if (command.contains(u'/')) {
        startWithPath(searchPath(s_loginShellPath.value_or(QString())));
        return;
    }
    const QStringList path = searchPath(s_loginShellPath.value_or(QString()));
    if (!QStandardPaths::findExecutable(command, path).isEmpty() || s_loginShellPath) {
        startWithPath(path);
        return;
    }
    // Not in our PATH: ask the login shell once, then try again.
    m_pending = true;
    queryLoginShellPath();
}

void ExecCredentialProvider::queryLoginShellPath()
{
    if (s_loginShellQueryRunning) {
        QTimer::singleShot(50, this, &ExecCredentialProvider::queryLoginShellPath);
        return;
    }
    QString shell = qEnvironmentVariable("SHELL");
    if (shell.isEmpty() || !QFileInfo(shell).isExecutable())
        shell = QStringLiteral("/bin/sh");
    s_loginShellQueryRunning = true;
    auto *p = new QProcess(this);
    p->setStandardInputFile(QProcess::nullDevice());
    p->setProgram(shell);
    p->setArguments({QStringLiteral("-l"), QStringLiteral("-c"),
                     QStringLiteral("printf '\\n%s%s\\n' '") + QLatin1String(kPathMarker)
                         + QStringLiteral("' \"$PATH\"")});
    auto done = [this, p] {
        if (!s_loginShellQueryRunning)
            return;
        s_loginShellQueryRunning = false;
        QString found;
        const QString out = QString::fromLocal8Bit(p->readAllStandardOutput());
        for (const QString &line : out.split(u'\n')) {
            if (line.startsWith(QLatin1String(kPathMarker)))
                found = line.mid(int(sizeof(kPathMarker)) - 1);
        }
        s_loginShellPath = found;
        p->deleteLater();
        m_pending = false;
        startWithPath(searchPath(found));
    };
    connect(p, &QProcess::finished, this, done);
    connect(p, &QProcess::errorOccurred, this, [p, done](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            done();
        else
            p->kill();
    });
    // A profile that waits for input must not hold the credential up for long.
    QTimer::singleShot(5000, p, [p] { p->kill(); });
    p->start();
}

QByteArray ExecCredentialProvider::execInfo(bool interactive) const
{
    nlohmann::json spec = {{"interactive", interactive}};
    if (m_connection.exec.provideClusterInfo) {
        nlohmann::json cluster = {{"server", m_connection.server.toString().toStdString()}};
        if (!m_connection.certificateAuthorityPem.isEmpty())
            cluster["certificate-authority-data"] =
                m_connection.certificateAuthorityPem.toBase64().toStdString();
        if (!m_connection.tlsServerName.isEmpty())
            cluster["tls-server-name"] = m_connection.tlsServerName.toStdString();
        if (m_connection.insecureSkipTlsVerify)
            cluster["insecure-skip-tls-verify"] = true;
        if (!m_connection.proxyUrl.isEmpty())
            cluster["proxy-url"] = m_connection.proxyUrl.toString().toStdString();
        spec["cluster"] = cluster;
    }
    const nlohmann::json info = {{"kind", "ExecCredential"},
                                 {"apiVersion", m_connection.exec.apiVersion.toStdString()},
                                 {"spec", spec}};
    return QByteArray::fromStdString(info.dump());
}

void ExecCredentialProvider::startWithPath(const QStringList &path)
{
    const ExecConfig &exec = m_connection.exec;
    QString program = exec.command;
    if (!program.contains(u'/'))
        program = QStandardPaths::findExecutable(exec.command, path);
    else if (!QFileInfo(program).isExecutable())
        program.clear();
    if (program.isEmpty()) {
        QString message = tr("exec: executable %1 not found (user “%2”; searched PATH and your "
                             "login shell’s PATH). "
                             "It looks like you are trying to use a client-go credential plugin "
                             "that is not installed.")
                              .arg(exec.command, m_connection.userName);
        if (!exec.installHint.isEmpty())
            message += u'\n' + exec.installHint.trimmed();
        finishWithError(message);
        return;
    }

    // stdin only when a person can answer on a terminal (interactiveMode, client-go rules).
    const bool haveTerminal = isatty(STDIN_FILENO) == 1;
    const bool interactive = exec.interactiveMode != u"Never" && haveTerminal;
    if (exec.interactiveMode == u"Always" && !haveTerminal) {
        finishWithError(
            tr("exec: the credential plugin %1 of user “%2” needs an interactive terminal "
               "(interactiveMode: Always); run it once in a terminal or start Klarsicht from one")
                .arg(exec.command, m_connection.userName));
        return;
    }

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"), path.join(u':'));
    for (const auto &[name, value] : exec.env)
        env.insert(name, value);
    env.insert(QStringLiteral("KUBERNETES_EXEC_INFO"), QString::fromUtf8(execInfo(interactive)));

    m_program = program;
    m_stdout.clear();
    m_stderr.clear();
    m_timedOut = false;
    m_tooMuchOutput = false;
    m_process = new QProcess(this);
    m_process->setProcessEnvironment(env);
    m_process->setProgram(program);
    m_process->setArguments(exec.args);
    if (interactive)
        m_process->setInputChannelMode(QProcess::ForwardedInputChannel);
    else
        m_process->setStandardInputFile(QProcess::nullDevice());
    connect(m_process, &QProcess::readyReadStandardOutput, this, [this] {
        m_stdout += m_process->readAllStandardOutput();
        if (m_stdout.size() > kMaxStdout && !m_tooMuchOutput) {
            // An ExecCredential is a few KiB: a plugin that writes megabytes is broken.
            m_tooMuchOutput = true;
            m_stdout.clear();
            m_process->kill();
        }
    });
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        const QByteArray chunk = m_process->readAllStandardError();
        m_stderr += chunk;
        if (m_stderr.size() > 64 * 1024)
            m_stderr = m_stderr.right(64 * 1024);
        for (const QByteArray &line : chunk.split('\n')) {
            if (!line.trimmed().isEmpty())
                emit pluginMessage(QString::fromUtf8(line).trimmed());
        }
    });
    connect(m_process, &QProcess::finished, this, &ExecCredentialProvider::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        finishWithError(tr("exec: executable %1 could not be started: %2")
                            .arg(m_program, m_process->errorString()));
    });
    QTimer::singleShot(m_timeoutMs, m_process, [this] {
        m_timedOut = true;
        m_process->kill();
    });
    ++m_runs;
    qCDebug(lcKubeApi) << "running exec credential plugin" << program; // never its output
    m_process->start();
}

void ExecCredentialProvider::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (!m_process)
        return;
    m_stdout += m_process->readAllStandardOutput();
    if (m_tooMuchOutput) {
        m_stdout.clear();
        finishWithError(tr("exec: executable %1 wrote more than %2 KiB to standard output; "
                           "an ExecCredential is much smaller")
                            .arg(m_program)
                            .arg(kMaxStdout / 1024));
        return;
    }
    if (m_timedOut) {
        finishWithError(tr("exec: executable %1 did not answer within %n second(s)", nullptr,
                           std::max(1, m_timeoutMs / 1000))
                            .arg(m_program));
        return;
    }
    if (status != QProcess::NormalExit || exitCode != 0) {
        QString message =
            status == QProcess::NormalExit
                ? tr("exec: executable %1 failed with exit code %2").arg(m_program).arg(exitCode)
                : tr("exec: executable %1 crashed").arg(m_program);
        const QString tail = stderrTail(m_stderr);
        if (!tail.isEmpty())
            message += u'\n' + tail;
        finishWithError(message);
        return;
    }
    ExecCredential credential;
    QString error;
    if (!parseOutput(m_stdout, &credential, &error)) {
        finishWithError(error);
        return;
    }
    m_process->deleteLater();
    m_process = nullptr;
    m_stdout.clear(); // holds a secret
    m_cache = credential;
    emit credentialReady(credential);
}

void ExecCredentialProvider::finishWithError(const QString &error)
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->deleteLater();
        m_process = nullptr;
    }
    m_stdout.clear();
    m_pending = false;
    // Queued so request() never reports synchronously.
    QTimer::singleShot(0, this, [this, error] { emit failed(error); });
}

bool ExecCredentialProvider::parseOutput(const QByteArray &bytes, ExecCredential *out,
                                         QString *error) const
{
    const QString prefix = tr("exec plugin %1").arg(m_connection.exec.command);
    const nlohmann::json j = nlohmann::json::parse(bytes.begin(), bytes.end(), nullptr, false);
    // Never quote the output: it may hold a token.
    if (!j.is_object()) {
        *error = tr("%1 did not print an ExecCredential JSON object").arg(prefix);
        return false;
    }
    auto str = [](const nlohmann::json &o, const char *key) -> QString {
        const auto it = o.find(key);
        return it != o.end() && it->is_string() ? QString::fromStdString(it->get<std::string>())
                                                : QString();
    };
    if (str(j, "kind") != u"ExecCredential") {
        *error = tr("%1 printed an object whose kind is not ExecCredential").arg(prefix);
        return false;
    }
    const QString apiVersion = str(j, "apiVersion");
    if (apiVersion != m_connection.exec.apiVersion) {
        *error = tr("%1 answered with apiVersion %2, but the kubeconfig asks for %3")
                     .arg(prefix, apiVersion, m_connection.exec.apiVersion);
        return false;
    }
    const auto status = j.find("status");
    if (status == j.end() || !status->is_object()) {
        *error = tr("%1 didn't return a status field").arg(prefix);
        return false;
    }
    out->token = str(*status, "token");
    out->clientCertificatePem = str(*status, "clientCertificateData").toUtf8();
    out->clientKeyPem = str(*status, "clientKeyData").toUtf8();
    if (out->clientCertificatePem.isEmpty() != out->clientKeyPem.isEmpty()) {
        *error = tr("%1 returned only certificate or key, not both").arg(prefix);
        return false;
    }
    if (out->token.isEmpty() && out->clientCertificatePem.isEmpty()) {
        *error = tr("%1 didn't return a token or cert/key pair").arg(prefix);
        return false;
    }
    const QString expiry = str(*status, "expirationTimestamp");
    if (!expiry.isEmpty()) {
        const Timestamp t = parseRfc3339(QStringView(expiry));
        if (!t.isValid()) {
            *error =
                tr("%1 returned an expirationTimestamp that is not an RFC 3339 time").arg(prefix);
            return false;
        }
        out->expiry = t.toDateTime();
    }
    return true;
}

} // namespace kube

#include "app/demolauncher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#endif

namespace {
constexpr int kPollMs = 100;
constexpr int kMaxPolls = 1200; // the large preset may take up to a minute to seed
} // namespace

DemoLauncher::DemoLauncher(QObject *parent)
    : QObject(parent)
{}

DemoLauncher::~DemoLauncher()
{
    stop();
}

QString DemoLauncher::executable()
{
    const QString name = QStringLiteral("klarsicht-demo-cluster");
    const QString beside = QDir(QCoreApplication::applicationDirPath()).filePath(name);
    if (QFileInfo(beside).isExecutable())
        return beside;
    return QStandardPaths::findExecutable(name);
}

QString DemoLauncher::exportLine() const
{
    return QStringLiteral("export KUBECONFIG=") + m_kubeconfig;
}

void DemoLauncher::start(const QString &preset, const QStringList &extraArguments)
{
    stop();
    const QString program = executable();
    if (program.isEmpty()) {
        Q_EMIT failed(tr("The demo cluster program klarsicht-demo-cluster was not found next to "
                         "Klarsicht or on PATH."));
        return;
    }
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath()
                                            + QStringLiteral("/klarsicht-demo-XXXXXX"));
    if (!m_dir->isValid()) {
        Q_EMIT failed(tr("Could not create a temporary folder for the demo cluster: %1")
                          .arg(m_dir->errorString()));
        return;
    }
    m_kubeconfig = m_dir->filePath(QStringLiteral("kubeconfig"));
    m_ready = false;
    m_polls = 0;
    m_stderr.clear();

    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        // Only the end is shown when it fails: a chatty server must not grow this without end.
        constexpr qsizetype kKeep = 16 * 1024;
        m_stderr += m_process->readAllStandardError();
        if (m_stderr.size() > kKeep)
            m_stderr = m_stderr.right(kKeep);
    });
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus) {
        if (!m_ready)
            Q_EMIT failed(tr("The demo cluster stopped (exit code %1): %2")
                              .arg(code)
                              .arg(QString::fromUtf8(m_stderr.trimmed().right(500))));
    });
    QStringList arguments{QStringLiteral("--port"),           QStringLiteral("0"),
                          QStringLiteral("--kubeconfig-out"), m_kubeconfig,
                          QStringLiteral("--preset"),         preset};
    arguments += extraArguments;
#ifdef Q_OS_LINUX
    // Should Klarsicht die without running its destructors (SIGKILL, a crash), the kernel stops
    // the demo cluster too instead of leaving a server running.
    const pid_t parent = ::getpid();
    m_process->setChildProcessModifier([parent] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent) // Klarsicht was already gone before prctl
            ::_exit(1);
    });
#endif
    m_process->start(program, arguments);
    QTimer::singleShot(kPollMs, this, &DemoLauncher::poll);
}

void DemoLauncher::poll()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    // The server writes the kubeconfig once it listens; an empty file is still being written.
    if (QFileInfo(m_kubeconfig).size() > 0) {
        m_ready = true;
        Q_EMIT ready(m_kubeconfig);
        return;
    }
    if (++m_polls >= kMaxPolls) {
        Q_EMIT failed(tr("The demo cluster did not start within %n seconds.", nullptr,
                         kMaxPolls * kPollMs / 1000));
        stop();
        return;
    }
    QTimer::singleShot(kPollMs, this, &DemoLauncher::poll);
}

void DemoLauncher::stop()
{
    if (!m_process)
        return;
    m_process->disconnect(this);
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(3000))
            m_process->kill();
        m_process->waitForFinished(1000);
    }
    delete m_process;
    m_process = nullptr;
}

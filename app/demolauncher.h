#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// Starts the built-in demo cluster (klarsicht-demo-cluster) as a child process on a free loopback
// port and reports the kubeconfig it wrote, so the app can connect to it like to any cluster.
class DemoLauncher final : public QObject
{
    Q_OBJECT
public:
    explicit DemoLauncher(QObject *parent = nullptr);
    ~DemoLauncher() override;

    // The demo cluster executable: next to klarsicht, else on PATH. Empty if not found.
    static QString executable();

    // Starts the server with `--preset preset` plus `extraArguments`; emits ready() or failed().
    void start(const QString &preset, const QStringList &extraArguments = {});
    void stop();

    QString kubeconfigPath() const { return m_kubeconfig; }
    // The line a trainer pastes into a terminal to drive the same cluster with kubectl.
    QString exportLine() const;

Q_SIGNALS:
    void ready(const QString &kubeconfigPath);
    void failed(const QString &message);

private:
    void poll();

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess *m_process = nullptr;
    QString m_kubeconfig;
    QByteArray m_stderr;
    int m_polls = 0;
    bool m_ready = false;
};

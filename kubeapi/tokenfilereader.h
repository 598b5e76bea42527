#pragma once

// A kubeconfig `tokenFile`, re-read when the file changes (projected service-account tokens
// rotate on disk), so the client always sends the current token.
#include <QDateTime>
#include <QString>

namespace kube {

class TokenFileReader final
{
public:
    explicit TokenFileReader(const QString &path) : m_path(path) {}

    // The trimmed token; re-reads the file when its size or modification time changed.
    // "" and *error (naming the file, never its content) when it cannot be read or is empty.
    QString token(QString *error);
    QString path() const { return m_path; }

private:
    QString m_path;
    QString m_token;
    QDateTime m_modified;
    qint64 m_size = -1;
};

} // namespace kube

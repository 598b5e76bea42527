#include "kubeapi/tokenfilereader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace kube {

QString TokenFileReader::token(QString *error)
{
    const QFileInfo info(m_path);
    if (!m_token.isEmpty() && info.exists() && info.lastModified() == m_modified && info.size() == m_size)
        return m_token;
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("Kubeconfig", "Cannot read the token file %1: %2")
                         .arg(m_path, f.errorString());
        return {};
    }
    m_token = QString::fromUtf8(f.readAll()).trimmed();
    m_modified = info.lastModified();
    m_size = info.size();
    if (m_token.isEmpty() && error)
        *error = QCoreApplication::translate("Kubeconfig", "The token file %1 is empty").arg(m_path);
    return m_token;
}

} // namespace kube

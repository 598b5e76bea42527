#pragma once

// A scripted HTTP/1.1 server on loopback that plays the API server for the informer unit tests:
// each request is answered by the test's handler, watches stay open until the test sends lines,
// ends or drops them. Plus the JSON the handlers answer with.
#include "kubeapi/config/clusterconnection.h"

#include <QHash>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <utility>

namespace scripted {

struct Request
{
    QString path;
    QUrlQuery query;
    QTcpSocket *socket = nullptr;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    bool isWatch() const { return query.queryItemValue(QStringLiteral("watch")) == u"true"; }
};

// Answers each request with what the test's handler returns; watches stay open until the test
// sends lines, ends or drops them.
class ScriptedServer final : public QObject
{
public:
    std::function<void(ScriptedServer &, const Request &)> handler;
    QList<Request> requests;
    QPointer<QTcpSocket> watchSocket; // the last watch opened
    QList<QPointer<QTcpSocket>> watchSockets;

    ScriptedServer()
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }

    void reply(QTcpSocket *s, int code, const QByteArray &body, const QByteArray &extra = {})
    {
        s->write("HTTP/1.1 " + QByteArray::number(code) + " X\r\nContent-Type: application/json\r\n"
                 + extra + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n"
                 + body);
    }
    void openWatch(QTcpSocket *s)
    {
        watchSocket = s;
        watchSockets.append(s);
        s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                 "Transfer-Encoding: chunked\r\n\r\n");
    }
    void send(const QByteArray &line)
    {
        const QByteArray data = line + '\n';
        watchSocket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
    }
    void endWatch() { watchSocket->write("0\r\n\r\n"); }
    void dropWatch() { watchSocket->abort(); }
    // Drops every watch opened so far.
    void dropWatches()
    {
        for (const QPointer<QTcpSocket> &socket : std::exchange(watchSockets, {})) {
            if (socket)
                socket->abort();
        }
    }

private:
    void onData(QTcpSocket *s)
    {
        QByteArray &buffer = m_buffers[s];
        buffer += s->readAll();
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buffer.left(end);
            buffer.remove(0, end + 4);
            const QList<QByteArray> lines = head.split('\n');
            const QList<QByteArray> parts = lines.first().split(' ');
            const QUrl url(QString::fromUtf8(parts.value(1)));
            Request r{url.path(), QUrlQuery(url), s, {}};
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    r.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                     lines[i].mid(colon + 1).trimmed());
            }
            requests.append(r);
            handler(*this, r);
        }
    }
    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

// JSON written with single quotes for readability (moc cannot read raw string literals).
inline QByteArray q(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

inline QByteArray pod(const char *uid, const char *rv, const char *ns = "default")
{
    return q("{'kind':'Pod','apiVersion':'v1','metadata':{'name':'pod-") + uid
           + q("','namespace':'") + ns + q("','uid':'") + uid + q("','resourceVersion':'") + rv
           + q("'},'status':{'phase':'Running'}}");
}

inline QByteArray podList(const QList<QByteArray> &items, const char *rv,
                          const QByteArray &next = {})
{
    QByteArray meta = q("'resourceVersion':'") + rv + '"';
    if (!next.isEmpty())
        meta += q(",'continue':'") + next + '"';
    QByteArray body = q("{'kind':'PodList','apiVersion':'v1','metadata':{") + meta
                      + q("},'items':[");
    for (qsizetype i = 0; i < items.size(); ++i)
        body += (i ? "," : "") + items[i];
    return body + "]}";
}

inline QByteArray watchEvent(const char *type, const QByteArray &object)
{
    return q("{'type':'") + type + q("','object':") + object + "}";
}

inline QByteArray status(int code, const char *reason)
{
    return q("{'kind':'Status','apiVersion':'v1','metadata':{},'status':'Failure','message':'m','"
             "reason':'")
           + reason + q("','code':") + QByteArray::number(code) + "}";
}

inline kube::ClusterConnection connectionTo(const QUrl &url, const QString &ns = {})
{
    kube::ClusterConnection c;
    c.contextName = QStringLiteral("scripted");
    c.server = url;
    c.defaultNamespace = ns;
    c.token = QStringLiteral("t0ken-never-logged");
    return c;
}

} // namespace scripted

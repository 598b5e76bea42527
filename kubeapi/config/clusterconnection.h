#pragma once

// Everything needed to reach one cluster, resolved from a kubeconfig context (kubeconfig.*) and
// consumed by the REST/watch client (apiclient.*). Holds secrets: never log or print it.
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace kube {

struct ExecConfig
{
    QString apiVersion; // client.authentication.k8s.io/v1 or /v1beta1
    QString command;    // resolved against the kubeconfig's folder if it holds a path separator
    QStringList args;
    QList<QPair<QString, QString>> env;
    QString interactiveMode; // Never, IfAvailable, Always
    QString installHint;
    bool provideClusterInfo = false;
};

struct ClusterConnection
{
    QString contextName;
    QString clusterName;
    QString userName;
    QString defaultNamespace; // the context's namespace, "" = none set

    QUrl server;
    QByteArray certificateAuthorityPem; // from certificate-authority(-data); empty = system CAs
    bool insecureSkipTlsVerify = false;
    QString tlsServerName;
    QUrl proxyUrl;

    QByteArray clientCertificatePem;
    QByteArray clientKeyPem;
    QString token;     // static token or OIDC id-token
    QString tokenFile; // re-read when it changes
    QString username;
    QString password;
    bool hasExec = false;
    ExecConfig exec;
};

} // namespace kube

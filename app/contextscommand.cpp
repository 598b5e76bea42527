#include "app/contextscommand.h"

#include "kubeapi/config/kubeconfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>
#include <cstdio>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ContextsCommand)
};

// Go's text/tabwriter as kubectl configures it (minwidth 6, padding 3, blanks): every cell but
// the last of a line is padded to its column's width; the last cell is written as is.
QString tabulate(const QList<QStringList> &rows)
{
    constexpr int minWidth = 6;
    constexpr int padding = 3;
    QList<int> widths;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i + 1 < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(minWidth);
            // Go counts runes (code points), not UTF-16 units.
            const int w = int(row[i].toUcs4().size()) + padding;
            widths[i] = std::max(widths[i], w);
        }
    }
    QString out;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            out += row[i];
            if (i + 1 < row.size())
                out += QString(widths[i] - int(row[i].toUcs4().size()), u' ');
        }
        out += u'\n';
    }
    return out;
}

} // namespace

int runContextsCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Lists the contexts of the kubeconfig like kubectl config get-contexts."));
    const QCommandLineOption kubeconfigOption(
        QStringLiteral("kubeconfig"),
        Tr::tr("Use this kubeconfig file instead of KUBECONFIG or ~/.kube/config."),
        Tr::tr("file"));
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
                                          Tr::tr("Output format: only “name” is supported."),
                                          Tr::tr("format"));
    const QCommandLineOption noHeadersOption(QStringLiteral("no-headers"),
                                             Tr::tr("Do not print the header line."));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        Tr::tr("Show this help."));
    parser.addOptions({kubeconfigOption, outputOption, noHeadersOption, helpOption});
    parser.addPositionalArgument(QStringLiteral("name"), Tr::tr("Only these contexts."),
                                 Tr::tr("[NAME...]"));
    if (!parser.parse(QStringList{QStringLiteral("klarsicht contexts")} + arguments)) {
        err << Tr::tr("error: %1").arg(parser.errorText()) << '\n';
        err.flush();
        return 1;
    }
    if (parser.isSet(helpOption)) {
        out << parser.helpText();
        out.flush();
        return 0;
    }
    const bool nameOnly = parser.isSet(outputOption);
    if (nameOnly && parser.value(outputOption) != u"name") {
        err << Tr::tr("error: output must be one of '' or 'name': %1")
                   .arg(parser.value(outputOption))
            << '\n';
        err.flush();
        return 1;
    }

    QString error;
    const auto config = kube::Kubeconfig::load(parser.value(kubeconfigOption), &error);
    if (!config) {
        err << Tr::tr("error: %1").arg(error) << '\n';
        err.flush();
        return 1;
    }

    QStringList names;
    QStringList errors;
    const QStringList wanted = parser.positionalArguments();
    if (wanted.isEmpty()) {
        for (const auto &c : config->contexts())
            names.append(c.name);
    } else {
        for (const QString &name : wanted) {
            if (config->context(name))
                names.append(name);
            else
                errors.append(Tr::tr("context %1 not found").arg(name));
        }
    }
    // kubectl sorts with Go's byte-wise string order.
    std::sort(names.begin(), names.end(),
              [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });

    if (nameOnly) {
        for (const QString &name : std::as_const(names))
            out << name << '\n';
    } else {
        QList<QStringList> rows;
        if (!parser.isSet(noHeadersOption))
            rows.append({QStringLiteral("CURRENT"), QStringLiteral("NAME"),
                         QStringLiteral("CLUSTER"), QStringLiteral("AUTHINFO"),
                         QStringLiteral("NAMESPACE")});
        for (const QString &name : std::as_const(names)) {
            const kube::KubeconfigContext *c = config->context(name);
            rows.append({name == config->currentContext() ? QStringLiteral("*") : QString(), name,
                         c->cluster, c->user, c->namespaceName});
        }
        out << tabulate(rows);
    }
    out.flush();
    if (!errors.isEmpty()) {
        err << Tr::tr("error: %1")
                   .arg(errors.size() == 1 ? errors.first()
                                           : QLatin1Char('[') + errors.join(QStringLiteral(", "))
                                                 + QLatin1Char(']'))
            << '\n';
        err.flush();
        return 1;
    }
    return 0;
}

int runContextsCommand(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    return runContextsCommand(arguments, out, err);
}

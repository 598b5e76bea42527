#include "app/capturecommand.h"

#include "app/appcontroller.h"
#include "models/insights/insightsmodel.h"
#include "models/insights/insightsproxy.h"
#include "views/language.h"
#include "views/mainwindow.h"
#include "views/pages/insightspage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QTabWidget>
#include <QTextStream>
#include <QTimer>
#include <QTreeView>

#include <cmath>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CaptureCommand)
};

void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// The first row of `kind` in the page's (proxy) tree, depth first; preferably one with restarts,
// since a container that restarts is what a support engineer opens first.
QModelIndex findRow(const QAbstractItemModel *model, InsightsModel::ItemKind kind,
                    int restartsColumn, const QModelIndex &parent = {})
{
    QModelIndex first;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data(InsightsModel::KindRole).toInt() == int(kind)) {
            if (restartsColumn < 0
                || index.siblingAtColumn(restartsColumn).data(Qt::DisplayRole).toInt() > 0)
                return index;
            if (!first.isValid())
                first = index;
        }
        if (const QModelIndex below = findRow(model, kind, restartsColumn, index);
            below.isValid()) {
            if (restartsColumn < 0
                || below.siblingAtColumn(restartsColumn).data(Qt::DisplayRole).toInt() > 0)
                return below;
            if (!first.isValid())
                first = below;
        }
    }
    return first;
}
} // namespace

int runCaptureCommand(const QStringList &arguments)
{
    QTextStream err(stderr);
    QTextStream out(stdout);
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Renders each tab of Klarsicht to a PNG file."));
    parser.addHelpOption();
    AppOptions::addTo(parser);
    const QCommandLineOption outOption(QStringLiteral("out"), Tr::tr("Folder for the PNG files."),
                                       Tr::tr("folder"));
    const QCommandLineOption waitOption(QStringLiteral("wait"),
                                        Tr::tr("Longest wait for data, in seconds (default 60)."),
                                        Tr::tr("seconds"), QStringLiteral("60"));
    const QCommandLineOption settleOption(
        QStringLiteral("settle"),
        Tr::tr("Seconds to let metrics arrive after the objects have loaded (default 5)."),
        Tr::tr("seconds"), QStringLiteral("5"));
    parser.addOptions({outOption, waitOption, settleOption});
    parser.process(QStringList{QStringLiteral("klarsicht capture")} + arguments);
    if (!parser.isSet(outOption)) {
        err << Tr::tr("klarsicht capture: the output folder is missing (--out DIR).") << Qt::endl;
        return 2;
    }
    AppOptions options = AppOptions::from(parser);
    if (!options.invalid.isEmpty()) {
        err << Tr::tr("klarsicht capture: %1").arg(options.invalid) << Qt::endl;
        return 2;
    }
    options.interactive = false;
    if (options.openFile.isEmpty() && options.context.isEmpty() && options.kubeconfig.isEmpty())
        options.demo = true;
    const QString language = Language::resolve(options.language);
    Language::instance().set(language);

    const QDir dir(parser.value(outOption));
    if (!QDir().mkpath(dir.absolutePath())) {
        err << Tr::tr("Cannot create the folder %1.").arg(dir.absolutePath()) << Qt::endl;
        return 1;
    }

    AppController controller(options);
    QString failure;
    QEventLoop loading;
    QObject::connect(&controller, &AppController::loaded, &loading, &QEventLoop::quit);
    QObject::connect(&controller, &AppController::failed, &loading, [&](const QString &message) {
        failure = message;
        loading.quit();
    });
    QTimer::singleShot(parser.value(waitOption).toInt() * 1000, &loading, &QEventLoop::quit);
    controller.window()->resize(1500, 900);
    controller.showWindow();
    controller.start();
    if (!controller.isLoaded() && failure.isEmpty())
        loading.exec();
    if (!failure.isEmpty()) {
        err << failure << Qt::endl;
        return 1;
    }
    if (!controller.isLoaded()) {
        err << Tr::tr("No data arrived within %n seconds.", nullptr,
                      parser.value(waitOption).toInt())
            << Qt::endl;
        return 1;
    }
    settle(parser.value(settleOption).toInt() * 1000);

    QTabWidget *tabs = controller.window()->tabs();
    static const char *const names[] = {"cluster", "namespaces", "nodes", "controllers",
                                        "containers"};
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        settle(300);
        const QString name = i < int(std::size(names)) ? QString::fromLatin1(names[i])
                                                       : QStringLiteral("tab%1").arg(i);
        const QString path = dir.filePath(name + u'-' + language + QStringLiteral(".png"));
        if (!controller.window()->grab().save(path)) {
            err << Tr::tr("Cannot write %1.").arg(path) << Qt::endl;
            return 1;
        }
        out << path << Qt::endl;
    }

    // The details pane for each kind of row: a node, a controller, a pod and a container.
    struct Detail
    {
        MainWindow::Tab tab;
        InsightsModel::ItemKind kind;
        const char *name;
    };
    static const Detail details[] = {
        {MainWindow::NodesTab, InsightsModel::ItemKind::Node, "details-node"},
        {MainWindow::ControllersTab, InsightsModel::ItemKind::Controller, "details-controller"},
        {MainWindow::ControllersTab, InsightsModel::ItemKind::Pod, "details-pod"},
        {MainWindow::ContainersTab, InsightsModel::ItemKind::Container, "details-container"},
    };
    for (const Detail &d : details) {
        InsightsPage *page = controller.window()->page(d.tab);
        if (!page)
            continue;
        tabs->setCurrentIndex(d.tab);
        const int restarts = page->model()->section(InsightsModel::Column::Restarts);
        const QModelIndex index = findRow(page->proxy(), d.kind, restarts);
        if (!index.isValid())
            continue;
        for (QModelIndex up = index.parent(); up.isValid(); up = up.parent())
            page->view()->expand(up);
        page->view()->setCurrentIndex(index);
        page->view()->scrollTo(index);
        settle(300);
        const QString path = dir.filePath(QString::fromLatin1(d.name) + u'-' + language
                                          + QStringLiteral(".png"));
        if (!controller.window()->grab().save(path)) {
            err << Tr::tr("Cannot write %1.").arg(path) << Qt::endl;
            return 1;
        }
        out << path << Qt::endl;
    }

    // A namespace last (choosing it sets the namespace filter): the one whose quota is fullest.
    if (InsightsPage *page = controller.window()->page(MainWindow::NamespacesTab)) {
        tabs->setCurrentIndex(MainWindow::NamespacesTab);
        const QAbstractItemModel *model = page->proxy();
        const int quota = page->model()->section(InsightsModel::Column::Quota);
        QModelIndex best;
        double fullest = -1;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            const double used =
                index.siblingAtColumn(quota).data(InsightsModel::RawRole).toDouble();
            if (!best.isValid() || (!std::isnan(used) && used > fullest)) {
                best = index;
                fullest = std::isnan(used) ? fullest : used;
            }
        }
        if (best.isValid()) {
            page->view()->setCurrentIndex(best);
            settle(1000); // the access review answers
            const QString path = dir.filePath(QStringLiteral("details-namespace-") + language
                                              + QStringLiteral(".png"));
            if (!controller.window()->grab().save(path)) {
                err << Tr::tr("Cannot write %1.").arg(path) << Qt::endl;
                return 1;
            }
            out << path << Qt::endl;
        }
    }
    return 0;
}

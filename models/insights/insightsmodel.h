#pragma once

// The tree every insights tab is made of: top-level rows (nodes, controllers, or containers
// when the tab is flat) over pods over containers, kept up to date incrementally from a
// ClusterStore (batched inserts and removes, never a reset but on a new store), with a cache
// of each row's metric cell. The tabs are its subclasses: NodesModel, ControllersModel and
// ContainersModel say how pods are grouped and which columns show; the cells are in
// insightscells.cpp. Metric cells come from MetricsHistory for the chosen metric, statistic
// and time range.
#include "models/insights/thresholds.h"
#include "models/metrics/metricshistory.h"
#include "models/metrics/percentiles.h"
#include "models/metrics/timerange.h"
#include "models/metrics/trenddata.h"
#include "models/metrics/utilisation.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class ClusterStore;
namespace kube {
struct Pod;
}

class InsightsModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    // Column identities; which ones a tab shows (and in which order) is columns().
    enum class Column {
        Name,
        Namespace,
        Status,
        Percent,
        Value,
        Containers,
        Uptime,
        Controller,
        Node,
        Pod,
        Restarts,
        Trend,
        // The Namespaces tab (NamespacesModel answers their cells for namespace rows).
        Pods,            // pods by phase
        RestartsInRange, // container restarts within the time range
        Requests,        // CPU and memory requests summed
        Limits,          // CPU and memory limits summed
        Quota,           // ResourceQuota used/hard (QuotaRole)
        LimitRange,      // LimitRange present, its defaults in the tool tip
        Network,         // NetworkPolicy isolation in words
        Labels,          // label chips (LabelsRole)
        Age,             // since creation
    };
    enum class ItemKind {
        Node,
        Unscheduled,
        OtherProcesses,
        Controller,
        NoController,
        Pod,
        Container,
        Namespace,
    };
    enum Role {
        // The raw figure of a cell for sorting and painting: double for metric columns (NaN =
        // no figure), qint64 ms for Uptime (-1 = unknown), int for counts and Status (severity),
        // QString for names.
        RawRole = Qt::UserRole + 1,
        KindRole,         // ItemKind as int
        KeyRole,          // node name / controller id ("ns/Kind/name") / pod UID / container name
        PodUidRole,       // the pod of a pod or container row, else ""
        NamespaceRole,    // namespace of controller, pod and container rows
        NodeNameRole,     // node of node, pod and container rows
        ControllerIdRole, // top-level controller of controller, pod and container rows
        SeverityRole,     // RowStatus::Severity as int (Status column colour)
        HealthRole,       // HealthStatus as int of the Percent cell (OK/Warning/Critical/…)
        TrendRole,        // TrendData of the row (Trend column; any column answers it)
        // Drill-down target of a Node/Controller/Pod cell: "node:<name>", "controller:<id>",
        // "pod:<uid>"; invalid where the cell does not link.
        DrillRole,
        SortLastRole, // true for the pseudo rows (unscheduled, no controller) kept at the end
        QuotaRole,    // QList<QuotaUsage> of a namespace row (Quota column)
        LabelsRole,   // QStringList "key=value" (Labels column)
    };
    Q_ENUM(Role)

    ~InsightsModel() override;

    // Pods under top-level rows (a tree), or one row per container (flat).
    bool grouped() const { return m_grouped; }
    // The Namespaces tab: its rows are what the namespace filter picks from, so it shows every
    // namespace whatever the filter says.
    virtual bool isNamespaceFilter() const { return false; }
    // Starts showing `feed` (built from its current content with one reset, like a context
    // switch); nullptr empties the model.
    void setStore(ClusterStore *feed);
    void setHistory(const MetricsHistory *history);
    void setMetric(Metric metric);
    void setStatistic(Statistic statistic);
    void setTimeRange(TimeRange range);
    // % of limit (a container without one: of its node's allocatable) or % of request.
    void setPercentBasis(Denominator basis);
    void setThresholds(const Thresholds &thresholds);
    Metric metric() const { return m_metric; }
    Statistic statistic() const { return m_statistic; }
    TimeRange timeRange() const { return m_range; }
    // MetricsHistory received new samples: metric, restart and uptime cells change in place.
    void metricsUpdated();
    // Re-emit every translated text (language switch): headers and display roles.
    void retranslate();

    // Store changes are applied after `ms` (0 = next event loop turn) in one batch.
    void setCoalesceInterval(int ms) { m_flushTimer.setInterval(ms); }
    // Applies pending feed changes now (tests, and before reading the model synchronously).
    void flush();
    // The clock for uptimes and the time window (tests pin it).
    void setClock(std::function<qint64()> clock);
    qint64 now() const { return m_clock(); }

    const QList<Column> &columns() const { return m_columns; }
    int section(Column column) const { return int(m_columns.indexOf(column)); }
    QModelIndex indexOfPod(const QString &uid, int column = 0) const;

    // What the proxy sorts on, read once per row instead of through six QVariant data() calls
    // per comparison (300,000 rows take ~5.4 million comparisons).
    struct SortKey
    {
        bool last = false;  // pseudo rows (unscheduled, no controller)
        bool other = false; // "Other processes"
        QVariant raw;       // RawRole of the sorted cell
        QString name;       // RawRole of the Name cell, the first tie-break
        QString ns;         // namespace, the second tie-break
    };
    SortKey sortKey(const QModelIndex &index) const;
    // Typed shortcuts for the proxy's filter (same as KindRole, KeyRole, PodUidRole and the
    // Name column's display text), without QVariant round trips.
    ItemKind kindAt(const QModelIndex &index) const { return itemOf(index)->kind; }
    const QString &keyAt(const QModelIndex &index) const { return itemOf(index)->key; }
    const QString &podUidAt(const QModelIndex &index) const { return itemOf(index)->podUid; }
    QString nameAt(const QModelIndex &index) const;
    QModelIndex indexOfGroup(const QString &key, int column = 0) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    // The clock moved on (every 30 s): uptimes below the top level read differently now
    // without a dataChanged of their own; views repaint.
    void clockAdvanced();

protected:
    // `grouped` false: a flat list of containers, and the grouping hooks below are not asked.
    InsightsModel(QList<Column> columns, bool grouped, QObject *parent);

    // The grouping of a tree tab. The top-level row a pod goes under ("" = the pseudo row of
    // pods without one: unscheduled, no controller).
    virtual QString groupKeyOf(const QString &podUid, const kube::Pod &pod) const;
    // The top-level rows there are even without pods (every node, every controller).
    virtual QList<QString> groupKeys() const;
    // Whether the store still holds the object of a top-level row.
    virtual bool groupExists(const QString &key) const;
    // What a top-level row with this key is.
    virtual ItemKind groupKind(const QString &key) const;
    // Connects the store's signal for changes of top-level objects to onGroupChanged().
    virtual QMetaObject::Connection followGroups(ClusterStore *store);
    void onGroupChanged(const QString &key);
    // A cell of a top-level row that the subclass answers itself (columns only it shows, or
    // its own text for a shared one); nullopt leaves the cell to InsightsModel.
    virtual std::optional<QVariant> groupCell(const QString &key, Column column, int role) const;
    ClusterStore *store() const { return m_store; }
    const MetricsHistory *history() const { return m_history; }
    const Thresholds &thresholds() const { return m_thresholds; }

private:
    struct Cache
    {
        quint64 generation = 0;
        double value = 0;
        Utilisation utilisation;
        bool stale = false;
        bool hasSeries = false;
        TrendData trend;
    };
    struct Item
    {
        ItemKind kind = ItemKind::Node;
        Item *parent = nullptr;
        int row = 0;
        QString key;
        QString podUid;
        std::vector<std::unique_ptr<Item>> children;
        mutable Cache cache;
    };

    void rebuild();
    void schedule();
    void onPodChanged(const QString &uid);
    bool groupWanted(const QString &key) const;
    Item *ensureGroup(const QString &key, QList<Item *> *newGroups);
    std::unique_ptr<Item> makePod(const QString &uid, const kube::Pod &pod, Item *parent) const;
    std::unique_ptr<Item> makeContainer(const QString &uid, const QString &name,
                                        Item *parent) const;
    void syncContainers(Item *pod, const kube::Pod &value);
    // Removes the rows of containers gone; new rows go to *added (the caller appends them all
    // with one insertion) and rows that stay to *kept (announced after the insertion).
    void syncFlatContainers(const QString &uid, const kube::Pod *pod,
                            std::vector<std::unique_ptr<Item>> *added, std::vector<Item *> *kept);
    void removeItem(Item *item);
    void forgetItem(const Item *item);
    void insertChildren(Item *parent, std::vector<std::unique_ptr<Item>> items);
    void emitRowChanged(const Item *item, int firstColumn = 0, const QList<int> &roles = {});
    // The first column a live update can change: names and namespaces before it never change
    // for a row (a pod's name, namespace and containers are immutable), so an update does not
    // make a view sorted by name re-sort.
    int liveColumn() const { return section(Column::Status); }
    void emitColumnsChanged(const Item *parent, int first, int last, const QList<int> &roles);
    QModelIndex indexOf(const Item *item, int column) const;
    Item *itemOf(const QModelIndex &index) const;

    // Cells (insightscells.cpp).
    QVariant cell(const Item *item, Column column, int role) const;
    QVariant nameCell(const Item *item, int role) const;
    QVariant statusCell(const Item *item, int role) const;
    QVariant metricCell(const Item *item, Column column, int role) const;
    QVariant countCell(const Item *item, Column column, int role) const;
    QVariant linkCell(const Item *item, Column column, int role) const;
    QVariant namespaceCell(const Item *item, int role) const;
    QVariant uptimeCell(const Item *item, int role) const;
    const Cache &metrics(const Item *item) const;
    bool seriesKeyOf(const Item *item, SeriesKey *key) const;
    Utilisation utilisationOf(const Item *item, double value) const;
    QList<QString> podsUnder(const Item *item) const;
    qint64 startOf(const Item *item) const;
    QString controllerIdOfItem(const Item *item) const;
    QString nodeOfItem(const Item *item) const;

    QList<Column> m_columns;
    bool m_grouped = true;
    ClusterStore *m_store = nullptr;
    const MetricsHistory *m_history = nullptr;
    Metric m_metric = Metric::Cpu;
    Statistic m_statistic = Statistic::P95;
    TimeRange m_range = TimeRanges::defaultRange();
    Denominator m_basis = Denominator::Limit;
    Thresholds m_thresholds;
    quint64 m_generation = 1;
    std::function<qint64()> m_clock;

    Item m_root;
    QHash<QString, Item *> m_groups;                // grouped modes: key → group row
    QHash<QString, Item *> m_pods;                  // grouped modes: UID → pod row
    QHash<QString, QList<Item *>> m_flatContainers; // flat mode: UID → its container rows
    QSet<QString> m_pendingPods;
    QSet<QString> m_pendingGroups;
    QTimer m_flushTimer;
    QTimer m_clockTimer;
    QList<QMetaObject::Connection> m_storeConnections;
};

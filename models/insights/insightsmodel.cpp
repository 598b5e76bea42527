#include "models/insights/insightsmodel.h"

#include "models/cluster/clusterstore.h"

#include <QDateTime>

#include <algorithm>
#include <map>

InsightsModel::InsightsModel(QList<Column> columns, bool grouped, QObject *parent)
    : QAbstractItemModel(parent)
    , m_columns(std::move(columns))
    , m_grouped(grouped)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_root.kind = ItemKind::Node;
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &InsightsModel::flush);
    // Uptimes grow while nothing else changes.
    m_clockTimer.setInterval(30000);
    connect(&m_clockTimer, &QTimer::timeout, this, [this] {
        // Every uptime grows by the same amount, so no order changes: the top-level rows are
        // announced in one signal (display roles only) and views repaint the rest on
        // clockAdvanced(). Announcing every row of every parent stalled a 300,000-row tree
        // for seconds twice a minute.
        const int s = section(Column::Uptime);
        if (s >= 0 && !m_root.children.empty())
            Q_EMIT dataChanged(index(0, s), index(int(m_root.children.size()) - 1, s),
                               {Qt::DisplayRole, Qt::ToolTipRole});
        Q_EMIT clockAdvanced();
    });
    m_clockTimer.start();
}

InsightsModel::~InsightsModel() = default;

void InsightsModel::setStore(ClusterStore *feed)
{
    for (const auto &c : std::as_const(m_storeConnections))
        disconnect(c);
    m_storeConnections.clear();
    m_store = feed;
    if (feed) {
        m_storeConnections << connect(feed, &ClusterStore::podChanged, this,
                                      &InsightsModel::onPodChanged);
        m_storeConnections << connect(feed, &ClusterStore::cleared, this, &InsightsModel::rebuild);
        m_storeConnections << connect(feed, &QObject::destroyed, this, [this] {
            m_store = nullptr;
            rebuild();
        });
        if (m_grouped)
            m_storeConnections << followGroups(feed);
    }
    rebuild();
}

void InsightsModel::setHistory(const MetricsHistory *history)
{
    m_history = history;
    metricsUpdated();
}

void InsightsModel::setMetric(Metric metric)
{
    if (m_metric == metric)
        return;
    m_metric = metric;
    metricsUpdated();
}

void InsightsModel::setStatistic(Statistic statistic)
{
    if (m_statistic == statistic)
        return;
    m_statistic = statistic;
    metricsUpdated();
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

void InsightsModel::setTimeRange(TimeRange range)
{
    if (m_range == range)
        return;
    m_range = range;
    metricsUpdated();
}

void InsightsModel::setPercentBasis(Denominator basis)
{
    if (m_basis == basis)
        return;
    m_basis = basis;
    metricsUpdated();
}

void InsightsModel::setThresholds(const Thresholds &thresholds)
{
    m_thresholds = thresholds;
    metricsUpdated();
}

void InsightsModel::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
    metricsUpdated();
}

void InsightsModel::metricsUpdated()
{
    ++m_generation;
    const QList<int> roles = {Qt::DisplayRole, Qt::ToolTipRole, RawRole, HealthRole, TrendRole};
    for (Column c :
         {Column::Percent, Column::Value, Column::Trend, Column::Restarts, Column::Uptime}) {
        const int s = section(c);
        if (s >= 0)
            emitColumnsChanged(&m_root, s, s, roles);
    }
}

void InsightsModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    emitColumnsChanged(&m_root, 0, columnCount() - 1, {Qt::DisplayRole, Qt::ToolTipRole});
}

void InsightsModel::rebuild()
{
    m_flushTimer.stop();
    beginResetModel();
    m_root.children.clear();
    m_groups.clear();
    m_pods.clear();
    m_flatContainers.clear();
    m_pendingPods.clear();
    m_pendingGroups.clear();
    ++m_generation;
    if (m_store) {
        // Build without signals: the reset announces it all at once.
        QList<Item *> newGroups;
        if (m_grouped) {
            for (const QString &key : groupKeys())
                ensureGroup(key, &newGroups);
        }
        for (const QString &uid : m_store->podUids()) {
            const kube::Pod *pod = m_store->pod(uid);
            if (grouped()) {
                Item *group = ensureGroup(groupKeyOf(uid, *pod), &newGroups);
                auto item = makePod(uid, *pod, group);
                item->row = int(group->children.size());
                m_pods.insert(uid, item.get());
                group->children.push_back(std::move(item));
            } else {
                QList<Item *> rows;
                for (const auto &c : pod->containers) {
                    auto item = makeContainer(uid, c.name, &m_root);
                    item->row = int(m_root.children.size());
                    rows << item.get();
                    m_root.children.push_back(std::move(item));
                }
                m_flatContainers.insert(uid, rows);
            }
        }
        for (Item *g : std::as_const(newGroups)) {
            g->row = int(m_root.children.size());
            m_root.children.push_back(std::unique_ptr<Item>(g));
        }
    }
    endResetModel();
}

void InsightsModel::schedule()
{
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void InsightsModel::onPodChanged(const QString &uid)
{
    m_pendingPods.insert(uid);
    schedule();
}

void InsightsModel::onGroupChanged(const QString &key)
{
    m_pendingGroups.insert(key);
    schedule();
}

QString InsightsModel::groupKeyOf(const QString &, const kube::Pod &) const
{
    return {};
}

QList<QString> InsightsModel::groupKeys() const
{
    return {};
}

bool InsightsModel::groupExists(const QString &) const
{
    return false;
}

InsightsModel::ItemKind InsightsModel::groupKind(const QString &) const
{
    return ItemKind::Node;
}

QMetaObject::Connection InsightsModel::followGroups(ClusterStore *)
{
    return {};
}

bool InsightsModel::groupWanted(const QString &key) const
{
    const auto it = m_groups.constFind(key);
    if (it != m_groups.cend()) {
        for (const auto &child : (*it)->children) {
            if (child->kind == ItemKind::Pod)
                return true;
        }
    }
    if (!m_store || key.isEmpty())
        return false;
    return groupExists(key);
}

InsightsModel::Item *InsightsModel::ensureGroup(const QString &key, QList<Item *> *newGroups)
{
    if (Item *g = m_groups.value(key))
        return g;
    auto *g = new Item;
    g->parent = &m_root;
    g->key = key;
    g->kind = groupKind(key);
    if (g->kind == ItemKind::Node) {
        auto other = std::make_unique<Item>();
        other->kind = ItemKind::OtherProcesses;
        other->parent = g;
        other->key = key;
        g->children.push_back(std::move(other));
    }
    m_groups.insert(key, g);
    newGroups->append(g);
    return g;
}

std::unique_ptr<InsightsModel::Item> InsightsModel::makePod(const QString &uid,
                                                            const kube::Pod &pod,
                                                            Item *parent) const
{
    auto item = std::make_unique<Item>();
    item->kind = ItemKind::Pod;
    item->parent = parent;
    item->key = uid;
    item->podUid = uid;
    for (const auto &c : pod.containers) {
        auto child = makeContainer(uid, c.name, item.get());
        child->row = int(item->children.size());
        item->children.push_back(std::move(child));
    }
    return item;
}

std::unique_ptr<InsightsModel::Item> InsightsModel::makeContainer(const QString &uid,
                                                                  const QString &name,
                                                                  Item *parent) const
{
    auto item = std::make_unique<Item>();
    item->kind = ItemKind::Container;
    item->parent = parent;
    item->key = name;
    item->podUid = uid;
    return item;
}

void InsightsModel::flush()
{
    m_flushTimer.stop();
    if (!m_store) {
        m_pendingPods.clear();
        m_pendingGroups.clear();
        return;
    }
    const QSet<QString> pods = std::exchange(m_pendingPods, {});
    QSet<QString> groups = std::exchange(m_pendingGroups, {});

    if (!grouped()) {
        // New rows are appended with one insertion per flush: a relist of 300,000 pods is one
        // rowsInserted for the proxy and view, not 300,000 (each of those costs the proxy a
        // pass over its whole mapping).
        std::vector<std::unique_ptr<Item>> added;
        std::vector<Item *> kept;
        for (const QString &uid : pods)
            syncFlatContainers(uid, m_store->pod(uid), &added, &kept);
        insertChildren(&m_root, std::move(added));
        // One dataChanged per run of neighbouring rows (a pod's containers sit together).
        std::sort(kept.begin(), kept.end(),
                  [](const Item *a, const Item *b) { return a->row < b->row; });
        const int live = liveColumn();
        for (size_t i = 0; i < kept.size();) {
            size_t j = i;
            while (j + 1 < kept.size() && kept[j + 1]->row == kept[j]->row + 1)
                ++j;
            Q_EMIT dataChanged(indexOf(kept[i], live), indexOf(kept[j], columnCount() - 1));
            i = j + 1;
        }
        return;
    }

    // 1. Removals and moves, 2. updates in place, 3. new groups and pods in batches.
    std::map<QString, std::vector<std::unique_ptr<Item>>> additions; // group key → new pod rows
    for (const QString &uid : pods) {
        const kube::Pod *pod = m_store->pod(uid);
        Item *existing = m_pods.value(uid);
        const QString want = pod ? groupKeyOf(uid, *pod) : QString();
        if (existing && (!pod || existing->parent->key != want)) {
            groups.insert(existing->parent->key);
            removeItem(existing);
            existing = nullptr;
        }
        if (!pod)
            continue;
        groups.insert(want);
        if (existing) {
            syncContainers(existing, *pod);
            existing->cache.generation = 0;
            emitRowChanged(existing, liveColumn());
        } else {
            additions[want].push_back(makePod(uid, *pod, nullptr));
        }
    }

    QList<Item *> newGroups;
    for (auto &[key, rows] : additions)
        ensureGroup(key, &newGroups);
    for (const QString &key : std::as_const(groups)) {
        if (!m_groups.contains(key) && groupWanted(key))
            ensureGroup(key, &newGroups);
    }
    if (!newGroups.isEmpty()) {
        std::vector<std::unique_ptr<Item>> rows;
        for (Item *g : std::as_const(newGroups))
            rows.push_back(std::unique_ptr<Item>(g));
        insertChildren(&m_root, std::move(rows));
    }
    for (auto &[key, rows] : additions) {
        Item *group = m_groups.value(key);
        for (auto &item : rows) {
            item->parent = group;
            m_pods.insert(item->podUid, item.get());
        }
        insertChildren(group, std::move(rows));
    }
    for (const QString &key : std::as_const(groups)) {
        Item *group = m_groups.value(key);
        if (!group)
            continue;
        if (!groupWanted(key)) {
            removeItem(group);
        } else {
            group->cache.generation = 0;
            if (!group->children.empty()
                && group->children.front()->kind == ItemKind::OtherProcesses) {
                group->children.front()->cache.generation = 0;
                emitRowChanged(group->children.front().get(), liveColumn());
            }
            emitRowChanged(group, liveColumn());
        }
    }
}

void InsightsModel::syncContainers(Item *podItem, const kube::Pod &pod)
{
    QStringList wanted;
    for (const auto &c : pod.containers)
        wanted << c.name;
    // Containers of a pod are immutable in Kubernetes, but a relist may still bring a
    // different pod object under the same UID in malformed data: remove what is gone.
    for (int i = int(podItem->children.size()) - 1; i >= 0; --i) {
        if (!wanted.contains(podItem->children[size_t(i)]->key))
            removeItem(podItem->children[size_t(i)].get());
    }
    std::vector<std::unique_ptr<Item>> added;
    for (const QString &name : std::as_const(wanted)) {
        const bool present = std::any_of(podItem->children.begin(), podItem->children.end(),
                                         [&name](const auto &c) { return c->key == name; });
        if (!present)
            added.push_back(makeContainer(podItem->podUid, name, podItem));
    }
    insertChildren(podItem, std::move(added));
    if (!podItem->children.empty()) {
        for (auto &c : podItem->children)
            c->cache.generation = 0;
        emitColumnsChanged(podItem, liveColumn(), columnCount() - 1, {});
    }
}

void InsightsModel::syncFlatContainers(const QString &uid, const kube::Pod *pod,
                                       std::vector<std::unique_ptr<Item>> *added,
                                       std::vector<Item *> *kept)
{
    QList<Item *> rows = m_flatContainers.value(uid);
    QStringList wanted;
    if (pod) {
        for (const auto &c : pod->containers)
            wanted << c.name;
    }
    for (int i = int(rows.size()) - 1; i >= 0; --i) {
        if (!wanted.contains(rows[i]->key)) {
            removeItem(rows[i]);
            rows.removeAt(i);
        }
    }
    for (Item *row : std::as_const(rows)) {
        row->cache.generation = 0;
        kept->push_back(row);
    }
    for (const QString &name : std::as_const(wanted)) {
        const bool present = std::any_of(rows.cbegin(), rows.cend(),
                                         [&name](const Item *c) { return c->key == name; });
        if (!present) {
            added->push_back(makeContainer(uid, name, &m_root));
            rows << added->back().get();
        }
    }
    if (rows.isEmpty())
        m_flatContainers.remove(uid);
    else
        m_flatContainers.insert(uid, rows);
}

void InsightsModel::insertChildren(Item *parent, std::vector<std::unique_ptr<Item>> items)
{
    if (items.empty())
        return;
    const int first = int(parent->children.size());
    beginInsertRows(indexOf(parent, 0), first, first + int(items.size()) - 1);
    for (auto &item : items) {
        item->parent = parent;
        item->row = int(parent->children.size());
        parent->children.push_back(std::move(item));
    }
    endInsertRows();
}

void InsightsModel::forgetItem(const Item *item)
{
    for (const auto &c : item->children)
        forgetItem(c.get());
    if (item->kind == ItemKind::Pod)
        m_pods.remove(item->podUid);
    else if (item->parent == &m_root && grouped())
        m_groups.remove(item->key);
}

void InsightsModel::removeItem(Item *item)
{
    Item *parent = item->parent;
    const int row = item->row;
    // Pods left in a removed group (never the case for a flush) must not dangle in m_pods.
    forgetItem(item);
    beginRemoveRows(indexOf(parent, 0), row, row);
    parent->children.erase(parent->children.begin() + row);
    for (size_t i = size_t(row); i < parent->children.size(); ++i)
        parent->children[i]->row = int(i);
    endRemoveRows();
}

void InsightsModel::emitRowChanged(const Item *item, int firstColumn, const QList<int> &roles)
{
    const QModelIndex left = indexOf(item, firstColumn);
    Q_EMIT dataChanged(left, left.siblingAtColumn(columnCount() - 1), roles);
}

void InsightsModel::emitColumnsChanged(const Item *parent, int first, int last,
                                       const QList<int> &roles)
{
    if (parent->children.empty() || first < 0)
        return;
    const QModelIndex p = indexOf(parent, 0);
    Q_EMIT dataChanged(index(0, first, p), index(int(parent->children.size()) - 1, last, p), roles);
    for (const auto &child : parent->children)
        emitColumnsChanged(child.get(), first, last, roles);
}

QModelIndex InsightsModel::indexOf(const Item *item, int column) const
{
    if (!item || item == &m_root)
        return {};
    return createIndex(item->row, column, const_cast<Item *>(item));
}

InsightsModel::Item *InsightsModel::itemOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Item *>(index.internalPointer())
                           : const_cast<Item *>(&m_root);
}

QModelIndex InsightsModel::indexOfPod(const QString &uid, int column) const
{
    if (grouped())
        return indexOf(m_pods.value(uid), column);
    const QList<Item *> rows = m_flatContainers.value(uid);
    return rows.isEmpty() ? QModelIndex() : indexOf(rows.first(), column);
}

QModelIndex InsightsModel::indexOfGroup(const QString &key, int column) const
{
    return indexOf(m_groups.value(key), column);
}

QModelIndex InsightsModel::index(int row, int column, const QModelIndex &parent) const
{
    const Item *p = itemOf(parent);
    if (row < 0 || column < 0 || column >= columnCount() || row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex InsightsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(itemOf(child)->parent, 0);
}

int InsightsModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(itemOf(parent)->children.size());
}

int InsightsModel::columnCount(const QModelIndex &) const
{
    return int(m_columns.size());
}

bool InsightsModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant InsightsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_store)
        return {};
    return cell(itemOf(index), m_columns[index.column()], role);
}

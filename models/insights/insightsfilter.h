#pragma once

// The filters of the insight screens as one shared state (namespaces, name search, label
// selector, node, node pool, service, controller, pod): every tab's proxy applies the same one.
#include "models/cluster/labelselector.h"

#include <QObject>
#include <QStringList>

class InsightsFilter final : public QObject
{
    Q_OBJECT
public:
    explicit InsightsFilter(QObject *parent = nullptr);

    // Empty = all namespaces.
    QStringList namespaces() const { return m_namespaces; }
    void setNamespaces(const QStringList &namespaces);
    // Case-insensitive substring of a row's name or the names above it.
    QString nameSearch() const { return m_nameSearch; }
    void setNameSearch(const QString &text);
    // kubectl syntax; on a syntax error the previous selector stays applied, *error says why
    // and false is returned (labelError() keeps the message for the filter bar).
    bool setLabelSelector(const QString &text, QString *error = nullptr);
    QString labelSelectorText() const { return m_labelText; }
    const LabelSelector &labelSelector() const { return m_selector; }
    QString labelError() const { return m_labelError; }
    // Adds `key=value` to the selector (clicking a label chip).
    void addLabel(const QString &key, const QString &value);

    QString node() const { return m_node; }
    void setNode(const QString &name);
    QString nodePool() const { return m_nodePool; }
    void setNodePool(const QString &pool);
    // A Service by "namespace/name": pods its selector matches.
    QString service() const { return m_service; }
    void setService(const QString &namespaceAndName);
    // Top-level controller id ("ns/Kind/name"), from drill-down.
    QString controller() const { return m_controller; }
    void setController(const QString &id);
    // One pod by UID, from drill-down; podName() is what its chip shows.
    QString pod() const { return m_pod; }
    QString podName() const { return m_podName; }
    void setPod(const QString &uid, const QString &name = {});

    // Filters that only pods can satisfy (everything but name, node and node pool).
    bool hasPodFilters() const;
    bool isEmpty() const;
    void clear();

Q_SIGNALS:
    void changed();

private:
    void set(QString &field, const QString &value);

    QStringList m_namespaces;
    QString m_nameSearch;
    QString m_labelText;
    QString m_labelError;
    LabelSelector m_selector;
    QString m_node;
    QString m_nodePool;
    QString m_service;
    QString m_controller;
    QString m_pod;
    QString m_podName;
};

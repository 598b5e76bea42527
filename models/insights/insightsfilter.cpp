#include "models/insights/insightsfilter.h"

InsightsFilter::InsightsFilter(QObject *parent)
    : QObject(parent)
{}

void InsightsFilter::set(QString &field, const QString &value)
{
    if (field == value)
        return;
    field = value;
    Q_EMIT changed();
}

void InsightsFilter::setNamespaces(const QStringList &namespaces)
{
    QStringList sorted = namespaces;
    sorted.sort();
    sorted.removeDuplicates();
    if (sorted == m_namespaces)
        return;
    m_namespaces = sorted;
    Q_EMIT changed();
}

void InsightsFilter::setNameSearch(const QString &text)
{
    set(m_nameSearch, text.trimmed());
}

bool InsightsFilter::setLabelSelector(const QString &text, QString *error)
{
    LabelSelectorError parseError;
    const auto parsed = LabelSelector::parse(text, &parseError);
    if (!parsed) {
        m_labelError = parseError.toString();
        if (error)
            *error = m_labelError;
        return false;
    }
    m_labelError.clear();
    if (m_labelText == text.trimmed())
        return true;
    m_labelText = text.trimmed();
    m_selector = *parsed;
    Q_EMIT changed();
    return true;
}

void InsightsFilter::addLabel(const QString &key, const QString &value)
{
    const QString term = key + QLatin1Char('=') + value;
    const QString text = m_labelText.isEmpty() ? term : m_labelText + QLatin1Char(',') + term;
    setLabelSelector(text);
}

void InsightsFilter::setNode(const QString &name)
{
    set(m_node, name);
}
void InsightsFilter::setNodePool(const QString &pool)
{
    set(m_nodePool, pool);
}
void InsightsFilter::setService(const QString &namespaceAndName)
{
    set(m_service, namespaceAndName);
}
void InsightsFilter::setController(const QString &id)
{
    set(m_controller, id);
}

void InsightsFilter::setPod(const QString &uid, const QString &name)
{
    m_podName = name;
    set(m_pod, uid);
}

bool InsightsFilter::hasPodFilters() const
{
    return !m_namespaces.isEmpty() || !m_selector.isEmpty() || !m_service.isEmpty()
           || !m_controller.isEmpty() || !m_pod.isEmpty();
}

bool InsightsFilter::isEmpty() const
{
    return !hasPodFilters() && m_nameSearch.isEmpty() && m_node.isEmpty() && m_nodePool.isEmpty();
}

void InsightsFilter::clear()
{
    const bool wasEmpty = isEmpty();
    m_namespaces.clear();
    m_nameSearch.clear();
    m_labelText.clear();
    m_labelError.clear();
    m_selector = LabelSelector();
    m_node.clear();
    m_nodePool.clear();
    m_service.clear();
    m_controller.clear();
    m_pod.clear();
    m_podName.clear();
    if (!wasEmpty)
        Q_EMIT changed();
}

#pragma once

// Paints the Quota column of the Namespaces tab: each ResourceQuota resource as a small bar
// coloured by the thresholds with its figure ("pods ▮▮▮▯ 5/6"), the fullest first, as many as
// fit and "+N" for the rest (the tool tip lists them all).
//
// Role contract: index.data(QuotaRole) holds a QList<QuotaUsage> (models/namespaces/quotausage.h);
// anything else is painted as plain text.
#include <QStyledItemDelegate>

class QuotaDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    QuotaDelegate(int quotaRole, QObject *parent = nullptr);

    static constexpr int kBarWidth = 36;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_role;
};

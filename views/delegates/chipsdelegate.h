#pragma once

// Paints a list of labels ("key=value") as chips side by side, as many as fit and "+N" for
// the rest (the tool tip has them all).
//
// Role contract: index.data(labelsRole) holds a QStringList.
#include <QStyledItemDelegate>

class ChipsDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    ChipsDelegate(int labelsRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    int m_role;
};

#pragma once

// The "Label: value" rows of the details pane: plain values (selectable, cut at the pane's
// edge, whole in their tool tip) and labels as link chips that add to the label filter.
#include "kubeapi/objects/objects.h"

#include <QCoreApplication>
#include <QWidget>

class QFormLayout;

class DetailsForm final : public QWidget
{
    Q_OBJECT
public:
    explicit DetailsForm(QWidget *parent = nullptr);

    void clear();
    void addRow(const QString &label, const QString &value);
    void addLabels(const QString &label, const QList<std::pair<QString, QString>> &labels);
    // A bold line across the form that starts a group of rows ("Resource quotas").
    void addHeading(const QString &text);
    // A bar across the form filled to `percent` (NaN: empty) in `color`, with "label: text" on
    // it ("requests.cpu: 750m of 2 · 38 %").
    void addMeter(const QString &label, double percent, const QString &text, const QColor &color);
    // Every row as "Label: value" lines.
    QStringList lines() const;

    // How values read: "–" for nothing, local date and time, CPU in millicores or cores.
    static QString orMissing(const QString &text);
    static QString timestamp(const kube::Timestamp &t);
    static QString quantity(const kube::Quantity &q, bool cpu);

Q_SIGNALS:
    // A label chip was activated.
    void labelActivated(const QString &key, const QString &value);

private:
    QFormLayout *m_form;
};

#include "views/details/detailsform.h"

#include "models/insights/formatter.h"

#include <QFormLayout>
#include <QLabel>
#include <QProgressBar>
#include <QUrl>

#include <algorithm>
#include <cmath>

DetailsForm::DetailsForm(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout(this))
{
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
}

void DetailsForm::clear()
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
}

void DetailsForm::addRow(const QString &label, const QString &value)
{
    auto *field = new QLabel(value, this);
    field->setWordWrap(true);
    field->setTextFormat(Qt::PlainText);
    field->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    field->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    field->setMinimumWidth(0);
    if (value.size() > 32)
        field->setToolTip(value);
    m_form->addRow(new QLabel(label, this), field);
}

void DetailsForm::addLabels(const QString &label, const QList<std::pair<QString, QString>> &labels)
{
    if (labels.isEmpty()) {
        addRow(label, Formatter::missing());
        return;
    }
    // Each label is a link chip: activating it adds key=value to the label filter.
    QStringList chips;
    for (const auto &[k, v] : labels) {
        const QString text = QString(k + QLatin1Char('=') + v).toHtmlEscaped();
        chips << QStringLiteral(
                     "<a href=\"%1\" style=\"text-decoration:none\">"
                     "<span style=\"background-color:#e3ecf7;\">&nbsp;%2&nbsp;</span></a>")
                     .arg(QString::fromLatin1(
                              QUrl::toPercentEncoding(QString(k + QLatin1Char('=') + v))),
                          text);
    }
    auto *field = new QLabel(chips.join(QStringLiteral(" ")), this);
    field->setObjectName(QStringLiteral("labelChips"));
    field->setWordWrap(true);
    field->setTextFormat(Qt::RichText);
    // Like every value: as wide as the pane. A long chip (node.kubernetes.io/instance-type=…)
    // would otherwise set the whole form's minimum width and cut every row at the right edge.
    field->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    field->setMinimumWidth(0);
    field->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    field->setToolTip(tr("Click a label to add it to the label filter"));
    connect(field, &QLabel::linkActivated, this, [this](const QString &link) {
        const QString pair = QUrl::fromPercentEncoding(link.toUtf8());
        const int eq = pair.indexOf(QLatin1Char('='));
        if (eq > 0)
            Q_EMIT labelActivated(pair.left(eq), pair.mid(eq + 1));
    });
    m_form->addRow(new QLabel(label, this), field);
}

void DetailsForm::addHeading(const QString &text)
{
    auto *heading = new QLabel(text, this);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    heading->setContentsMargins(0, 6, 0, 0);
    m_form->addRow(heading);
}

void DetailsForm::addMeter(const QString &label, double percent, const QString &text,
                           const QColor &color)
{
    auto *bar = new QProgressBar(this);
    bar->setRange(0, 100);
    bar->setValue(std::isnan(percent) ? 0 : int(std::lround(std::clamp(percent, 0.0, 100.0))));
    bar->setTextVisible(true);
    bar->setAlignment(Qt::AlignCenter);
    QPalette palette = bar->palette();
    palette.setColor(QPalette::Highlight, color);
    bar->setPalette(palette);
    bar->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    bar->setMaximumHeight(bar->fontMetrics().height() + 4);
    // Across the whole pane: the field column alone is too narrow for a bar and its figure.
    bar->setFormat(label + QStringLiteral(": ") + text);
    bar->setAccessibleName(bar->format());
    m_form->addRow(bar);
}

QStringList DetailsForm::lines() const
{
    auto textOf = [](const QLayoutItem *item) {
        const QWidget *w = item ? item->widget() : nullptr;
        if (const auto *l = qobject_cast<const QLabel *>(w))
            return l->text();
        if (const auto *b = qobject_cast<const QProgressBar *>(w))
            return b->format();
        return QString();
    };
    QStringList lines;
    for (int r = 0; r < m_form->rowCount(); ++r) {
        if (const QLayoutItem *span = m_form->itemAt(r, QFormLayout::SpanningRole)) {
            lines << textOf(span);
            continue;
        }
        lines << QString(textOf(m_form->itemAt(r, QFormLayout::LabelRole)) + QLatin1Char(' ')
                         + textOf(m_form->itemAt(r, QFormLayout::FieldRole)));
    }
    return lines;
}

QString DetailsForm::orMissing(const QString &text)
{
    return text.isEmpty() ? Formatter::missing() : text;
}

QString DetailsForm::timestamp(const kube::Timestamp &t)
{
    return t.isValid() ? Formatter::dateTime(t.toDateTime().toLocalTime()) : Formatter::missing();
}

QString DetailsForm::quantity(const kube::Quantity &q, bool cpu)
{
    if (q.isNull())
        return Formatter::missing();
    return cpu ? Formatter::cpu(double(q.milliValue())) : Formatter::bytes(q.toDouble());
}

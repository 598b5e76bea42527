#pragma once

// A Kubernetes label selector in kubectl syntax (`app=web,tier!=db,env in (prod,stage),!legacy`),
// parsed by the apimachinery grammar and matched with its exact semantics (no substring hits).
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>
#include <utility>

// Where and why a selector text was rejected. `position` is the 0-based index of the offending
// character in the text (the column shown to users is position + 1).
struct LabelSelectorError final
{
    int position = 0;
    QString message; // translated, without the position
    // "column N: message", translated; for tool tips and the filter bar.
    QString toString() const;
};

class LabelSelector final
{
public:
    enum class Operator {
        Equals,
        NotEquals,
        In,
        NotIn,
        Exists,
        DoesNotExist,
        GreaterThan,
        LessThan
    };

    // One comma-separated term. `values` is sorted and unique; one value for Equals/NotEquals,
    // the integer text for GreaterThan/LessThan, none for Exists/DoesNotExist.
    struct Requirement
    {
        QString key;
        Operator op = Operator::Exists;
        QStringList values;
        bool matches(const QMap<QString, QString> &labels) const;
        // `value` is the object's value of `key`, nullptr where the object lacks the key.
        bool matchesValue(const QString *value) const;
        bool operator==(const Requirement &) const = default;
    };

    // The empty selector: matches every object (like `kubectl get -l ''`).
    LabelSelector() = default;

    // Parses kubectl syntax. Whitespace between tokens is ignored; `=` and `==` are the same;
    // `key in ()` means "equals the empty value", `key=` likewise. Keys must be qualified names
    // (optional DNS-subdomain prefix + "/" + name of at most 63 characters), values valid label
    // values. On failure returns nullopt and fills *error with the first problem.
    static std::optional<LabelSelector> parse(QStringView text,
                                              LabelSelectorError *error = nullptr);

    // True when every requirement holds. `!=` and `notin` also match objects without the key.
    bool matches(const QMap<QString, QString> &labels) const;
    // The same on labels as a flat list of pairs (how kube:: objects keep them), without
    // building a map per object: filtering 300,000 pods calls this once per pod.
    bool matchesPairs(const QList<std::pair<QString, QString>> &labels) const;

    bool isEmpty() const { return m_requirements.isEmpty(); }
    // Requirements sorted by key (stable), as apimachinery keeps them.
    const QList<Requirement> &requirements() const { return m_requirements; }
    // Canonical text, e.g. "app=web,env in (prod,stage),!legacy"; parses back to the same.
    QString toString() const;

private:
    QList<Requirement> m_requirements;
};

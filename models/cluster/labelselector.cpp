#include "models/cluster/labelselector.h"

#include <QCoreApplication>

#include <algorithm>

// The grammar and error cases follow k8s.io/apimachinery/pkg/labels/selector.go: a lexer that
// knows the symbols = == != ! ( ) , > < and the words in/notin, and a recursive-descent parser.
// Keywords count as identifiers where a value is expected ("env in (in)").

namespace {

// Messages are shown in the filter bar, in the user's language.
struct LabelSelectorTr
{
    Q_DECLARE_TR_FUNCTIONS(LabelSelector)
};

enum class Tok {
    Identifier,
    Comma,
    Equals,
    DoubleEquals,
    NotEquals,
    Not,
    Open,
    Close,
    In,
    NotIn,
    Greater,
    Less,
    End
};

struct Token
{
    Tok kind = Tok::End;
    QStringView text;
    int pos = 0;
};

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\r' || c == u'\n';
}

bool isSpecial(QChar c)
{
    return c == u'=' || c == u'!' || c == u'(' || c == u')' || c == u',' || c == u'>' || c == u'<';
}

QList<Token> lex(QStringView text)
{
    QList<Token> tokens;
    int i = 0;
    const int n = int(text.size());
    while (i < n) {
        const QChar c = text[i];
        if (isSpace(c)) {
            ++i;
            continue;
        }
        Token t;
        t.pos = i;
        if (isSpecial(c)) {
            const bool nextIsEquals = i + 1 < n && text[i + 1] == u'=';
            int len = 1;
            switch (c.unicode()) {
            case u'=':
                t.kind = nextIsEquals ? Tok::DoubleEquals : Tok::Equals;
                len = nextIsEquals ? 2 : 1;
                break;
            case u'!':
                t.kind = nextIsEquals ? Tok::NotEquals : Tok::Not;
                len = nextIsEquals ? 2 : 1;
                break;
            case u'(':
                t.kind = Tok::Open;
                break;
            case u')':
                t.kind = Tok::Close;
                break;
            case u',':
                t.kind = Tok::Comma;
                break;
            case u'>':
                t.kind = Tok::Greater;
                break;
            default:
                t.kind = Tok::Less;
                break;
            }
            t.text = text.mid(i, len);
            i += len;
        } else {
            int j = i;
            while (j < n && !isSpace(text[j]) && !isSpecial(text[j]))
                ++j;
            t.text = text.mid(i, j - i);
            t.kind = t.text == u"in" ? Tok::In : t.text == u"notin" ? Tok::NotIn : Tok::Identifier;
            i = j;
        }
        tokens.append(t);
    }
    tokens.append(Token{Tok::End, {}, n});
    return tokens;
}

bool isAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

// A label value or the name part of a key: at most 63 characters, alphanumeric at both ends,
// '-', '_' and '.' inside.
bool isQualifiedNamePart(QStringView s)
{
    if (s.isEmpty() || s.size() > 63 || !isAlnum(s.front()) || !isAlnum(s.back()))
        return false;
    return std::all_of(s.begin(), s.end(),
                       [](QChar c) { return isAlnum(c) || c == u'-' || c == u'_' || c == u'.'; });
}

// A DNS-1123 subdomain (the optional key prefix): lower case labels separated by dots.
bool isDnsSubdomain(QStringView s)
{
    if (s.isEmpty() || s.size() > 253)
        return false;
    for (QStringView label : s.split(u'.')) {
        if (label.isEmpty() || label.size() > 63)
            return false;
        for (qsizetype i = 0; i < label.size(); ++i) {
            const QChar c = label[i];
            const bool lowerAlnum = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
            if (!lowerAlnum && (c != u'-' || i == 0 || i == label.size() - 1))
                return false;
        }
    }
    return true;
}

QString keyProblem(QStringView key)
{
    const qsizetype slash = key.indexOf(u'/');
    QStringView name = key;
    if (slash >= 0) {
        if (!isDnsSubdomain(key.left(slash)))
            return LabelSelectorTr::tr(
                       "the key prefix '%1' must be a lower-case DNS subdomain such as "
                       "'example.com'")
                .arg(key.left(slash));
        name = key.mid(slash + 1);
    }
    if (!isQualifiedNamePart(name))
        return LabelSelectorTr::tr(
                   "the key name '%1' must be 1 to 63 characters: letters, digits, '-', '_' or "
                   "'.', starting and ending with a letter or digit")
            .arg(name);
    return {};
}

bool isValidValue(QStringView value)
{
    return value.isEmpty() || isQualifiedNamePart(value);
}

QString describe(const Token &t)
{
    return t.kind == Tok::End ? LabelSelectorTr::tr("the end of the text")
                              : u'\'' + t.text.toString() + u'\'';
}

class Parser
{
public:
    explicit Parser(QStringView text)
        : m_tokens(lex(text))
    {}

    std::optional<QList<LabelSelector::Requirement>> parse()
    {
        QList<LabelSelector::Requirement> result;
        while (true) {
            const Token &first = peek();
            if (first.kind == Tok::End)
                return result;
            if (first.kind != Tok::Identifier && first.kind != Tok::Not)
                return fail(first, LabelSelectorTr::tr(
                                       "found %1, expected '!', a key or the end of the text")
                                       .arg(describe(first)));
            auto requirement = parseRequirement();
            if (!requirement)
                return std::nullopt;
            result.append(*requirement);
            const Token &after = next();
            if (after.kind == Tok::End)
                return result;
            if (after.kind != Tok::Comma)
                return fail(after,
                            LabelSelectorTr::tr("found %1, expected ',' or the end of the text")
                                .arg(describe(after)));
            const Token &following = peek();
            if (following.kind != Tok::Identifier && following.kind != Tok::Not)
                return fail(following, LabelSelectorTr::tr("found %1, expected a key after ','")
                                           .arg(describe(following)));
        }
    }

    LabelSelectorError error;

private:
    const Token &peek() const { return m_tokens[m_index]; }
    const Token &next()
    {
        const Token &t = m_tokens[m_index];
        if (t.kind != Tok::End)
            ++m_index;
        return t;
    }
    std::nullopt_t fail(const Token &at, const QString &message)
    {
        error = LabelSelectorError{at.pos, message};
        return std::nullopt;
    }

    std::optional<LabelSelector::Requirement> parseRequirement()
    {
        using Op = LabelSelector::Operator;
        LabelSelector::Requirement r;
        const Token *keyToken = &next();
        const bool negated = keyToken->kind == Tok::Not;
        if (negated)
            keyToken = &next();
        if (keyToken->kind != Tok::Identifier)
            return fail(*keyToken,
                        LabelSelectorTr::tr("found %1, expected a key").arg(describe(*keyToken)));
        if (const QString problem = keyProblem(keyToken->text); !problem.isEmpty())
            return fail(*keyToken, problem);
        r.key = keyToken->text.toString();
        const Tok after = peek().kind;
        if (negated || after == Tok::End || after == Tok::Comma) {
            r.op = negated ? Op::DoesNotExist : Op::Exists;
            return r;
        }
        const Token &op = next();
        switch (op.kind) {
        case Tok::In:
            r.op = Op::In;
            break;
        case Tok::NotIn:
            r.op = Op::NotIn;
            break;
        case Tok::Equals:
        case Tok::DoubleEquals:
            r.op = Op::Equals;
            break;
        case Tok::NotEquals:
            r.op = Op::NotEquals;
            break;
        case Tok::Greater:
            r.op = Op::GreaterThan;
            break;
        case Tok::Less:
            r.op = Op::LessThan;
            break;
        default:
            return fail(op,
                        LabelSelectorTr::tr("found %1, expected one of: in, notin, =, ==, !=, >, <")
                            .arg(describe(op)));
        }
        const bool ok = (r.op == Op::In || r.op == Op::NotIn) ? parseSet(r) : parseExact(r);
        if (!ok)
            return std::nullopt;
        std::sort(r.values.begin(), r.values.end());
        r.values.erase(std::unique(r.values.begin(), r.values.end()), r.values.end());
        return r;
    }

    bool addValue(LabelSelector::Requirement &r, const Token &t)
    {
        if (!isValidValue(t.text)) {
            fail(t, LabelSelectorTr::tr(
                        "the value '%1' must be at most 63 characters: letters, digits, '-', '_' "
                        "or '.', starting and ending with a letter or digit")
                        .arg(t.text));
            return false;
        }
        r.values.append(t.text.toString());
        return true;
    }

    // In value position the words in/notin are ordinary values.
    static bool isValueToken(Tok k)
    {
        return k == Tok::Identifier || k == Tok::In || k == Tok::NotIn;
    }

    bool parseExact(LabelSelector::Requirement &r)
    {
        const Token &t = peek();
        if (t.kind == Tok::End || t.kind == Tok::Comma) {
            r.values.append(QString());
        } else if (isValueToken(t.kind)) {
            const bool numeric = r.op == LabelSelector::Operator::GreaterThan
                                 || r.op == LabelSelector::Operator::LessThan;
            // Bounds of > and < are integers ("-2"), not label values.
            if (numeric)
                r.values.append(next().text.toString());
            else if (!addValue(r, next()))
                return false;
        } else {
            fail(t, LabelSelectorTr::tr("found %1, expected a value").arg(describe(t)));
            return false;
        }
        if (r.op == LabelSelector::Operator::GreaterThan
            || r.op == LabelSelector::Operator::LessThan) {
            bool isInteger = false;
            r.values.constFirst().toLongLong(&isInteger);
            if (!isInteger) {
                fail(t, LabelSelectorTr::tr("'>' and '<' need a whole number, found %1")
                            .arg(describe(t)));
                return false;
            }
        }
        return true;
    }

    // "(a, b)", also "()", "(,)" and "(a,,b)" which apimachinery reads as containing "".
    bool parseSet(LabelSelector::Requirement &r)
    {
        const Token &open = next();
        if (open.kind != Tok::Open) {
            fail(open, LabelSelectorTr::tr("found %1, expected '('").arg(describe(open)));
            return false;
        }
        bool expectValue = true;
        while (true) {
            const Token &t = next();
            if (t.kind == Tok::Close) {
                if (expectValue)
                    r.values.append(QString());
                return true;
            }
            if (t.kind == Tok::Comma) {
                if (expectValue)
                    r.values.append(QString());
                expectValue = true;
                continue;
            }
            if (isValueToken(t.kind) && expectValue) {
                if (!addValue(r, t))
                    return false;
                expectValue = false;
                continue;
            }
            fail(
                t,
                expectValue
                    ? LabelSelectorTr::tr("found %1, expected a value, ',' or ')'").arg(describe(t))
                    : LabelSelectorTr::tr("found %1, expected ',' or ')'").arg(describe(t)));
            return false;
        }
    }

    QList<Token> m_tokens;
    qsizetype m_index = 0;
};

} // namespace

QString LabelSelectorError::toString() const
{
    return QCoreApplication::translate("LabelSelector", "column %1: %2")
        .arg(position + 1)
        .arg(message);
}

std::optional<LabelSelector> LabelSelector::parse(QStringView text, LabelSelectorError *error)
{
    Parser parser(text);
    auto requirements = parser.parse();
    if (!requirements) {
        if (error)
            *error = parser.error;
        return std::nullopt;
    }
    std::stable_sort(requirements->begin(), requirements->end(),
                     [](const Requirement &a, const Requirement &b) { return a.key < b.key; });
    LabelSelector selector;
    selector.m_requirements = std::move(*requirements);
    return selector;
}

bool LabelSelector::Requirement::matches(const QMap<QString, QString> &labels) const
{
    const auto it = labels.constFind(key);
    return matchesValue(it != labels.constEnd() ? &*it : nullptr);
}

bool LabelSelector::Requirement::matchesValue(const QString *it) const
{
    const bool has = it != nullptr;
    switch (op) {
    case Operator::Equals:
    case Operator::In:
        return has && values.contains(*it);
    case Operator::NotEquals:
    case Operator::NotIn:
        return !has || !values.contains(*it);
    case Operator::Exists:
        return has;
    case Operator::DoesNotExist:
        return !has;
    case Operator::GreaterThan:
    case Operator::LessThan: {
        if (!has)
            return false;
        bool ok = false;
        const qint64 actual = it->toLongLong(&ok);
        if (!ok)
            return false;
        const qint64 bound = values.constFirst().toLongLong();
        return op == Operator::GreaterThan ? actual > bound : actual < bound;
    }
    }
    return false;
}

bool LabelSelector::matches(const QMap<QString, QString> &labels) const
{
    return std::all_of(m_requirements.cbegin(), m_requirements.cend(),
                       [&](const Requirement &r) { return r.matches(labels); });
}

bool LabelSelector::matchesPairs(const QList<std::pair<QString, QString>> &labels) const
{
    return std::all_of(m_requirements.cbegin(), m_requirements.cend(), [&](const Requirement &r) {
        const QString *value = nullptr;
        for (const auto &[k, v] : labels) {
            if (k == r.key) {
                value = &v;
                break;
            }
        }
        return r.matchesValue(value);
    });
}

QString LabelSelector::toString() const
{
    QStringList parts;
    for (const Requirement &r : m_requirements) {
        const QString first = r.values.isEmpty() ? QString() : r.values.constFirst();
        switch (r.op) {
        case Operator::Equals:
            parts.append(r.key + u'=' + first);
            break;
        case Operator::NotEquals:
            parts.append(r.key + QLatin1String("!=") + first);
            break;
        case Operator::In:
            parts.append(r.key + QLatin1String(" in (") + r.values.join(u',') + u')');
            break;
        case Operator::NotIn:
            parts.append(r.key + QLatin1String(" notin (") + r.values.join(u',') + u')');
            break;
        case Operator::Exists:
            parts.append(r.key);
            break;
        case Operator::DoesNotExist:
            parts.append(u'!' + r.key);
            break;
        case Operator::GreaterThan:
            parts.append(r.key + u'>' + first);
            break;
        case Operator::LessThan:
            parts.append(r.key + u'<' + first);
            break;
        }
    }
    return parts.join(u',');
}

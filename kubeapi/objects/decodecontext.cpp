#include "kubeapi/objects/decodecontext.h"

#include "kubeapi/objects/rfc3339.h"
#include "kubeapi/objects/stringpool.h"

#include <QCoreApplication>

#include <cmath>
#include <limits>

namespace kube {
namespace {

using json = JsonNode;

const char *typeName(const json &v)
{
    switch (v.type()) {
    case json::Type::Object:
        return QT_TRANSLATE_NOOP("Decoders", "an object");
    case json::Type::Array:
        return QT_TRANSLATE_NOOP("Decoders", "an array");
    case json::Type::String:
        return QT_TRANSLATE_NOOP("Decoders", "a string");
    case json::Type::Boolean:
        return QT_TRANSLATE_NOOP("Decoders", "a boolean");
    case json::Type::Null:
        return QT_TRANSLATE_NOOP("Decoders", "null");
    case json::Type::Integer:
    case json::Type::Float:
        break;
    }
    return QT_TRANSLATE_NOOP("Decoders", "a number");
}

const char *const kObject = QT_TRANSLATE_NOOP("Decoders", "an object");
const char *const kArray = QT_TRANSLATE_NOOP("Decoders", "an array");
const char *const kString = QT_TRANSLATE_NOOP("Decoders", "a string");
const char *const kInteger = QT_TRANSLATE_NOOP("Decoders", "an integer");
const char *const kBoolean = QT_TRANSLATE_NOOP("Decoders", "a boolean");
const char *const kQuantity = QT_TRANSLATE_NOOP("Decoders", "a quantity (string or number)");

// The member `key` or nullptr when absent or null.
const json *present(const json &obj, std::string_view key)
{
    if (!obj.is_object())
        return nullptr;
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null())
        return nullptr;
    return &*it;
}

} // namespace

void DecodeContext::fail(const QString &what)
{
    if (!m_error.isEmpty())
        return;
    const QString p = path();
    m_error = p.isEmpty() ? what : p + QStringLiteral(": ") + what;
}

void DecodeContext::failType(const json &value, const char *expected)
{
    fail(QCoreApplication::translate("Decoders", "expected %1, found %2")
             .arg(QCoreApplication::translate("Decoders", expected),
                  QCoreApplication::translate("Decoders", typeName(value))));
}

QString DecodeContext::path() const
{
    QString p;
    for (const Segment &s : m_path) {
        if (s.index >= 0) {
            p += u'[' + QString::number(s.index) + u']';
        } else {
            if (!p.isEmpty())
                p += u'.';
            p += QString::fromUtf8(s.key.data(), qsizetype(s.key.size()));
        }
    }
    return p;
}

bool DecodeContext::requireObject(const json &value)
{
    if (value.is_object())
        return true;
    failType(value, kObject);
    return false;
}

const json *DecodeContext::object(const json &obj, std::string_view key)
{
    const json *v = present(obj, key);
    if (v && !v->is_object()) {
        Scope s(*this, key);
        failType(*v, kObject);
        return nullptr;
    }
    return v;
}

const json *DecodeContext::array(const json &obj, std::string_view key)
{
    const json *v = present(obj, key);
    if (v && !v->is_array()) {
        Scope s(*this, key);
        failType(*v, kArray);
        return nullptr;
    }
    return v;
}

QString DecodeContext::text(std::string_view utf8, Intern intern)
{
    if (intern == Intern::Yes && m_pool)
        return m_pool->intern(utf8);
    return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
}

QString DecodeContext::string(const json &obj, std::string_view key, Intern intern)
{
    const json *v = present(obj, key);
    if (!v)
        return {};
    if (!v->is_string()) {
        Scope s(*this, key);
        failType(*v, kString);
        return {};
    }
    return text(v->string(), intern);
}

qint64 DecodeContext::integer(const json &obj, std::string_view key, qint64 fallback)
{
    const json *v = present(obj, key);
    if (!v)
        return fallback;
    std::int64_t n = 0;
    if (v->toInt64(&n))
        return n;
    if (v->is_number_float()) {
        const double d = v->toDouble();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e18)
            return qint64(d);
    }
    Scope s(*this, key);
    failType(*v, kInteger);
    return fallback;
}

bool DecodeContext::boolean(const json &obj, std::string_view key, bool fallback)
{
    const json *v = present(obj, key);
    if (!v)
        return fallback;
    if (!v->is_boolean()) {
        Scope s(*this, key);
        failType(*v, kBoolean);
        return fallback;
    }
    return v->boolean();
}

OptionalBool DecodeContext::optionalBool(const json &obj, std::string_view key)
{
    if (!present(obj, key))
        return OptionalBool::Unset;
    return boolean(obj, key) ? OptionalBool::True : OptionalBool::False;
}

Timestamp DecodeContext::time(const json &obj, std::string_view key)
{
    const json *v = present(obj, key);
    if (!v)
        return {};
    if (!v->is_string()) {
        Scope s(*this, key);
        failType(*v, kString);
        return {};
    }
    const std::string_view str = v->string();
    const Timestamp t = parseRfc3339(str);
    if (!t.isValid()) {
        Scope s(*this, key);
        fail(QCoreApplication::translate("Decoders", "“%1” is not an RFC 3339 time")
                 .arg(QString::fromUtf8(str.data(), qsizetype(std::min<size_t>(str.size(), 64)))));
    }
    return t;
}

Quantity DecodeContext::quantity(const json &obj, std::string_view key)
{
    const json *v = present(obj, key);
    if (!v)
        return {};
    QString textForm;
    std::int64_t n = 0;
    if (v->is_string())
        textForm = QString::fromUtf8(v->string().data(), qsizetype(v->string().size()));
    else if (v->toInt64(&n))
        return Quantity::fromInt(n);
    else if (v->is_number())
        textForm = QString::fromUtf8(v->raw().data(), qsizetype(v->raw().size())); // e.g. 0.5, 1e3
    if (textForm.isEmpty()) {
        Scope s(*this, key);
        failType(*v, kQuantity);
        return {};
    }
    QString why;
    const auto q = Quantity::parse(textForm, &why);
    if (!q) {
        Scope s(*this, key);
        fail(why);
        return {};
    }
    return *q;
}

QString DecodeContext::intOrString(const json &obj, std::string_view key)
{
    const json *v = present(obj, key);
    if (!v)
        return {};
    if (std::int64_t n = 0; v->toInt64(&n))
        return QString::number(n);
    return string(obj, key);
}

StringPairs DecodeContext::stringMap(const json &obj, std::string_view key, Intern values)
{
    StringPairs out;
    const json *m = object(obj, key);
    if (!m)
        return out;
    Scope s(*this, key);
    out.reserve(qsizetype(m->size()));
    for (auto it = m->begin(); it != m->end(); ++it) {
        if (it->is_null())
            continue;
        if (!it->is_string()) {
            Scope k(*this, it.key());
            failType(*it, kString);
            continue;
        }
        out.append({text(it.key(), Intern::Yes), text(it->string(), values)});
    }
    return out;
}

ResourceList DecodeContext::quantityMap(const json &obj, std::string_view key)
{
    ResourceList out;
    const json *m = object(obj, key);
    if (!m)
        return out;
    Scope s(*this, key);
    out.reserve(qsizetype(m->size()));
    for (auto it = m->begin(); it != m->end(); ++it) {
        if (it->is_null())
            continue;
        Quantity q = quantity(*m, it.key());
        if (!q.isNull())
            out.append({text(it.key(), Intern::Yes), q});
    }
    return out;
}

QStringList DecodeContext::stringList(const json &obj, std::string_view key, Intern intern)
{
    QStringList out;
    const json *a = array(obj, key);
    if (!a)
        return out;
    Scope s(*this, key);
    out.reserve(qsizetype(a->size()));
    qsizetype i = 0;
    for (const json &e : *a) {
        if (e.is_string()) {
            out.append(text(e.string(), intern));
        } else if (!e.is_null()) {
            Scope k(*this, i);
            failType(e, kString);
        }
        ++i;
    }
    return out;
}

} // namespace kube

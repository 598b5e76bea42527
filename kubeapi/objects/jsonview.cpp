#include "kubeapi/objects/jsonview.h"

#include <QCoreApplication>

#include <charconv>
#include <cstring>

namespace kube {
namespace {

// Deep enough for any Kubernetes object (CRD schemas nest ~20 levels), shallow enough that
// recursion on hostile input stays far from the stack limit.
constexpr int kMaxDepth = 512;

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(std::string *out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out->push_back(char(cp));
    } else if (cp < 0x800) {
        out->push_back(char(0xC0 | (cp >> 6)));
        out->push_back(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out->push_back(char(0xE0 | (cp >> 12)));
        out->push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out->push_back(char(0x80 | (cp & 0x3F)));
    } else {
        out->push_back(char(0xF0 | (cp >> 18)));
        out->push_back(char(0x80 | ((cp >> 12) & 0x3F)));
        out->push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out->push_back(char(0x80 | (cp & 0x3F)));
    }
}

} // namespace

JsonNode::Iterator JsonNode::find(std::string_view key) const
{
    if (!is_object())
        return end();
    const Iterator last = end();
    for (Iterator it = begin(); it != last; ++it) {
        if (it.key() == key)
            return it;
    }
    return last;
}

bool JsonNode::toInt64(std::int64_t *out) const
{
    if (m_type != Type::Integer)
        return false;
    const auto [end, ec] = std::from_chars(m_text, m_text + m_length, *out);
    return ec == std::errc() && end == m_text + m_length;
}

double JsonNode::toDouble() const
{
    double d = 0;
    std::from_chars(m_text, m_text + m_length, d);
    return d;
}

JsonParser::JsonParser() = default;
JsonParser::~JsonParser() = default;

const JsonNode *JsonParser::parseDocument(QByteArrayView text)
{
    start(text);
    const JsonNode *root = value();
    if (!root || !finish())
        return nullptr;
    return root;
}

void JsonParser::start(QByteArrayView text)
{
    m_begin = text.data();
    m_at = m_begin;
    m_end = m_begin + text.size();
    m_error.clear();
}

const JsonNode *JsonParser::value()
{
    m_nodes.clear();
    m_stringsUsed = 0;
    if (!parse(0))
        return nullptr;
    return m_nodes.data();
}

bool JsonParser::skipValue()
{
    return value() != nullptr;
}

bool JsonParser::skipRaw(QByteArrayView *span)
{
    const char first = peek();
    const char *start = m_at;
    if (first != '{' && first != '[') {
        if (!skipValue())
            return false;
        *span = QByteArrayView(start, m_at - start);
        return true;
    }
    std::vector<char> open; // the closers still owed
    while (m_at < m_end) {
        const char c = *m_at;
        if (c == '"') {
            ++m_at;
            while (m_at < m_end && *m_at != '"') {
                if (static_cast<unsigned char>(*m_at) < 0x20)
                    return failAt(
                        QT_TRANSLATE_NOOP("Decoders", "control character in a string at byte %1"));
                m_at += *m_at == '\\' ? 2 : 1;
            }
            if (m_at >= m_end)
                break;
        } else if (c == '{' || c == '[') {
            if (open.size() >= std::size_t(kMaxDepth))
                return failAt(QT_TRANSLATE_NOOP("Decoders", "nested too deeply at byte %1"));
            open.push_back(c == '{' ? '}' : ']');
        } else if (c == '}' || c == ']') {
            if (open.empty() || open.back() != c)
                return failAt(QT_TRANSLATE_NOOP("Decoders", "unexpected character at byte %1"));
            open.pop_back();
            if (open.empty()) {
                ++m_at;
                *span = QByteArrayView(start, m_at - start);
                return true;
            }
        }
        ++m_at;
    }
    m_at = m_end;
    return failAt(QT_TRANSLATE_NOOP("Decoders", "unexpected end of the text at byte %1"));
}

char JsonParser::peek()
{
    while (m_at < m_end && isSpace(*m_at))
        ++m_at;
    return m_at < m_end ? *m_at : '\0';
}

bool JsonParser::expect(char c)
{
    if (peek() != c) {
        const char what[] = {'\xE2', '\x80', '\x9C', c, '\xE2', '\x80', '\x9D', '\0'}; // “c”
        return fail(QCoreApplication::translate("Decoders", "expected %1 at byte %2")
                        .arg(QString::fromUtf8(what), QString::number(m_at - m_begin)));
    }
    ++m_at;
    return true;
}

bool JsonParser::key(std::string_view *out)
{
    if (peek() != '"')
        return failAt(QT_TRANSLATE_NOOP("Decoders", "expected a member name at byte %1"));
    JsonNode node;
    if (!parseString(&node))
        return false;
    if (node.m_text != m_keyScratch.data() && node.m_text >= m_begin && node.m_text < m_end) {
        *out = node.string();
    } else {
        // An escaped name lives in a scratch string that the next parse reuses: keep a copy.
        m_keyScratch.assign(node.string());
        *out = m_keyScratch;
    }
    return expect(':');
}

bool JsonParser::finish()
{
    if (peek() != '\0')
        return failAt(QT_TRANSLATE_NOOP("Decoders", "unexpected text after the value at byte %1"));
    return true;
}

bool JsonParser::fail(const QString &what)
{
    if (m_error.isEmpty())
        m_error = what;
    return false;
}

bool JsonParser::failAt(const char *what)
{
    return fail(QCoreApplication::translate("Decoders", what).arg(m_at - m_begin));
}

std::string *JsonParser::scratch()
{
    if (m_stringsUsed == m_strings.size())
        m_strings.push_back(std::make_unique<std::string>());
    std::string *s = m_strings[m_stringsUsed++].get();
    s->clear();
    return s;
}

bool JsonParser::parse(int depth)
{
    if (depth > kMaxDepth)
        return failAt(QT_TRANSLATE_NOOP("Decoders", "nested too deeply at byte %1"));
    const char c = peek();
    const std::size_t index = m_nodes.size();
    m_nodes.emplace_back();
    switch (c) {
    case '{':
    case '[': {
        const bool object = c == '{';
        const char close = object ? '}' : ']';
        const char *open = m_at++;
        m_nodes[index].m_type = object ? JsonNode::Type::Object : JsonNode::Type::Array;
        std::uint32_t count = 0;
        if (peek() == close) {
            ++m_at;
        } else {
            for (;;) {
                if (object) {
                    if (peek() != '"')
                        return failAt(
                            QT_TRANSLATE_NOOP("Decoders", "expected a member name at byte %1"));
                    m_nodes.emplace_back();
                    if (!parseString(&m_nodes.back()) || !expect(':'))
                        return false;
                }
                if (!parse(depth + 1))
                    return false;
                ++count;
                const char next = peek();
                ++m_at;
                if (next == ',')
                    continue;
                if (next == close)
                    break;
                --m_at;
                return failAt(
                    object ? QT_TRANSLATE_NOOP("Decoders", "expected “,” or “}” at byte %1")
                           : QT_TRANSLATE_NOOP("Decoders", "expected “,” or “]” at byte %1"));
            }
        }
        JsonNode &node = m_nodes[index];
        node.m_text = open;
        node.m_length = std::uint32_t(m_at - open);
        node.m_count = count;
        node.m_span = std::uint32_t(m_nodes.size() - index);
        return true;
    }
    case '"':
        return parseString(&m_nodes[index]);
    case 't':
    case 'f':
    case 'n':
        return parseLiteral(&m_nodes[index]);
    case '\0':
        if (m_at >= m_end)
            return failAt(QT_TRANSLATE_NOOP("Decoders", "unexpected end of the text at byte %1"));
        break;
    default:
        if (c == '-' || (c >= '0' && c <= '9'))
            return parseNumber(&m_nodes[index]);
        break;
    }
    return failAt(QT_TRANSLATE_NOOP("Decoders", "unexpected character at byte %1"));
}

bool JsonParser::parseString(JsonNode *node)
{
    const char *start = ++m_at; // after the opening quote
    // Fast path: find the closing quote; a backslash or control byte before it needs care.
    const char *p = start;
    while (p < m_end) {
        const auto u = static_cast<unsigned char>(*p);
        if (u == '"' || u == '\\' || u < 0x20)
            break;
        ++p;
    }
    if (p < m_end && *p == '"') {
        node->m_type = JsonNode::Type::String;
        node->m_text = start;
        node->m_length = std::uint32_t(p - start);
        m_at = p + 1;
        return true;
    }
    std::string *out = scratch();
    out->assign(start, p);
    while (p < m_end) {
        const auto u = static_cast<unsigned char>(*p);
        if (u == '"') {
            node->m_type = JsonNode::Type::String;
            node->m_text = out->data();
            node->m_length = std::uint32_t(out->size());
            m_at = p + 1;
            return true;
        }
        if (u < 0x20) {
            m_at = p;
            return failAt(
                QT_TRANSLATE_NOOP("Decoders", "control character in a string at byte %1"));
        }
        if (u != '\\') {
            out->push_back(char(u));
            ++p;
            continue;
        }
        if (p + 1 >= m_end)
            break;
        const char e = p[1];
        p += 2;
        switch (e) {
        case '"':
            out->push_back('"');
            break;
        case '\\':
            out->push_back('\\');
            break;
        case '/':
            out->push_back('/');
            break;
        case 'b':
            out->push_back('\b');
            break;
        case 'f':
            out->push_back('\f');
            break;
        case 'n':
            out->push_back('\n');
            break;
        case 'r':
            out->push_back('\r');
            break;
        case 't':
            out->push_back('\t');
            break;
        case 'u': {
            auto hex4 = [&](const char *h, std::uint32_t *cp) {
                if (m_end - h < 4)
                    return false;
                std::uint32_t v = 0;
                for (int i = 0; i < 4; ++i) {
                    const int d = hexDigit(h[i]);
                    if (d < 0)
                        return false;
                    v = v * 16 + std::uint32_t(d);
                }
                *cp = v;
                return true;
            };
            std::uint32_t cp = 0;
            if (!hex4(p, &cp)) {
                m_at = p;
                return failAt(QT_TRANSLATE_NOOP("Decoders", "invalid \\u escape at byte %1"));
            }
            p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                std::uint32_t low = 0;
                if (m_end - p >= 6 && p[0] == '\\' && p[1] == 'u' && hex4(p + 2, &low)
                    && low >= 0xDC00 && low <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    p += 6;
                } else {
                    m_at = p;
                    return failAt(
                        QT_TRANSLATE_NOOP("Decoders", "unpaired surrogate in a string at byte %1"));
                }
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                m_at = p;
                return failAt(
                    QT_TRANSLATE_NOOP("Decoders", "unpaired surrogate in a string at byte %1"));
            }
            appendUtf8(out, cp);
            break;
        }
        default:
            m_at = p - 1;
            return failAt(QT_TRANSLATE_NOOP("Decoders", "invalid escape in a string at byte %1"));
        }
    }
    m_at = m_end;
    return failAt(QT_TRANSLATE_NOOP("Decoders", "unterminated string at byte %1"));
}

bool JsonParser::parseNumber(JsonNode *node)
{
    const char *start = m_at;
    const char *p = m_at;
    auto digits = [&] {
        const char *from = p;
        while (p < m_end && *p >= '0' && *p <= '9')
            ++p;
        return p > from;
    };
    if (p < m_end && *p == '-')
        ++p;
    if (p < m_end && *p == '0') {
        ++p;
    } else if (!digits()) {
        m_at = p;
        return failAt(QT_TRANSLATE_NOOP("Decoders", "invalid number at byte %1"));
    }
    bool isFloat = false;
    if (p < m_end && *p == '.') {
        ++p;
        isFloat = true;
        if (!digits()) {
            m_at = p;
            return failAt(QT_TRANSLATE_NOOP("Decoders", "invalid number at byte %1"));
        }
    }
    if (p < m_end && (*p == 'e' || *p == 'E')) {
        ++p;
        isFloat = true;
        if (p < m_end && (*p == '+' || *p == '-'))
            ++p;
        if (!digits()) {
            m_at = p;
            return failAt(QT_TRANSLATE_NOOP("Decoders", "invalid number at byte %1"));
        }
    }
    node->m_type = isFloat ? JsonNode::Type::Float : JsonNode::Type::Integer;
    node->m_text = start;
    node->m_length = std::uint32_t(p - start);
    m_at = p;
    return true;
}

bool JsonParser::parseLiteral(JsonNode *node)
{
    static constexpr std::string_view kTrue = "true", kFalse = "false", kNull = "null";
    const std::string_view rest(m_at, std::size_t(m_end - m_at));
    for (std::string_view word : {kTrue, kFalse, kNull}) {
        if (rest.substr(0, word.size()) == word) {
            node->m_type = word == kNull ? JsonNode::Type::Null : JsonNode::Type::Boolean;
            node->m_text = m_at;
            node->m_length = std::uint32_t(word.size());
            m_at += word.size();
            return true;
        }
    }
    return failAt(QT_TRANSLATE_NOOP("Decoders", "unexpected character at byte %1"));
}

} // namespace kube

#pragma once

// A read-only JSON tree over a response body, built by JsonParser into one flat vector of nodes
// that point into the body; the decoders read list items and watch events through it.
//
// Why not nlohmann::json: its DOM allocates a std::map and a std::string per value and its lexer
// reads byte by byte, which caps list decoding near 60 MB/s here (150,000 pods ≈ 12 s). This tree
// costs one vector (reused between items) and copies only strings that contain escapes.
//
// Layout: a node is followed by its subtree. An array's elements follow it one after another; an
// object's members follow it as key node, value node. `span` is the node count of a subtree, so
// the next sibling of `n` is `&n + n.span`.
#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kube {

class JsonNode final
{
public:
    enum class Type : std::uint8_t { Null, Boolean, Integer, Float, String, Array, Object };

    // Walks an array's elements or an object's values (key() gives the member name).
    class Iterator final
    {
    public:
        Iterator(const JsonNode *at, bool object)
            : m_at(at)
            , m_object(object)
        {}
        const JsonNode &operator*() const { return *value(); }
        const JsonNode *operator->() const { return value(); }
        Iterator &operator++()
        {
            m_at = m_object ? m_at + 1 + m_at[1].m_span : m_at + m_at->m_span;
            return *this;
        }
        bool operator==(const Iterator &o) const { return m_at == o.m_at; }
        bool operator!=(const Iterator &o) const { return m_at != o.m_at; }
        // The member name; only for iterators over an object.
        std::string_view key() const { return m_at->string(); }

    private:
        const JsonNode *value() const { return m_object ? m_at + 1 : m_at; }
        const JsonNode *m_at; // an element, or a member's key node
        bool m_object;
    };

    Type type() const { return m_type; }
    bool is_null() const { return m_type == Type::Null; }
    bool is_boolean() const { return m_type == Type::Boolean; }
    bool is_number() const { return m_type == Type::Integer || m_type == Type::Float; }
    bool is_number_integer() const { return m_type == Type::Integer; }
    bool is_number_float() const { return m_type == Type::Float; }
    bool is_string() const { return m_type == Type::String; }
    bool is_array() const { return m_type == Type::Array; }
    bool is_object() const { return m_type == Type::Object; }

    // Elements of an array or members of an object; 0 otherwise.
    std::size_t size() const { return m_count; }
    bool empty() const { return m_count == 0; }
    Iterator begin() const { return Iterator(this + 1, is_object()); }
    Iterator end() const { return Iterator(this + m_span, is_object()); }
    // The member named `key`, or end(). Objects are small; a linear scan is the fastest lookup.
    Iterator find(std::string_view key) const;

    // The text of a string (unescaped); the source text of anything else, e.g. `0.5`, `{"a":1}`.
    std::string_view string() const { return {m_text, m_length}; }
    std::string_view raw() const { return {m_text, m_length}; }
    bool boolean() const { return m_length == 4; } // "true"; "false" has five letters
    // Integers in int64 range; false for floats and integers beyond it.
    bool toInt64(std::int64_t *out) const;
    double toDouble() const;

private:
    friend class JsonParser;
    const char *m_text = nullptr;
    std::uint32_t m_length = 0;
    std::uint32_t m_span = 1;
    std::uint32_t m_count = 0;
    Type m_type = Type::Null;
};

// Parses JSON text into nodes. The text must outlive the nodes; the nodes live until the next
// parse with the same parser. Strict JSON (RFC 8259); depth is limited so hostile input cannot
// exhaust the stack. Errors name the byte offset and are translated.
class JsonParser final
{
public:
    JsonParser();
    ~JsonParser();
    JsonParser(const JsonParser &) = delete;
    JsonParser &operator=(const JsonParser &) = delete;

    // One complete document (nothing but whitespace may follow). nullptr on error.
    const JsonNode *parseDocument(QByteArrayView text);

    // Incremental use over a larger text: start(), then value() parses the next value at the
    // cursor into a fresh tree; the cursor helpers read the punctuation between values.
    void start(QByteArrayView text);
    const JsonNode *value();
    bool skipValue(); // parses and drops it
    // Steps over the next value without building nodes and hands out its text, for a decoder
    // to read later (a list inside a larger file). Only its structure is checked here: strings,
    // brackets and depth; the decoder that reads *span checks the rest.
    bool skipRaw(QByteArrayView *span);
    // Skips whitespace; the next byte, or 0 at the end.
    char peek();
    // Consumes `c` (after whitespace) or fails with an error naming what was expected.
    bool expect(char c);
    // Reads a member name and its colon; false (and an error) when there is none.
    bool key(std::string_view *out);
    // After the top-level value: only whitespace may remain.
    bool finish();

    bool failed() const { return !m_error.isEmpty(); }
    const QString &error() const { return m_error; }

private:
    bool parse(int depth);
    bool parseString(JsonNode *node);
    bool parseNumber(JsonNode *node);
    bool parseLiteral(JsonNode *node);
    bool fail(const QString &what);
    bool failAt(const char *what);
    std::string *scratch();

    const char *m_begin = nullptr;
    const char *m_at = nullptr;
    const char *m_end = nullptr;
    std::vector<JsonNode> m_nodes;
    // Unescaped copies of strings with escapes; kept allocated between parses.
    std::vector<std::unique_ptr<std::string>> m_strings;
    std::size_t m_stringsUsed = 0;
    std::string m_keyScratch;
    QString m_error;
};

} // namespace kube

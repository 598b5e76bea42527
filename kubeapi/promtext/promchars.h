#pragma once

// Character classes and UTF-8 checks shared by the Prometheus text parser's pieces.
// A 256-entry table keeps the per-byte work of the hot loops to one load and one test.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace kube::promchars {

enum : std::uint8_t {
    NameStart = 1,  // [a-zA-Z_:]
    NameChar = 2,   // [a-zA-Z0-9_:]
    LabelStart = 4, // [a-zA-Z_]
    LabelChar = 8,  // [a-zA-Z0-9_]
    Blank = 16,     // space, tab
    ValueStop = 32, // ends the fast scan of a quoted value: '"', '\\', NUL, bytes >= 0x80
};

constexpr std::array<std::uint8_t, 256> makeTable()
{
    std::array<std::uint8_t, 256> t{};
    for (int c = 0; c < 256; ++c) {
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const bool digit = c >= '0' && c <= '9';
        std::uint8_t v = 0;
        if (alpha || c == '_' || c == ':')
            v |= NameStart;
        if (alpha || digit || c == '_' || c == ':')
            v |= NameChar;
        if (alpha || c == '_')
            v |= LabelStart;
        if (alpha || digit || c == '_')
            v |= LabelChar;
        if (c == ' ' || c == '\t')
            v |= Blank;
        if (c == '"' || c == '\\' || c == 0 || c >= 0x80)
            v |= ValueStop;
        t[std::size_t(c)] = v;
    }
    return t;
}

inline constexpr std::array<std::uint8_t, 256> table = makeTable();

inline bool is(char c, std::uint8_t cls)
{
    return (table[static_cast<unsigned char>(c)] & cls) != 0;
}

// Length of the valid UTF-8 sequence starting at text[pos] (a byte >= 0x80), or 0 if invalid.
// Same rules as Go's utf8.ValidString: no overlong forms, no surrogates, nothing above U+10FFFF.
inline std::size_t utf8SequenceLength(std::string_view text, std::size_t pos)
{
    const auto byte = [&](std::size_t i) -> unsigned {
        return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u;
    };
    const unsigned b0 = byte(pos);
    const auto cont = [&](std::size_t i) { return (byte(i) & 0xC0u) == 0x80u; };
    if (b0 >= 0xC2 && b0 <= 0xDF)
        return cont(pos + 1) ? 2 : 0;
    if (b0 >= 0xE0 && b0 <= 0xEF) {
        const unsigned b1 = byte(pos + 1);
        if (b0 == 0xE0 && b1 < 0xA0)
            return 0;
        if (b0 == 0xED && b1 >= 0xA0)
            return 0;
        return cont(pos + 1) && cont(pos + 2) ? 3 : 0;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
        const unsigned b1 = byte(pos + 1);
        if (b0 == 0xF0 && b1 < 0x90)
            return 0;
        if (b0 == 0xF4 && b1 >= 0x90)
            return 0;
        return cont(pos + 1) && cont(pos + 2) && cont(pos + 3) ? 4 : 0;
    }
    return 0;
}

// Number of code points in valid UTF-8 text.
inline std::size_t codePoints(std::string_view text)
{
    std::size_t n = 0;
    for (char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0u) != 0x80u)
            ++n;
    }
    return n;
}

} // namespace kube::promchars

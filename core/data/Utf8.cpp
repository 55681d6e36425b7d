#include "core/data/Utf8.h"

#include <utf8cpp/utf8.h>

#include <cstdint>
#include <iterator>

namespace attnlab {

std::size_t findInvalidUtf8(std::string_view text) {
    const auto it = utf8::find_invalid(text.begin(), text.end());
    return it == text.end() ? std::string_view::npos : static_cast<std::size_t>(it - text.begin());
}

std::size_t codePointCount(std::string_view text) {
    // Every code point has exactly one byte that is not a continuation byte (10xxxxxx).
    std::size_t n = 0;
    for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

bool isUnicodeWhitespace(char32_t c) {
    if (c <= 0x20) return c == 0x20 || (c >= 0x09 && c <= 0x0D);
    switch (c) {
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

char32_t simpleLowercase(char32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 0x20 : c;
    // Latin-1 Supplement: À..Þ except the multiplication sign.
    if (c >= 0xC0 && c <= 0xDE) return c == 0xD7 ? c : c + 0x20;
    // Latin Extended-A alternates upper/lower case in pairs, with a few irregular spots.
    if (c >= 0x100 && c <= 0x17F) {
        if (c == 0x130) return U'i'; // İ
        if (c == 0x178) return 0xFF; // Ÿ
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c % 2 == 1) ? c + 1 : c;
        if (c == 0x138 || c == 0x149 || c == 0x17F) return c;
        return (c % 2 == 0) ? c + 1 : c;
    }
    // Greek.
    if (c >= 0x391 && c <= 0x3AB) return c == 0x3A2 ? c : c + 0x20;
    if (c == 0x386) return 0x3AC;
    if (c >= 0x388 && c <= 0x38A) return c + 0x25;
    if (c == 0x38C) return 0x3CC;
    if (c == 0x38E || c == 0x38F) return c + 0x3F;
    // Cyrillic.
    if (c >= 0x400 && c <= 0x40F) return c + 0x50;
    if (c >= 0x410 && c <= 0x42F) return c + 0x20;
    if (c >= 0x460 && c <= 0x4FF && !(c >= 0x482 && c <= 0x489) && c != 0x4C0) {
        if (c >= 0x4C1 && c <= 0x4CE) return (c % 2 == 1) ? c + 1 : c;
        return (c % 2 == 0) ? c + 1 : c;
    }
    if (c == 0x4C0) return 0x4CF;
    // Armenian.
    if (c >= 0x531 && c <= 0x556) return c + 0x30;
    // Latin Extended Additional (Vietnamese and others); ẞ lowercases to ß.
    if (c == 0x1E9E) return 0xDF;
    if (c >= 0x1E00 && c <= 0x1EFF && !(c >= 0x1E96 && c <= 0x1E9F)) return (c % 2 == 0) ? c + 1 : c;
    // Full-width Latin capitals.
    if (c >= 0xFF21 && c <= 0xFF3A) return c + 0x20;
    return c;
}

std::string lowercaseUtf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (auto it = text.begin(); it != text.end();) {
        const char32_t c = utf8::unchecked::next(it);
        utf8::unchecked::append(static_cast<std::uint32_t>(simpleLowercase(c)), std::back_inserter(out));
    }
    return out;
}

std::string_view trimUnicodeWhitespace(std::string_view text) {
    auto begin = text.begin();
    while (begin != text.end()) {
        auto next = begin;
        if (!isUnicodeWhitespace(utf8::unchecked::next(next))) break;
        begin = next;
    }
    auto end = text.end();
    while (end != begin) {
        auto previous = end;
        if (!isUnicodeWhitespace(utf8::unchecked::prior(previous))) break;
        end = previous;
    }
    return text.substr(static_cast<std::size_t>(begin - text.begin()), static_cast<std::size_t>(end - begin));
}

std::string normalizeText(std::string_view text, bool lowercase, bool trim) {
    const std::string_view kept = trim ? trimUnicodeWhitespace(text) : text;
    return lowercase ? lowercaseUtf8(kept) : std::string(kept);
}

} // namespace attnlab

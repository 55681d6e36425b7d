#pragma once
// UTF-8 text helpers for the data side: validation with a byte offset, code point counts,
// Unicode whitespace and a simple (one code point to one code point) lowercase mapping.
//
// Lowercasing maps each code point to exactly one code point (Unicode "simple case mapping"), so
// character positions, and with them gold alignments, survive it. It covers Latin (ASCII,
// Latin-1, Extended-A, Extended Additional), Greek, Cyrillic, Armenian and full-width Latin;
// other scripts are left unchanged.
#include <cstddef>
#include <string>
#include <string_view>

namespace attnlab {

// Byte index of the first byte that does not start a valid UTF-8 sequence (overlong forms,
// surrogates and code points past U+10FFFF included), or std::string_view::npos when valid.
std::size_t findInvalidUtf8(std::string_view text);

// Number of code points in valid UTF-8 text.
std::size_t codePointCount(std::string_view text);

// True for the Unicode White_Space code points (tab, newline, space, no-break space, ...).
bool isUnicodeWhitespace(char32_t codePoint);

char32_t simpleLowercase(char32_t codePoint);
std::string lowercaseUtf8(std::string_view text);

// The text without leading and trailing Unicode whitespace (a view into `text`).
std::string_view trimUnicodeWhitespace(std::string_view text);

// What a dataset does to each side before tokenising, applied to a sentence a person types so
// that it meets the model in the same form as its training data.
std::string normalizeText(std::string_view text, bool lowercase, bool trim);

} // namespace attnlab

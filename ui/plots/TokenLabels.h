#pragma once
// How a model token is shown on screen. Attention is read token by token, so a token that prints as
// nothing (a space, a tab, a newline) must still be visible, and the special tokens the vocabulary
// adds (<s>, </s>, <unk>, <pad>) must stand apart from ordinary text that merely looks like them.
#include <QString>
#include <QStringList>

#include <string>
#include <string_view>
#include <vector>

namespace attnlab::ui {

struct TokenLabel {
    QString text;         // what the user sees: ' ' becomes '␣', "\t" becomes '⇥', ...
    bool special = false; // one of the vocabulary's reserved tokens, drawn in a distinct style
    bool standIn = false; // the text holds a stand-in for an invisible character (drawn in colour)
};

// True for the reserved tokens <s>, </s>, <unk> and <pad> (Vocabulary::SpecialTokens).
bool isSpecialToken(std::string_view token);

// The visible form of one UTF-8 token. Specials are kept verbatim; in other tokens each invisible
// code point is replaced by a visible stand-in (space ␣, tab ⇥, newline ↵, carriage return ␍,
// no-break space ⍽, other C0 controls by their Control Pictures glyph, zero-width and other
// format characters as ⟨U+XXXX⟩). An empty token shows as ⟨empty⟩. Invalid UTF-8 shows U+FFFD.
TokenLabel tokenLabel(std::string_view token);

std::vector<TokenLabel> tokenLabels(const std::vector<std::string>& tokens);
QStringList tokenLabelTexts(const std::vector<std::string>& tokens);

} // namespace attnlab::ui

#include "ui/plots/TokenLabels.h"

#include "core/data/Vocabulary.h"

#include <QChar>

#include <algorithm>

namespace attnlab::ui {

namespace {

// Stand-in for a code point that would otherwise be invisible or move the text around; an empty
// string means "show it as it is".
QString visibleForm(char32_t cp) {
    switch (cp) {
    case U' ':
        return QStringLiteral("\u2423"); // ␣ open box
    case U'\t':
        return QStringLiteral("\u21E5"); // ⇥
    case U'\n':
        return QStringLiteral("\u21B5"); // ↵
    case U'\r':
        return QStringLiteral("\u240D"); // ␍
    case U'\u00A0':
        return QStringLiteral("\u237D"); // ⍽ no-break space
    case U'\u007F':
        return QStringLiteral("\u2421"); // ␡
    default:
        break;
    }
    if (cp < 0x20) return QString(QChar(char16_t(0x2400 + cp))); // Control Pictures block
    const QChar::Category category = QChar::category(cp);
    const bool invisible = category == QChar::Other_Format || category == QChar::Separator_Line ||
                           category == QChar::Separator_Paragraph || category == QChar::Separator_Space ||
                           category == QChar::Other_Control;
    if (invisible) return QStringLiteral("\u27E8U+%1\u27E9").arg(uint(cp), 4, 16, QLatin1Char('0')).toUpper();
    return {};
}

} // namespace

bool isSpecialToken(std::string_view token) {
    return std::ranges::find(Vocabulary::SpecialTokens, token) != Vocabulary::SpecialTokens.end();
}

TokenLabel tokenLabel(std::string_view token) {
    if (isSpecialToken(token)) return {QString::fromUtf8(token.data(), qsizetype(token.size())), true};
    if (token.empty()) return {QStringLiteral("\u27E8empty\u27E9"), false, true};
    const QString raw = QString::fromUtf8(token.data(), qsizetype(token.size()));
    TokenLabel label;
    label.text.reserve(raw.size());
    for (char32_t cp : raw.toUcs4()) {
        const QString stand = visibleForm(cp);
        label.standIn = label.standIn || !stand.isEmpty();
        label.text += stand.isEmpty() ? QString::fromUcs4(&cp, 1) : stand;
    }
    return label;
}

std::vector<TokenLabel> tokenLabels(const std::vector<std::string>& tokens) {
    std::vector<TokenLabel> labels;
    labels.reserve(tokens.size());
    for (const std::string& token : tokens) labels.push_back(tokenLabel(token));
    return labels;
}

QStringList tokenLabelTexts(const std::vector<std::string>& tokens) {
    QStringList texts;
    texts.reserve(qsizetype(tokens.size()));
    for (const std::string& token : tokens) texts << tokenLabel(token).text;
    return texts;
}

} // namespace attnlab::ui

#include "ui/mechanism/OutputDifference.h"

namespace attnlab::ui {

std::vector<int> changedPositions(const QStringList& tokens, const QStringList& other) {
    std::vector<int> changed;
    for (int i = 0; i < tokens.size(); ++i)
        if (i >= other.size() || tokens[i] != other[i]) changed.push_back(i);
    return changed;
}

QString markedTokens(const QStringList& tokens, const QStringList& other, const QString& separator) {
    const std::vector<int> changed = changedPositions(tokens, other);
    QStringList parts;
    size_t next = 0;
    for (int i = 0; i < tokens.size(); ++i) {
        const QString text = tokens[i].toHtmlEscaped();
        if (next < changed.size() && changed[next] == i) {
            // Dark text on the yellow mark, so it reads on the dark theme too.
            parts << QStringLiteral(
                         "<span style=\"background:#ffe066;color:#202020;font-weight:bold\">%1</span>")
                         .arg(text);
            ++next;
        } else {
            parts << text;
        }
    }
    return parts.join(separator.toHtmlEscaped());
}

} // namespace attnlab::ui

#pragma once
// The original output and the what-if output one above the other, the tokens that changed marked:
// position by position, a token differs when the other output has another token there (or none).
#include <QString>
#include <QStringList>

#include <vector>

namespace attnlab::ui {

// Positions of `tokens` whose token is not the one `other` has at the same position.
std::vector<int> changedPositions(const QStringList& tokens, const QStringList& other);
// The tokens as HTML, joined by `separator`, the changed ones bold on a yellow background.
QString markedTokens(const QStringList& tokens, const QStringList& other, const QString& separator);

} // namespace attnlab::ui

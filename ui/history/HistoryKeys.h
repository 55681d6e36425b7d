#pragma once
// The keys that name a followed sentence in the attention history (core/train/AttentionHistory):
// the same sentence gets the same key in the panel that shows it and in what the run records.
#include <QString>

#include <string>

namespace attnlab::ui {

// A validation pair: its index and its source text (another split can put another pair there).
inline std::string pairTrackKey(int index, const QString& source) {
    return "pair " + std::to_string(index) + ": " + source.toStdString();
}

inline std::string typedTrackKey(const QString& sentence) {
    return "typed: " + sentence.toStdString();
}

} // namespace attnlab::ui

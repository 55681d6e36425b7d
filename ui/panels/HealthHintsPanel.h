#pragma once
// The run's health hints (core/train/HealthHints): each sign that training is going wrong, or
// that its attention is not what it seems, with what it means and what to try. Shown under the
// loss curves as they arrive, without stopping anything or asking anything; hidden while there
// are none; Dismiss hides the ones shown.
#include "core/train/HealthHint.h"

#include <QWidget>

#include <vector>

class QLabel;
class QTextBrowser;

namespace attnlab::ui {

class HealthHintsPanel : public QWidget {
    Q_OBJECT
public:
    explicit HealthHintsPanel(QWidget* parent = nullptr);

    void addHint(const HealthHint& hint);
    void clear();
    const std::vector<HealthHint>& hints() const { return m_hints; }
    QString text() const; // the hints as shown (plain text)

private:
    void render();

    std::vector<HealthHint> m_hints;
    QLabel* m_heading;
    QTextBrowser* m_text;
};

} // namespace attnlab::ui

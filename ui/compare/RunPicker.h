#pragma once
// Which runs a comparison trains: a checklist of the seven scorers, and variants (runs that
// differ in other settings, made with "Add variant…"). Everything a run does not set itself comes
// from the settings panel when Train is pressed: dataset, split, batch order, seed, sizes.
#include "ui/compare/RunChoice.h"

#include <QWidget>

#include <functional>
#include <vector>

class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace attnlab::ui {

class RunPicker : public QWidget {
    Q_OBJECT
public:
    // Where a new variant starts: the settings panel's architecture and dropout.
    using BaseSettings = std::function<std::pair<ModelConfig, double>()>;

    explicit RunPicker(BaseSettings base, QWidget* parent = nullptr);

    // The checked runs, scorers first in the list's order, then variants.
    std::vector<RunChoice> checkedRuns() const;
    void setScorerChecked(ScorerKind scorer, bool checked);
    void setAllScorersChecked(bool checked);
    // Adds a checked variant; false when its name is taken.
    bool addVariant(const RunChoice& variant);
    int variantCount() const { return static_cast<int>(m_variants.size()); }
    void setLocked(bool locked); // while the comparison trains
    QListWidget* list() const { return m_list; }

Q_SIGNALS:
    void changed();

private:
    void openVariantDialog();
    void removeSelectedVariant();
    QStringList names() const;

    BaseSettings m_base;
    QListWidget* m_list = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    std::vector<RunChoice> m_variants; // list rows 7.. in order
};

} // namespace attnlab::ui

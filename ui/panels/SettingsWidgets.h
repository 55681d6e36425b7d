#pragma once
// Small builders the settings panel uses for its form rows: spin boxes with a name, range and a
// one-sentence tooltip, form rows whose label shares the field's tooltip, and the red tint that
// marks a field validation rejected.
#include <QString>

class QFormLayout;
class QLabel;
class QSpinBox;
class QWidget;

namespace attnlab::ui {

class SettingsDoubleSpinBox;
class SettingsSpinBox;

// For both: the range is the allowed one (named at the end of the tooltip); the box shows any
// number typed. specialText, if any, is shown for the minimum ("off", "no limit").
SettingsSpinBox* makeIntSpin(const char* objectName, int minimum, int maximum, int step,
                             const QString& toolTip, QWidget* parent, const QString& specialText = QString());
SettingsDoubleSpinBox* makeDoubleSpin(const char* objectName, double minimum, double maximum,
                                      const QString& toolTip, QWidget* parent,
                                      const QString& specialText = QString());
// A number field whose value lies outside its allowed range (and that is in use: enabled): its
// value and range as text, for the message that refuses it. False for any other widget.
bool isOutOfRange(const QWidget* field, QString* valueText = nullptr, QString* rangeText = nullptr);
// Adds "label: field" to the form; the label takes the field's tooltip, so hovering either explains it.
QLabel* addFormRow(QFormLayout* form, const QString& label, QWidget* field);

// Tints the field's background and sets its "invalid" property (what tests and style sheets read).
void markInvalid(QWidget* field, bool invalid);
bool isMarkedInvalid(const QWidget* field);

} // namespace attnlab::ui

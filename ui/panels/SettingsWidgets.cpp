#include "ui/panels/SettingsWidgets.h"

#include "ui/panels/SettingsDoubleSpinBox.h"
#include "ui/panels/SettingsSpinBox.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace attnlab::ui {

namespace {
const char* const kInvalidProperty = "invalid";
const QColor kInvalidBase(0xfd, 0xe2, 0xe1); // a light red that keeps dark text readable
const QColor kInvalidText(0x20, 0x20, 0x20);
} // namespace

namespace {
QString allowedText(const QString& range) {
    return QCoreApplication::translate("attnlab::ui::SettingsPanel", "Allowed: %1.").arg(range);
}
} // namespace

SettingsSpinBox* makeIntSpin(const char* objectName, int minimum, int maximum, int step,
                             const QString& toolTip, QWidget* parent, const QString& specialText) {
    auto* spin = new SettingsSpinBox(parent);
    spin->setObjectName(QString::fromLatin1(objectName));
    spin->setSpecialValueText(specialText);
    spin->setAllowedRange(minimum, maximum);
    spin->setSingleStep(step);
    spin->setToolTip(toolTip + QLatin1Char(' ') + allowedText(spin->allowedRangeText()));
    spin->setAccelerated(true);
    return spin;
}

bool isOutOfRange(const QWidget* field, QString* valueText, QString* rangeText) {
    if (!field || !field->isEnabled()) return false; // a greyed-out field does not take part
    QString value, range;
    if (const auto* box = qobject_cast<const SettingsDoubleSpinBox*>(field)) {
        if (box->isInAllowedRange()) return false;
        value = SettingsDoubleSpinBox::shortestText(box->value());
        range = box->allowedRangeText();
    } else if (const auto* box = qobject_cast<const SettingsSpinBox*>(field)) {
        if (box->isInAllowedRange()) return false;
        value = QString::number(box->value());
        range = box->allowedRangeText();
    } else {
        return false;
    }
    if (valueText) *valueText = value;
    if (rangeText) *rangeText = range;
    return true;
}

SettingsDoubleSpinBox* makeDoubleSpin(const char* objectName, double minimum, double maximum,
                                      const QString& toolTip, QWidget* parent, const QString& specialText) {
    auto* spin = new SettingsDoubleSpinBox(parent);
    spin->setObjectName(QString::fromLatin1(objectName));
    spin->setSpecialValueText(specialText);
    spin->setAllowedRange(minimum, maximum);
    spin->setToolTip(toolTip + QLatin1Char(' ') + allowedText(spin->allowedRangeText()));
    return spin;
}

QLabel* addFormRow(QFormLayout* form, const QString& label, QWidget* field) {
    auto* text = new QLabel(label, form->parentWidget());
    text->setToolTip(field->toolTip());
    text->setBuddy(field);
    form->addRow(text, field);
    return text;
}

void markInvalid(QWidget* field, bool invalid) {
    if (isMarkedInvalid(field) == invalid) return;
    field->setProperty(kInvalidProperty, invalid);
    if (invalid) {
        // Only these roles are set: the rest follows the theme. The text is dark on either theme,
        // since the light red stays light.
        QPalette palette;
        palette.setColor(QPalette::Base, kInvalidBase);
        palette.setColor(QPalette::Button, kInvalidBase);
        palette.setColor(QPalette::Text, kInvalidText);
        palette.setColor(QPalette::ButtonText, kInvalidText);
        field->setPalette(palette);
    } else {
        field->setPalette(QPalette()); // an empty palette inherits the parent's again
    }
}

bool isMarkedInvalid(const QWidget* field) {
    return field->property(kInvalidProperty).toBool();
}

} // namespace attnlab::ui

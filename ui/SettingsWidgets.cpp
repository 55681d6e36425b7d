#include "ui/SettingsWidgets.h"

#include "ui/SettingsDoubleSpinBox.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace attnlab::ui {

namespace {
const char* const kInvalidProperty = "invalid";
const QColor kInvalidBase(0xfd, 0xe2, 0xe1); // a light red that keeps dark text readable
} // namespace

QSpinBox* makeIntSpin(const char* objectName, int minimum, int maximum, int step, const QString& toolTip,
                      QWidget* parent) {
    auto* spin = new QSpinBox(parent);
    spin->setObjectName(QString::fromLatin1(objectName));
    spin->setRange(minimum, maximum);
    spin->setSingleStep(step);
    spin->setToolTip(toolTip);
    spin->setAccelerated(true);
    return spin;
}

SettingsDoubleSpinBox* makeDoubleSpin(const char* objectName, double minimum, double maximum,
                                      const QString& toolTip, QWidget* parent, const QString& specialText) {
    auto* spin = new SettingsDoubleSpinBox(parent);
    spin->setObjectName(QString::fromLatin1(objectName));
    spin->setSpecialValueText(specialText);
    spin->setAllowedRange(minimum, maximum);
    spin->setToolTip(toolTip + QLatin1Char(' ') +
                     QCoreApplication::translate("attnlab::ui::SettingsPanel", "Allowed: %1.")
                         .arg(spin->allowedRangeText()));
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
        QPalette palette = field->palette();
        palette.setColor(QPalette::Base, kInvalidBase);
        palette.setColor(QPalette::Button, kInvalidBase);
        field->setPalette(palette);
    } else {
        field->setPalette(QPalette()); // an empty palette inherits the parent's again
    }
}

bool isMarkedInvalid(const QWidget* field) {
    return field->property(kInvalidProperty).toBool();
}

} // namespace attnlab::ui

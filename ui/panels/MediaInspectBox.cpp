#include "ui/panels/MediaInspectBox.h"

#include "core/util/MediaError.h"
#include "ui/panels/ElidedLabel.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QPushButton>
#include <QRandomGenerator>

#include <stdexcept>

namespace attnlab::ui {

namespace {
// The settings a source's features are made with: another value makes them another model's.
bool sameFeatures(const InputConfig& a, const InputConfig& b) {
    return a.kind == b.kind && a.sampleRate == b.sampleRate && a.melBands == b.melBands &&
           a.windowMs == b.windowMs && a.hopMs == b.hopMs && a.imageWidth == b.imageWidth &&
           a.imageHeight == b.imageHeight && a.imageChannels == b.imageChannels && a.patch == b.patch;
}

struct WaitCursor {
    WaitCursor() { QApplication::setOverrideCursor(Qt::WaitCursor); }
    ~WaitCursor() { QApplication::restoreOverrideCursor(); }
};
} // namespace

MediaInspectBox::MediaInspectBox(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("MediaInspectBox"));
    m_openButton = new QPushButton(tr("Open file…"), this);
    m_openButton->setObjectName(QStringLiteral("openMediaButton"));
    connect(m_openButton, &QPushButton::clicked, this, &MediaInspectBox::chooseFile);
    m_randomButton = new QPushButton(tr("Random example"), this);
    m_randomButton->setObjectName(QStringLiteral("randomExampleButton"));
    connect(m_randomButton, &QPushButton::clicked, this, &MediaInspectBox::drawRandomExample);
    m_label = new ElidedLabel(this);
    m_label->setObjectName(QStringLiteral("mediaSourceLabel"));
    m_label->setBaseToolTip(tr("The recording or picture the model reads below."));

    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_openButton);
    row->addWidget(m_randomButton);
    row->addWidget(m_label, 1);

    m_chooseFile = [this](const QString& title, const QString& filter) {
        return QFileDialog::getOpenFileName(this, title, m_lastDirectory, filter);
    };
    setInput(m_input);
}

void MediaInspectBox::setInput(const InputConfig& input) {
    if (!sameFeatures(input, m_input)) clearSource();
    m_input = input;
    const bool frames = input.kind == InputKind::Frames;
    m_openButton->setToolTip(frames ? tr("Open a recording (WAV, FLAC or OGG; mono) and see where the model "
                                         "listens for each output symbol.")
                                    : tr("Open a picture (PNG or JPEG; resized to %1 x %2) and see where the "
                                         "model looks for each word.")
                                          .arg(input.imageWidth)
                                          .arg(input.imageHeight));
    m_randomButton->setToolTip(
        frames ? tr("Synthesise a new utterance like the spoken dataset's (espeak-ng), with "
                    "its transcript and the frames each word was spoken in.")
               : tr("Draw a new scene like the shapes dataset's, with its caption and the "
                    "cells each word names."));
}

QString MediaInspectBox::fileFilter() const {
    return m_input.kind == InputKind::Frames ? tr("Audio (*.wav *.flac *.ogg);;All files (*)")
                                             : tr("Pictures (*.png *.jpg *.jpeg);;All files (*)");
}

QString MediaInspectBox::sourceText() const {
    if (!m_source) return QString();
    const QString label = QString::fromStdString(m_source->label);
    if (m_source->reference.empty()) return label;
    return tr("%1 · reference: %2").arg(label, QString::fromStdString(m_source->reference));
}

void MediaInspectBox::chooseFile() {
    const QString title = m_input.kind == InputKind::Frames ? tr("Open a Recording") : tr("Open a Picture");
    const QString path = m_chooseFile(title, fileFilter());
    if (path.isEmpty()) return;
    m_lastDirectory = QFileInfo(path).absolutePath();
    openFile(path);
}

bool MediaInspectBox::openFile(const QString& path) {
    try {
        const WaitCursor wait;
        setSource(readMediaSource(QDir::toNativeSeparators(path).toStdString(), m_input));
        return true;
    } catch (const MediaError& e) {
        // what() is "FILE: REASON" already.
        Q_EMIT failed(tr("Cannot use %1").arg(QString::fromStdString(e.what())));
    } catch (const std::exception& e) {
        // e.g. a picture for a model that listens: the reason does not always name the file.
        const QString reason = QString::fromStdString(e.what());
        Q_EMIT failed(reason.contains(path) ? tr("Cannot use %1").arg(reason)
                                            : tr("Cannot use %1: %2").arg(path, reason));
    }
    return false;
}

void MediaInspectBox::drawRandomExample() {
    drawExample(QRandomGenerator::global()->generate64());
}

void MediaInspectBox::drawExample(quint64 seed) {
    try {
        const WaitCursor wait;
        setSource(drawMediaExample(m_input, seed));
    } catch (const std::exception& e) {
        Q_EMIT failed(tr("Could not draw an example: %1").arg(QString::fromStdString(e.what())));
    }
}

void MediaInspectBox::clearSource() {
    m_source.reset();
    m_label->setFullText(QString());
}

void MediaInspectBox::setSource(MediaSource source) {
    m_source = std::move(source);
    m_label->setFullText(sourceText());
    Q_EMIT sourceChanged();
}

} // namespace attnlab::ui

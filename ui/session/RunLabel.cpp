#include "ui/session/RunLabel.h"

#include <QObject>

namespace attnlab::ui {

namespace {
QString number(double value) {
    return QString::number(value, 'g', 4);
}

QString scorer(const RunSettings& run) {
    return QString::fromStdString(scorerName(run.config.scorer));
}

QString decoder(const RunSettings& run) {
    const ModelConfig& c = run.config;
    if (c.decoder == DecoderStyle::Bahdanau) return QStringLiteral("bahdanau");
    return c.inputFeeding ? QStringLiteral("luong") : QStringLiteral("luong, no input feeding");
}
} // namespace

QStringList RunLabel::essentials(const RunSettings& run) {
    return {scorer(run), QStringLiteral("lr %1").arg(number(run.training.learningRate))};
}

QStringList RunLabel::differences(const RunSettings& run, const RunSettings& other) {
    const ModelConfig& a = run.config;
    const ModelConfig& b = other.config;
    const TrainingSettings& s = run.training;
    const TrainingSettings& t = other.training;
    QStringList parts;
    if (run.dataset != other.dataset) parts << run.dataset;
    if (a.scorer != b.scorer) parts << scorer(run);
    if (a.decoder != b.decoder || a.inputFeeding != b.inputFeeding) parts << decoder(run);
    if (a.bidirectional != b.bidirectional)
        parts << (a.bidirectional ? QStringLiteral("bidirectional") : QStringLiteral("unidirectional"));
    if (a.embedding != b.embedding) parts << QStringLiteral("E %1").arg(a.embedding);
    if (a.hidden != b.hidden) parts << QStringLiteral("H %1").arg(a.hidden);
    if (a.attentionSize() != b.attentionSize()) parts << QStringLiteral("A %1").arg(a.attentionSize());
    if (s.optimizer != t.optimizer) parts << QString::fromStdString(optimizerName(s.optimizer));
    if (s.learningRate != t.learningRate) parts << QStringLiteral("lr %1").arg(number(s.learningRate));
    if (s.batchSize != t.batchSize) parts << QStringLiteral("batch %1").arg(s.batchSize);
    if (s.clipNorm != t.clipNorm) parts << QStringLiteral("clip %1").arg(number(s.clipNorm));
    if (s.teacherForcing != t.teacherForcing)
        parts << QStringLiteral("teacher forcing %1").arg(number(s.teacherForcing));
    if (s.dropout != t.dropout) parts << QStringLiteral("dropout %1").arg(number(s.dropout));
    if (s.seed != t.seed) parts << QStringLiteral("seed %1").arg(s.seed);
    return parts;
}

QString RunLabel::label(int number, const RunSettings& run, const RunSettings* current) {
    const QStringList parts = current ? differences(run, *current) : essentials(run);
    const QString what =
        parts.isEmpty() ? QObject::tr("same settings") : parts.join(QStringLiteral(" \u00B7 "));
    return QObject::tr("run %1: %2").arg(number).arg(what);
}

} // namespace attnlab::ui

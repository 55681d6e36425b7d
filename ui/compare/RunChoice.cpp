#include "ui/compare/RunChoice.h"

#include <QStringList>

namespace attnlab::ui {

RunSpec RunChoice::spec(const ModelConfig& base, const TrainingSettings& settings) const {
    RunSpec run;
    run.name = name.toStdString();
    run.config = config.value_or(base);
    run.config.scorer = scorer;
    run.settings = settings;
    if (dropout) run.settings.dropout = *dropout;
    return run;
}

QString RunChoice::describe(const ModelConfig& c, double dropout, const ModelConfig& base,
                            double baseDropout) {
    QStringList parts{QString::fromStdString(scorerName(c.scorer))};
    if (c.decoder != base.decoder) parts << QString::fromStdString(decoderStyleName(c.decoder));
    if (c.inputFeeding != base.inputFeeding && c.decoder == DecoderStyle::Luong)
        parts << (c.inputFeeding ? QStringLiteral("input feeding") : QStringLiteral("no input feeding"));
    if (c.bidirectional != base.bidirectional)
        parts << (c.bidirectional ? QStringLiteral("bidirectional") : QStringLiteral("unidirectional"));
    if (c.embedding != base.embedding) parts << QStringLiteral("E %1").arg(c.embedding);
    if (c.hidden != base.hidden) parts << QStringLiteral("H %1").arg(c.hidden);
    if (c.attentionDim != base.attentionDim) parts << QStringLiteral("A %1").arg(c.attentionSize());
    if (dropout != baseDropout) parts << QStringLiteral("dropout %1").arg(dropout);
    return parts.join(QStringLiteral(" · "));
}

} // namespace attnlab::ui

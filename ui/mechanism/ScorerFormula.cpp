#include "ui/mechanism/ScorerFormula.h"

#include <QCoreApplication>

#include <cmath>

namespace attnlab::ui {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("attnlab::ui::ScorerFormula", text);
}

QString number(double value, int decimals = 3) {
    return QString::number(value, 'f', decimals).replace('-', QChar(0x2212));
}

// "e_3 = vᵀ tanh(…) = 1.254" with the numbers of each term for the additive kinds.
QString scoreNumbers(const ScorerTerms& t, const QString& s) {
    const QString result = QStringLiteral(" = <b>%1</b>").arg(number(t.score));
    switch (t.kind) {
    case ScorerKind::None:
        return QString();
    case ScorerKind::Dot:
        return tr("q = %1, h̄<sub>%2</sub> = %3; q · h̄<sub>%2</sub>")
                   .arg(vectorText(t.query), s, vectorText(t.key)) +
               result;
    case ScorerKind::ScaledDot:
        return tr("q = %1, h̄<sub>%2</sub> = %3; (q · h̄<sub>%2</sub>) × %4")
                   .arg(vectorText(t.query), s, vectorText(t.key), number(t.scale, 4)) +
               result;
    case ScorerKind::General:
        return tr("W q = %1, h̄<sub>%2</sub> = %3; h̄<sub>%2</sub>ᵀ (W q)")
                   .arg(vectorText(t.projectedQuery), s, vectorText(t.key)) +
               result;
    case ScorerKind::Location:
        return tr("w<sub>%1</sub> = %2, q = %3; w<sub>%1</sub>ᵀ q")
                   .arg(s, vectorText(t.positionWeights), vectorText(t.query)) +
               result;
    case ScorerKind::Additive:
    case ScorerKind::LocationAware: {
        QString text = tr("W<sub>q</sub> q = %1, W<sub>k</sub> h̄<sub>%2</sub> + b = %3")
                           .arg(vectorText(t.projectedQuery), s, vectorText(t.projectedKey));
        if (t.kind == ScorerKind::LocationAware)
            text += tr(", f<sub>%1</sub> = %2, U f<sub>%1</sub> = %3")
                        .arg(s, vectorText(t.features), vectorText(t.projectedFeatures));
        return text + tr("; tanh(sum) = %1; vᵀ tanh(…)").arg(vectorText(t.activation)) + result;
    }
    }
    return QString();
}
} // namespace

QString vectorText(const Vector<float>& values, int shown) {
    QStringList parts;
    const int n = static_cast<int>(values.size());
    for (int i = 0; i < std::min(n, shown); ++i) parts << number(values(i), 2);
    if (n > shown) parts << tr("… %1 values").arg(n);
    return QStringLiteral("[%1]").arg(parts.join(QStringLiteral(", ")));
}

QString scoreFormula(ScorerKind kind, const QString& q) {
    switch (kind) {
    case ScorerKind::None:
        return tr("No attention: the decoder reads only the encoder's final state.");
    case ScorerKind::Dot:
        return QStringLiteral("e<sub>s</sub> = %1 · h̄<sub>s</sub>").arg(q);
    case ScorerKind::ScaledDot:
        return QStringLiteral("e<sub>s</sub> = (%1 · h̄<sub>s</sub>) / √H").arg(q);
    case ScorerKind::General:
        return QStringLiteral("e<sub>s</sub> = h̄<sub>s</sub>ᵀ W %1").arg(q);
    case ScorerKind::Additive:
        return QStringLiteral("e<sub>s</sub> = vᵀ tanh(W<sub>q</sub> %1 + W<sub>k</sub> h̄<sub>s</sub> + b)")
            .arg(q);
    case ScorerKind::Location:
        return tr("e<sub>s</sub> = w<sub>s</sub>ᵀ %1 (position s's own weights: what h̄<sub>s</sub> holds is "
                  "not read)")
            .arg(q);
    case ScorerKind::LocationAware:
        return tr("e<sub>s</sub> = vᵀ tanh(W<sub>q</sub> %1 + W<sub>k</sub> h̄<sub>s</sub> + b + U "
                  "f<sub>s</sub>), "
                  "f = F ∗ α<sub>t−1</sub> (a convolution over the previous step's weights)")
            .arg(q);
    }
    return QString();
}

QString attentionSteps(ScorerKind kind, const QString& query, const FormulaNumbers& n) {
    if (kind == ScorerKind::None) return scoreFormula(kind, query);
    const ScorerTerms* t = n.terms;
    const QString s = t ? QString::number(t->position + 1) : QStringLiteral("s");
    QString text =
        tr("<b>1. Score</b> every source position against the query: %1").arg(scoreFormula(kind, query));
    if (t)
        text += QStringLiteral("<br>&nbsp;&nbsp;&nbsp;%1 '%2': %3")
                    .arg(tr("at"), n.token.toHtmlEscaped(), scoreNumbers(*t, s));
    text += tr("<br><b>2. Softmax</b> turns scores into weights: α<sub>s</sub> = exp(e<sub>s</sub>/τ) / "
               "Σ<sub>j</sub> exp(e<sub>j</sub>/τ), τ = %1")
                .arg(number(n.temperature, 2));
    if (t && n.forced)
        text += tr("<br>&nbsp;&nbsp;&nbsp;α<sub>%1</sub> = <b>%2</b>, set by the what-if (the softmax would "
                   "have given "
                   "exp(%3 / %4) / %5 = %6)")
                    .arg(s, number(n.weight, 4), number(t->score), number(n.temperature, 2),
                         number(n.partition), number(std::exp(t->score / n.temperature) / n.partition, 4));
    else if (t)
        text +=
            QStringLiteral("<br>&nbsp;&nbsp;&nbsp;α<sub>%1</sub> = exp(%2 / %3) / %4 = <b>%5</b>")
                .arg(s, number(t->score), number(n.temperature, 2), number(n.partition), number(n.weight, 4));
    text +=
        tr("<br><b>3. Weighted sum</b> of the encoder states: c = Σ<sub>s</sub> α<sub>s</sub> h̄<sub>s</sub>");
    if (t)
        text += tr("<br>&nbsp;&nbsp;&nbsp;position %1 adds α<sub>%1</sub> h̄<sub>%1</sub> = %2 × %3")
                    .arg(s, number(n.weight, 4), vectorText(t->key));
    return text;
}

} // namespace attnlab::ui

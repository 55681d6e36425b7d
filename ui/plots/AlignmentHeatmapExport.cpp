// AlignmentHeatmap's exports: the title text, the image of the view (PNG, SVG, PDF, or an image
// for an animation's frame) and the weights as CSV.
#include "ui/plots/AlignmentHeatmap.h"

#include "ui/plots/CsvWriter.h"
#include "ui/plots/DistributionStrip.h"
#include "ui/plots/HeatmapNavigator.h"
#include "ui/plots/PlotExport.h"
#include "ui/plots/PlotTheme.h"

#include <qcustomplot.h>

#include <algorithm>

namespace attnlab::ui {

// "reverse me → em esrever": the sentence pair as text, special tokens left out.
QString AlignmentHeatmap::titleText() const {
    auto join = [](const std::vector<std::string>& tokens) {
        // Character tokens read as a word only when joined without spaces.
        const bool characters = std::ranges::all_of(tokens, [](const std::string& token) {
            return isSpecialToken(token) || QString::fromStdString(token).toUcs4().size() <= 1;
        });
        QStringList parts;
        for (const std::string& token : tokens)
            if (!isSpecialToken(token)) parts << QString::fromStdString(token);
        return parts.join(characters ? QString() : QStringLiteral(" "));
    };
    if (outputCount() == 0) return {};
    return QStringLiteral("%1 \u2192 %2").arg(join(m_sourceTokens), join(m_outputTokens));
}

// The exported figure stands alone on a slide: the sentence pair as its title, every label laid out
// for the export, and the strip only when a row is selected (an empty "click a row" chart means
// nothing on paper). The screen layout is restored afterwards.
QImage AlignmentHeatmap::renderImage(QSize size) {
    const HeatmapViewport view = m_navigator->viewport(); // the other size's layout clamps it
    const QRect viewport = m_plot->viewport();
    const bool stripShown = m_strip->isVisible();
    m_strip->setVisible(false);
    m_plot->setViewport(QRect(QPoint(0, 0), size)); // fitLabels lays the labels out for this size
    fitLabels();
    const QImage image = m_plot->toPixmap(size.width(), size.height()).toImage();
    m_plot->setViewport(viewport);
    m_strip->setVisible(stripShown);
    m_navigator->restore(view);
    fitLabels();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    return image;
}

bool AlignmentHeatmap::exportImage(const QString& path, QString* error) {
    const HeatmapViewport view = m_navigator->viewport(); // the title row's layout clamps it
    QCPLayoutGrid* grid = m_plot->plotLayout();
    QCPTextElement* title = nullptr;
    if (outputCount() > 0) {
        grid->insertRow(0);
        title = new QCPTextElement(m_plot, titleText());
        PlotTheme::setFontScale(*title, 1.2, true);
        PlotTheme::apply(*m_plot); // its font and colour, as every re-theme will give them
        grid->addElement(0, 0, title);
    }
    const bool stripShown = outputCount() > 0 && m_highlightedRow >= 0 && !m_compact;
    m_strip->setVisible(stripShown);
    fitLabels();
    ExportOptions options;
    options.title =
        outputCount() > 0 ? tr("Attention alignment: %1").arg(titleText()) : tr("Attention alignment");
    const bool ok = exportPlotImage(*m_plot, path, error, options);
    if (title) {
        grid->remove(title);
        grid->simplify();
    }
    m_strip->setVisible(outputCount() > 0 && !m_compact);
    m_navigator->restore(view);
    fitLabels();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    return ok;
}

bool AlignmentHeatmap::exportCsv(const QString& path, QString* error) const {
    CsvWriter csv;
    QStringList header{QStringLiteral("output/source")};
    for (const std::string& token : m_sourceTokens) header << QString::fromStdString(token);
    csv.addRow(header);
    for (int t = 0; t < outputCount(); ++t) {
        QStringList row{QString::fromStdString(m_outputTokens[size_t(t)])};
        for (int s = 0; s < sourceCount(); ++s) row << CsvWriter::number(m_weights(t, s));
        csv.addRow(row);
    }
    return csv.save(path, error);
}

} // namespace attnlab::ui

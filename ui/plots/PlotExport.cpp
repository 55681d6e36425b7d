#include "ui/plots/PlotExport.h"

#include <qcustomplot.h>

#include <QBuffer>
#include <QFileInfo>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace attnlab::ui {

namespace {

bool fail(QString* error, const QString& message) {
    if (error) *error = message;
    return false;
}

QByteArray renderPng(QCustomPlot& plot, QSize size, double scale) {
    const QPixmap pixmap = plot.toPixmap(size.width(), size.height(), scale);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (pixmap.isNull() || !pixmap.save(&buffer, "PNG")) return {};
    return bytes;
}

// QCustomPlot draws into any QCPPainter; vectorized mode keeps lines and text as vector paths
// instead of the pixmap caches the screen uses.
void drawVectorized(QCustomPlot& plot, QCPPainter& painter, QSize size) {
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    painter.setWindow(0, 0, size.width(), size.height());
    plot.toPainter(&painter, size.width(), size.height());
}

QByteArray renderSvg(QCustomPlot& plot, QSize size, const QString& title) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(title);
    generator.setDescription(QStringLiteral("Exported from AttnLab"));
    QCPPainter painter;
    if (!painter.begin(&generator)) return {};
    drawVectorized(plot, painter, size);
    painter.end();
    return bytes;
}

QByteArray renderPdf(QCustomPlot& plot, QSize size, const QString& title) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("AttnLab"));
        // One point per plot pixel: the page is exactly the plot, with no margins.
        writer.setPageSize(QPageSize(QSizeF(size), QPageSize::Point, QString(), QPageSize::ExactMatch));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        QCPPainter painter;
        if (!painter.begin(&writer)) return {};
        drawVectorized(plot, painter, size);
        painter.end();
    }
    return bytes;
}

} // namespace

std::optional<ImageFormat> imageFormatForPath(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png")) return ImageFormat::Png;
    if (suffix == QLatin1String("svg")) return ImageFormat::Svg;
    if (suffix == QLatin1String("pdf")) return ImageFormat::Pdf;
    return std::nullopt;
}

QString imageFileFilter() {
    return QStringLiteral("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)");
}

bool exportPlotImage(QCustomPlot& plot, const QString& path, QString* error, const ExportOptions& options) {
    const std::optional<ImageFormat> format = imageFormatForPath(path);
    if (!format)
        return fail(
            error,
            QStringLiteral("cannot export to %1: the file name must end in .png, .svg or .pdf").arg(path));
    QSize size = options.size.isEmpty() ? plot.size() : options.size;
    if (size.isEmpty()) size = QSize(800, 600); // a plot that was never laid out

    QByteArray bytes;
    switch (*format) {
    case ImageFormat::Png:
        bytes = renderPng(plot, size, options.pngScale);
        break;
    case ImageFormat::Svg:
        bytes = renderSvg(plot, size, options.title);
        break;
    case ImageFormat::Pdf:
        bytes = renderPdf(plot, size, options.title);
        break;
    }
    if (bytes.isEmpty()) return fail(error, QStringLiteral("cannot render the plot for %1").arg(path));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(error, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

} // namespace attnlab::ui

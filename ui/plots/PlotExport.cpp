#include "ui/plots/PlotExport.h"

#include "ui/plots/PlotTheme.h"
#include "ui/theme/AppTheme.h"

#include <qcustomplot.h>

#include <QBuffer>
#include <QFileInfo>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <functional>

namespace attnlab::ui {

namespace {

// An exported picture goes on white slides and paper, so it keeps the light look whatever the
// window's theme: while it is drawn the widget (and every plot in it, through PlotTheme) takes the
// light palette; afterwards it inherits the window's again.
class LightWhileExporting {
public:
    explicit LightWhileExporting(QWidget& widget) : m_widget(widget) {
        if (!PlotTheme::isDark(widget.palette())) return;
        m_switched = true;
        m_hadOwnPalette = widget.testAttribute(Qt::WA_SetPalette);
        m_own = widget.palette();
        widget.setPalette(AppTheme::lightPalette());
        refreshPlots(); // the plots' own items (labels, outlines) restyle before they replot
    }
    ~LightWhileExporting() {
        if (!m_switched) return;
        m_widget.setPalette(m_hadOwnPalette ? m_own : QPalette()); // an empty palette: inherit again
        refreshPlots();
    }
    LightWhileExporting(const LightWhileExporting&) = delete;
    LightWhileExporting& operator=(const LightWhileExporting&) = delete;

private:
    void refreshPlots() {
        if (auto* plot = qobject_cast<QCustomPlot*>(&m_widget)) plot->replot();
        for (QCustomPlot* plot : m_widget.findChildren<QCustomPlot*>()) plot->replot();
    }
    QWidget& m_widget;
    QPalette m_own;
    bool m_switched = false;
    bool m_hadOwnPalette = false;
};

bool fail(QString* error, const QString& message) {
    if (error) *error = message;
    return false;
}

using Draw = std::function<void(QCPPainter&)>;

QByteArray pngBytes(const QImage& image) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (image.isNull() || !image.save(&buffer, "PNG")) return {};
    return bytes;
}

// QCustomPlot draws into any QCPPainter; vectorized mode keeps lines and text as vector paths
// instead of the pixmap caches the screen uses.
Draw drawPlot(QCustomPlot& plot, QSize size) {
    return [&plot, size](QCPPainter& painter) {
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        painter.setWindow(0, 0, size.width(), size.height());
        plot.toPainter(&painter, size.width(), size.height());
    };
}

// In SVG and PDF the drawing's pixels are mapped onto the page (size); a PNG paints 1:1.
Draw drawWidget(QWidget& widget, QSize size = QSize()) {
    return [&widget, size](QCPPainter& painter) {
        if (!size.isEmpty()) painter.setWindow(0, 0, size.width(), size.height());
        widget.render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    };
}

QByteArray renderSvg(QSize size, const QString& title, const Draw& draw) {
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
    draw(painter);
    painter.end();
    return bytes;
}

QByteArray renderPdf(QSize size, const QString& title, const Draw& draw) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("AttnLab"));
        // One point per pixel: the page is exactly the drawing, with no margins.
        writer.setPageSize(QPageSize(QSizeF(size), QPageSize::Point, QString(), QPageSize::ExactMatch));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        QCPPainter painter;
        if (!painter.begin(&writer)) return {};
        draw(painter);
        painter.end();
    }
    return bytes;
}

bool writeBytes(const QString& path, const QByteArray& bytes, QString* error) {
    if (bytes.isEmpty()) return fail(error, QStringLiteral("cannot render the picture for %1").arg(path));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(error, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

std::optional<ImageFormat> checkedFormat(const QString& path, QString* error) {
    const std::optional<ImageFormat> format = imageFormatForPath(path);
    if (!format)
        fail(error,
             QStringLiteral("cannot export to %1: the file name must end in .png, .svg or .pdf").arg(path));
    return format;
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
    const std::optional<ImageFormat> format = checkedFormat(path, error);
    if (!format) return false;
    QSize size = options.size.isEmpty() ? plot.size() : options.size;
    if (size.isEmpty()) size = QSize(800, 600); // a plot that was never laid out
    const LightWhileExporting light(plot);
    switch (*format) {
    case ImageFormat::Png:
        return writeBytes(
            path, pngBytes(plot.toPixmap(size.width(), size.height(), options.pngScale).toImage()), error);
    case ImageFormat::Svg:
        return writeBytes(path, renderSvg(size, options.title, drawPlot(plot, size)), error);
    case ImageFormat::Pdf:
        return writeBytes(path, renderPdf(size, options.title, drawPlot(plot, size)), error);
    }
    return false;
}

bool exportWidgetImage(QWidget& widget, const QString& path, QString* error, const QString& title) {
    const std::optional<ImageFormat> format = checkedFormat(path, error);
    if (!format) return false;
    const QSize size = widget.size().isEmpty() ? QSize(800, 600) : widget.size();
    const LightWhileExporting light(widget);
    switch (*format) {
    case ImageFormat::Png: {
        constexpr double scale = 2.0; // sharp on slides, as the plots' PNGs
        QImage image(size * scale, QImage::Format_ARGB32);
        image.fill(Qt::white);
        image.setDevicePixelRatio(scale);
        QCPPainter painter(&image);
        drawWidget(widget)(painter);
        painter.end();
        return writeBytes(path, pngBytes(image), error);
    }
    case ImageFormat::Svg:
        return writeBytes(path, renderSvg(size, title, drawWidget(widget, size)), error);
    case ImageFormat::Pdf:
        return writeBytes(path, renderPdf(size, title, drawWidget(widget, size)), error);
    }
    return false;
}

} // namespace attnlab::ui

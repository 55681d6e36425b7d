#pragma once
// Export of a QCustomPlot (with everything drawn on it: labels, markers, colour scale) to a file.
// The format follows the file name's extension: .png raster, .svg and .pdf vector (a colour map
// stays an embedded image inside them, oversampled by QCustomPlot so cells keep sharp edges).
#include <QSize>
#include <QString>

#include <optional>

class QCustomPlot;
class QWidget;

namespace attnlab::ui {

enum class ImageFormat { Png, Svg, Pdf };

// By extension, case-insensitive; nullopt for anything else.
std::optional<ImageFormat> imageFormatForPath(const QString& path);

// "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)", for QFileDialog.
QString imageFileFilter();

struct ExportOptions {
    QSize size;            // logical size of the drawing; empty means the plot's current size
    double pngScale = 2.0; // PNG pixels per logical pixel, so slides and papers get a sharp image
    QString title;         // document title in SVG and PDF
};

// Renders `plot` into `path`. The file is replaced atomically (QSaveFile): a failed export leaves an
// existing file untouched. On failure returns false and says why in *error (if given).
bool exportPlotImage(QCustomPlot& plot, const QString& path, QString* error = nullptr,
                     const ExportOptions& options = {});

// Renders a widget and its children (a grid of plots) the same way: PNG at twice its size, SVG and
// PDF with the widgets' own painting recorded as vectors where they draw vectors.
bool exportWidgetImage(QWidget& widget, const QString& path, QString* error = nullptr,
                       const QString& title = QString());

} // namespace attnlab::ui

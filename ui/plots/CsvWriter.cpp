#include "ui/plots/CsvWriter.h"

#include <QSaveFile>

#include <charconv>
#include <cmath>

namespace attnlab::ui {

namespace {

template <class Float> QString shortestNumber(Float value) {
    if (std::isnan(value)) return QStringLiteral("nan");
    if (std::isinf(value)) return value > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return QString::fromLatin1(buffer, result.ptr - buffer);
}

} // namespace

void CsvWriter::addRow(const QStringList& fields) {
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0) m_text += QLatin1Char(',');
        m_text += quoteField(fields[i]);
    }
    m_text += QStringLiteral("\r\n");
    ++m_rows;
}

bool CsvWriter::save(const QString& path, QString* error) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error) *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(m_text.toUtf8());
    if (!file.commit()) {
        if (error) *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QString CsvWriter::quoteField(const QString& field) {
    const bool edgeSpace = !field.isEmpty() && (field.front().isSpace() || field.back().isSpace());
    const bool needsQuotes = edgeSpace || field.contains(QLatin1Char(',')) ||
                             field.contains(QLatin1Char('"')) || field.contains(QLatin1Char('\n')) ||
                             field.contains(QLatin1Char('\r'));
    if (!needsQuotes) return field;
    QString quoted = field;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString CsvWriter::number(float value) {
    return shortestNumber(value);
}
QString CsvWriter::number(double value) {
    return shortestNumber(value);
}

} // namespace attnlab::ui

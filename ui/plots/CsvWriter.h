#pragma once
// CSV text as RFC 4180 writes it: CRLF line ends, fields quoted when they hold a comma, a double
// quote, a line break or leading/trailing whitespace (which spreadsheet readers would otherwise
// trim away, and a space is a real token here), quotes inside doubled.
#include <QString>
#include <QStringList>

namespace attnlab::ui {

class CsvWriter {
public:
    void addRow(const QStringList& fields);
    const QString& text() const { return m_text; }
    int rowCount() const { return m_rows; }

    // Writes the text as UTF-8 (no BOM) through QSaveFile, so a failed write leaves no half file.
    bool save(const QString& path, QString* error = nullptr) const;

    static QString quoteField(const QString& field);
    // Shortest decimal form that reads back to the same float / double (std::to_chars).
    static QString number(float value);
    static QString number(double value);

private:
    QString m_text;
    int m_rows = 0;
};

} // namespace attnlab::ui

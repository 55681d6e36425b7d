#pragma once
// The catalogue of bad files (tests/data/bad/catalogue.tsv, issue 11) as the suites that walk it
// see it: one BadFile per entry, the entries the test makes itself (a 2 MiB line, a directory, an
// absent file), and the check every refusal must pass: the message names the file, the line (for
// a dataset) or the tensor/key (for a model), and the reason.
// ATTNLAB_BAD_FILES is the catalogue's folder (set in the tests' CMakeLists.txt).
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QStringList>

#include <vector>

namespace attnlab::test {

struct BadFile {
    QString file;   // relative to the catalogue's folder
    QString kind;   // "dataset" or "model"
    QString make;   // "-": committed; else how the test makes it (see catalogue.tsv)
    QString tokens; // a dataset's tokenisation, "char" or "word"
    int line = 0;   // datasets: the line the message names; 0 when it is about the whole file
    QString where;  // models: the tensor or key the message names; empty when about the whole file
    QString reason; // a fragment of the message
};

inline QString badFilesDirectory() {
    return QStringLiteral(ATTNLAB_BAD_FILES);
}

// Every entry of the manifest; an empty list and *error set when a row is malformed.
inline std::vector<BadFile> readBadFileCatalogue(QString* error) {
    std::vector<BadFile> entries;
    QFile manifest(QDir(badFilesDirectory()).filePath(QStringLiteral("catalogue.tsv")));
    if (!manifest.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open ") + manifest.fileName();
        return {};
    }
    int number = 0;
    while (!manifest.atEnd()) {
        const QString line = QString::fromUtf8(manifest.readLine()).chopped(1);
        ++number;
        if (line.isEmpty() || line.startsWith(u'#')) continue;
        const QStringList columns = line.split(u'\t');
        bool lineOk = true;
        const BadFile entry{
            columns.value(0),
            columns.value(1),
            columns.value(2),
            columns.value(3),
            columns.value(1) == u"dataset" && columns.value(4) != u"-" ? columns.value(4).toInt(&lineOk) : 0,
            columns.value(1) == u"model" && columns.value(4) != u"-" ? columns.value(4) : QString(),
            columns.value(5)};
        if (columns.size() != 6 || !lineOk || (entry.kind != u"dataset" && entry.kind != u"model") ||
            entry.reason.isEmpty()) {
            *error = QStringLiteral("catalogue.tsv:%1: malformed entry").arg(number);
            return {};
        }
        entries.push_back(entry);
    }
    return entries;
}

inline bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// The path an entry is read from: the committed file, or the one its rule makes under `scratch`
// (empty when making it failed).
inline QString badFilePath(const BadFile& entry, const QDir& scratch) {
    if (entry.make == u"-") return QDir(badFilesDirectory()).filePath(entry.file);
    const QString path = scratch.filePath(entry.file);
    if (!scratch.mkpath(QFileInfo(path).path())) return {};
    const QByteArray longLine(2 * 1024 * 1024, 'a'); // 2 MiB, twice the reader's line limit
    if (entry.make == u"long-line") return writeFile(path, longLine) ? path : QString();
    if (entry.make == u"long-line-late")
        return writeFile(path, "abc\tcba\nhello\tolleh\n" + longLine + "\tb\n") ? path : QString();
    if (entry.make == u"good-model") {
        QFile good(QDir(badFilesDirectory()).filePath(QStringLiteral("models/good.safetensors")));
        return good.open(QIODevice::ReadOnly) && writeFile(path, good.readAll()) ? path : QString();
    }
    if (entry.make == u"directory") return scratch.mkpath(entry.file) ? path : QString();
    if (entry.make == u"absent") return QFile::exists(path) ? QString() : path;
    return {};
}

// Empty when `message` is the refusal the entry asks for, read from `path`; else what is wrong.
inline QString badFileMessageProblem(const BadFile& entry, const QString& path, const QString& message) {
    // A dataset error reads "FILE:LINE: REASON" (or "FILE: REASON"), a model error "FILE: REASON".
    const QString place =
        entry.line > 0 ? QStringLiteral("%1:%2: ").arg(path).arg(entry.line) : path + QStringLiteral(": ");
    if (!message.contains(place)) return QStringLiteral("does not name '%1'").arg(place);
    if (!entry.where.isEmpty() && !message.contains(entry.where))
        return QStringLiteral("does not name %1").arg(entry.where);
    if (!message.contains(entry.reason)) return QStringLiteral("does not say '%1'").arg(entry.reason);
    return {};
}

} // namespace attnlab::test

#pragma once
// Runs the built attnlab-cli (ATTNLAB_CLI, set by tests/cli/CMakeLists.txt) as a user would and
// collects its exit code, stdout and stderr separately.
#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace attnlab::test {

struct CliRun {
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;
};

inline CliRun runCli(const QStringList& arguments, const QByteArray& input = {},
                     const QString& directory = {}, int timeoutMs = 120000) {
    QProcess process;
    if (!directory.isEmpty()) process.setWorkingDirectory(directory);
    process.start(QStringLiteral(ATTNLAB_CLI), arguments);
    CliRun run;
    if (!process.waitForStarted()) {
        run.err = "could not start " ATTNLAB_CLI;
        return run;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) process.kill();
    run.crashed = process.exitStatus() != QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// A file of tests/data/cli.
inline QString cliData(const QString& name) {
    return QStringLiteral(ATTNLAB_CLI_DATA "/") + name;
}

// stdout as exactly one JSON object; an empty object (and *error set) when it is anything else.
inline QJsonObject jsonObject(const QByteArray& text, QString* error = nullptr) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (error) *error = parseError.error == QJsonParseError::NoError ? QString() : parseError.errorString();
    return document.object();
}

} // namespace attnlab::test

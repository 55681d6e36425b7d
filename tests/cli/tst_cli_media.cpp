// attnlab-cli on speech (frames) and pictures (image), as a user runs it (issue 14): train tiny
// spoken and shapes models (a few steps: the assertions are about structure, counts and errors,
// not about how well they learned), align committed WAV and PNG files and random examples, eval
// on a user's TSV of files with the character error rate, the front-end options, and the errors:
// a missing or unreadable file (exit 2, the file named), a picture given to a speech model.
#include "CliRunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace attnlab::test;

namespace {

QString mediaFile(const QString& name) {
    return QStringLiteral(ATTNLAB_TEST_DATA "/") + name;
}

QJsonObject trainJson(const QStringList& extra, const QString& out, QByteArray* err = nullptr) {
    QStringList arguments = {"train", "--out", out, "--max-steps", "3", "--hidden",
                             "16",    "--emb", "8", "--threads",   "1", "--json"};
    arguments += extra;
    const CliRun run = runCli(arguments);
    if (err) *err = run.err;
    if (run.crashed || run.exitCode != 0) return {};
    return jsonObject(run.out);
}

// One JSON object per line of stdout.
QList<QJsonObject> jsonLines(const QByteArray& out) {
    QList<QJsonObject> objects;
    for (const QByteArray& line : out.split('\n'))
        if (!line.trimmed().isEmpty()) objects.append(jsonObject(line));
    return objects;
}

// Every attention row has `keys` weights summing to 1.
void checkAttention(const QJsonObject& j, int keys) {
    const QJsonArray rows = j["attention"].toArray();
    QCOMPARE(rows.size(), j["output"].toArray().size());
    for (const QJsonValue& row : rows) {
        QCOMPARE(row.toArray().size(), keys);
        double sum = 0;
        for (const QJsonValue& w : row.toArray()) sum += w.toDouble();
        QVERIFY2(std::abs(sum - 1.0) < 1e-4, qPrintable(QString::number(sum)));
    }
}

} // namespace

class TestCliMedia : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void trainReportsCharacterErrorRate();
    void alignSpeechFile();
    void alignPictureFile();
    void alignRandomExamples();
    void alignPrintsTables();
    void alignBadFileExits2();
    void pictureToSpeechModelRefused();
    void evalOnUsersSpeechTsv();
    void evalOnWrongKindRefused();
    void frameReductionReachesTheModel();
    void frontEndOptionsRefusedForOtherData();
    void noRowEncoder();
    void compareScorersOnLongSpeech();

private:
    QTemporaryDir m_dir;
    QString m_speech;
    QString m_picture;
    QString m_speechTsv;
    QJsonObject m_speechTrain;
    QJsonObject m_pictureTrain;
};

void TestCliMedia::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_speech = m_dir.filePath("spoken.safetensors");
    m_picture = m_dir.filePath("shapes.safetensors");
    QByteArray err;
    m_speechTrain = trainJson({"--data", "spoken"}, m_speech, &err);
    QVERIFY2(!m_speechTrain.isEmpty(), err.constData());
    m_pictureTrain = trainJson({"--data", "shapes"}, m_picture, &err);
    QVERIFY2(!m_pictureTrain.isEmpty(), err.constData());
    // A user's TSV of recordings (absolute paths; the 44.1 kHz one is resampled to 16 kHz).
    m_speechTsv = m_dir.filePath("speech.tsv");
    QFile tsv(m_speechTsv);
    QVERIFY(tsv.open(QIODevice::WriteOnly));
    tsv.write((mediaFile("audio/tone-440hz-16k.wav") + "\tone two\n" +
               mediaFile("audio/tone-1000hz-44k.wav") + "\tthree\n" + mediaFile("audio/tone-440hz-16k.wav") +
               "\tfive\n" + mediaFile("audio/tone-1000hz-44k.wav") + "\tsix seven\n")
                  .toUtf8());
}

void TestCliMedia::trainReportsCharacterErrorRate() {
    QCOMPARE(m_speechTrain["config"].toObject()["input"].toString(), QString("frames"));
    QCOMPARE(m_speechTrain["config"].toObject()["frames"].toObject()["reduction"].toInt(), 2); // the data's
    const QJsonObject final = m_speechTrain["final"].toObject();
    QVERIFY(final["character_error_rate"].isDouble());
    const QJsonObject errors = final["character_errors"].toObject();
    QVERIFY(errors["reference_characters"].toInt() > 0);
    QCOMPARE(final["character_error_rate"].toDouble(),
             errors["edits"].toDouble() / errors["reference_characters"].toDouble());
    // Pictures have captions, not transcripts: no CER.
    QCOMPARE(m_pictureTrain["config"].toObject()["input"].toString(), QString("image"));
    QVERIFY(!m_pictureTrain["final"].toObject().contains("character_error_rate"));
}

void TestCliMedia::alignSpeechFile() {
    const QString wav = mediaFile("audio/tone-440hz-16k.wav");
    const CliRun run = runCli({"align", "--model", m_speech, "--json", wav});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QList<QJsonObject> lines = jsonLines(run.out);
    QCOMPARE(lines.size(), 1);
    const QJsonObject j = lines[0];
    QCOMPARE(j["input"].toString(), QString("frames"));
    QCOMPARE(j["file"].toString(), wav);
    QCOMPARE(j["frames_per_key"].toInt(), 4);
    QCOMPARE(j["seconds_per_frame"].toDouble(), 0.01);
    const int frames = j["positions"].toInt();
    QVERIFY(frames > 10);
    QCOMPARE(j["keys"].toInt(), (frames + 3) / 4); // key k covers frames [4k, 4k + 4)
    checkAttention(j, j["keys"].toInt());
    const QJsonArray spans = j["spans"].toArray();
    QCOMPARE(spans.size(), j["output"].toArray().size());
    for (const QJsonValue& value : spans) {
        const QJsonObject s = value.toObject();
        QVERIFY(s["first_key"].toInt() <= s["peak_key"].toInt());
        QVERIFY(s["peak_key"].toInt() <= s["last_key"].toInt());
        QCOMPARE(s["start_seconds"].toDouble(), s["first_key"].toInt() * 4 * 0.01);
        QVERIFY(s["end_seconds"].toDouble() <= frames * 0.01 + 1e-9);
    }
}

void TestCliMedia::alignPictureFile() {
    const CliRun run = runCli({"align", "--model", m_picture, "--json", mediaFile("images/rgb.png"),
                               mediaFile("images/blocks.jpg")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QList<QJsonObject> lines = jsonLines(run.out);
    QCOMPARE(lines.size(), 2);
    for (const QJsonObject& j : lines) {
        QCOMPARE(j["input"].toString(), QString("image"));
        QCOMPARE(j["grid"].toArray(), QJsonArray({6, 6}));
        QCOMPARE(j["keys"].toInt(), 36);
        checkAttention(j, 36);
        const QJsonArray tops = j["top_cells"].toArray();
        QCOMPARE(tops.size(), j["output"].toArray().size());
        for (const QJsonValue& value : tops) {
            const QJsonArray cells = value.toArray();
            QCOMPARE(cells.size(), 3);
            for (int i = 0; i < cells.size(); ++i) {
                const QJsonObject c = cells[i].toObject();
                QVERIFY(c["row"].toInt() >= 0 && c["row"].toInt() < 6);
                QVERIFY(c["column"].toInt() >= 0 && c["column"].toInt() < 6);
                if (i > 0) QVERIFY(c["weight"].toDouble() <= cells[i - 1].toObject()["weight"].toDouble());
            }
        }
    }
    QVERIFY(lines[1]["file"].toString().endsWith("blocks.jpg"));
}

void TestCliMedia::alignRandomExamples() {
    const QStringList arguments = {"align", "--model", m_speech, "--json", "--random", "7", "--count", "2"};
    const CliRun run = runCli(arguments);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QList<QJsonObject> lines = jsonLines(run.out);
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines[0]["source"].toString().startsWith("random spoken example (seed 7"));
    QVERIFY(lines[1]["source"].toString().startsWith("random spoken example (seed 8"));
    for (const QJsonObject& j : lines) {
        QVERIFY(j["file"].isNull());
        QVERIFY(!j["reference"].toString().isEmpty());
        // Gold links over keys: every word of the reference has one, none past the keys.
        const QJsonArray gold = j["gold"].toArray();
        const int words = j["reference"].toString().split(' ').size();
        QSet<int> linked;
        for (const QJsonValue& link : gold) {
            QVERIFY(link.toArray()[0].toInt() < j["keys"].toInt());
            linked.insert(link.toArray()[1].toInt());
        }
        QCOMPARE(linked.size(), words);
        checkAttention(j, j["keys"].toInt());
    }
    // The same seed draws the same example.
    QCOMPARE(runCli(arguments).out, run.out);
    // Without a seed a fresh one is drawn and printed; giving it back reproduces the example.
    const CliRun fresh = runCli({"align", "--model", m_speech, "--json", "--random"});
    QVERIFY2(fresh.exitCode == 0, fresh.err.constData());
    const QString label = jsonLines(fresh.out).value(0)["source"].toString();
    const QRegularExpressionMatch seed =
        QRegularExpression("^random spoken example \\(seed (\\d+),").match(label);
    QVERIFY2(seed.hasMatch(), qPrintable(label));
    QCOMPARE(runCli({"align", "--model", m_speech, "--json", "--random", seed.captured(1)}).out, fresh.out);
    // Pictures too.
    const CliRun picture = runCli({"align", "--model", m_picture, "--json", "--random", "3"});
    QVERIFY2(picture.exitCode == 0, picture.err.constData());
    const QJsonObject p = jsonLines(picture.out).value(0);
    QCOMPARE(p["source"].toString(), QString("random scene (seed 3)"));
    QVERIFY(p["reference"].toString().startsWith("a "));
    QVERIFY(!p["gold"].toArray().isEmpty());
}

void TestCliMedia::alignPrintsTables() {
    const CliRun speech = runCli({"align", "--model", m_speech, "--random", "2"});
    QVERIFY2(speech.exitCode == 0, speech.err.constData());
    const QString out = QString::fromUtf8(speech.out);
    QVERIFY2(out.startsWith("random spoken example (seed 2"), qPrintable(out));
    QVERIFY(out.contains("keys of 4 frames = 40 ms"));
    QVERIFY(out.contains("\nreference: "));
    QVERIFY(out.contains("seconds"));
    const CliRun picture = runCli({"align", "--model", m_picture, mediaFile("images/rgb.png")});
    QVERIFY2(picture.exitCode == 0, picture.err.constData());
    const QString table = QString::fromUtf8(picture.out);
    QVERIFY2(table.contains("(48 x 48, grid 6 x 6 cells of 8 px)"), qPrintable(table));
    QVERIFY(table.contains("top cells (row, column) weight"));
    // Without files or --random there is nothing to align: said plainly, exit 2.
    const CliRun none = runCli({"align", "--model", m_speech});
    QCOMPARE(none.exitCode, 2);
    QVERIFY2(none.err.contains("give WAV files, or --random"), none.err.constData());
}

void TestCliMedia::alignBadFileExits2() {
    const QString missing = m_dir.filePath("missing.wav");
    const QString fake = m_dir.filePath("not-a-picture.png");
    QFile text(fake);
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("just text\n");
    text.close();
    const CliRun speech =
        runCli({"align", "--model", m_speech, "--json", missing, mediaFile("audio/tone-440hz-16k.wav")});
    QCOMPARE(speech.exitCode, 2);
    QVERIFY2(speech.err.contains((missing + ": ").toUtf8()), speech.err.constData());
    QCOMPARE(jsonLines(speech.out).size(), 1); // the good file is still aligned
    const CliRun picture = runCli({"align", "--model", m_picture, fake});
    QCOMPARE(picture.exitCode, 2);
    QVERIFY2(picture.err.contains((fake + ": ").toUtf8()), picture.err.constData());
    QVERIFY(picture.out.isEmpty());
}

void TestCliMedia::pictureToSpeechModelRefused() {
    const QString png = mediaFile("images/rgb.png");
    const CliRun run = runCli({"align", "--model", m_speech, png});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains((png + " is a picture, but this model listens to audio").toUtf8()),
             run.err.constData());
    const CliRun reverse = runCli({"align", "--model", m_picture, mediaFile("audio/tone-440hz-16k.wav")});
    QCOMPARE(reverse.exitCode, 2);
    QVERIFY2(reverse.err.contains("this model reads pictures"), reverse.err.constData());
}

void TestCliMedia::evalOnUsersSpeechTsv() {
    const CliRun run = runCli({"eval", "--model", m_speech, "--data", m_speechTsv, "--json"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject j = jsonObject(run.out);
    QCOMPARE(j["data"].toObject()["evaluated"].toInt(), 4);
    const QJsonObject metrics = j["metrics"].toObject();
    QCOMPARE(metrics["examples"].toInt(), 4);
    // "one two", "three", "five", "six seven": 7 + 5 + 4 + 9 characters.
    const QJsonObject errors = metrics["character_errors"].toObject();
    QCOMPARE(errors["reference_characters"].toInt(), 25);
    QCOMPARE(metrics["character_error_rate"].toDouble(), errors["edits"].toDouble() / 25.0);
    // The human table has the CER row.
    const CliRun table = runCli({"eval", "--model", m_speech, "--data", m_speechTsv});
    QVERIFY2(table.exitCode == 0, table.err.constData());
    QVERIFY2(table.out.contains("of the joined transcripts"), table.out.constData());
}

void TestCliMedia::evalOnWrongKindRefused() {
    const CliRun run = runCli({"eval", "--model", m_picture, "--data", m_speechTsv});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("the data's sources are frames, but"), run.err.constData());
    QVERIFY(run.err.contains("reads image"));
}

void TestCliMedia::frameReductionReachesTheModel() {
    // Trained on the user's TSV (4 pairs, 2 of them held out) with one pyramid level.
    const QString model = m_dir.filePath("reduction1.safetensors");
    QByteArray err;
    const QJsonObject train = trainJson(
        {"--data", m_speechTsv, "--tokens", "word", "--frame-reduction", "1", "--val-fraction", "0.5"}, model,
        &err);
    QVERIFY2(!train.isEmpty(), err.constData());
    QCOMPARE(train["config"].toObject()["frames"].toObject()["reduction"].toInt(), 1);
    QVERIFY(train["final"].toObject()["character_error_rate"].isDouble());
    const CliRun run = runCli({"align", "--model", model, "--json", mediaFile("audio/tone-440hz-16k.wav")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject j = jsonLines(run.out).value(0);
    QCOMPARE(j["frames_per_key"].toInt(), 2);
    QCOMPARE(j["keys"].toInt(), (j["positions"].toInt() + 1) / 2);
}

void TestCliMedia::frontEndOptionsRefusedForOtherData() {
    const CliRun reduction = runCli(
        {"train", "--data", "shapes", "--frame-reduction", "1", "--out", m_dir.filePath("x.safetensors")});
    QCOMPARE(reduction.exitCode, 2);
    QVERIFY2(
        reduction.err.contains("--frame-reduction applies to speech (frames) data; shapes has image sources"),
        reduction.err.constData());
    const CliRun rows =
        runCli({"train", "--data", "reverse", "--no-row-encoder", "--out", m_dir.filePath("y.safetensors")});
    QCOMPARE(rows.exitCode, 2);
    QVERIFY2(rows.err.contains("--no-row-encoder applies to picture (image) data"), rows.err.constData());
    const CliRun range = runCli(
        {"train", "--data", "spoken", "--frame-reduction", "5", "--out", m_dir.filePath("z.safetensors")});
    QCOMPARE(range.exitCode, 2);
    QVERIFY(!QFile::exists(m_dir.filePath("z.safetensors")));
}

void TestCliMedia::noRowEncoder() {
    QByteArray err;
    const QJsonObject train =
        trainJson({"--data", "shapes", "--no-row-encoder"}, m_dir.filePath("flat.safetensors"), &err);
    QVERIFY2(!train.isEmpty(), err.constData());
    QCOMPARE(train["config"].toObject()["image"].toObject()["row_encoder"].toBool(), false);
    QVERIFY2(err.contains("no row encoder"), err.constData());
    // The front ends differ by exactly their own weights (E 8, H 16, D = 8·8·3 = 192, 36 cells):
    // without rows, W (H x D) + b + positions (36 x H) = 229·16 = 3664; with rows, the same at E,
    // 229·8 = 1832, plus the bidirectional row LSTM, 2 x (W_ih 32x8 + W_hh 32x8 + b_ih 32 + b_hh 32)
    // = 1152.
    QCOMPARE(train["parameters"].toInt() - m_pictureTrain["parameters"].toInt(), 3664 - (1832 + 1152));
}

void TestCliMedia::compareScorersOnLongSpeech() {
    // The comparison the issue asks for (location-aware against content-only scorers on long
    // utterances), two steps each: it runs, saves a model per scorer, tabulates all four.
    const QString json = m_dir.filePath("compare.json");
    const CliRun run =
        runCli({"compare", "--data", "spoken_long", "--scorers", "location_aware,general,dot,additive",
                "--max-steps", "2", "--hidden", "16", "--emb", "8", "--threads", "2", "--variant",
                "one-level:scorer=location_aware,frame_reduction=1", "--json", json, "--out-dir",
                m_dir.filePath("compared")},
               {}, {}, 300000);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject table = jsonObject(file.readAll());
    const QJsonArray runs = table["rows"].toArray();
    QCOMPARE(runs.size(), 5);
    for (const QString scorer : {"location_aware", "general", "dot", "additive", "one-level"})
        QVERIFY2(QFile::exists(m_dir.filePath("compared/" + scorer + ".safetensors")), qPrintable(scorer));
    // The variant's model has one pyramid level: keys of 2 frames.
    const CliRun align = runCli({"align", "--model", m_dir.filePath("compared/one-level.safetensors"),
                                 "--json", mediaFile("audio/tone-440hz-16k.wav")});
    QVERIFY2(align.exitCode == 0, align.err.constData());
    QCOMPARE(jsonLines(align.out).value(0)["frames_per_key"].toInt(), 2);
}

QTEST_APPLESS_MAIN(TestCliMedia)
#include "tst_cli_media.moc"

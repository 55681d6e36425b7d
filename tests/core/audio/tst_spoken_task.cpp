// The synthesised `spoken` task (generateSpoken): the same seed gives the same audio, sample for
// sample, however often and on whatever thread it is asked; words come from the vocabulary; the
// gold word spans are ordered, non-empty, non-overlapping and inside the audio, and hold speech.
// Also its refusals and its cancellation. Runs espeak-ng (Debian's libespeak-ng) for real.
#include "core/data/audio/SpokenTask.h"

#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <cmath>
#include <thread>

using namespace attnlab;

namespace {

double rmsOf(const std::vector<float>& x, int begin, int end) {
    double sum = 0;
    for (int i = begin; i < end; ++i)
        sum += static_cast<double>(x[static_cast<std::size_t>(i)]) * x[static_cast<std::size_t>(i)];
    return std::sqrt(sum / std::max(1, end - begin));
}

bool sameUtterance(const SpokenUtterance& a, const SpokenUtterance& b) {
    return a.transcript == b.transcript && a.words == b.words && a.audio.sampleRate == b.audio.sampleRate &&
           a.audio.samples == b.audio.samples && a.wordSamples == b.wordSamples && a.voice == b.voice &&
           a.wordsPerMinute == b.wordsPerMinute && a.pitch == b.pitch;
}

} // namespace

class TestSpokenTask : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void vocabulary();
    void sameSeedSameAudio();
    void differentSeedsDiffer();
    void wordsAndSpansAreWellFormed_data();
    void wordsAndSpansAreWellFormed();
    void concurrentCallsAgree();
    void progressCountsAndCancels();
    void refusesBadArguments();
    void missingEspeakDataIsNamed();
};

void TestSpokenTask::vocabulary() {
    const std::vector<std::string> words = spokenVocabulary();
    QCOMPARE(words.size(), std::size_t{20});
    QCOMPARE(words[0], std::string("zero"));
    QCOMPARE(words[9], std::string("nine"));
    QCOMPARE(words[19], std::string("off"));
}

void TestSpokenTask::sameSeedSameAudio() {
    const auto start = std::chrono::steady_clock::now();
    const std::vector<SpokenUtterance> first = generateSpoken(12, 42);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    qInfo("12 utterances in %.3f s (%.0f per second)", seconds, 12 / seconds);
    const std::vector<SpokenUtterance> again = generateSpoken(12, 42);
    QCOMPARE(again.size(), first.size());
    for (std::size_t i = 0; i < first.size(); ++i)
        QVERIFY2(sameUtterance(first[i], again[i]), first[i].transcript.c_str());
    // A shorter run is the start of a longer one.
    const std::vector<SpokenUtterance> fewer = generateSpoken(5, 42);
    for (std::size_t i = 0; i < fewer.size(); ++i) QVERIFY(sameUtterance(fewer[i], first[i]));
    // Voices and speeds vary from one utterance to the next.
    QSet<QString> voices;
    QSet<int> rates;
    for (const SpokenUtterance& u : first)
        voices << QString::fromStdString(u.voice), rates << u.wordsPerMinute;
    QVERIFY(voices.size() >= 4);
    QVERIFY(rates.size() >= 4);
}

void TestSpokenTask::differentSeedsDiffer() {
    const std::vector<SpokenUtterance> a = generateSpoken(4, 1), b = generateSpoken(4, 2);
    int differing = 0;
    for (std::size_t i = 0; i < a.size(); ++i) differing += !sameUtterance(a[i], b[i]);
    QCOMPARE(differing, 4);
}

void TestSpokenTask::wordsAndSpansAreWellFormed_data() {
    QTest::addColumn<int>("minWords");
    QTest::addColumn<int>("maxWords");
    QTest::addColumn<int>("rate");
    QTest::newRow("defaults") << 2 << 6 << 16000;
    QTest::newRow("one word at 8 kHz") << 1 << 1 << 8000;
    QTest::newRow("long, at 22.05 kHz") << 10 << 12 << 22050;
}

void TestSpokenTask::wordsAndSpansAreWellFormed() {
    QFETCH(int, minWords);
    QFETCH(int, maxWords);
    QFETCH(int, rate);
    SpokenOptions options;
    options.minWords = minWords;
    options.maxWords = maxWords;
    options.sampleRate = rate;
    const std::vector<std::string> vocabulary = spokenVocabulary();
    const std::vector<SpokenUtterance> utterances = generateSpoken(24, 7, options);
    QCOMPARE(utterances.size(), std::size_t{24});
    for (const SpokenUtterance& u : utterances) {
        const QByteArray name = QByteArray::fromStdString(u.transcript + " (" + u.voice + ")");
        QVERIFY2(static_cast<int>(u.words.size()) >= minWords && static_cast<int>(u.words.size()) <= maxWords,
                 name);
        std::string joined;
        for (const std::string& word : u.words) {
            QVERIFY2(std::find(vocabulary.begin(), vocabulary.end(), word) != vocabulary.end(), word.c_str());
            joined += (joined.empty() ? "" : " ") + word;
        }
        QCOMPARE(u.transcript, joined);
        QCOMPARE(u.audio.sampleRate, rate);
        const int length = static_cast<int>(u.audio.samples.size());
        // A word takes at least ~100 ms at these speeds, an utterance at most ~1 s a word.
        QVERIFY2(length > static_cast<int>(u.words.size()) * rate / 10, name);
        QVERIFY2(length < static_cast<int>(u.words.size()) * rate + rate / 2, name);
        for (const float x : u.audio.samples) QVERIFY(x >= -1.0f && x <= 1.0f);
        QCOMPARE(u.wordSamples.size(), u.words.size());
        int previousEnd = 0;
        for (std::size_t w = 0; w < u.wordSamples.size(); ++w) {
            const auto [begin, end] = u.wordSamples[w];
            QVERIFY2(begin >= previousEnd, name);     // ordered, not overlapping
            QVERIFY2(begin < end, name);              // not empty
            QVERIFY2(end <= length, name);            // inside the audio
            QVERIFY2(end - begin >= rate / 50, name); // no word under 20 ms (the shortest seen: ~50 ms)
            QVERIFY2(rmsOf(u.audio.samples, begin, end) > 0.01, name); // and each holds sound
            previousEnd = end;
        }
        // Trimmed: at most the 10 ms margin (and a resampling step) before the first word and after the last.
        QVERIFY2(u.wordSamples.front().first <= rate / 100 + 1, name);
        QVERIFY2(length - u.wordSamples.back().second <= rate / 100 + 1, name);
    }
}

void TestSpokenTask::concurrentCallsAgree() {
    // espeak-ng's global state is no obstacle: each call speaks in its own process.
    const std::vector<SpokenUtterance> expected = generateSpoken(6, 99);
    std::vector<std::vector<SpokenUtterance>> results(3);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < results.size(); ++t)
        threads.emplace_back([&, t] { results[t] = generateSpoken(6, 99); });
    for (std::thread& thread : threads) thread.join();
    for (const auto& result : results) {
        QCOMPARE(result.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) QVERIFY(sameUtterance(result[i], expected[i]));
    }
}

void TestSpokenTask::progressCountsAndCancels() {
    std::vector<int> seen;
    generateSpoken(20, 5, {}, [&](int done) {
        seen.push_back(done);
        return true;
    });
    QCOMPARE(seen.size(), std::size_t{20});
    for (int i = 0; i < 20; ++i) QCOMPARE(seen[static_cast<std::size_t>(i)], i + 1);

    seen.clear();
    QVERIFY_THROWS_EXCEPTION(SpokenCancelled, generateSpoken(40, 5, {}, [&](int done) {
                                 seen.push_back(done);
                                 return done < 3;
                             }));
    QCOMPARE(seen.back(), 3);
    // And the next generation is unaffected by the cancelled one.
    QVERIFY(sameUtterance(generateSpoken(1, 5)[0], generateSpoken(2, 5)[0]));
}

void TestSpokenTask::refusesBadArguments() {
    QVERIFY(generateSpoken(0, 1).empty());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateSpoken(-1, 1));
    SpokenOptions options;
    options.minWords = 0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateSpoken(1, 1, options));
    options = {};
    options.minWords = 5;
    options.maxWords = 4;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateSpoken(1, 1, options));
    options = {};
    options.sampleRate = 4000;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateSpoken(1, 1, options));
}

void TestSpokenTask::missingEspeakDataIsNamed() {
    // A folder that does not exist, and one that exists but holds no espeak-ng data.
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    const std::string emptyPath = empty.path().toStdString();
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"/nonexistent/attnlab-test/espeak-ng-data",
         "espeak-ng's data folder /nonexistent/attnlab-test/espeak-ng-data does not exist"},
        {emptyPath, "espeak-ng's data could not be loaded from " + emptyPath + " ("},
    };
    for (const auto& [path, expected] : cases) {
        SpokenOptions options;
        options.espeakDataPath = path;
        try {
            generateSpoken(2, 1, options);
            QFAIL("no exception");
        } catch (const std::runtime_error& e) {
            QVERIFY2(QString(e.what()).startsWith(QString::fromStdString(expected)), e.what());
        }
    }
}

QTEST_APPLESS_MAIN(TestSpokenTask)
#include "tst_spoken_task.moc"

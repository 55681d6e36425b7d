// The log-mel filterbank (core/data/audio/LogMelFilterbank.h) against an independent NumPy
// implementation of its documented convention (log_mel_reference.py, np.fft.rfft and its own mel
// filters) on a generated sine sweep with a little noise, for several rates and shapes; and
// literal values: where a pure tone lands, frame counts, silence, the settings it refuses.
#include "core/data/audio/LogMelFilterbank.h"
#include "core/util/Random.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <numbers>
#include <thread>

using namespace attnlab;

Q_DECLARE_METATYPE(FilterbankSettings)

namespace {

constexpr const char* Python = "/usr/bin/python3"; // Debian's, which has python3-numpy

// A logarithmic sweep from 50 Hz to 90% of Nyquist over `seconds`, amplitude 0.5, plus uniform
// noise of amplitude 0.05 so that every band has energy well above float32 rounding in every frame
// (a clean sweep leaves bands at 1e-12 of the peak, where single-precision FFT noise dominates).
Waveform sweep(int rate, double seconds, std::uint64_t seed) {
    Waveform audio;
    audio.sampleRate = rate;
    const double f0 = 50, f1 = 0.45 * rate;
    const auto n = static_cast<std::size_t>(std::lround(seconds * rate));
    const double k = std::log(f1 / f0) / seconds;
    Random random(seed);
    for (std::size_t i = 0; i < n; ++i) {
        const double t = static_cast<double>(i) / rate;
        const double phase = 2 * std::numbers::pi * f0 * (std::exp(k * t) - 1) / k;
        audio.samples.push_back(static_cast<float>(0.5 * std::sin(phase) + random.uniform(-0.05, 0.05)));
    }
    return audio;
}

Waveform toneOf(double hz, int rate = 16000, double seconds = 0.5) {
    Waveform audio;
    audio.sampleRate = rate;
    for (int i = 0; i < std::lround(seconds * rate); ++i)
        audio.samples.push_back(static_cast<float>(0.5 * std::sin(2 * std::numbers::pi * hz * i / rate)));
    return audio;
}

bool numpyAvailable() {
    return std::system((std::string(Python) + " -c 'import numpy' 2>/dev/null").c_str()) == 0;
}

} // namespace

class TestLogMelFilterbank : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesNumPy_data();
    void matchesNumPy();
    void pureToneLandsInItsBand_data();
    void pureToneLandsInItsBand();
    void frameCounts_data();
    void frameCounts();
    void derivedSizes();
    void silenceIsTheFloor();
    void refusesImpossibleSettings_data();
    void refusesImpossibleSettings();
    void refusesAnotherRate();
    void sameResultOnManyThreads();
};

void TestLogMelFilterbank::matchesNumPy_data() {
    QTest::addColumn<FilterbankSettings>("settings");
    QTest::addColumn<double>("seconds");
    QTest::newRow("16 kHz, 40 bands, 25/10 ms (defaults)") << FilterbankSettings{} << 1.0;
    QTest::newRow("8 kHz, 23 bands, 100..3800 Hz, 20/10 ms")
        << FilterbankSettings{8000, 23, 20, 10, 100, 3800} << 1.0;
    // 551.25-sample hop and window: rounding; 1411-sample window: a 2048-point FFT.
    QTest::newRow("44.1 kHz, 80 bands, 32/12.5 ms") << FilterbankSettings{44100, 80, 32, 12.5, 20, 0} << 0.5;
    QTest::newRow("22.05 kHz, 64 bands, 25/25 ms, 0 Hz..")
        << FilterbankSettings{22050, 64, 25, 25, 0, 0} << 0.7;
    // A length that leaves a partial last frame (zero-padded).
    QTest::newRow("16 kHz, 10 bands, partial last frame")
        << FilterbankSettings{16000, 10, 25, 10, 300, 5000} << 0.2031;
}

void TestLogMelFilterbank::matchesNumPy() {
    QFETCH(FilterbankSettings, settings);
    QFETCH(double, seconds);
    if (!numpyAvailable()) QSKIP("/usr/bin/python3 with numpy is not available");
    const Waveform audio = sweep(settings.sampleRate, seconds, 7);
    const LogMelFilterbank bank(settings);
    const std::vector<float> ours = bank.compute(audio); // (B x F)
    const int frames = bank.frameCount(audio.samples.size());
    QCOMPARE(ours.size(), static_cast<std::size_t>(settings.bands) * static_cast<std::size_t>(frames));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string in = dir.filePath("sweep.f32").toStdString(),
                      out = dir.filePath("numpy.f64").toStdString();
    {
        std::ofstream file(in, std::ios::binary);
        file.write(reinterpret_cast<const char*>(audio.samples.data()),
                   static_cast<std::streamsize>(audio.samples.size() * sizeof(float)));
    }
    const std::string command = std::string(Python) + " " + ATTNLAB_LOG_MEL_REFERENCE + " " + in + " " + out +
                                " " + std::to_string(settings.sampleRate) + " " +
                                std::to_string(settings.bands) + " " + std::to_string(settings.windowMs) +
                                " " + std::to_string(settings.hopMs) + " " + std::to_string(settings.lowHz) +
                                " " + std::to_string(settings.highHz);
    QCOMPARE(std::system(command.c_str()), 0);
    std::ifstream file(out, std::ios::binary);
    std::vector<double> reference(ours.size() + 1); // one more, to see that NumPy made no extra frame
    file.read(reinterpret_cast<char*>(reference.data()),
              static_cast<std::streamsize>(reference.size() * sizeof(double)));
    QCOMPARE(static_cast<std::size_t>(file.gcount()), ours.size() * sizeof(double));

    double worst = 0, lowest = 1e9;
    std::size_t worstAt = 0;
    for (std::size_t i = 0; i < ours.size(); ++i) {
        const double difference = std::abs(ours[i] - reference[i]);
        if (difference > worst) worst = difference, worstAt = i;
        lowest = std::min(lowest, reference[i]);
    }
    qInfo("%d frames x %d bands: max |difference| %.2e (band %d, frame %d), lowest log energy %.2f", frames,
          settings.bands, worst, static_cast<int>(worstAt % settings.bands),
          static_cast<int>(worstAt / settings.bands), lowest);
    QVERIFY2(worst < 1e-3, qPrintable(QString::number(worst)));
    // Every value is above the floor, log(1e-10) = -23.03, so the comparison is of real energies
    // (the lowest is a last frame holding a few samples and zeros).
    QVERIFY(lowest > std::log(1e-10) + 3);
}

void TestLogMelFilterbank::pureToneLandsInItsBand_data() {
    QTest::addColumn<double>("hz");
    QTest::addColumn<int>("band");
    QTest::addColumn<double>("centreHz");
    // Default filters: centres 65, 113, ..., 986 (band 13), ..., 4038 (30), ..., 7004 (38) Hz.
    QTest::newRow("1000 Hz") << 1000.0 << 13 << 986.008;
    QTest::newRow("4000 Hz") << 4000.0 << 30 << 4037.740;
    QTest::newRow("7000 Hz") << 7000.0 << 38 << 7004.237;
}

void TestLogMelFilterbank::pureToneLandsInItsBand() {
    QFETCH(double, hz);
    QFETCH(int, band);
    QFETCH(double, centreHz);
    const LogMelFilterbank bank(FilterbankSettings{});
    QCOMPARE(static_cast<int>(bank.bandCentresHz().size()), 40);
    QVERIFY(std::abs(bank.bandCentresHz()[static_cast<std::size_t>(band)] - centreHz) < 1e-3);
    const std::vector<float> features = bank.compute(toneOf(hz)); // (40 x F)
    const int frames = bank.frameCount(8000);
    QCOMPARE(frames, 49);
    for (int f = 0; f < frames; ++f) {
        const float* column = features.data() + f * 40;
        const int loudest = static_cast<int>(std::max_element(column, column + 40) - column);
        QCOMPARE(loudest, band);
    }
}

void TestLogMelFilterbank::frameCounts_data() {
    QTest::addColumn<FilterbankSettings>("settings");
    QTest::addColumn<int>("samples");
    QTest::addColumn<int>("frames");
    const FilterbankSettings defaults; // W 400, R 160
    QTest::newRow("none") << defaults << 0 << 0;
    QTest::newRow("one sample") << defaults << 1 << 1;
    QTest::newRow("one window") << defaults << 400 << 1;
    QTest::newRow("a window and a sample") << defaults << 401 << 2;
    QTest::newRow("a window and a hop") << defaults << 560 << 2;
    QTest::newRow("a window, a hop and a sample") << defaults << 561 << 3;
    QTest::newRow("one second") << defaults << 16000 << 99;
    QTest::newRow("44.1 kHz, W 1103, R 441: one second")
        << FilterbankSettings{44100, 40, 25, 10, 20, 0} << 44100 << 99;
}

void TestLogMelFilterbank::frameCounts() {
    QFETCH(FilterbankSettings, settings);
    QFETCH(int, samples);
    QFETCH(int, frames);
    const LogMelFilterbank bank(settings);
    QCOMPARE(bank.frameCount(static_cast<std::size_t>(samples)), frames);
    Waveform audio;
    audio.sampleRate = settings.sampleRate;
    audio.samples.assign(static_cast<std::size_t>(samples), 0.25f);
    QCOMPARE(bank.compute(audio).size(),
             static_cast<std::size_t>(frames) * static_cast<std::size_t>(settings.bands));
    // Every sample is in a frame, and no frame starts past the end.
    if (frames > 0) {
        QVERIFY(bank.frameStart(frames - 1) + static_cast<std::size_t>(bank.windowSamples()) >=
                static_cast<std::size_t>(samples));
        QVERIFY(bank.frameStart(frames - 1) < static_cast<std::size_t>(samples));
    }
}

void TestLogMelFilterbank::derivedSizes() {
    const LogMelFilterbank bank(FilterbankSettings{});
    QCOMPARE(bank.windowSamples(), 400);
    QCOMPARE(bank.hopSamples(), 160);
    QCOMPARE(bank.fftSize(), 512);
    QCOMPARE(bank.frameStart(3), std::size_t{480});
    const LogMelFilterbank wide(FilterbankSettings{44100, 80, 32, 12.5, 20, 0});
    QCOMPARE(wide.windowSamples(), 1411); // 1411.2
    QCOMPARE(wide.hopSamples(), 551);     // 551.25
    QCOMPARE(wide.fftSize(), 2048);
}

void TestLogMelFilterbank::silenceIsTheFloor() {
    const LogMelFilterbank bank(FilterbankSettings{});
    Waveform silence;
    silence.samples.assign(1600, 0.0f);
    for (const float x : bank.compute(silence)) QCOMPARE(x, static_cast<float>(std::log(1e-10)));
}

void TestLogMelFilterbank::refusesImpossibleSettings_data() {
    QTest::addColumn<FilterbankSettings>("settings");
    QTest::newRow("no bands") << FilterbankSettings{16000, 0, 25, 10, 20, 0};
    QTest::newRow("zero rate") << FilterbankSettings{0, 40, 25, 10, 20, 0};
    QTest::newRow("no window") << FilterbankSettings{16000, 40, 0, 10, 20, 0};
    QTest::newRow("negative hop") << FilterbankSettings{16000, 40, 25, -10, 20, 0};
    QTest::newRow("high above Nyquist") << FilterbankSettings{16000, 40, 25, 10, 20, 9000};
    QTest::newRow("low above high") << FilterbankSettings{16000, 40, 25, 10, 5000, 4000};
    QTest::newRow("a one-sample window") << FilterbankSettings{16000, 40, 0.05, 10, 20, 0};
    QTest::newRow("more bands than bins") << FilterbankSettings{16000, 200, 25, 10, 20, 0};
}

void TestLogMelFilterbank::refusesImpossibleSettings() {
    QFETCH(FilterbankSettings, settings);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, LogMelFilterbank{settings});
}

void TestLogMelFilterbank::refusesAnotherRate() {
    const LogMelFilterbank bank(FilterbankSettings{});
    try {
        bank.compute(toneOf(440, 8000));
        QFAIL("no exception");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(QString(e.what()).contains("8000 Hz") && QString(e.what()).contains("16000 Hz"), e.what());
    }
}

void TestLogMelFilterbank::sameResultOnManyThreads() {
    // One filterbank shared by threads, and filterbanks planned on threads at the same time.
    const Waveform audio = sweep(16000, 0.5, 3);
    const LogMelFilterbank shared(FilterbankSettings{});
    const std::vector<float> expected = shared.compute(audio);
    std::vector<std::vector<float>> results(8);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < results.size(); ++t)
        threads.emplace_back([&, t] {
            results[t] =
                t % 2 == 0 ? shared.compute(audio) : LogMelFilterbank(FilterbankSettings{}).compute(audio);
        });
    for (std::thread& thread : threads) thread.join();
    for (const std::vector<float>& result : results) QVERIFY(result == expected);
}

QTEST_APPLESS_MAIN(TestLogMelFilterbank)
#include "tst_log_mel_filterbank.moc"

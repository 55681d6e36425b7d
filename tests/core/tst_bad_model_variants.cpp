// The generated families of the bad-file catalogue (issue 11), each made from the committed good
// model (tests/data/bad/models/good.safetensors) and loaded as the window loads a model
// (loadModel): the file cut at ten points; every header byte flipped (two bits each); every data
// byte flipped (one or two bits each), with the checksum and without it. Each variant is either
// refused with a CheckpointError naming the file and a known reason, or, where the flip leaves a
// valid file, loads into a model that is consistent with what the flip changed (and nothing else).
#include "core/train/CheckpointError.h"
#include "core/train/ModelFile.h"
#include "support/BadFileCatalogue.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstring>

using namespace attnlab;
using namespace attnlab::test;

class TestBadModelVariants : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void truncatedAtTenPoints();
    void everyHeaderByteFlipped();
    void everyDataByteFlippedWithChecksum();
    void everyDataByteFlippedWithoutChecksum();

private:
    // loadModel on `bytes` written to the scratch file; the message of its CheckpointError, or
    // empty and *loaded set when it loads.
    QString load(const QByteArray& bytes, ModelBundle* loaded = nullptr);
    // Where byte `offset` of the data section belongs: the tensor and its element (row-major).
    std::pair<std::string, std::int64_t> elementAt(std::int64_t offset) const;

    QTemporaryDir m_dir;
    QString m_path;     // the file of the latest variant
    int m_variants = 0; // variants written so far
    QByteArray m_good;
    std::int64_t m_headerBytes = 0; // the JSON header's length (after the 8-byte prefix)
    std::int64_t m_dataBytes = 0;
    ModelBundle m_model; // good.safetensors, loaded
    nlohmann::json m_header;
};

namespace {

// A parameter's values row-major, as the file stores them ((rows x cols) column-major value).
std::vector<float> rowMajor(const Parameter<float>& p) {
    std::vector<float> out;
    for (Eigen::Index r = 0; r < p.value.rows(); ++r)
        for (Eigen::Index c = 0; c < p.value.cols(); ++c) out.push_back(p.value(r, c));
    return out;
}

bool sameBits(float a, float b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

// Positions where two vocabularies of one size differ.
int differences(const Vocabulary& a, const Vocabulary& b) {
    int count = 0;
    for (int i = 0; i < a.size(); ++i) count += a.token(i) != b.token(i);
    return count;
}

// What a header flip may be refused for: the reasons of the catalogue's entries, one per check.
const QStringList& headerFlipReasons() {
    static const QStringList reasons{"header length ",
                                     "bad JSON header: ",
                                     "the header holds a NUL byte",
                                     "the header names ",
                                     "checksum mismatch",
                                     "format '",
                                     "has dtype",
                                     "data_offsets",
                                     "overlap",
                                     "belong to no tensor",
                                     "truncated: header says",
                                     "bytes after the last tensor",
                                     "has shape",
                                     "is missing",
                                     "unexpected tensor",
                                     "metadata '",
                                     "the metadata has no",
                                     "the config has no",
                                     "the config's '",
                                     "__metadata__ is not",
                                     "must be a non-negative integer",
                                     "header entry needs"};
    return reasons;
}

// Which bits of a byte are flipped, a few per byte to keep the suite within seconds. In the header:
// bit 0, which turns a digit into its neighbour and a letter into another letter (the flips most
// likely to leave valid JSON), and one more bit that walks through the other seven.
std::vector<int> headerFlipBits(std::int64_t offset) {
    return {0, 1 + static_cast<int>(offset % 7)};
}

// In the data: a bit that walks through all eight, and in each float's top byte bit 6 as well, the
// exponent's top bit, which turns 1.0 into infinity and values just above it into NaN.
std::vector<int> dataFlipBits(std::int64_t offset) {
    const int walking = static_cast<int>(offset % 8);
    if (offset % 4 == 3 && walking != 6) return {walking, 6};
    return {walking};
}

} // namespace

void TestBadModelVariants::initTestCase() {
    QVERIFY(m_dir.isValid());
    QFile file(QDir(badFilesDirectory()).filePath("models/good.safetensors"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_good = file.readAll();
    for (int i = 7; i >= 0; --i) m_headerBytes = m_headerBytes << 8 | static_cast<unsigned char>(m_good[i]);
    m_dataBytes = m_good.size() - 8 - m_headerBytes;
    m_header = nlohmann::json::parse(m_good.mid(8, static_cast<int>(m_headerBytes)).toStdString());
    QVERIFY(load(m_good, &m_model).isEmpty());
    QCOMPARE(m_dataBytes, 2244); // the layout the expectations below were written for
}

QString TestBadModelVariants::load(const QByteArray& bytes, ModelBundle* loaded) {
    // A new file each time, removed after: rewriting one file in place (truncate, write) makes ext4
    // flush it to disk at every close, which took most of this suite's time.
    m_path = m_dir.filePath(QStringLiteral("variant-%1.safetensors").arg(++m_variants));
    if (!writeFile(m_path, bytes)) return QStringLiteral("cannot write the variant");
    QString message;
    try {
        ModelBundle bundle = loadModel(m_path.toStdString());
        if (loaded) *loaded = std::move(bundle);
    } catch (const CheckpointError& e) {
        message = QString::fromUtf8(e.what());
        if (message.isEmpty()) message = QStringLiteral("(empty message)");
    }
    QFile::remove(m_path);
    return message;
}

std::pair<std::string, std::int64_t> TestBadModelVariants::elementAt(std::int64_t offset) const {
    for (const auto& [name, entry] : m_header.items()) {
        if (name == "__metadata__") continue;
        const auto begin = entry["data_offsets"][0].get<std::int64_t>();
        const auto end = entry["data_offsets"][1].get<std::int64_t>();
        if (offset >= begin && offset < end) return {name, (offset - begin) / 4};
    }
    return {};
}

void TestBadModelVariants::truncatedAtTenPoints() {
    const std::int64_t data = 8 + m_headerBytes; // where the data section starts
    for (const std::int64_t size :
         {std::int64_t{0}, std::int64_t{4}, std::int64_t{8}, std::int64_t{9}, 8 + m_headerBytes / 2, data - 1,
          data, data + m_dataBytes / 2, data + m_dataBytes - 4, data + m_dataBytes - 1}) {
        const QString message = load(m_good.left(static_cast<int>(size)));
        QString expected;
        if (size < 8)
            expected = QStringLiteral("%1: truncated: %2 bytes, too short for a safetensors file")
                           .arg(m_path)
                           .arg(size);
        else if (size < data)
            expected = QStringLiteral("%1: header length %2 goes beyond the end of the file (%3 bytes)")
                           .arg(m_path)
                           .arg(m_headerBytes)
                           .arg(size);
        else
            expected = QStringLiteral("%1: truncated: header says %2 bytes of data, file has %3")
                           .arg(m_path)
                           .arg(m_dataBytes)
                           .arg(size - data);
        QVERIFY2(message.startsWith(expected), qPrintable(QString::number(size) + ": " + message));
    }
}

void TestBadModelVariants::everyHeaderByteFlipped() {
    int refused = 0;
    int loadedCount = 0;
    for (int offset = 0; offset < 8 + m_headerBytes; ++offset) {
        for (const int bit : headerFlipBits(offset)) {
            QByteArray bytes = m_good;
            bytes[offset] = static_cast<char>(bytes[offset] ^ (1 << bit));
            ModelBundle loaded;
            const QString message = load(bytes, &loaded);
            const QString where = QStringLiteral("byte %1 bit %2: ").arg(offset).arg(bit);
            if (!message.isEmpty()) {
                ++refused;
                QVERIFY2(message.startsWith(m_path + ": "), qPrintable(where + message));
                const bool known =
                    std::any_of(headerFlipReasons().begin(), headerFlipReasons().end(),
                                [&](const QString& reason) { return message.contains(reason); });
                QVERIFY2(known, qPrintable(where + message));
                continue;
            }
            // Still a valid file: only a string or number the loader cannot check changed (the
            // dataset's name, a training setting, one vocabulary token, max_source_len). The
            // architecture and every weight are the good model's, bit for bit.
            ++loadedCount;
            const ModelConfig& a = m_model.config;
            const ModelConfig& b = loaded.config;
            QVERIFY2(a.scorer == b.scorer && a.decoder == b.decoder && a.inputFeeding == b.inputFeeding &&
                         a.bidirectional == b.bidirectional && a.embedding == b.embedding &&
                         a.hidden == b.hidden && a.attentionSize() == b.attentionSize() &&
                         a.locationFilters == b.locationFilters && a.locationKernel == b.locationKernel,
                     qPrintable(where + "the architecture changed"));
            QVERIFY2(b.maxSourceLength >= 1 && b.maxSourceLength <= 1000000, qPrintable(where));
            QVERIFY(loaded.sourceTokens == m_model.sourceTokens &&
                    loaded.targetTokens == m_model.targetTokens);
            QCOMPARE(loaded.sourceVocabulary.size(), m_model.sourceVocabulary.size());
            QCOMPARE(loaded.targetVocabulary.size(), m_model.targetVocabulary.size());
            QVERIFY2(differences(loaded.sourceVocabulary, m_model.sourceVocabulary) +
                             differences(loaded.targetVocabulary, m_model.targetVocabulary) <=
                         1,
                     qPrintable(where));
            const auto good = m_model.model->parameters();
            const auto got = loaded.model->parameters();
            QCOMPARE(got.size(), good.size());
            for (std::size_t i = 0; i < good.size(); ++i) {
                const std::vector<float> x = rowMajor(*good[i]);
                const std::vector<float> y = rowMajor(*got[i]);
                QVERIFY2(std::equal(x.begin(), x.end(), y.begin(), y.end(), sameBits),
                         qPrintable(where + QString::fromStdString(good[i]->name)));
            }
        }
    }
    qInfo("%d header flips refused, %d loaded into the same model", refused, loadedCount);
    QVERIFY(refused > 0 && loadedCount > 0);
}

void TestBadModelVariants::everyDataByteFlippedWithChecksum() {
    const std::int64_t data = 8 + m_headerBytes;
    for (std::int64_t offset = 0; offset < m_dataBytes; ++offset) {
        for (const int bit : dataFlipBits(offset)) {
            QByteArray bytes = m_good;
            const auto at = static_cast<qsizetype>(data + offset);
            bytes[at] = static_cast<char>(bytes[at] ^ (1 << bit));
            const QString message = load(bytes);
            QVERIFY2(message.startsWith(m_path + ": checksum mismatch: the file is corrupted (header says "),
                     qPrintable(QStringLiteral("data byte %1 bit %2: %3").arg(offset).arg(bit).arg(message)));
        }
    }
}

void TestBadModelVariants::everyDataByteFlippedWithoutChecksum() {
    // The same file without its checksum (a file written by another tool): nothing can tell a
    // flipped weight from a trained one unless it is NaN or infinite.
    nlohmann::json header = m_header;
    header["__metadata__"].erase("checksum");
    std::string text = header.dump();
    text.append((8 - text.size() % 8) % 8, ' ');
    QByteArray base(8, '\0');
    for (int i = 0; i < 8; ++i)
        base[i] = static_cast<char>(static_cast<std::uint64_t>(text.size()) >> (8 * i));
    base += QByteArray::fromStdString(text);
    const std::int64_t data = base.size();
    base += m_good.mid(static_cast<int>(8 + m_headerBytes));
    ModelBundle unchanged;
    QVERIFY(load(base, &unchanged).isEmpty());

    const auto good = m_model.model->parameters();
    int refused = 0;
    int flips = 0;
    for (std::int64_t offset = 0; offset < m_dataBytes; ++offset) {
        const auto [tensor, element] = elementAt(offset);
        QVERIFY(!tensor.empty());
        for (const int bit : dataFlipBits(offset)) {
            QByteArray bytes = base;
            const auto at = static_cast<qsizetype>(data + offset);
            bytes[at] = static_cast<char>(bytes[at] ^ (1 << bit));
            ++flips;
            float flipped = 0;
            std::memcpy(&flipped, bytes.constData() + data + offset / 4 * 4, sizeof flipped);
            ModelBundle loaded;
            const QString message = load(bytes, &loaded);
            const QString where = QStringLiteral("data byte %1 bit %2: ").arg(offset).arg(bit);
            if (!std::isfinite(flipped)) {
                ++refused;
                const QString expected = QStringLiteral("%1: tensor '%2' holds %3 at element %4")
                                             .arg(m_path, QString::fromStdString(tensor),
                                                  std::isnan(flipped) ? "NaN" : "an infinite value")
                                             .arg(element);
                QVERIFY2(message.startsWith(expected), qPrintable(where + message));
                continue;
            }
            QVERIFY2(message.isEmpty(), qPrintable(where + message));
            // Exactly the flipped element differs, and holds the flipped value.
            const auto got = loaded.model->parameters();
            for (std::size_t i = 0; i < good.size(); ++i) {
                std::vector<float> expected = rowMajor(*good[i]);
                if (good[i]->name == tensor) expected[static_cast<std::size_t>(element)] = flipped;
                const std::vector<float> actual = rowMajor(*got[i]);
                QVERIFY2(std::equal(expected.begin(), expected.end(), actual.begin(), actual.end(), sameBits),
                         qPrintable(where + QString::fromStdString(good[i]->name)));
            }
        }
    }
    qInfo("%d of %d data flips made a weight NaN or infinite and were refused", refused, flips);
    QVERIFY(refused > 0);
}

QTEST_APPLESS_MAIN(TestBadModelVariants)
#include "tst_bad_model_variants.moc"

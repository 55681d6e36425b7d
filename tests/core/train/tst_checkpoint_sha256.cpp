// SHA-256 against the FIPS 180-2 / NIST example vectors, plus lengths at the padding boundaries
// (55, 56, 63, 64, 119, 120 bytes: where the length field spills into an extra block), whose digests
// come from Python's hashlib and sha256sum.
#include "core/train/Sha256.h"

#include <QtTest>

#include <string>

using attnlab::Sha256;

class TestCheckpointSha256 : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void knownDigests_data();
    void knownDigests();
    void anySplitGivesTheSameDigest_data();
    void anySplitGivesTheSameDigest();
    void finishStartsAFreshMessage();
};

void TestCheckpointSha256::knownDigests_data() {
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("digest");
    QTest::newRow("empty") << QByteArray()
                           << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    QTest::newRow("abc") << QByteArray("abc")
                         << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    QTest::newRow("448 bits") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                              << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
    QTest::newRow("896 bits") << QByteArray("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                                            "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")
                              << "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1";
    QTest::newRow("million a") << QByteArray(1000000, 'a')
                               << "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
    QTest::newRow("55 a") << QByteArray(55, 'a')
                          << "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318";
    QTest::newRow("56 a") << QByteArray(56, 'a')
                          << "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a";
    QTest::newRow("63 a") << QByteArray(63, 'a')
                          << "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34";
    QTest::newRow("64 a") << QByteArray(64, 'a')
                          << "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb";
    QTest::newRow("119 a") << QByteArray(119, 'a')
                           << "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb";
    QTest::newRow("120 a") << QByteArray(120, 'a')
                           << "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c";
}

void TestCheckpointSha256::knownDigests() {
    QFETCH(QByteArray, message);
    QFETCH(QString, digest);
    QCOMPARE(QString::fromStdString(Sha256::hexDigest(message.constData(), message.size())), digest);
}

void TestCheckpointSha256::anySplitGivesTheSameDigest_data() {
    QTest::addColumn<int>("chunk");
    for (int chunk : {1, 3, 7, 55, 63, 64, 65, 128, 1000})
        QTest::newRow(qPrintable(QString::number(chunk))) << chunk;
}

void TestCheckpointSha256::anySplitGivesTheSameDigest() {
    QFETCH(int, chunk);
    // The 896-bit vector repeated to 1,120 bytes, so pending blocks are topped up across calls.
    const std::string unit = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                             "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
    std::string message;
    for (int i = 0; i < 10; ++i) message += unit;
    Sha256 sha;
    for (std::size_t at = 0; at < message.size(); at += chunk)
        sha.update(message.data() + at, std::min<std::size_t>(chunk, message.size() - at));
    QCOMPARE(Sha256::toHex(sha.finish()), Sha256::hexDigest(message));
    // hashlib.sha256(b"abcdefgh...nopqrstu" * 10).hexdigest()
    QCOMPARE(Sha256::hexDigest(message),
             std::string("c98d071d68ef923192cd8e9c57011d83d18db7546250a8ad66f081b4710e9381"));
}

void TestCheckpointSha256::finishStartsAFreshMessage() {
    Sha256 sha;
    sha.update("some earlier message");
    sha.finish();
    sha.update("abc");
    QCOMPARE(Sha256::toHex(sha.finish()),
             std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}

QTEST_APPLESS_MAIN(TestCheckpointSha256)
#include "tst_checkpoint_sha256.moc"

// docs/FORMAT.md promises that ten lines of Python/NumPy load a model with no AttnLab code. This
// runs that very snippet (extracted from the document) on a file saveCheckpoint writes and checks
// every value, shape and vocabulary it returns. Exits 77 (ctest: skipped) without python3 + numpy.
#include "core/train/Checkpoint.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include <cstdio>

using namespace attnlab;

namespace {

constexpr int kSkipped = 77; // SKIP_RETURN_CODE in tests/core/train/checkpoint.cmake

struct PythonRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

PythonRun runPython(const QStringList& arguments) {
    QProcess python;
    // Debian's interpreter first: python3-numpy (scripts/setup-deps) is installed for it.
    const QString interpreter = QFileInfo::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    python.start(interpreter, arguments);
    PythonRun run;
    if (!python.waitForStarted(10000) || !python.waitForFinished(60000)) return run;
    run.exitCode = python.exitStatus() == QProcess::NormalExit ? python.exitCode() : -1;
    run.out = python.readAllStandardOutput();
    run.err = python.readAllStandardError();
    return run;
}

// The first ```python block after the marker in docs/FORMAT.md.
QString formatSnippet() {
    QFile doc(qEnvironmentVariable("ATTNLAB_SOURCE_DIR") + "/docs/FORMAT.md");
    if (!doc.open(QIODevice::ReadOnly)) return {};
    const QString text = QString::fromUtf8(doc.readAll());
    const qsizetype marker = text.indexOf("<!-- snippet: numpy-load -->");
    const qsizetype open = text.indexOf("```python\n", marker);
    const qsizetype close = text.indexOf("\n```", open + 10);
    if (marker < 0 || open < 0 || close < 0) return {};
    return text.mid(open + 10, close - open - 10) + "\n";
}

// Printed after the snippet, so the test sees exactly what it produced.
const char* const kReport = R"(
print(json.dumps({"tensors": {k: {"dtype": str(v.dtype), "shape": list(v.shape), "values": v.ravel().tolist(),
                                  "corner": float(v[(-1,) * v.ndim])} for k, v in tensors.items()},
                  "config": config, "source_vocab": source_vocab, "target_vocab": target_vocab}))
)";

} // namespace

class TestCheckpointPython : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void snippetLoadsTheModel();
    void snippetRefusesACorruptedFile();

private:
    QTemporaryDir m_dir;
    QString m_script;
    QString m_model;
    Parameter<float> m_conv{"attention.conv.weight", 2, 3, {2, 1, 3}}; // (F x W)
    Parameter<float> m_weight{"output.weight", 3, 2};                  // (Vt x H)
    Parameter<float> m_bias{"output.bias", 3, 1};                      // (Vt x 1)
};

void TestCheckpointPython::initTestCase() {
    const QString snippet = formatSnippet();
    QVERIFY2(snippet.contains("np.frombuffer") && snippet.count('\n') >= 10,
             "no snippet found in docs/FORMAT.md");
    QVERIFY(m_dir.isValid());
    m_script = m_dir.filePath("load.py");
    QFile script(m_script);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write(snippet.toUtf8() + kReport);
    script.close();

    m_conv.value << 0.5f, -1.0f, 2.0f, 0.25f, 3.0f, -0.1f;
    m_weight.value << 1.5f, -2.5f, 1e-7f, 4.0f, 1.0f / 3.0f, -6.0f;
    m_bias.value << 0.1f, 0.2f, -0.3f;
    m_model = m_dir.filePath("model.safetensors");
    saveCheckpoint(
        m_model.toStdString(), {&m_conv, &m_weight, &m_bias},
        {{"config", R"({"scorer":"location_aware","hidden":2,"location_filters":2,"location_kernel":3})"},
         {"source_vocab", "[\"<pad>\",\"<s>\",\"</s>\",\"<unk>\",\"\xc3\xa9\",\"x\"]"},
         {"target_vocab", R"(["<pad>","<s>","</s>"])"}});
}

void TestCheckpointPython::snippetLoadsTheModel() {
    const PythonRun run = runPython({m_script, m_model});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject result = QJsonDocument::fromJson(run.out).object();
    const QJsonObject tensors = result["tensors"].toObject();
    QCOMPARE(tensors.keys(), (QStringList{"attention.conv.weight", "output.bias", "output.weight"}));

    const QJsonObject conv = tensors["attention.conv.weight"].toObject();
    QCOMPARE(conv["dtype"].toString(), QString("float32"));
    QCOMPARE(conv["shape"].toArray(), (QJsonArray{2, 1, 3}));
    QCOMPARE(conv["corner"].toDouble(), double(-0.1f)); // [1,0,2] = conv.value(1, 2)
    const QJsonObject weight = tensors["output.weight"].toObject();
    QCOMPARE(weight["shape"].toArray(), (QJsonArray{3, 2}));
    QCOMPARE(weight["corner"].toDouble(), -6.0); // [2,1]
    QCOMPARE(tensors["output.bias"].toObject()["shape"].toArray(), QJsonArray{3});

    // Row-major values, exact to the bit once widened to double.
    const std::pair<const char*, const Parameter<float>*> expected[] = {
        {"attention.conv.weight", &m_conv}, {"output.weight", &m_weight}, {"output.bias", &m_bias}};
    for (const auto& [name, parameter] : expected) {
        const QJsonArray values = tensors[name].toObject()["values"].toArray();
        QCOMPARE(values.size(), parameter->value.size());
        for (Eigen::Index r = 0, i = 0; r < parameter->value.rows(); ++r)
            for (Eigen::Index c = 0; c < parameter->value.cols(); ++c, ++i)
                QCOMPARE(values[i].toDouble(), double(parameter->value(r, c)));
    }
    QCOMPARE(result["config"].toObject()["scorer"].toString(), QString("location_aware"));
    QCOMPARE(result["source_vocab"].toArray()[4].toString(), QString::fromUtf8("\xc3\xa9"));
    QCOMPARE(result["target_vocab"].toArray().size(), 3);
}

void TestCheckpointPython::snippetRefusesACorruptedFile() {
    QFile model(m_model);
    QVERIFY(model.open(QIODevice::ReadOnly));
    QByteArray bytes = model.readAll();
    model.close();
    bytes[bytes.size() - 1] = static_cast<char>(bytes[bytes.size() - 1] ^ 0x40); // last data byte
    const QString corrupted = m_dir.filePath("corrupted.safetensors");
    QFile out(corrupted);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes);
    out.close();
    const PythonRun run = runPython({m_script, corrupted});
    QVERIFY(run.exitCode != 0);
    QVERIFY2(run.err.contains("AssertionError: checksum mismatch: the file is corrupted"),
             run.err.constData());
}

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (runPython({"-c", "import numpy"}).exitCode != 0) {
        std::puts("SKIP: python3 with numpy is not available");
        return kSkipped;
    }
    TestCheckpointPython test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_checkpoint_python.moc"

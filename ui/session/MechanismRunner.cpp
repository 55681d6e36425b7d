#include "ui/session/MechanismRunner.h"

#include "core/infer/BeamTrace.h"

#include <chrono>
#include <exception>

namespace attnlab::ui {

std::string MechanismResult::targetToken(int id) const {
    if (!targetVocabulary || id < 0 || id >= targetVocabulary->size()) return "?";
    return targetVocabulary->token(id);
}

MechanismRunner::MechanismRunner(QObject* parent) : QObject(parent) {
    qRegisterMetaType<std::shared_ptr<const MechanismResult>>();
    m_thread = std::thread([this] { work(); });
}

MechanismRunner::~MechanismRunner() {
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

quint64 MechanismRunner::request(MechanismRequest request) {
    const quint64 id = ++m_latest;
    {
        std::lock_guard lock(m_mutex);
        m_pending.emplace(id, std::move(request));
    }
    m_wake.notify_all();
    return id;
}

bool MechanismRunner::busy() const {
    std::lock_guard lock(m_mutex);
    return m_working || m_pending.has_value();
}

void MechanismRunner::work() {
    for (;;) {
        std::pair<quint64, MechanismRequest> next;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_quit || m_pending.has_value(); });
            if (m_quit) return;
            next = std::move(*m_pending);
            m_pending.reset();
            m_working = true;
        }
        std::shared_ptr<const MechanismResult> result = run(next.first, next.second);
        {
            std::lock_guard lock(m_mutex);
            m_working = false;
        }
        QMetaObject::invokeMethod(
            this,
            [this, result] {
                if (result->id == m_latest) Q_EMIT finished(result);
            },
            Qt::QueuedConnection);
    }
}

const Seq2Seq<float>& MechanismRunner::ownCopy(const ModelSnapshot& snapshot) {
    if (m_copyOf != snapshot) {
        // Only the snapshot's parameters are read (the GUI thread may decode with its scratch).
        m_copy = std::make_unique<Seq2Seq<float>>(snapshot->config());
        m_copy->copyValuesFrom(*snapshot);
        m_copyOf = snapshot;
    }
    return *m_copy;
}

std::shared_ptr<MechanismResult> MechanismRunner::run(quint64 id, const MechanismRequest& request) {
    const auto start = std::chrono::steady_clock::now();
    auto result = std::make_shared<MechanismResult>();
    result->id = id;
    const InferenceModel& model = request.model;
    if (!model.ready()) {
        result->error = tr("There is no model yet: train one or open one first.");
        return result;
    }
    result->model = model.model;
    result->targetVocabulary = model.targetVocabulary;
    const SourceInput source =
        request.pairTokens.empty()
            ? readSourceInput(request.text.toStdString(), model.sourceReading(), *model.sourceVocabulary)
            : encodeSourceTokens(request.pairTokens, *model.sourceVocabulary);
    result->sourceTokens = source.tokens;
    result->unknownCount = source.unknownCount;
    if (!source.ok()) {
        result->error = QString::fromStdString(source.problemText());
        return result;
    }
    if (model.model->config().predictsLabel()) {
        result->error = tr("The mechanism view steps through a decoder; a %1 model decides in one pass. "
                           "Its attention is in the Inspect panel.")
                            .arg(QString::fromStdString(modelKindName(model.model->config().kind)));
        return result;
    }
    try {
        const Seq2Seq<float>& copy = ownCopy(model.model);
        InspectOptions options;
        options.temperature = request.temperature;
        options.topK = request.topK;
        result->own = inspectDecode(copy, source.ids, options);
        if (!request.forcedTokens.empty() || !request.forcedAttention.empty()) {
            InspectOptions whatIf = options;
            whatIf.forcedTokens = request.forcedTokens;
            whatIf.attentionOverride = request.forcedAttention;
            result->whatIf = inspectDecode(copy, source.ids, whatIf);
        }
        if (request.beamWidth > 1) {
            DecodeOptions beam;
            beam.beamWidth = request.beamWidth;
            result->beam = traceBeamSearch(copy, source.ids, beam);
            const int node = request.beamNode;
            if (node >= 0 && node < static_cast<int>(result->beam->nodes.size())) {
                InspectOptions path = options;
                path.temperature = 1.0; // beam search decodes at τ = 1
                path.forcedTokens = result->beam->path(node);
                path.continueAfterForced = false;
                result->beamNode = inspectDecode(copy, source.ids, path);
            }
        }
    } catch (const std::exception& e) {
        result->error = tr("Could not inspect this sentence: %1").arg(QString::fromStdString(e.what()));
    }
    result->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace attnlab::ui

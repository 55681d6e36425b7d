#include "core/train/HealthHints.h"

#include "core/train/HealthDetectors.h"

namespace attnlab {

std::vector<HealthHint> HealthHints::update(const HealthHistory& history) {
    return updateWith(health::detectAll(history));
}

std::vector<HealthHint> HealthHints::updateWith(std::vector<HealthHint> holding) {
    std::set<std::string> now;
    std::vector<HealthHint> fresh;
    for (HealthHint& hint : holding) {
        if (!now.insert(hint.id).second) continue;
        if (!m_active.contains(hint.id)) fresh.push_back(std::move(hint));
    }
    m_active = std::move(now);
    return fresh;
}

} // namespace attnlab

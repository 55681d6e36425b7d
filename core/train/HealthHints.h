#pragma once
// Reports each health hint once per episode: a detector's hint is new when it holds at this
// validation and did not at the previous one (fires -> quiet -> fires reports it twice; a
// condition that persists for ten epochs, once).
#include "core/train/HealthHint.h"
#include "core/train/HealthHistory.h"

#include <set>
#include <string>
#include <vector>

namespace attnlab {

class HealthHints {
public:
    // All detectors at the last epoch of `history`; returns the hints that are new.
    std::vector<HealthHint> update(const HealthHistory& history);
    // Hints as given by the detectors (tests, or a caller with its own detectors).
    std::vector<HealthHint> updateWith(std::vector<HealthHint> holding);

    const std::set<std::string>& active() const { return m_active; } // ids holding at the last update

private:
    std::set<std::string> m_active;
};

} // namespace attnlab

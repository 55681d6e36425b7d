#pragma once
// Every number of an inspection as one tidy CSV, for a notebook: a row per value, with the step,
// the token the step wrote, what the value is (score, weight, query, context, attentional, key:
// the encoder state h̄_s, the same at every step), its source position and token, and its unit.
#include "ui/session/MechanismRequest.h"

namespace attnlab::ui {

class CsvWriter;

// The shown inspection (beam node, what-if or the model's own) of `result`.
void writeInspectionCsv(const MechanismResult& result, CsvWriter& csv);

} // namespace attnlab::ui

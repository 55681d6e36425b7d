#pragma once
// N steps.
// The period a seasonal-naive forecast repeats (issue 15, MASE): for a user's series nothing says
// it, so it is detected as the lag in [2, maxLag] with the highest sample autocorrelation
//   r_l = Σ_{t ≥ l} (y_t − ȳ)(y_{t−l} − ȳ) / Σ_t (y_t − ȳ)²
// A shorter lag wins a near tie (within 1%), so a multiple of the period is not chosen over it.
#include <span>

namespace attnlab {

// values: (N); maxLag is capped at N / 2. Returns 1 (the naive forecast) when no lag above 1 has
// a positive autocorrelation or the series is constant or too short.
int detectPeriod(std::span<const double> values, int maxLag);

} // namespace attnlab

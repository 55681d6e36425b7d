#pragma once
// The numbers task (char -> word): an integer 0..999999 written in digits to English words,
// "123456" -> "one hundred twenty three thousand four hundred fifty six" (no "and", no hyphens).
//
// Gold alignment: a units or tens word ("six", "fifty") and "zero" link to their one digit
// (sure); a teen ("thirteen") links to both its digits, "hundred" to its hundreds digit and
// "thousand" to every digit of the thousands group (possible: they derive from a span).
// Zero digits that produce no word stay unaligned.
#include "core/data/Dataset.h"
#include "core/util/Random.h"

namespace attnlab::tasks {

TextPair numberPair(int number); // 0 <= number <= 999999

// A digit count 1..6, then a number uniform among those with that many digits, so short numbers
// are as frequent as long ones.
TextPair sampleNumber(Random& rng);

} // namespace attnlab::tasks

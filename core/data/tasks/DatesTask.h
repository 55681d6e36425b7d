#pragma once
// The dates task (char -> char): a human-readable date in one of many formats, e.g.
// "saturday, march 7 2015", "3/7/15", "07 mar 2015", to ISO "2015-03-07".
//
// Gold alignment, target positions Y0..Y3 = 0..3, M = 5..6, D = 8..9 ('-' is unaligned):
//  - a four-digit year links each digit to its own (sure);
//  - a two-digit year links its digits to Y2, Y3 (sure) and both to Y0, Y1 (possible: the
//    century comes from the pair, 50..99 -> 19xx, 00..49 -> 20xx);
//  - a two-digit month or day links digit to digit (sure); a one-digit one links to the second
//    digit (sure) and to the leading zero (possible); an ordinal suffix ("rd") is unaligned;
//  - every character of a month name links to both month digits (possible);
//  - weekday names and separators are unaligned.
#include "core/data/Dataset.h"
#include "core/util/Random.h"

namespace attnlab::tasks {

struct CalendarDate {
    int year = 1970;
    int month = 1; // 1..12
    int day = 1;   // 1..31
};

// Days since 1970-01-01 in the proleptic Gregorian calendar, and back.
long daysFromCivil(const CalendarDate& date);
CalendarDate civilFromDays(long days);
// 0 = Monday ... 6 = Sunday.
int dayOfWeek(const CalendarDate& date);

int dateFormatCount();
// The pair for `date` written in format `format` (0 <= format < dateFormatCount()).
TextPair formatDatePair(const CalendarDate& date, int format);

// A day uniform in 1950-01-01..2049-12-31 in a uniformly chosen format.
TextPair sampleDate(Random& rng);

} // namespace attnlab::tasks

#include "core/data/tasks/DatesTask.h"

#include "core/data/PharaohAlignment.h"
#include "core/data/tasks/TaskUtil.h"

#include <array>
#include <stdexcept>
#include <string_view>

namespace attnlab::tasks {
namespace {

constexpr std::array<std::string_view, 15> Formats = {
    "EEEE, MMMM d yyyy",       // saturday, march 7 2015
    "M/d/yy",                  // 3/7/15 (month first with slashes, as in the US)
    "dd MMM yyyy",             // 07 mar 2015
    "MMMM d, yyyy",            // march 7, 2015
    "d MMMM yyyy",             // 7 march 2015
    "dd.MM.yy",                // 07.03.15 (day first with dots, as in Europe)
    "yyyy/MM/dd",              // 2015/03/07
    "dd-MMM-yyyy",             // 07-mar-2015
    "MMM do, yyyy",            // mar 7th, 2015
    "EEE d MMM yyyy",          // sat 7 mar 2015
    "'the' do 'of' MMMM yyyy", // the 7th of march 2015
    "MM/dd/yyyy",              // 03/07/2015
    "d.M.yyyy",                // 7.3.2015
    "EEE, MMM d, yy",          // sat, mar 7, 15
    "EEEE do MMMM yyyy",       // saturday 7th march 2015
};

constexpr std::array<std::string_view, 12> MonthNames = {"january",   "february", "march",    "april",
                                                         "may",       "june",     "july",     "august",
                                                         "september", "october",  "november", "december"};
constexpr std::array<std::string_view, 7> DayNames = {"monday", "tuesday",  "wednesday", "thursday",
                                                      "friday", "saturday", "sunday"};

constexpr int YearAt = 0, MonthAt = 5, DayAt = 8; // positions in "YYYY-MM-DD"

std::string twoDigits(int n) {
    return std::string(1, char('0' + n / 10)) + char('0' + n % 10);
}

std::string ordinalSuffix(int day) {
    if (day >= 11 && day <= 13) return "th";
    switch (day % 10) {
    case 1:
        return "st";
    case 2:
        return "nd";
    case 3:
        return "rd";
    default:
        return "th";
    }
}

// Appends a number field (month or day) and its links to the two target digits at `at`.
void appendNumber(TextPair& pair, const std::string& digits, int at) {
    const int p = static_cast<int>(pair.source.size());
    pair.source += digits;
    if (digits.size() == 2) {
        pair.alignment.push_back({p, at, true});
        pair.alignment.push_back({p + 1, at + 1, true});
    } else {
        pair.alignment.push_back({p, at + 1, true});
        pair.alignment.push_back({p, at, false}); // the leading zero comes from the whole field
    }
}

void appendField(TextPair& pair, char letter, int run, const CalendarDate& date) {
    const int p = static_cast<int>(pair.source.size());
    if (letter == 'y' && run == 4) {
        pair.source += std::to_string(date.year);
        for (int k = 0; k < 4; ++k) pair.alignment.push_back({p + k, YearAt + k, true});
    } else if (letter == 'y' && run == 2) {
        pair.source += twoDigits(date.year % 100);
        pair.alignment.push_back({p, YearAt + 2, true});
        pair.alignment.push_back({p + 1, YearAt + 3, true});
        for (int k = 0; k < 2; ++k)
            for (int c = 0; c < 2; ++c) pair.alignment.push_back({p + k, YearAt + c, false});
    } else if (letter == 'M' && run >= 3) {
        const std::string_view name = MonthNames[static_cast<std::size_t>(date.month - 1)];
        pair.source += run == 4 ? name : name.substr(0, 3);
        for (int k = p; k < static_cast<int>(pair.source.size()); ++k) {
            pair.alignment.push_back({k, MonthAt, false});
            pair.alignment.push_back({k, MonthAt + 1, false});
        }
    } else if (letter == 'M') {
        appendNumber(pair, run == 2 ? twoDigits(date.month) : std::to_string(date.month), MonthAt);
    } else if (letter == 'd') {
        appendNumber(pair, run == 2 ? twoDigits(date.day) : std::to_string(date.day), DayAt);
    } else if (letter == 'E') {
        const std::string_view name = DayNames[static_cast<std::size_t>(dayOfWeek(date))];
        pair.source += run == 4 ? name : name.substr(0, 3);
    } else {
        throw std::logic_error("dates: bad format field");
    }
}

} // namespace

long daysFromCivil(const CalendarDate& date) {
    // Howard Hinnant's days_from_civil: eras of 400 years, years starting in March.
    const int y = date.year - (date.month <= 2);
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

CalendarDate civilFromDays(long days) {
    days += 719468;
    const long era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    CalendarDate date;
    date.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    date.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    date.year = static_cast<int>(yoe + era * 400) + (date.month <= 2);
    return date;
}

int dayOfWeek(const CalendarDate& date) {
    const long days = daysFromCivil(date); // 1970-01-01 was a Thursday (3)
    return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

int dateFormatCount() {
    return static_cast<int>(Formats.size());
}

TextPair formatDatePair(const CalendarDate& date, int format) {
    if (format < 0 || format >= dateFormatCount())
        throw std::out_of_range("dates: no format " + std::to_string(format));
    TextPair pair;
    const std::string_view pattern = Formats[static_cast<std::size_t>(format)];
    for (std::size_t i = 0; i < pattern.size();) {
        const char c = pattern[i];
        if (c == '\'') { // quoted literal
            const std::size_t end = pattern.find('\'', i + 1);
            pair.source += pattern.substr(i + 1, end - i - 1);
            i = end + 1;
        } else if (c == 'y' || c == 'M' || c == 'd' || c == 'E') {
            std::size_t j = i;
            while (j < pattern.size() && pattern[j] == c) ++j;
            appendField(pair, c, static_cast<int>(j - i), date);
            if (c == 'd' && j < pattern.size() && pattern[j] == 'o') { // day with ordinal suffix
                pair.source += ordinalSuffix(date.day);
                ++j;
            }
            i = j;
        } else {
            pair.source += c;
            ++i;
        }
    }
    pair.target = std::to_string(date.year) + "-" + twoDigits(date.month) + "-" + twoDigits(date.day);
    sortAlignment(pair.alignment);
    return pair;
}

TextPair sampleDate(Random& rng) {
    const long first = daysFromCivil({1950, 1, 1});
    const long last = daysFromCivil({2049, 12, 31});
    const long day = first + static_cast<long>(rng.below(static_cast<std::uint64_t>(last - first + 1)));
    return formatDatePair(civilFromDays(day), uniformInt(rng, 0, dateFormatCount() - 1));
}

} // namespace attnlab::tasks

#include "core/experiment/JsonText.h"

#include <algorithm>
#include <iterator>

namespace attnlab {

namespace {
using Json = nlohmann::json;

// A pointer into the text that records, in a place its copies share, how far anything has read.
// nlohmann's parser reads through copies of it; the SAX handlers look at the mark.
struct CountingIterator {
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    const char* at = nullptr;
    const char** mark = nullptr; // the furthest character read so far (one past it)

    reference operator*() const { return *at; }
    CountingIterator& operator++() {
        ++at;
        if (at > *mark) *mark = at;
        return *this;
    }
    CountingIterator operator++(int) {
        CountingIterator before = *this;
        ++*this;
        return before;
    }
    bool operator==(const CountingIterator& other) const { return at == other.at; } // != follows (C++20)
};

// Lines of positions that only grow: counts newlines from where it last stopped.
class LineCounter {
public:
    explicit LineCounter(std::string_view text) : m_text(text) {}
    // The line of the character before `end`: the last one read for the current token (a number
    // is only known to end at the character after it, which may be a newline).
    int lineBefore(std::size_t end) {
        const std::size_t last = std::min(end, m_text.size());
        const std::size_t upTo = last > 0 ? last - 1 : 0;
        if (upTo < m_scanned) return m_line; // cannot happen: positions only grow
        m_line += static_cast<int>(std::count(m_text.begin() + static_cast<long>(m_scanned),
                                              m_text.begin() + static_cast<long>(upTo), '\n'));
        m_scanned = upTo;
        return m_line;
    }

private:
    std::string_view m_text;
    std::size_t m_scanned = 0;
    int m_line = 1;
};

// The parser's own reason without its "[json.exception.parse_error.101] parse error at ...: ".
std::string reasonOf(const nlohmann::detail::exception& e) {
    std::string text = e.what();
    const auto colon = text.find(": ");
    if (colon != std::string::npos) text = text.substr(colon + 2);
    return text;
}

// Shared by both handlers: where the parser is and what a syntax error says.
class Located {
public:
    explicit Located(std::string_view text) : m_text(text), m_lines(text), m_mark(text.data()) {}
    const char** mark() { return &m_mark; }
    int line() { return m_lines.lineBefore(static_cast<std::size_t>(m_mark - m_text.data())); }
    [[noreturn]] void syntaxError(std::size_t position, const nlohmann::detail::exception& e) {
        const std::string_view rest = m_text.substr(std::min(m_text.size(), position));
        const bool atEnd = rest.find_first_not_of(" \t\r\n") == std::string_view::npos;
        if (m_text.find_first_not_of(" \t\r\n") == std::string_view::npos)
            throw JsonTextError(1, "the file is empty");
        const int at = m_lines.lineBefore(std::max<std::size_t>(position, 1));
        if (atEnd) throw JsonTextError(at, "the file ends too early (truncated?): " + reasonOf(e));
        throw JsonTextError(at, "not valid JSON: " + reasonOf(e));
    }

private:
    std::string_view m_text;
    LineCounter m_lines;
    const char* m_mark;
};

// Builds the values (as nlohmann's own DOM parser does) within the limits.
class Builder : public Located {
public:
    Builder(std::string_view text, const JsonLimits& limits) : Located(text), m_limits(limits) {}
    Json& root() { return m_root; }

    bool null() { return added(Json(nullptr)); }
    bool boolean(bool v) { return added(Json(v)); }
    bool number_integer(Json::number_integer_t v) { return added(Json(v)); }
    bool number_unsigned(Json::number_unsigned_t v) { return added(Json(v)); }
    bool number_float(Json::number_float_t v, const Json::string_t&) { return added(Json(v)); }
    bool string(Json::string_t& v) { return added(Json(std::move(v))); }
    bool binary(Json::binary_t&) { return added(Json(nullptr)); } // never in JSON text
    bool start_object(std::size_t) { return open(Json::object()); }
    bool start_array(std::size_t) { return open(Json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(Json::string_t& key) {
        if (++m_members > m_limits.maxMembers)
            refuse("more than " + std::to_string(m_limits.maxMembers) + " keys in all");
        if (m_stack.back()->contains(key)) refuse("the key '" + key + "' appears twice in one object");
        m_key = std::move(key);
        return true;
    }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
        syntaxError(position, e);
    }

private:
    bool added(Json&& value) {
        add(std::move(value));
        return true;
    }
    [[noreturn]] void refuse(const std::string& problem) { throw JsonTextError(line(), problem); }

    Json* add(Json&& value) {
        if (++m_values > m_limits.maxValues)
            refuse("more than " + std::to_string(m_limits.maxValues) + " values in all");
        if (m_stack.empty()) {
            m_root = std::move(value);
            return &m_root;
        }
        Json& parent = *m_stack.back();
        if (parent.is_array()) {
            parent.push_back(std::move(value));
            return &parent.back();
        }
        Json& member = parent[m_key];
        member = std::move(value);
        return &member;
    }
    bool open(Json&& container) {
        if (static_cast<int>(m_stack.size()) >= m_limits.maxDepth)
            refuse("nested deeper than " + std::to_string(m_limits.maxDepth) + " levels");
        m_stack.push_back(add(std::move(container)));
        return true;
    }
    bool close() {
        m_stack.pop_back();
        return true;
    }

    JsonLimits m_limits;
    Json m_root;
    std::vector<Json*> m_stack; // the open containers, innermost last
    std::string m_key;          // of the member about to be added
    long long m_values = 0;
    long long m_members = 0;
};

// Follows the parse down to `target` and notes the line where its value starts.
class PathFinder : public Located {
public:
    PathFinder(std::string_view text, const JsonPath& target) : Located(text), m_target(target) {}
    int found() const { return m_found; }

    bool null() { return value(); }
    bool boolean(bool) { return value(); }
    bool number_integer(Json::number_integer_t) { return value(); }
    bool number_unsigned(Json::number_unsigned_t) { return value(); }
    bool number_float(Json::number_float_t, const Json::string_t&) { return value(); }
    bool string(Json::string_t&) { return value(); }
    bool binary(Json::binary_t&) { return value(); }
    bool start_object(std::size_t) { return open(false); }
    bool start_array(std::size_t) { return open(true); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(Json::string_t& key) {
        m_frames.back().key = key;
        return true;
    }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
        syntaxError(position, e);
    }

private:
    struct Frame {
        bool array = false;
        long long index = -1;
        std::string key;
    };

    // Before a value: advances the array it is in, and tells whether its path is on the target's
    // (then notes its line: the deepest so far wins). Returns false (stop) at the target itself.
    bool value() {
        if (!m_frames.empty() && m_frames.back().array) ++m_frames.back().index;
        const std::size_t depth = m_frames.size();
        if (depth > m_target.size()) return true;
        for (std::size_t i = 0; i < depth; ++i) {
            const Frame& f = m_frames[i];
            if ((f.array ? std::to_string(f.index) : f.key) != m_target[i]) return true;
        }
        m_found = line();
        return depth < m_target.size();
    }
    bool open(bool array) {
        if (!value()) return false;
        m_frames.push_back(Frame{array, -1, {}});
        return true;
    }
    bool close() {
        m_frames.pop_back();
        return true;
    }

    const JsonPath& m_target;
    std::vector<Frame> m_frames;
    int m_found = 1;
};

CountingIterator begin(std::string_view text, const char** mark) {
    return CountingIterator{text.data(), mark};
}
CountingIterator end(std::string_view text, const char** mark) {
    return CountingIterator{text.data() + text.size(), mark};
}
} // namespace

Json parseJsonText(std::string_view text, const JsonLimits& limits) {
    if (text.size() > limits.maxBytes)
        throw JsonTextError(1, "the file is " + std::to_string(text.size() >> 20) + " MiB, more than the " +
                                   std::to_string(limits.maxBytes >> 20) + " MiB allowed");
    Builder builder(text, limits);
    Json::sax_parse(begin(text, builder.mark()), end(text, builder.mark()), &builder);
    return std::move(builder.root());
}

int lineOfJsonPath(std::string_view text, const JsonPath& path) {
    PathFinder finder(text, path);
    try {
        Json::sax_parse(begin(text, finder.mark()), end(text, finder.mark()), &finder);
    } catch (const JsonTextError&) {
        // The text was accepted once; a caller that passes another gets the best line known.
    }
    return finder.found();
}

} // namespace attnlab

#include "app/cli/RunVariant.h"

#include "app/cli/CommandGuard.h"

#include <cctype>
#include <charconv>
#include <cmath>

namespace attnlab::cli {

namespace {

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

int wholeNumber(const RunVariant& v, const std::string& key, const std::string& value, int minimum) {
    int number = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc() || end != value.data() + value.size() || number < minimum)
        throw InputError("--variant " + v.name + ": " + key + " must be a whole number of at least " +
                         std::to_string(minimum) + ", got '" + value + "'");
    return number;
}

bool yesNo(const RunVariant& v, const std::string& key, const std::string& value) {
    if (value == "true" || value == "on" || value == "yes" || value == "1") return true;
    if (value == "false" || value == "off" || value == "no" || value == "0") return false;
    throw InputError("--variant " + v.name + ": " + key + " must be true or false, got '" + value + "'");
}

} // namespace

const std::vector<std::string>& variantKeys() {
    static const std::vector<std::string> keys = {
        "scorer",          "decoder",         "input_feeding", "bidirectional",   "emb",
        "hidden",          "attention_dim",   "dropout",       "frame_reduction", "row_encoder",
        "location_kernel", "location_filters"};
    return keys;
}

RunVariant parseVariant(const std::string& text) {
    RunVariant variant;
    const auto colon = text.find(':');
    variant.name = trimmed(text.substr(0, colon));
    if (variant.name.empty())
        throw InputError("--variant '" + text +
                         "': give it a name first, e.g. additive-h64:scorer=additive,hidden=64");
    for (const char c : variant.name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
            throw InputError("--variant " + variant.name +
                             ": a name may hold letters, digits, '-', '_' and '.' (it names the model file)");
    if (colon == std::string::npos)
        throw InputError("--variant " + variant.name + ": no settings; write NAME:KEY=VALUE,... e.g. " +
                         variant.name + ":hidden=64");
    std::string rest = text.substr(colon + 1);
    size_t start = 0;
    while (start <= rest.size()) {
        const auto comma = rest.find(',', start);
        const std::string item =
            trimmed(rest.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        start = comma == std::string::npos ? rest.size() + 1 : comma + 1;
        if (item.empty()) continue;
        const auto equals = item.find('=');
        const std::string key = trimmed(item.substr(0, equals));
        if (equals == std::string::npos)
            throw InputError("--variant " + variant.name + ": '" + item + "' is not KEY=VALUE");
        bool known = false;
        for (const std::string& k : variantKeys()) known = known || k == key;
        if (!known) {
            std::string keys;
            for (const std::string& k : variantKeys()) keys += (keys.empty() ? "" : ", ") + k;
            throw InputError("--variant " + variant.name + ": unknown setting '" + key +
                             "' (a variant may set " + keys + ")");
        }
        variant.settings.emplace_back(key, trimmed(item.substr(equals + 1)));
    }
    if (variant.settings.empty()) throw InputError("--variant " + variant.name + ": no settings");
    return variant;
}

TrainingArgs applyVariant(const TrainingArgs& shared, const RunVariant& v) {
    TrainingArgs args = shared;
    for (const auto& [key, value] : v.settings) {
        if (key == "scorer") {
            try {
                parseScorer(value);
            } catch (const std::invalid_argument& e) {
                throw InputError("--variant " + v.name + ": " + e.what());
            }
            args.scorer = value;
        } else if (key == "decoder") {
            args.decoder = value;
        } else if (key == "input_feeding") {
            args.noInputFeeding = !yesNo(v, key, value);
        } else if (key == "bidirectional") {
            args.bidirectional = yesNo(v, key, value);
        } else if (key == "emb") {
            args.embedding = wholeNumber(v, key, value, 1);
        } else if (key == "hidden") {
            args.hidden = wholeNumber(v, key, value, 1);
        } else if (key == "attention_dim") {
            args.attentionDim = wholeNumber(v, key, value, 0);
        } else if (key == "location_kernel") {
            args.locationKernel = wholeNumber(v, key, value, 1);
        } else if (key == "location_filters") {
            args.locationFilters = wholeNumber(v, key, value, 1);
        } else if (key == "frame_reduction") {
            args.frameReduction = wholeNumber(v, key, value, 0);
            if (args.frameReduction > 4)
                throw InputError("--variant " + v.name + ": frame_reduction must be at most 4, got '" +
                                 value + "'");
        } else if (key == "row_encoder") {
            args.noRowEncoder = !yesNo(v, key, value);
        } else if (key == "dropout") {
            char* end = nullptr;
            const double p = std::strtod(value.c_str(), &end);
            if (value.empty() || *end != '\0' || !(p >= 0.0 && p < 1.0))
                throw InputError("--variant " + v.name + ": dropout must be in [0, 1), got '" + value + "'");
            args.dropout = p;
        }
    }
    try {
        checkTrainingArgs(args, parseScorer(args.scorer));
    } catch (const std::exception& e) {
        throw InputError("--variant " + v.name + ": " + e.what());
    }
    return args;
}

} // namespace attnlab::cli

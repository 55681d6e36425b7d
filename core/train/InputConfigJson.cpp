#include "core/train/InputConfigJson.h"

#include "core/train/ConfigFields.h"

#include <stdexcept>

namespace attnlab {

void writeInputConfig(const InputConfig& input, nlohmann::json& config) {
    switch (input.kind) {
    case InputKind::Tokens:
        return;
    case InputKind::Frames:
        config["input"] = "frames";
        config["frames"] = {{"sample_rate", input.sampleRate},
                            {"mel_bands", input.melBands},
                            {"window_ms", input.windowMs},
                            {"hop_ms", input.hopMs},
                            {"reduction", input.frameReduction}};
        return;
    case InputKind::Image:
        config["input"] = "image";
        config["image"] = {{"width", input.imageWidth},
                           {"height", input.imageHeight},
                           {"channels", input.imageChannels},
                           {"patch", input.patch},
                           {"row_encoder", input.rowEncoder}};
        return;
    }
}

InputConfig readInputConfig(const ConfigFields& config) {
    InputConfig input;
    if (!config.has("input")) return input;
    try {
        input.kind = parseInputKind(config.text("input"));
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument(config.name("input") + ": " + e.what());
    }
    if (input.kind == InputKind::Frames) {
        const ConfigFields frames = config.object("frames");
        input.sampleRate = frames.integer("sample_rate");
        input.melBands = frames.integer("mel_bands");
        input.windowMs = frames.number("window_ms", 0);
        input.hopMs = frames.number("hop_ms", 0);
        input.frameReduction = frames.integer("reduction");
    } else if (input.kind == InputKind::Image) {
        const ConfigFields image = config.object("image");
        input.imageWidth = image.integer("width");
        input.imageHeight = image.integer("height");
        input.imageChannels = image.integer("channels");
        input.patch = image.integer("patch");
        input.rowEncoder = image.boolean("row_encoder");
    }
    try {
        input.validate();
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument("the config's input is invalid: " + std::string(e.what()));
    }
    return input;
}

} // namespace attnlab

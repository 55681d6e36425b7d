#include "app/cli/JsonOutput.h"

namespace attnlab::cli {

Json modelJson(const ModelBundle& bundle) {
    Json json = Json::parse(modelConfigJson(bundle));
    json["training"] = settingsJson(bundle.training);
    return json;
}

std::string jsonText(const Json& json, bool compact) {
    return json.dump(compact ? -1 : 2, ' ', false, Json::error_handler_t::replace);
}

} // namespace attnlab::cli

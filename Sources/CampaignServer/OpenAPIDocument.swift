import Foundation
import PluginKit

/// The staff API described as OpenAPI 3.1, served at `/openapi.json` for those who script against it
/// (a county's IT, a provincial platform): the server's own routes (`Web/openapi.json` here: the
/// pages, sign-in, the run page's API) and each plugin's paths, kept beside its routes in its own
/// `Web/openapi.json`. `OpenAPITests` checks it against the router: every route the server answers
/// is described, and nothing described is missing from the server.
public enum OpenAPIDocument {
    /// The merged document, pretty-printed with sorted keys so it reads the same on every run.
    public static func json(plugins: [CampaignPlugin]) -> String {
        guard var document = (try? JSONSerialization.jsonObject(with: Data(PackageResources.openapi_json))) as? [String: Any]
        else { return "{}" }
        var paths = document["paths"] as? [String: Any] ?? [:]
        for plugin in plugins {
            guard let surface = plugin.web,
                  let fragment = (try? JSONSerialization.jsonObject(with: Data(surface.openAPI))) as? [String: Any],
                  let more = fragment["paths"] as? [String: Any] else { continue }
            paths.merge(more) { first, _ in first }
        }
        document["paths"] = paths
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys,
                                                                                     .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

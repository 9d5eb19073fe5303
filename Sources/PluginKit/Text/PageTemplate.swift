import Mustache

/// A page or report written as a Mustache template kept beside its plugin (`Templates/NAME.html.mustache`,
/// compiled into the plugin): `{{value}}` is HTML-escaped, so a name typed with `<` or `&` prints as
/// written and nothing in the data can become markup; `{{{value}}}` is only for markup the code made
/// (a number formatted, an SVG path). Parsed once, on first use.
public struct PageTemplate: Sendable {
    public let name: String
    private let library: MustacheLibrary?
    /// Nil when the template and its partials parse; what is wrong otherwise (the tests read every template).
    public let problem: String?

    /// `bytes`: the embedded file (`PackageResources.tally_html_mustache`); `partials`: the templates it
    /// includes by name (`{{> table}}`).
    public init(_ name: String, _ bytes: [UInt8], partials: [String: [UInt8]] = [:]) {
        self.name = name
        do {
            var templates = [name: try MustacheTemplate(string: String(decoding: bytes, as: UTF8.self))]
            for (partial, text) in partials {
                templates[partial] = try MustacheTemplate(string: String(decoding: text, as: UTF8.self))
            }
            library = MustacheLibrary(templates: templates)
            problem = nil
        } catch {
            library = nil
            problem = "\(error)"
        }
    }

    /// The page for `context` (structs, dictionaries and arrays, read by name).
    public func render(_ context: Any) -> String {
        library?.render(context, withTemplate: name) ?? "<!-- template \(name) cannot be read: \(problem ?? "") -->"
    }
}

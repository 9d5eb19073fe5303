import Workflow

/// What a plugin shows and describes on the web: its panel of the staff page and the OpenAPI
/// description of its routes, both kept as files in its folder (`Web/`, compiled into the plugin
/// by `plugin(…, web:)` in Package.swift). The server merges every plugin's surface and knows none.
public struct WebSurface: Sendable {
    /// Its panels of the staff page; none for a plugin with routes but nothing to show.
    public var panels: [PagePanel]
    /// Its routes as OpenAPI 3.1 `paths` — `Web/openapi.json`, `{"paths": {"/api/…": …}}` — merged into
    /// `/openapi.json`; `OpenAPITests` checks that every route served is described and nothing more.
    public var openAPI: [UInt8]

    public init(panels: [PagePanel] = [], openAPI: [UInt8]) {
        self.panels = panels
        self.openAPI = openAPI
    }
}

/// A plugin's part of the staff page: a `<section>` or two (`Web/NAME.html`), the script that drives
/// them (`Web/NAME.js`, run after the page's own, with `page` — its helpers — in scope) and the words
/// they show, catalogue entries the page is given in the reader's language (`data-t="KEY"`,
/// `page.t("KEY")`). Shown only to campaigns of `kinds` (nil: every kind), in `order`.
public struct PagePanel: Sendable {
    public var name: String
    public var html: String
    public var script: String
    public var words: [MessageText]
    public var kinds: Set<CampaignKind>?
    public var order: Int

    public init(name: String, html: [UInt8], script: [UInt8], words: [MessageText], kinds: Set<CampaignKind>? = nil,
                order: Int) {
        self.name = name
        self.html = String(decoding: html, as: UTF8.self)
        self.script = String(decoding: script, as: UTF8.self)
        self.words = words
        self.kinds = kinds
        self.order = order
    }
}

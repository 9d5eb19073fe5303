import Foundation
import PluginKit
import Testing

/// Reports and pages are Mustache templates kept beside their plugin: what a clerk typed is
/// escaped wherever it lands, a template that does not parse says so instead of printing half a
/// page, and every template the plugins carry parses.
@Suite struct PageTemplateTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Row { let name: String, drawn: String }

    @Test func whatWasTypedIsEscapedAndOnlyDrawnMarkupIsNot() {
        let template = PageTemplate("t", Array("<p>{{#rows}}<b>{{name}}</b>{{{drawn}}}{{/rows}}</p>".utf8))
        #expect(template.problem == nil)
        let page = template.render(["rows": [Row(name: "<script>alert(1)</script> & \"甲\" 'x'", drawn: "<svg/>")]] as [String: Any])
        #expect(page == "<p><b>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;甲&quot; &#39;x&#39;</b><svg/></p>")
    }

    @Test func aBrokenTemplateSaysSoInsteadOfPrintingHalfAPage() {
        let template = PageTemplate("broken", Array("<p>{{#rows}}{{name}}</p>".utf8))
        #expect(template.problem != nil)
        #expect(template.render(["rows": [Row(name: "甲", drawn: "")]] as [String: Any]).hasPrefix("<!-- template broken cannot be read"))
    }

    /// Each plugin's templates (`Sources/Plugins/NAME/Templates/*.html.mustache`), with the others of its
    /// folder as partials, parse; and each is named in Package.swift, which compiles it into the plugin.
    @Test func everyPluginsTemplatesParseAndAreCompiledIn() throws {
        let plugins = Self.root.appendingPathComponent("Sources/Plugins")
        let package = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        var found = 0
        for plugin in try FileManager.default.contentsOfDirectory(atPath: plugins.path).sorted() {
            let folder = plugins.appendingPathComponent(plugin).appendingPathComponent("Templates")
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".html.mustache") }
            var partials: [String: [UInt8]] = [:]
            for file in files { partials[String(file.dropLast(".html.mustache".count))] = Array(try Data(contentsOf: folder.appendingPathComponent(file))) }
            for (name, bytes) in partials {
                #expect(PageTemplate(name, bytes, partials: partials).problem == nil, "\(plugin)/Templates/\(name)")
                let declaration = try #require(package.firstRange(of: "plugin(\"\(plugin)\""), "\(plugin) is not a plugin(…) of Package.swift")
                let line = package[declaration.lowerBound...].prefix(400)
                #expect(line.contains("\"\(name)\""), "\(plugin)/Templates/\(name).html.mustache is not named in plugin(\"\(plugin)\", templates: …)")
                found += 1
            }
        }
        #expect(found >= 7, "templates found: \(found)")
    }
}

import BuiltinPlugins
@testable import CampaignServer
import Foundation
import PluginKit
import Testing
import Workflow

/// The page never sends staff to a command-line flag (#35): every refusal a route can answer the page
/// with, whose words for the command line name a flag or a command (`--not-attended`, `campaign
/// register …`) in its reason or its hint, has words of the page's own for its code, which name the
/// field on the page to fill in instead — and the page has that field.
@Suite struct PageRefusalTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// `CheckinMessages.checkedIn` → its key, for every catalogue type in the sources.
    static func entryKeys() throws -> [String: String] {
        let type = try Regex(#"struct (\w+): MessageCatalogue \{"#)
        let entry = try Regex(#"let (\w+) = MessageText\(\s*"([a-z0-9.-]+)""#)
        var keys: [String: String] = [:]
        for file in try files(under: "") {
            let text = try String(contentsOf: file, encoding: .utf8)
            let types = text.matches(of: type).map { (String($0.output[1].substring ?? ""), $0.range.lowerBound) }
            for match in text.matches(of: entry) {
                guard let owner = types.last(where: { $0.1 < match.range.lowerBound })?.0 else { continue }
                keys["\(owner).\(match.output[1].substring ?? "")"] = String(match.output[2].substring ?? "")
            }
        }
        return keys
    }

    static func files(under folder: String) throws -> [URL] {
        let walker = FileManager.default.enumerator(at: sources.appendingPathComponent(folder), includingPropertiesForKeys: nil)
        return (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "swift" }
    }

    /// The throw statements of the code behind the page's routes: the plugins with panels and the
    /// ledger's people, without their commands and their spreadsheet imports (which answer elsewhere).
    static func throwsBehindThePage() throws -> [(place: String, statement: String)] {
        var found: [(String, String)] = []
        let folders = ["Plugins/Checkin", "Plugins/Registration", "Plugins/Outcomes", "Plugins/Transport", "Plugins/Livestream",
                       "Ledger/People"]
        for file in try folders.flatMap(files(under:)) {
            let path = file.path
            // Steps (`…Action.swift`) answer in the run's history, not on the page.
            guard !path.contains("/Commands/"), !file.lastPathComponent.contains("Import"),
                  !file.lastPathComponent.hasSuffix("Action.swift") else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            var rest = text[...]
            while let start = rest.range(of: "throw ") {
                // The statement: up to the parenthesis that closes its first one.
                var depth = 0, end = start.upperBound, opened = false
                for index in rest[start.upperBound...].indices {
                    let character = rest[index]
                    if character == "(" { depth += 1; opened = true }
                    if character == ")" { depth -= 1 }
                    end = rest.index(after: index)
                    if opened && depth == 0 { break }
                    if !opened && character == "\n" { break }
                }
                let line = text[..<start.lowerBound].filter { $0 == "\n" }.count + 1
                found.append(("\(file.lastPathComponent):\(line)", String(rest[start.lowerBound..<end])))
                rest = rest[end...]
            }
        }
        return found
    }

    @Test func everyRefusalThatNamesAFlagHasWordsOfThePage() throws {
        let keys = try Self.entryKeys()
        let catalogue = Dictionary((BuiltinPlugins.all.flatMap(\.catalogue) + PageWords.all).map { ($0.key, $0) },
                                   uniquingKeysWith: { first, _ in first })
        let page = StaffPage.html(plugins: BuiltinPlugins.all)
        let reference = try Regex(#"(\w+)\.(\w+)"#)
        let flag = try Regex(#"--[a-z]|campaign [a-z]+ "#)
        var checked = 0, missing: [String] = []
        for (place, statement) in try Self.throwsBehindThePage() {
            let entries = statement.matches(of: reference).compactMap { match in
                keys["\(match.output[1].substring ?? "").\(match.output[2].substring ?? "")"].flatMap { catalogue[$0] }
            }
            guard let reason = entries.first else { continue }
            guard entries.contains(where: { $0.zh.contains(flag) || $0.en.contains(flag) }) else { continue }
            checked += 1
            let pageKey = "page.error." + reason.key
            guard let words = catalogue[pageKey] else { missing.append("\(place): \(reason.key)"); continue }
            #expect(!words.zh.contains(flag) && !words.en.contains(flag), "\(pageKey) names a flag: \(words.zh)")
            #expect(page.contains(#""\#(pageKey)":"#), "\(pageKey) is not given to the page")
        }
        #expect(missing.isEmpty, "refusals that send the page's staff to a flag: \(missing)")
        #expect(checked >= 5, "only \(checked) refusals naming a flag were found behind the page")
    }

    /// The fields those words ask for are on the page: 未到场 and 备注 at the booth, the ID number and
    /// the posting when booking a lead's interview, 乡镇 for a walk-in.
    @Test func theFieldsTheRefusalsAskForAreOnThePage() throws {
        let page = StaffPage.html(plugins: BuiltinPlugins.all)
        for field in [#"id="oNotAttended" type="checkbox""#, #"id="oNote""#, #"id="wTownship""#, "not_attended: $(\"oNotAttended\").checked",
                      "township: $(\"wTownship\").value", "id_number: id.value.trim()", "posting: posting.value"] {
            #expect(page.contains(field), "the page lacks \(field)")
        }
        for (key, asks) in [("page.error.outcome.never-checked-in", "未到场"), ("page.error.calls.not-in-ledger", "身份证号"),
                            ("page.error.calls.no-posting", "岗位")] {
            let words = try #require(BuiltinPlugins.all.flatMap(\.catalogue).first { $0.key == key })
            #expect(words.zh.contains(asks), "\(key) should name \(asks)")
        }
    }
}

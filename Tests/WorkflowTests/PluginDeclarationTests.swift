import Foundation
import Testing
@testable import Workflow

/// What the engine learns from the plugins instead of naming it: the campaign kinds a definition
/// may declare, the names an action had before it moved to another plugin, and the tables a backup
/// counts.
@Suite struct PluginDeclarationTests {
    /// A plugin that brings `bus-transport` campaigns and the log step under a new home, once `old.say`.
    static let moved = Plugin(name: "moved", summary: "", actions: [CoreLog()], formerNames: ["old.say": "log"],
                              campaignKinds: ["bus-transport"], countedTables: ["moved_row"])
    static let registry = PluginRegistry([CorePlugin.plugin, moved])

    func check(_ yaml: String, registry: PluginRegistry = registry) -> (ValidatedWorkflow?, [Diagnostic]) {
        Validator(registry: registry).check(file: SourceFile(path: "c.yaml", text: yaml))
    }

    @Test func aKindIsOneAPluginDeclares() throws {
        let steps = "steps:\n  - id: a\n    uses: core.log\n    with: { message: hi }\n"
        let (valid, none) = check("name: t\nkind: bus-transport\n" + steps)
        #expect(none.isEmpty && valid?.definition.kind == "bus-transport")
        #expect(check("name: t\nkind: other\n" + steps).1.isEmpty)
        #expect(check("name: t\n" + steps).1.isEmpty, "no kind: nothing to check")

        let (refused, diagnostics) = check("name: t\nkind: bus-transprot\n" + steps)
        #expect(refused == nil)
        let problem = try #require(diagnostics.first)
        #expect(problem.severity == .error && problem.location.line == 2 && problem.location.column == 7)
        #expect(problem.message == "unknown campaign kind 'bus-transprot'")
        #expect(problem.hint?.contains("bus-transport") == true, "\(problem.hint ?? "")")
        // The engine alone knows no kind but `other`: the kinds are the plugins' words.
        let engineOnly = PluginRegistry([CorePlugin.plugin])
        #expect(engineOnly.campaignKinds == [.other])
        #expect(check("name: t\nkind: bus-transport\n" + steps, registry: engineOnly).1.map(\.severity) == [.error])
    }

    @Test func anActionsFormerNameStillRunsAndIsWarnedAbout() throws {
        let yaml = "name: t\nsteps:\n  - id: a\n    uses: old.say\n    with: { message: hi }\n"
        let (workflow, diagnostics) = check(yaml)
        #expect(workflow != nil, "a warning does not stop the definition")
        let warning = try #require(diagnostics.first)
        #expect(diagnostics.count == 1 && warning.severity == .warning)
        #expect(warning.location.line == 4 && warning.location.column == 11)
        #expect(warning.message == "'old.say' is now 'moved.log'; the old name still works but will go")
        #expect(warning.message(in: .zh) == "“old.say”已改名为“moved.log”；旧名仍可使用，但将来会去掉")
        #expect(warning.hint == "write uses: moved.log")
        #expect(Self.registry.action("old.say")?.fullName == "moved.log")
        #expect(Self.registry.renamed == ["old.say": "moved.log"])
        // A former name never shadows an action that still has it.
        let clash = PluginRegistry([CorePlugin.plugin, Plugin(name: "x", summary: "", actions: [CoreLog()],
                                                              formerNames: ["core.log": "log"])])
        #expect(clash.action("core.log")?.fullName == "core.log" && clash.renamed.isEmpty)
    }

    @Test func aBackupCountsTheTablesThePluginsDeclare() {
        #expect(Self.registry.countedTables == ["workflow_run", "moved_row"])
    }
}

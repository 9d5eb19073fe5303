import ArgumentParser
import Foundation
import Ledger
import PluginKit
import Workflow

struct RegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Register a walk-in job seeker for a campaign and print their badge code.")

    @Option(help: "The campaign (already started).") var campaign: String
    @Option(help: "Full name (姓名).") var name: String
    @Option(name: .customLong("id-number"), help: "Resident ID number (身份证号).") var idNumber: String
    @Option(help: "Mobile phone (手机号).") var phone: String?
    @Option(help: "Township (乡镇).") var township: String?
    @Option(help: "Village (村).") var village: String?
    @Option(help: "Target groups, e.g. 脱贫人口、监测对象.") var groups: String?
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors {
            let walkIn = WalkIn(campaign: campaign, name: name, idNumber: idNumber, phone: phone, township: township,
                                village: village, groups: groups)
            let now = try CommandSupport.clock().now()
            let ws = try workspace.openExisting()
            let result = try await ws.pool.write { db in try Registrations.registerWalkIn(walkIn, now: now, db: db) }
            let t = Terminal.standard
            let groups = result.groups.isEmpty ? "" : " [\(result.groups.joined(separator: "、"))]"
            if result.newlyRegistered {
                t.line("\(t.green("✓")) \(result.maskedName) \(result.maskedID)\(groups) registered for \(campaign)")
            } else {
                t.line("\(t.yellow("•")) \(result.maskedName) \(result.maskedID)\(groups) was already registered for \(campaign)")
            }
            t.line("  badge code: \(t.bold(result.code))")
        }
    }
}

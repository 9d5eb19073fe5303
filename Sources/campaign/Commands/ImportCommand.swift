import ArgumentParser
import BuiltinPlugins
import Foundation
import Ledger
import Outcomes
import Registration
import Workflow

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import job seekers, enterprises, postings or outcomes from a CSV or XLSX file.",
        discussion: """
            Headers may be Chinese or English (姓名/name, 身份证号/id_number, 手机号/phone, 乡镇/township,
            村/village, 人员类别/groups, 技能/skills, 求职意向/desired_job; 企业名称, 统一社会信用代码, 行业;
            岗位名称, 招聘人数, 薪资 …; outcomes: 身份证号/报名码/手机号, 岗位编号 or 企业名称+岗位名称,
            结果 (面试/达成意向/成功就业/稳定就业), 日期, 备注 — with --campaign). Bad rows are reported with their row number and reason and written to
            NAME.rejects.csv beside the file; the valid rows are imported. Importing the same file again
            changes nothing; a changed row updates the record and the change is recorded.
            """)

    @Argument(help: "people, enterprises, postings or outcomes.") var kind: String
    @Argument(help: "The CSV or XLSX file.") var file: String
    @Option(help: "Register the people (or link the enterprises/postings) to this started campaign; outcomes need it.")
    var campaign: String?
    @Option(help: "utf-8 or gb18030 (gbk); detected when omitted.") var encoding: String?
    @Option(help: "The XLSX sheet to read (default: the first).") var sheet: String?
    @Option(name: .customLong("column"), help: "Map a field to a header: --column id_number=证件号 (repeatable).")
    var columns: [String] = []
    @Flag(help: "Import nothing if any row is bad.") var strict = false
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors {
            let kinds = BuiltinPlugins.importKinds
            guard let importKind = kinds.first(where: { $0.name == self.kind }) else {
                throw WorkflowError.usage("unknown list '\(self.kind)'",
                                          hint: Suggestions.hint(for: self.kind, among: kinds.map(\.name), noun: "lists")
                                            ?? "use " + kinds.map(\.name).joined(separator: ", "))
            }
            var encodingValue: TextEncoding?
            if let encoding {
                guard let e = TextEncoding(name: encoding) else {
                    throw WorkflowError.usage("unknown encoding '\(encoding)'", hint: "use utf-8 or gb18030 (gbk)")
                }
                encodingValue = e
            }
            var mapping: [String: String] = [:]
            for pair in columns {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw WorkflowError.usage("--column '\(pair)' must look like FIELD=HEADER") }
                mapping[parts[0]] = parts[1]
            }
            let url = URL(fileURLWithPath: file)
            let options = ImportOptions(campaign: campaign, encoding: encodingValue, sheet: sheet, columns: mapping,
                                        strict: strict, source: url.lastPathComponent,
                                        now: try CommandSupport.clock().now())
            let ws = try workspace.open()
            let bar = ProgressBar(label: "importing \(url.lastPathComponent)")
            let summary: ImportSummary
            do {
                summary = try await importKind.importFile(url, options: options, pool: ws.pool) {
                    done, total in bar.update(done: done, total: total)
                }
                bar.finish()
            } catch {
                bar.finish()
                throw error
            }
            ImportReport.print(summary, kind: importKind, campaign: campaign)
        }
    }
}

enum ImportReport {
    static func print(_ s: ImportSummary, kind: ImportKind, campaign: String?) {
        let t = Terminal.standard
        let name = URL(fileURLWithPath: s.file).lastPathComponent
        let rate = s.seconds > 0.5 ? String(format: ", %.1f s, %.0f rows/s", s.seconds, Double(s.rows) / s.seconds) : ""
        t.line(t.bold("Imported \(name)") + " (\(s.format)\(rate))")
        t.line("  \(s.rows) rows: \(t.green("\(s.inserted) new")), \(s.updated) updated, \(s.unchanged) unchanged, "
               + (s.rejected > 0 ? t.red("\(s.rejected) rejected") : "0 rejected"))
        if let campaign, !kind.needsCampaign {
            let noun = kind.loadsPeople ? "registered to" : "linked to"
            t.line("  \(s.linked) newly \(noun) \(campaign)")
        }
        if s.rejected > 0 {
            for problem in s.problems { t.line("  \(t.red("✗")) \(problem.summary)") }
            if s.rejected > s.problems.count { t.line("  … and \(s.rejected - s.problems.count) more") }
            if let file = s.rejectFile {
                t.line("  Rejected rows, with the reason for each: \(file)")
                t.line("  Fix them there and import that file again; the valid rows are already in.")
            }
        }
    }
}

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

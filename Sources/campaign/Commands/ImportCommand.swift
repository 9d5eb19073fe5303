import ArgumentParser
import Foundation
import Ledger
import PluginKit
import Workflow

struct ImportCommand: AsyncParsableCommand {
    /// The lists come from the plugins: each with what it holds and the headers it reads.
    static var configuration: CommandConfiguration {
        let language = Language.fromEnvironment()
        let kinds = PluginSystem.importKinds.map { kind in
            "  \(kind.name): " + kind.words.template(language)
                + (kind.needsCampaign ? ImportKindWords.withCampaign.template(language) : "") + " — "
                + kind.fields.map { $0.required ? "\($0.label)/\($0.key)*" : "\($0.label)/\($0.key)" }
                    .joined(separator: ", ")
        }
        return CommandConfiguration(
            commandName: "import",
            abstract: CommandHelp.text(
            zh: "从 CSV 或 XLSX 文件导入名单——求职者、企业、岗位、回访表……",
            en: "Import a list — job seekers, enterprises, postings, follow-up sheets… — from a CSV or XLSX file."),
            discussion: CommandHelp.text(zh: """
                表头可以是中文或英文；* 表示必填列：
                \(kinds.joined(separator: "\n"))

                有误的行会连同行号和原因一起报告，并写入文件旁的 NAME.rejects.csv；有效的行照常导入，命令以 65 退出，\
                方便脚本判断（加 --allow-rejects 则为 0）。表头上方的标题行（XX县…台账、填报单位：…）作为文件说明读取；\
                合计、小计、备注、制表人等行和带编号的空行会被跳过并列出。每个乡镇一张表的工作簿会整本读取，\
                没有乡镇列时取各表的表名为乡镇。安装了 LibreOffice 时，旧的 .xls 和 WPS .et 文件会被转换。\
                再次导入同一文件不会有任何改变；内容有变的行会更新记录，并记下改动。
                """, en: """
                Headers may be Chinese or English; * marks the required columns:
                \(kinds.joined(separator: "\n"))

                Bad rows are reported with their row number and reason and written to NAME.rejects.csv beside \
                the file; the valid rows are imported, and the command exits 65 so a script can tell (0 with \
                --allow-rejects). Title rows above the headers (XX县…台账, 填报单位：…) are \
                read as the file's description; 合计, 小计, 备注 and 制表人 lines and numbered empty lines are skipped \
                and listed. A workbook with one sheet per township is read whole, the township taken from each \
                sheet's name when there is no 乡镇 column. Old .xls and WPS .et files are converted by LibreOffice \
                when it is installed. Importing the same file again changes nothing; a changed \
                row updates the record and the change is recorded.
                """))
    }

    @Argument(help: ArgumentHelp(CommandHelp.text(zh: "名单：", en: "The list: ")
                                 + PluginSystem.importKinds.map(\.name).joined(separator: ", ") + "."))
    var kind: String
    @Argument(help: ArgumentHelp(CommandHelp.text(zh: "CSV 或 XLSX 文件。", en: "The CSV or XLSX file."))) var file: String
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "把人员登记到（或把企业/岗位关联到）这个已开始的活动；导入结果时必须写。", en: "Register the people (or link the enterprises/postings) to this started campaign; outcomes need it.")))
    var campaign: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "utf-8 或 gb18030（gbk）；不写时自动识别。", en: "utf-8 or gb18030 (gbk); detected when omitted."))) var encoding: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "要读取的工作表，或 all。默认：表头相同的所有工作表（每个乡镇一张表的工作簿），否则第一张。", en: "The sheet to read, or 'all'. Default: every sheet with the same header row (a workbook with one sheet per township), else the first.")))
    var sheet: String?
    @Option(name: .customLong("column"), help: ArgumentHelp(CommandHelp.text(zh: "把字段对应到表头：--column id_number=证件号（可重复）。", en: "Map a field to a header: --column id_number=证件号 (repeatable).")))
    var columns: [String] = []
    @Option(name: .customLong("group-label"), help: ArgumentHelp(CommandHelp.text(zh: "本县的重点群体标签：--group-label 三类人员=monitored（可重复）。", en: "A target-group label of this county: --group-label 三类人员=monitored (repeatable).")))
    var groupLabels: [String] = []
    @Flag(help: ArgumentHelp(CommandHelp.text(zh: "只要有一行有误就什么都不导入。", en: "Import nothing if any row is bad."))) var strict = false
    @Flag(help: ArgumentHelp(CommandHelp.text(zh: "即使有被拒绝的行也以 0 退出（有效的行无论如何都会导入）。", en: "Exit 0 even when rows were rejected (the valid rows are imported either way).")))
    var allowRejects = false
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var language: LanguageOptions

    func run() async throws {
        let language = self.language.adopt()
        try await CommandSupport.reportingErrors(language: language) {
            let kinds = PluginSystem.importKinds
            guard let importKind = kinds.first(where: { $0.name == self.kind }) else {
                throw WorkflowError.usage(ToolMessages.unknownList(["kind": self.kind]),
                                          hint: Suggestions.message(for: self.kind, among: kinds.map(\.name))
                                            ?? ToolMessages.useLists(["names": kinds.map(\.name).joined(separator: ", ")]))
            }
            let encodingValue = try encoding.map(TextEncoding.named)
            var mapping: [String: String] = [:]
            for pair in columns {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw WorkflowError.usage(ToolMessages.columnPair(["text": pair])) }
                mapping[parts[0]] = parts[1]
            }
            var labels: [String: String] = [:]
            for pair in groupLabels {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else {
                    throw WorkflowError.usage(ToolMessages.groupLabelPair(["text": pair]), hint: ToolMessages.groupLabelHint())
                }
                labels[parts[0]] = parts[1]
            }
            let url = URL(fileURLWithPath: file)
            var options = ImportOptions(campaign: campaign, encoding: encodingValue, sheet: sheet, columns: mapping,
                                        strict: strict, source: url.lastPathComponent,
                                        now: try CommandSupport.clock().now())
            options.groupLabels = try TargetGroup.vocabulary(labels)
            options.language = language
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
            ImportReport.print(summary, kind: importKind, campaign: campaign, language: language)
            // A script that imports a list must be able to tell a partial import from a whole one.
            if summary.rejected > 0 && !allowRejects && !strict {
                throw WorkflowError.invalidInput(
                    Message(ImportReportMessages.rowsWereRejected, ["count": String(summary.rejected)]).text(language),
                    hint: Message(ImportReportMessages.fixAndAllow, ["file": summary.rejectFile ?? "*.rejects.csv"]).text(language))
            }
        }
    }
}

import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

/// Tallies: the funnel from positions offered to placements, broken down for the county report.
public enum TallyPlugin {
    /// The tally plugin, counting what `plugins` add to tallies (every other plugin compiled in).
    public static func plugin(tallying plugins: [CampaignPlugin]) -> CampaignPlugin {
        CampaignPlugin(
            Plugin(name: "tally",
                   summary: "Tallies the campaign (positions, attendance, interviews, intents, placements) into Excel "
                       + "and HTML reports.",
                   actions: [ReportAction(sections: plugins.tallySections)], migrations: WrittenReports.migrations,
                   dependencies: ["ledger"]),
            title: "tallies (统计)",
            commands: [TallyCommand.self],
            routes: TallyRoutes.routes,
            web: WebSurface(openAPI: PackageResources.openapi_json),
            messages: TallyStepMessages.all + TallyCommandMessages.all + TallyWords.all + LedgerMeasures.all.map(\.words)
        )
    }

    /// The report formats a file can be written in.
    public enum FileFormat: String, Sendable, CaseIterable {
        case xlsx, html, json, csv, pdf
    }

    /// Writes a report in one format to a file (the XLSX through a temporary file; the others at once).
    public static func write(_ report: TallyReport, format: FileFormat, lang: Language, to url: URL) throws {
        switch format {
        case .xlsx:
            try TallyWorkbook.write(report, lang: lang, to: url)
        case .html:
            try Data(TallyHTML.render(report, lang: lang).utf8).write(to: url, options: .atomic)
        case .json:
            try TallyJSON.encode(report).write(to: url, options: .atomic)
        case .csv:
            try Data(TallyTextReport.csv(report, lang: lang).utf8).write(to: url, options: .atomic)
        case .pdf:
            try ChromiumPrinter.print(html: TallyHTML.render(report, lang: lang), to: url)
        }
    }
}

/// `tally.report`: at the end of a campaign, tallies it and writes the reports managers pass on.
struct ReportAction: StepAction {
    struct Input: Decodable, Sendable {
        var out: String?
        var formats: [String]?
        var by: [String]?
        var lang: String
    }

    /// What the other plugins add to the report.
    let sections: [any TallySection]

    /// One output per people measure (`registered`, `attended`, `placed`, …), then the files.
    var configuredDescriptor: ActionDescriptor {
        var descriptor = Self.descriptor
        let people = (LedgerMeasures.all + sections.flatMap(\.measures)).filter { $0.threshold != nil }
        descriptor.outputs = people.map { OutputSpec($0.key, doc: $0.doc) } + descriptor.outputs
        // `by:` may name the plugins' groupings too (a bus campaign's destination).
        let known = TallyDimension.known(sections)
        let check = descriptor.check
        descriptor.check = { given in
            var problems = (check?(given) ?? []).filter { $0.parameter != "by" }
            if case .array(let items) = given["by"] {
                do {
                    _ = try TallyDimension.parseList(items.map(\.interpolated), among: known)
                } catch let error as WorkflowError {
                    problems.append(ParameterProblem(parameter: "by", error.wording?.message ?? .verbatim(error.message),
                                                     hint: error.wording?.hint ?? error.hint.map(Message.verbatim)))
                } catch {}
            }
            return problems
        }
        return descriptor
    }

    static let descriptor = ActionDescriptor(
        name: "report",
        summary: "Tallies this campaign and writes the reports (Excel and HTML by default) for the county.",
        parameters: [
            ParameterSpec("out", .outputPath,
                          doc: "Where to write, without extension, relative to this definition (default: reports/CAMPAIGN)."),
            ParameterSpec("formats", .stringList,
                          doc: "Which files: xlsx, html, json, csv, pdf (A4, printed by Chromium where installed) "
                              + "(default: [xlsx, html])."),
            ParameterSpec("by", .stringList,
                          doc: "Breakdowns: township, village, group, enterprise, posting, and the plugins' (destination, "
                              + "platform) (default: township, group, enterprise)."),
            ParameterSpec("lang", .string, default: .string("zh"), doc: "zh (Chinese headers) or en."),
        ],
        outputs: [OutputSpec("files", doc: "The report files written, comma-separated.")],
        check: { given in
            var problems: [ParameterProblem] = []
            if case .array(let items) = given["formats"] {
                for case .string(let item) in items where TallyPlugin.FileFormat(rawValue: item) == nil {
                    problems.append(ParameterProblem(parameter: "formats", TallyStepMessages.unknownFormat(["format": item]),
                                                     hint: TallyStepMessages.formatsHint()))
                }
            }
            if case .array(let items) = given["by"] {
                do {
                    _ = try TallyDimension.parseList(items.map(\.interpolated))
                } catch let error as WorkflowError {
                    problems.append(ParameterProblem(parameter: "by", error.wording?.message ?? .verbatim(error.message),
                                                     hint: error.wording?.hint ?? error.hint.map(Message.verbatim)))
                } catch {}
            }
            if case .string(let lang) = given["lang"], Language(rawValue: lang) == nil {
                problems.append(ParameterProblem(parameter: "lang", TallyStepMessages.unknownLanguage(["lang": lang]),
                                                 hint: TallyStepMessages.languageHint()))
            }
            return problems
        }
    )

    func commit(_ db: Database, _ prepared: Void, input: Input, context: StepContext) throws -> StepOutcome {
        let formats = (input.formats ?? ["xlsx", "html"]).compactMap(TallyPlugin.FileFormat.init(rawValue:))
        let dimensions = try TallyDimension.parseList(input.by ?? ["township", "group", "enterprise"],
                                                      among: TallyDimension.known(sections))
        let lang = Language(rawValue: input.lang) ?? .zh
        let report = try TallyQuery.run(db, TallyRequest(campaigns: [context.campaign], breakdowns: dimensions),
                                        sections: sections, now: context.clock.now())
        let base = context.outputURL(forPath: input.out ?? "reports/\(context.campaign)")
        do {
            try FileManager.default.createDirectory(at: base.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw StepFailure(context.say(StepMessages.cannotCreateFolder, ["path": base.deletingLastPathComponent().path,
                                                                            "why": error.localizedDescription]))
        }
        var files: [String] = []
        for format in formats {
            let url = base.appendingPathExtension(format.rawValue)
            try TallyPlugin.write(report, format: format, lang: lang, to: url)
            files.append(url.path)
            context.note(context.say(StepMessages.wrote, ["path": url.path]))
        }
        try WrittenReports.record(db, report, files: files, now: context.clock.now())
        var outputs: [String: Value] = ["files": .string(files.joined(separator: ","))]
        // The measures of this campaign's kind (a job fair's tally has no boarded or leads_matched);
        // another kind's reads as empty in an expression.
        for measure in report.peopleMeasures {
            outputs[measure.key] = .int(report.funnel[measure.key] ?? 0)
        }
        return .completed(outputs: outputs)
    }
}

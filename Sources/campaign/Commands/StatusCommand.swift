import ArgumentParser
import Foundation
import PluginKit
import Workflow

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: CommandHelp.text(
            zh: "查看活动进度：所有活动，或一个活动的每一步。",
            en: "Show where campaigns stand: every campaign, or each step of one."))

    @Argument(help: ArgumentHelp(CommandHelp.text(zh: "活动名；不写时为所有活动。", en: "A campaign name; all campaigns when omitted.")), completion: Completions.campaigns)
    var campaign: String?

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var language: LanguageOptions

    func run() async throws {
        let lang = language.adopt()
        func say(_ text: MessageText, _ values: [String: String] = [:]) -> String { Message(text, values).text(lang) }
        try await CommandSupport.reportingErrors(language: lang) {
            let ws = try workspace.openExisting()
            let t = Terminal.standard
            guard let campaign else {
                let (rows, schedules) = try await ws.pool.read { db in
                    (try RunQueries.runs(db).map { run in (run, try RunQueries.steps(db, runID: run.id)) },
                     try ScheduleRecord.all(db))
                }
                defer { printSchedules(schedules, t: t, lang: lang) }
                if rows.isEmpty && schedules.isEmpty { t.line(say(StatusMessages.noCampaigns)) }
                if rows.isEmpty { return }
                // Each time in its campaign's own zone, which the column says.
                let table = rows.map { run, allSteps in
                    let steps = allSteps.filter { !$0.isInstance }
                    let done = steps.filter { $0.status.isFinished }.count
                    return [run.campaign, run.kind, say(StatusMessages.word(run.status)), "\(done)/\(steps.count)",
                            TimeFormats.display(run.updatedAt, timeZone: run.timeZone) + " " + run.timeZone.identifier]
                }
                let headers = [StatusMessages.campaignColumn, StatusMessages.kindColumn, StatusMessages.statusColumn, StatusMessages.stepsColumn, StatusMessages.updatedColumn].map { say($0) }
                let widths = headers.indices.map { column in
                    (table.map { $0[column] } + [headers[column]]).map(\.terminalWidth).max() ?? 0
                }
                func row(_ cells: [String]) -> String {
                    cells.indices.map { $0 == cells.count - 1 ? cells[$0] : Terminal.pad(cells[$0], widths[$0]) }
                        .joined(separator: "  ")
                }
                t.line(t.bold(row(headers)))
                for cells in table { t.line(row(cells)) }
                return
            }
            let engine = try CommandSupport.engine(ws, printer: try await RunPrinter.forRun(campaign, in: ws))
            let summary = try await engine.summary(campaign: campaign)
            let zone = summary.run.timeZone
            let run = summary.run
            t.line(t.bold(run.campaign) + (run.title.map { " — \($0)" } ?? "") + "  [\(say(StatusMessages.word(run.status)))]")
            t.line(t.dim(say(StatusMessages.startedFrom, ["time": TimeFormats.display(run.createdAt, timeZone: zone) + " " + zone.identifier,
                                             "path": run.definitionPath])))
            let steps = summary.steps.filter { !$0.isInstance }
            let instances = Dictionary(grouping: summary.steps.filter(\.isInstance), by: { $0.parentStep ?? "" })
            let width = max(4, steps.map { $0.stepId.terminalWidth }.max() ?? 0)
            for step in steps {
                t.line(line(for: step, summary: summary, width: width, t: t, lang: lang))
                guard let mine = instances[step.stepId], !mine.isEmpty else { continue }
                let counts = Dictionary(grouping: mine, by: \.status)
                    .map { say(StatusMessages.instanceCount, ["count": String($0.value.count), "status": say(StatusMessages.word($0.key))]) }.sorted()
                t.line("      " + t.dim(say(StatusMessages.instances, ["count": String(mine.count),
                                                          "counts": counts.joined(separator: Punctuation.comma.text(lang))])))
                let notable = mine.filter { ![.succeeded, .skipped, .pending].contains($0.status) }
                let instanceWidth = max(4, notable.map { $0.stepId.terminalWidth }.max() ?? 0)
                for instance in notable.prefix(Self.instancesShown) {
                    t.line("    " + line(for: instance, summary: summary, width: instanceWidth, t: t, lang: lang))
                }
                if notable.count > Self.instancesShown {
                    t.line("      " + t.dim(say(StatusMessages.moreInstances, ["count": String(notable.count - Self.instancesShown),
                                                                  "campaign": run.campaign])))
                }
            }
        }
    }

    private func printSchedules(_ schedules: [ScheduleRecord], t: Terminal, lang: Language) {
        guard !schedules.isEmpty else { return }
        func say(_ text: MessageText, _ values: [String: String] = [:]) -> String { Message(text, values).text(lang) }
        t.line("")
        t.line(t.bold(say(StatusMessages.scheduled)) + t.dim("  " + say(StatusMessages.scheduledBy)))
        for schedule in schedules {
            let next = schedule.nextFireAt.map {
                say(StatusMessages.nextAt, ["time": TimeFormats.display($0, timeZone: schedule.timeZone) + " " + schedule.timeZone.identifier])
            } ?? say(StatusMessages.noTimeToCome)
            let last = schedule.lastCampaign.map { say(StatusMessages.lastStarted, ["campaign": $0]) } ?? ""
            t.line("  \(schedule.name)  \(next)\(last)")
        }
    }

    /// Instances listed under a fan-out step (those that wait, failed, or run; the rest are counted).
    static let instancesShown = 20

    private func line(for step: StepRecord, summary: RunSummary, width: Int, t: Terminal, lang: Language) -> String {
        func say(_ text: MessageText, _ values: [String: String] = [:]) -> String { Message(text, values).text(lang) }
        let run = summary.run
        let zone = run.timeZone
        let mark: String
        var detail = ""
        switch step.status {
        case .succeeded:
            mark = t.green("✓")
            // Every output (an import's rows, a tally's files…), whole: long ones wrap below.
            detail = step.outputs.sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value.interpolated)" }.joined(separator: " ")
        case .failed:
            mark = t.red("✗")
            detail = (step.error ?? "") + (step.isInstance ? ""
                : say(StatusMessages.retryCommand, ["campaign": run.campaign, "step": step.stepId]))
        case .waiting:
            mark = t.yellow("⏸")
            detail = StoredWords.text(step.promptForm, else: step.prompt, lang) ?? ""
        case .retrying:
            mark = t.yellow("↻")
            detail = say(StatusMessages.nextTry, ["error": step.error ?? "",
                                     "time": step.dueAt.map { TimeFormats.display($0, timeZone: zone, seconds: true) } ?? say(StatusMessages.soon)])
        case .running:
            mark = t.yellow("▶")
            detail = say(step.fanOut != nil ? StatusMessages.instancesUnderWay : StatusMessages.runningOrInterrupted)
        case .skipped:
            mark = t.dim("↷")
        case .blocked:
            mark = t.red("⊘")
            detail = say(StatusMessages.blocked)
        case .cancelled:
            mark = t.dim("⊘")
            detail = ""
        case .pending:
            mark = t.dim("·")
            let waitsFor = summary.definition.step(step.stepId)?.needIDs.filter { need in
                summary.steps.first { $0.stepId == need }?.status.hasEnded == false
            } ?? []
            detail = waitsFor.isEmpty ? "" : say(StatusMessages.waitsFor, ["steps": waitsFor.joined(separator: ", ")])
        }
        let attempt = step.attempt > 1 ? say(RunMessages.attempt, ["number": String(step.attempt)]) : ""
        let item = step.item.map { " " + $0.itemLabel.prefix(40) } ?? ""
        let head = "  \(mark) \(Terminal.pad(step.stepId, width))  \(Terminal.pad(say(StatusMessages.word(step.status)), 9))\(attempt)  "
        let text = item.isEmpty ? detail : String(item.dropFirst()) + (detail.isEmpty ? "" : " — " + detail)
        // The detail wraps in its own column, so the step names stay readable down the left.
        let column = 2 + 2 + width + 2 + 9 + 2 + attempt.terminalWidth
        let lines = Terminal.wrap(text, Terminal.width.map { max(30, $0 - column) }).split(separator: "\n", omittingEmptySubsequences: false)
        return head + lines.map { t.dim(String($0)) }.joined(separator: "\n" + String(repeating: " ", count: column))
    }
}

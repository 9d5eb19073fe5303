import ArgumentParser
import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

struct InterviewsCommand: AsyncParsableCommand, ChoosesLanguage {
    static let configuration = CommandConfiguration(
        commandName: "interviews",
        abstract: CommandHelp.text(
            zh: "活动安排的面试（已打码）、未能安排的志愿及原因，以及日历（.ics）。",
            en: "A campaign's planned interviews (masked), the wishes left out and why, and calendars (.ics)."),
        discussion: CommandHelp.text(zh: """
            面试安排由 schedule.interviews 步骤根据 `campaign import wishes` 读入的志愿生成。
            --ics DIR 为每个展位（booth-信用代码.ics）、每位面试官（interviewer-信用代码-N.ics）和每位求职者（seeker-N.ics）各写一份日历：
            重新安排后再次导入，日历会移动变动了的事项。--xlsx FILE 把安排和未安排的志愿写成工作簿。
            --sms FILE 为县里的短信平台给每位求职者写一条短信（手机号,短信内容）：默认脱敏，仅供预览；
            要发送请加 --unmasked --by NAME（管理员的工作人员账号），会记入审计日志。
            """, en: """
            The plan is made by the schedule.interviews step from the wishes `campaign import wishes` read.
            --ics DIR writes one calendar per booth (booth-CREDITCODE.ics), per interviewer
            (interviewer-CREDITCODE-N.ics) and per job seeker (seeker-N.ics): import them again after a new plan
            and calendars move the events that moved. --xlsx FILE writes the plan and the wishes left out as a
            workbook. --sms FILE writes one SMS per job seeker (手机号,短信内容) for the county's SMS platform:
            masked as a preview; --unmasked --by NAME (a manager's staff account) for sending, recorded in the
            audit log.
            """))

    @Option(help: ArgumentHelp(CommandHelp.text(zh: "活动。", en: "The campaign."))) var campaign: String
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "只看此人的面试：胸卡码、身份证号或手机号。", en: "Only this person's interviews: badge code, ID number or mobile number."))) var person: String?
    @Flag(help: ArgumentHelp(CommandHelp.text(zh: "列出未安排的志愿及各自的原因。", en: "List the wishes left out, each with its reason."))) var unmet = false
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "把名单写入这个 CSV 文件（带 BOM 的 UTF-8，已脱敏）。", en: "Write the list to this CSV file (UTF-8 with BOM, masked)."))) var csv: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "把 iCalendar 日历文件写入这个文件夹。", en: "Write iCalendar files into this folder."))) var ics: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "把给求职者的面试通知单（HTML，A4，每页八张）写入这个文件；文件名以 .pdf 结尾时由 Chromium 打印成 PDF。", en: "Write printable slips (HTML, A4, eight to a page) for the job seekers to this file; a name ending in .pdf is printed to PDF by Chromium."))) var slips: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "把面试安排和未安排的志愿写成工作簿（XLSX）存到这个文件。", en: "Write the plan and the wishes left out as a workbook (XLSX) to this file."))) var xlsx: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "每位求职者一条短信，写入这个文件（CSV：手机号,短信内容）。", en: "Write one SMS per job seeker (CSV: 手机号,短信内容) to this file."))) var sms: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "短信网关要求的签名，写在【】中。", en: "The signature SMS gateways require, in 【】."))) var signature = "人社局"
    @Flag(help: ArgumentHelp(CommandHelp.text(zh: "短信文件中使用真实的手机号和姓名（须由管理员执行，会被记录）。", en: "Real phones and names in the SMS file (a manager's act, recorded)."))) var unmasked = false
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "导出未脱敏数据的管理员（工作人员账号）。", en: "The manager exporting unmasked data (a staff account)."))) var by: String?
    @OptionGroup var languageOptions: LanguageOptions
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
        if unmasked && (sms == nil || by == nil) {
            throw ValidationError(UsageMessages.unmaskedForSMS(), language: language)
        }
    }

    func run() async throws {
        try await CommandSupport.reportingErrors(language: language) {
            let ws = try workspace.openExisting()
            let t = Terminal.standard
            if unmasked, let by, let sms {
                let now = try CommandSupport.clock().now()
                try await ws.pool.write { [campaign] db in
                    let manager = try AuditLog.requireManager(db, by)
                    try AuditLog.record(db, actor: manager.name, action: "unmasked-export", campaign: campaign,
                                        detail: "interview SMS lines with names and phones: \(sms)", at: now)
                    try PersonalFiles.record(db, [sms], campaign: campaign, kind: "unmasked-export", at: now)
                }
            }
            let view = try await ws.pool.read { [campaign, person] db in
                try InterviewListing.read(db, campaign: campaign, person: person)
            }
            if unmet {
                var table = TextTable(headers: InterviewCommandMessages.unmetHeaders.columns(language),
                                      numeric: [false, false, false, true, false])
                for row in view.unmet {
                    table.rows.append([row.name, row.idNumber, row.posting, "\(row.rank)", lang == "en" ? row.reasonEn : row.reasonZh])
                }
                try output(table, count: view.unmet.count, noun: InterviewCommandMessages.wishesLeftOut(), t: t)
                return
            }
            var table = TextTable(headers: InterviewCommandMessages.headers.columns(language),
                                  numeric: [false, false, false, true, false, false, true])
            for row in view.interviews {
                table.rows.append([row.time, (row.boothNumber.map { "\($0) " } ?? "") + row.booth, row.posting,
                                   "\(row.interviewer)", row.name, row.idNumber, "\(row.rank)"])
            }
            if let sms {
                let messages = InterviewMessages.messages(view, signature: signature, unmasked: unmasked)
                try CSVExport.write([["手机号", "短信内容"]] + messages.map { [$0.phone, $0.text] }, to: sms)
                t.line((InterviewCommandMessages.wroteSMS(["count": "\(messages.count)", "segments": "\(messages.reduce(0) { $0 + $1.segments })",
                                    "file": sms]) + (unmasked ? ToolMessages.unmaskedRecorded() : InterviewCommandMessages.smsPreview())).text(language))
                return
            }
            if let xlsx {
                try workbook(view).write(to: URL(fileURLWithPath: xlsx))
                t.line(InterviewCommandMessages.wroteBook(["interviews": "\(view.interviews.count)", "unmet": "\(view.unmet.count)", "file": xlsx])
                    .text(language))
                return
            }
            if let slips {
                let html = InterviewSlips.html(view, campaign: campaign)
                try PrintedPage.write(html, to: URL(fileURLWithPath: slips))
                t.line(InterviewCommandMessages.wroteSlips(["count": "\(Set(view.interviews.map(\.person)).count)", "file": slips]).text(language))
                return
            }
            if let ics {
                let written = try InterviewCalendars.write(view, campaign: campaign, to: URL(fileURLWithPath: ics),
                                                           stamp: try CommandSupport.clock().now())
                t.line(InterviewCommandMessages.wroteCalendars(["count": "\(written)", "folder": ics]).text(language))
                return
            }
            try output(table, count: view.interviews.count, noun: InterviewCommandMessages.interviews(), t: t)
        }
    }

    /// The schedule and the wishes left out, as a printable workbook (masked).
    private func workbook(_ view: InterviewListing) -> TableWorkbook {
        let unmetRows = view.unmet.map { u -> [TableWorkbook.Cell] in
            [.text(u.name), .text(u.idNumber), .text(u.posting), .number(Double(u.rank)), .text(lang == "en" ? u.reasonEn : u.reasonZh)]
        }
        return TableWorkbook(sheets: [
            .init(name: "面试安排", title: "\(campaign) 面试安排",
                  headers: ["时间", "展位", "企业", "岗位", "面试官", "求职者", "身份证号", "志愿"],
                  rows: view.interviews.map { i in
                      [.text(i.time), .text(i.boothNumber ?? ""), .text(i.booth), .text(i.posting),
                       .number(Double(i.interviewer)), .text(i.name), .text(i.idNumber), .number(Double(i.rank))]
                  }, notes: ["共 \(view.interviews.count) 场面试；个人信息已脱敏。"]),
            .init(name: "未安排", title: "\(campaign) 未安排的面试志愿", headers: ["求职者", "身份证号", "岗位", "志愿", "原因"],
                  rows: unmetRows, notes: ["共 \(view.unmet.count) 个志愿未安排。"]),
        ])
    }

    private func output(_ table: TextTable, count: Int, noun: Message, t: Terminal) throws {
        if let csv {
            try CSVExport.write([table.headers] + table.rows, to: csv)
            t.line(InterviewCommandMessages.wroteRows(["count": "\(count)", "file": csv], words: ["noun": noun]).text(language))
        } else {
            if count > 0 { t.line(table.render()) }
            t.line(InterviewCommandMessages.rows(["count": "\(count)"], words: ["noun": noun]).text(language))
        }
    }
}

import CampaignTesting
import Foundation
import GRDB
import Ledger
import PluginKit
import Tally
import Testing
import Workflow
import WorkflowTesting

@Suite struct TallyFormatTests {
    /// The fixture with a few check-ins and outcomes, tallied by township, group and enterprise.
    func sampleReport() async throws -> (OutcomeFixture, TallyReport) {
        let f = try await OutcomeFixture()
        for person in [OutcomeFixture.zhang, OutcomeFixture.li, OutcomeFixture.wang] { try await f.checkIn(person) }
        try await f.record(.placed, OutcomeFixture.zhang, "分拣员")
        try await f.record(.intent, OutcomeFixture.wang, "质检员")
        return (f, try await f.tally(by: [.township, .group, .enterprise]))
    }

    @Test func chineseTextLinesUpInTerminalTables() {
        #expect("城关镇".terminalWidth == 6)
        #expect("A1".terminalWidth == 2)
        #expect("（未填）".terminalWidth == 8)
        var table = TextTable(headers: ["乡镇", "登记", "placed"], numeric: [false, true, true])
        table.rows = [["城关镇", "12", "3"], ["Hexi", "1234", "0"], ["龙泉乡新村", "5", "10"]]
        let lines = table.render().split(separator: "\n").map(String.init)
        // Every line is equally wide on screen, and each column starts at the same screen column.
        #expect(Set(lines.map(\.terminalWidth)).count == 1)
        for line in lines.dropFirst(2) {
            let firstColumn = String(line.prefix { !$0.isNumber })
            #expect(firstColumn.terminalWidth >= "龙泉乡新村".terminalWidth + 2)
        }
        #expect(lines[2].hasPrefix("城关镇      "))   // padded to 龙泉乡新村's 10 columns, then the gap
    }

    @Test func theTerminalTableShowsTheFunnelAndOfWhich() async throws {
        let (_, report) = try await sampleReport()
        let zh = TallyTextReport.table(report, lang: .zh)
        #expect(zh.contains("其中 脱贫人口"))
        #expect(zh.contains("按乡镇"))
        let placedLine = try #require(zh.split(separator: "\n").first { $0.hasPrefix("成功就业") })
        #expect(placedLine.split(separator: " ").first { $0 != "成功就业" } == "1")
        let en = TallyTextReport.table(report, lang: .en)
        #expect(en.contains("of which lifted out of poverty"))
        #expect(en.contains("by township"))
    }

    /// On an 80-column terminal every line fits: wide tables are cut into parts of whole columns, each
    /// repeating the row's name, and notes wrap; nothing is lost (every measure's header is still there).
    @Test func theTerminalTableFitsTheTerminalsWidth() async throws {
        let (_, report) = try await sampleReport()
        for lang in [Language.zh, .en] {
            let wide = TallyTextReport.table(report, lang: lang)
            let narrow = TallyTextReport.table(report, lang: lang, width: 80)
            #expect(wide.split(separator: "\n").contains { String($0).terminalWidth > 80 }, "the test needs a table wider than 80")
            let over = narrow.split(separator: "\n").filter { String($0).terminalWidth > 80 }
            #expect(over.isEmpty, "\(lang): \(over)")
            for measure in report.measures {
                #expect(narrow.contains(measure.label(lang)), "\(measure.key) lost at 80 columns")
            }
            // The wide tables were cut into parts, each with its own header rule.
            func tables(_ text: String) -> Int { text.split(separator: "\n").filter { $0.hasPrefix("──") }.count }
            #expect(tables(narrow) > tables(wide))
        }
    }

    /// Every breakdown ends with 合计 in every format: the tally's own counts — the townships' sum, and
    /// for target groups (a person in two groups) fewer than the rows' sum, with the rule stated.
    @Test func everyBreakdownEndsWithItsTotal() async throws {
        let (_, report) = try await sampleReport()
        let towns = try #require(report.breakdowns.first { $0.dimension == .township })
        let groups = try #require(report.breakdowns.first { $0.dimension == .group })
        for measure in towns.measures {
            #expect(towns.total[measure.key] == towns.rows.compactMap { $0.counts[measure.key] }.reduce(0, +),
                    "\(measure.key): 合计 is the townships' sum")
        }
        #expect(towns.total["registered"] == report.funnel["registered"])
        #expect(groups.total["registered"] == report.funnel["registered"])
        #expect(!towns.rowsMayOverlap && groups.rowsMayOverlap)

        let text = TallyTextReport.table(report, lang: .zh)
        let totals = text.split(separator: "\n").filter { $0.hasPrefix("合计 ") }
        #expect(totals.count == 3, "one 合计 row per breakdown: \(text)")
        #expect(text.contains("合计按人数计：一人可出现在多个人员类别行中，在合计中只计一次"))
        #expect(TallyTextReport.table(report, lang: .en).contains("The total counts people: someone may appear in several"))
        let csv = TallyTextReport.csv(report, lang: .zh)
        #expect(csv.contains("乡镇,total,合计,"), "\(csv)")
        let html = TallyHTML.render(report, lang: .zh)
        #expect(html.contains(#"<tr class="total"><td>合计</td>"#))
        let object = try #require(try JSONSerialization.jsonObject(with: TallyJSON.encode(report)) as? [String: Any])
        let breakdowns = try #require(object["breakdowns"] as? [[String: Any]])
        let townTotal = try #require(breakdowns.first { $0["by"] as? String == "township" }?["total"] as? [String: Any])
        #expect(townTotal["registered"] as? Int == report.funnel["registered"])
        #expect(breakdowns.first { $0["by"] as? String == "group" }?["rows_may_overlap"] as? Bool == true)
    }

    /// A report a county signs, as its statistical forms are: 表号 and 制表机关 where given, 填报单位 and
    /// 计量单位 over it, 单位负责人 / 统计负责人 / 填表人 / 联系电话 / 报出日期 under it in every format, a line
    /// nobody gave left blank to write on, the date the report's day unless one is given.
    @Test func aReportIsSignedUnderTheCountysLines() async throws {
        var (_, report) = try await sampleReport()
        let blank = TallyTextReport.table(report, lang: .zh)
        #expect(blank.contains("填报单位：________    计量单位：人    单位负责人：________"), "\(blank)")
        #expect(!blank.contains("表号"), "no 表号 line where the definition gives none")
        report.form = report.form.overridden(by: ReportForm(formNumber: "人社统春1表", unit: "示范县人社局",
                                                            preparer: "李娜", date: "2026-03-05"))
        let text = TallyTextReport.table(report, lang: .zh)
        #expect(text.contains("表号：人社统春1表    填报单位：示范县人社局    计量单位：人    单位负责人：________    "
                              + "统计负责人：________    填表人：李娜    联系电话：________    报出日期：2026-03-05"), "\(text)")
        #expect(TallyTextReport.table(report, lang: .en).contains("Reporting unit: 示范县人社局    Unit: people    Head of unit: ________"))
        let html = TallyHTML.render(report, lang: .zh)
        #expect(html.contains(#"<div class="form-identity"><div><b>表号：</b><u>人社统春1表</u></div></div>"#))
        #expect(html.contains(#"<span><b>填报单位：</b><u>示范县人社局</u></span>"#))
        #expect(html.contains(#"<div class="form-signature"><span><b>单位负责人：</b><u></u></span>"#))
        #expect(html.contains(#"@bottom-right { content: "第 " counter(page) " 页，共 " counter(pages) " 页";"#))
        let object = try #require(try JSONSerialization.jsonObject(with: TallyJSON.encode(report)) as? [String: Any])
        let signature = try #require(object["signature"] as? [String: Any])
        #expect(signature["unit"] as? String == "示范县人社局" && signature["head"] is NSNull)
        #expect(signature["form_number"] as? String == "人社统春1表" && signature["statistician"] is NSNull)
        #expect(signature["date"] as? String == "2026-03-05")
    }

    @Test func jsonKeysAreTheDocumentedOnes() async throws {
        let (_, report) = try await sampleReport()
        let object = try #require(try JSONSerialization.jsonObject(with: TallyJSON.encode(report)) as? [String: Any])
        #expect(Set(object.keys) == ["schema", "generated_at", "from", "to", "campaigns", "funnel", "breakdowns",
                                     "placed_people", "distinct_people", "shredded", "signature", "comparison"])
        #expect(object["placed_people"] is NSNull)     // only when a manager asks
        #expect(object["schema"] as? String == "campaign.tally/1")
        let funnel = try #require(object["funnel"] as? [String: Any])
        #expect(Set(funnel.keys) == ["campaigns", "enterprises", "postings", "positions", "registered",
                                     "enterprises_attended", "attended",
                                     "interviewed", "intents", "placed", "retained", "placed_not_attended", "rates",
                                     "of_which"])
        #expect(funnel["placed"] as? Int == 1)
        #expect(funnel["attended"] as? Int == 3)
        let ofWhich = try #require(funnel["of_which"] as? [String: [String: Int]])
        #expect(Set(ofWhich.keys) == Set(TargetGroup.allCases.map(\.key)))
        #expect(ofWhich["poverty_alleviated"]?["placed"] == 1)
        let rates = try #require(funnel["rates"] as? [String: Any])
        #expect(Set(rates.keys) == ["attended_of_registered", "interviewed_of_attended", "intents_of_interviewed",
                                    "placed_of_intents", "retained_of_placed", "placed_of_attended"])
        #expect(rates["attended_of_registered"] as? Double == 0.6)
        let breakdowns = try #require(object["breakdowns"] as? [[String: Any]])
        #expect(breakdowns.map { $0["by"] as? String } == ["township", "group", "enterprise"])
        let enterprise = try #require((breakdowns[2]["rows"] as? [[String: Any]])?.first)
        let counts = try #require(enterprise["counts"] as? [String: Any])
        #expect(counts["registered"] is NSNull)          // not a measure of an enterprise: null, key kept
        #expect(counts["of_which"] is NSNull)
    }

    /// The JSON is written from values (not dictionaries of Any) but reads as it always did: the same
    /// text JSONSerialization writes for the same document with the options the tally used — two-space
    /// indents, `"key" : value`, sorted keys, whole rates without `.0`, unescaped slashes and Chinese —
    /// with the list of placed people and an earlier period in it too.
    @Test func jsonIsTheTextJSONSerializationWrites() async throws {
        let (f, _) = try await sampleReport()
        let request = TallyRequest(campaigns: ["fair"], breakdowns: [.township, .group, .enterprise], listPlaced: true)
        let now = f.now
        let report = try await f.pool.read { db in
            try TallyQuery.compare(db, try TallyQuery.run(db, request, sections: OutcomeFixture.sections, now: now),
                                   from: nil, to: nil, sections: OutcomeFixture.sections, now: now)
        }
        let written = try TallyJSON.encode(report)
        let object = try JSONSerialization.jsonObject(with: written)
        let reference = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys,
                                                                                     .withoutEscapingSlashes])
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: reference, as: UTF8.self))
        let text = String(decoding: written, as: UTF8.self)
        #expect(text.contains(#""attended_of_registered" : 0.6"#) && text.contains("城关镇") && text.contains(#""comparison" : {"#))
        #expect(text.contains(#""id_number" : "110105********002X""#))
    }

    @Test func csvHasOneLinePerRowWithAllMeasures() async throws {
        let (_, report) = try await sampleReport()
        let csv = TallyTextReport.csv(report, lang: .en)
        let lines = csv.split(separator: "\r\n").map(String.init)
        #expect(lines[0] == "dimension,key,label,campaigns,enterprises,postings,positions,registered,enterprises_attended,"
                + "attended,interviewed,intents,placed,retained,placed_not_attended")
        #expect(lines[1].hasPrefix("total,,fair,1,2,3,70,5,0,3,2,2,1,0,0"))
        #expect(lines.contains { $0.hasPrefix("township,城关镇,城关镇,,,,,2,,2,1,1,1,0") }, "\(csv)")
        #expect(TallyTextReport.csv(report, lang: .zh).hasPrefix("\u{FEFF}维度,编码,名称,活动场次"))
    }

    @Test func theListOfPlacedPeopleComesOnlyWhenAskedAndMasked() async throws {
        let (f, _) = try await sampleReport()
        let request = TallyRequest(campaigns: ["fair"], listPlaced: true)
        let now = f.now
        let report = try await f.pool.read { db in try TallyQuery.run(db, request, sections: OutcomeFixture.sections, now: now) }
        let placed = try #require(report.askedLists.first { $0.list.key == "placed_people" }?.rows)
        #expect(placed.count == 1)
        #expect(placed.first?.json["id_number"] == "110105********002X")
        #expect(placed.first?.json["phone"] == "138****8000")
        #expect(placed.first?.json["posting_title"] == "分拣员")
        let text = TallyTextReport.table(report, lang: .zh)
        #expect(text.contains("成功就业人员名单（已脱敏）"))
        #expect(text.contains("110105********002X"))
        #expect(!text.contains("11010519491231002X") && !text.contains("13800138000"))
        let html = TallyHTML.render(report, lang: .zh)
        #expect(html.contains("110105********002X") && !html.contains("11010519491231002X"))
        let json = try #require(try JSONSerialization.jsonObject(with: TallyJSON.encode(report)) as? [String: Any])
        let people = try #require(json["placed_people"] as? [[String: Any]])
        #expect(people.first?["id_number"] as? String == "110105********002X")
        #expect(people.first?["stage"] as? String == "placement")
    }

    @Test func htmlIsSelfContainedWithAFunnelAndBarCharts() async throws {
        let (_, report) = try await sampleReport()
        let html = TallyHTML.render(report, lang: .zh)
        #expect(html.contains("<svg class=\"funnel\""))
        #expect(html.components(separatedBy: "<svg class=\"bars\"").count == 4)   // one per breakdown
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || !html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http://"))
        #expect(!html.contains("110105"))                        // counts, no personal data
    }
}

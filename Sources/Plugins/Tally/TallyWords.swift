import Workflow

/// The words of the tally's reports — titles, column headers, notes under the tables — in Chinese and
/// English. The measures' and the breakdowns' own names are declared with them (`TallyMeasure`,
/// `TallyDimension`); these are the words around the figures.
public struct TallyWords: MessageCatalogue {
    public static let shared = TallyWords()

    public let reportTitle = MessageText("tally.report-title", zh: "{heading} 招聘成效汇总", en: "{heading} — outcomes tally")
    public let tableTitle = MessageText("tally.table-title", zh: "{heading} — 汇总", en: "{heading} — tally")
    public let summarySheet = MessageText("tally.summary-sheet", zh: "汇总", en: "Summary")
    public let funnelHeading = MessageText("tally.funnel-heading", zh: "总体", en: "Funnel")
    public let funnelChart = MessageText("tally.funnel-chart", zh: "漏斗图", en: "funnel")
    public let funnelChartTitle = MessageText("tally.funnel-chart-title", zh: "招聘漏斗", en: "Funnel")
    public let funnelChartData = MessageText("tally.funnel-chart-data", zh: "漏斗图数据", en: "Funnel chart data")
    public let campaignsAre = MessageText("tally.campaigns-are", zh: "活动：{campaigns}", en: "Campaigns: {campaigns}")
    public let noCampaignHeld = MessageText("tally.no-campaign-held", zh: "本期没有举办活动", en: "No campaign held in this period")
    public let campaignsCount = MessageText("tally.campaigns-count", zh: "{count}场活动汇总", en: "{count} campaigns")
    /// The period in the workbook's line under its title, after the campaigns.
    public let period = MessageText("tally.period", zh: "时间：{period}", en: "period: {period}")
    /// The period among the HTML report's details under its title.
    public let periodDetail = MessageText("tally.period-detail", zh: "时间：{period}", en: "Period: {period}")
    /// The period in the terminal's line under the title (a narrow colon, as the rest of that line).
    public let periodColumn = MessageText("tally.period-column", zh: "时间: {period}", en: "period: {period}")
    public let asOf = MessageText("tally.as-of", zh: "生成于 {time}", en: "as of {time}")
    public let nothingYet = MessageText("tally.nothing-yet", zh: "暂无数据", en: "nothing recorded yet")
    public let byDimension = MessageText("tally.by-dimension", zh: "按{dimension}", en: "by {dimension}")

    public let measureHeader = MessageText("tally.measure-header", zh: "指标", en: "measure")
    public let people = MessageText("tally.people", zh: "人数", en: "people")
    public let rate = MessageText("tally.rate", zh: "转化率", en: "rate")
    public let ofWhich = MessageText("tally.of-which", zh: "其中 {group}", en: "of which {group}")
    public let total = MessageText("tally.total", zh: "合计", en: "total")
    public let totalVisits = MessageText("tally.total-visits", zh: "合计（人次）", en: "total (visits)")
    public let totalPeople = MessageText("tally.total-people", zh: "合计（人数）", en: "total (people)")
    public let csvColumns = MessageText("tally.csv-columns", zh: "维度|编码|名称", en: "dimension|key|label")
    public let earlier = MessageText("tally.earlier", zh: "对比期", en: "earlier")
    public let earlierRows = MessageText("tally.earlier-rows", zh: "{dimension}（对比期）", en: "{dimension} (earlier)")
    public let comparisonColumns = MessageText("tally.comparison-columns", zh: "对比期|增减|增减率", en: "earlier|change|change %")
    public let earlierMeasure = MessageText("tally.earlier-measure", zh: "对比期 {measure}", en: "earlier {measure}")
    public let measureChange = MessageText("tally.measure-change", zh: "{measure} 增减", en: "{measure} change")
    public let nothingHeldThen = MessageText("tally.nothing-held-then", zh: "本期没有举办活动，按 0 计",
                                             en: "no campaign was held then; counted as 0")
    public let comparisonNote = MessageText(
        "tally.comparison-note", zh: "对比期：{period}（{held}）。增减 = 本期 − 对比期；增减率 = 增减 ÷ 对比期。",
        en: "Earlier period: {period} ({held}). Change = this period − the earlier one; change % = change ÷ the earlier one.")

    public let countingNote = MessageText(
        "tally.counting-note", zh: "人次：一人参加多场活动，每场各计一次（各场相加）；人数：每人只计一次。转化率与“其中”按人次计算。",
        en: "Visits: a person at several campaigns counts at each (the campaigns add up); people: each person once. "
            + "Rates and \"of which\" are over visits.")
    public let peakNote = MessageText("tally.peak-note", zh: "{measures}取各场中的最大值，不相加。",
                                      en: "{measures}: the largest of the campaigns, not their sum.")
    public let singleNote = MessageText("tally.single-note", zh: "{measures}只对单场活动有意义，多场汇总时留空。",
                                        en: "{measures}: for one campaign only, blank for several.")
    public let shredNote = MessageText(
        "tally.shred-note", zh: "个人信息已销毁：本报告所涉 {people} 人的姓名、身份证号和电话已按保留期限销毁（{which}）；各项数字不变。",
        en: "Personal data shredded: the names, ID numbers and phones of {people} people behind these figures were "
            + "shredded ({which}); the figures are unchanged.")
    public let visitsTotalNote = MessageText(
        "tally.visits-total-note",
        zh: "合计（人次）是各场之和：一人参加两场，在两场的行中各计一次、在人次中计两次；合计（人数）每人只计一次。",
        en: "The total (visits) is the campaigns' sum: a person at two campaigns counts in both rows and twice "
            + "in it; the total (people) counts each person once.")
    public let overlapTotalNote = MessageText(
        "tally.overlap-total-note", zh: "合计按人数计：一人可出现在多个{rows}行中，在合计中只计一次，所以合计可能小于各行之和。",
        en: "The total counts people: someone may appear in several {rows} rows but counts once in it, so it may be "
            + "less than the rows' sum.")
}

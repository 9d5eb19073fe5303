import Foundation
import Workflow

/// What makes a county report a form one can send upward: the title block over it — 表号 and 制表机关
/// where the form has them, 填报单位, the period, 计量单位 — and the lines it is signed under —
/// 单位负责人, 统计负责人, 填表人, 联系电话, 报出日期. Set once in the campaign's vars (`report_form_number`,
/// `report_authority`, `report_unit`, `report_head`, `report_statistician`, `report_preparer`,
/// `report_phone`) or by a command's flags; a line nobody filled in is printed blank, to be written by hand.
public struct ReportForm: Sendable, Equatable {
    /// 表号: the form's number in the county's statistical system (人社统春1表…).
    public var formNumber: String?
    /// 制表机关: the office that designed the form.
    public var authority: String?
    /// 填报单位: the office that fills it in.
    public var unit: String?
    public var head: String?
    public var statistician: String?
    public var preparer: String?
    public var phone: String?
    /// The day it is sent (报出日期): the one given, else the day the report was made.
    public var date: String?

    public init(formNumber: String? = nil, authority: String? = nil, unit: String? = nil, head: String? = nil,
                statistician: String? = nil, preparer: String? = nil, phone: String? = nil, date: String? = nil) {
        self.formNumber = formNumber
        self.authority = authority
        self.unit = unit
        self.head = head
        self.statistician = statistician
        self.preparer = preparer
        self.phone = phone
        self.date = date
    }

    /// From a campaign's vars.
    public init(vars: [String: Value]) {
        self.init(formNumber: Self.text(vars, "report_form_number"), authority: Self.text(vars, "report_authority"),
                  unit: Self.text(vars, "report_unit"), head: Self.text(vars, "report_head"),
                  statistician: Self.text(vars, "report_statistician"), preparer: Self.text(vars, "report_preparer"),
                  phone: Self.text(vars, "report_phone"))
    }

    /// A var given as words (not blank), for the lines and the title (`county`, `venue`).
    public static func text(_ vars: [String: Value], _ key: String) -> String? {
        guard case .string(let value)? = vars[key], !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return value
    }

    /// This form, each line replaced where `other` has one (flags over the definition).
    public func overridden(by other: ReportForm) -> ReportForm {
        ReportForm(formNumber: other.formNumber ?? formNumber, authority: other.authority ?? authority,
                   unit: other.unit ?? unit, head: other.head ?? head, statistician: other.statistician ?? statistician,
                   preparer: other.preparer ?? preparer, phone: other.phone ?? phone, date: other.date ?? date)
    }

    /// The form's identity at the top right (表号, 制表机关), only the ones it has.
    public func identity(_ lang: Language) -> [(label: String, value: String)] {
        let labels = ReportFormWords.identityLabels.columns(lang)
        return zip(labels, [formNumber, authority]).compactMap { label, value in value.map { (label, $0) } }
    }

    /// The line over the table: 填报单位 (blank to fill in), the period, 计量单位 (when the report has one).
    public func heading(_ lang: Language, period: String, measuredIn: String?) -> [(label: String, value: String)] {
        let labels = ReportFormWords.headingLabels.columns(lang)
        var line = [(labels[0], unit ?? "")]
        if !period.isEmpty { line.append((labels[1], period)) }
        if let measuredIn { line.append((labels[2], measuredIn)) }
        return line
    }

    /// The lines under the report, (label, value) in print order; a blank value is a line to write on.
    public func signature(_ lang: Language, madeOn day: String) -> [(label: String, value: String)] {
        let labels = ReportFormWords.signatureLabels.columns(lang)
        let values = [head, statistician, preparer, phone, date ?? day]
        return zip(labels, values).map { ($0, $1 ?? "") }
    }

    /// Label-value pairs as one line of text: `单位负责人：________    填表人：李娜 …`.
    public static func line(_ pairs: [(label: String, value: String)], _ lang: Language) -> String {
        pairs.map { $0.label + Punctuation.colon.text(lang) + ($0.value.isEmpty ? "________" : $0.value) }
            .joined(separator: "    ")
    }
}

import Foundation
import PluginKit
import Workflow

/// The lines a county report is signed under — 填报单位, 负责人, 填报人, 联系电话, 日期 — taken from
/// the campaign's vars (`report_unit`, `report_head`, `report_preparer`, `report_phone`) or the
/// command's flags; a line nobody filled in is printed blank, to be written by hand.
public struct ReportSignature: Sendable, Equatable {
    public var unit: String?
    public var head: String?
    public var preparer: String?
    public var phone: String?
    /// The day it is signed: the one given, else the day the report was made.
    public var date: String?

    public init(unit: String? = nil, head: String? = nil, preparer: String? = nil, phone: String? = nil, date: String? = nil) {
        self.unit = unit
        self.head = head
        self.preparer = preparer
        self.phone = phone
        self.date = date
    }

    /// From a campaign's vars.
    init(vars: [String: Value]) {
        self.init(unit: Self.text(vars, "report_unit"), head: Self.text(vars, "report_head"),
                  preparer: Self.text(vars, "report_preparer"), phone: Self.text(vars, "report_phone"))
    }

    /// A var given as words (not blank), for the lines and the title (`county`, `venue`).
    static func text(_ vars: [String: Value], _ key: String) -> String? {
        guard case .string(let value)? = vars[key], !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return value
    }

    /// These lines, each replaced where `other` has one (flags over the definition).
    public func overridden(by other: ReportSignature) -> ReportSignature {
        ReportSignature(unit: other.unit ?? unit, head: other.head ?? head, preparer: other.preparer ?? preparer,
                        phone: other.phone ?? phone, date: other.date ?? date)
    }

    /// (label, value) in print order; a blank value is a line to write on.
    public func lines(_ lang: Language, madeOn day: String) -> [(label: String, value: String)] {
        let labels = TallyWords.signatureLabels.columns(lang)
        let values = [unit, head, preparer, phone, date ?? day]
        return zip(labels, values).map { ($0, $1 ?? "") }
    }

    /// One line of text: `填报单位：示范县人社局    负责人：________ …`.
    public func text(_ lang: Language, madeOn day: String) -> String {
        lines(lang, madeOn: day).map { $0.label + Punctuation.colon.text(lang) + ($0.value.isEmpty ? "________" : $0.value) }
            .joined(separator: "    ")
    }
}

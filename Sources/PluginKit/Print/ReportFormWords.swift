import Workflow

/// The words of a county report form — its title block, its signature lines and its page numbers —
/// worded as county statistical forms are, for every report a plugin prints.
public struct ReportFormWords: MessageCatalogue {
    public static let shared = ReportFormWords()

    public let identityLabels = MessageText("form.identity-labels", zh: "表号|制表机关", en: "Form no.|Issued by")
    public let headingLabels = MessageText("form.heading-labels", zh: "填报单位|时间|计量单位",
                                           en: "Reporting unit|Period|Unit")
    public let signatureLabels = MessageText("form.signature-labels", zh: "单位负责人|统计负责人|填表人|联系电话|报出日期",
                                             en: "Head of unit|Statistician|Prepared by|Phone|Date sent")
    /// The page's number in its header or footer; `{page}` and `{pages}` become the printer's counters.
    public let pageOf = MessageText("form.page-of", zh: "第 {page} 页，共 {pages} 页", en: "Page {page} of {pages}")
    public let people = MessageText("form.people", zh: "人", en: "people")
    public let peopleAndCampaigns = MessageText("form.people-and-campaigns", zh: "人、人次", en: "people, visits")
}

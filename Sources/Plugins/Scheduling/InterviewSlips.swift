import Foundation
import PluginKit

/// Printable interview slips, one per job seeker, eight to an A4 page: the badge code, the masked
/// name and ID number, and each interview's time, booth number, enterprise and posting — what a
/// clerk hands over at the desk.
enum InterviewSlips {
    static let template = PageTemplate("interview-slips", PackageResources.interview_slips_html_mustache)

    struct Slip { let name: String, idNumber: String, badge: String, rows: [Row] }
    struct Row { let time: String, boothNumber: String, booth: String, posting: String, interviewer: String }

    static func html(_ listing: InterviewListing, campaign: String) -> String {
        let bySeeker = Dictionary(grouping: listing.interviews, by: \.person)
            .sorted { ($0.value.first?.start ?? .distantPast, $0.key) < ($1.value.first?.start ?? .distantPast, $1.key) }
        let slips = bySeeker.map { _, interviews in
            let first = interviews[0]
            return Slip(name: first.name, idNumber: first.idNumber, badge: first.badge,
                        rows: interviews.sorted { $0.start < $1.start }.map { i in
                            Row(time: i.time, boothNumber: i.boothNumber ?? "—", booth: i.booth, posting: i.posting,
                                interviewer: "\(i.interviewer)")
                        })
        }
        // The campaign and 第 N 页，共 M 页 in each page's margins, so a loose sheet of slips says whose they are.
        let form = PrintedForm(title: "\(campaign) 面试通知单", form: ReportForm(), lang: .zh)
        return template.render(["campaign": campaign, "slips": slips, "pageRules": form.pageRules] as [String: Any])
    }
}

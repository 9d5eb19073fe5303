import Foundation

/// One calendar per booth, per interviewer (booth-CODE-N.ics: the staff member at that table) and per
/// job seeker: the same events under the same UIDs, so a moved interview moves in every calendar.
enum InterviewCalendars {
    static func write(_ listing: InterviewListing, campaign: String, to folder: URL, stamp: Date) throws -> Int {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func event(_ i: InterviewListing.Interview, summary: String) -> ICalendar.Event {
            ICalendar.Event(uid: "\(campaign)-\(i.person)-\(i.postingID)@campaign", sequence: i.sequence, start: i.start,
                            end: i.end, summary: summary, location: "\(i.booth)，面试官 \(i.interviewer)",
                            description: "\(campaign)：\(i.posting)；求职者 \(i.name)（第\(i.rank)志愿）")
        }
        var written = 0
        for (code, interviews) in Dictionary(grouping: listing.interviews, by: \.boothCode) {
            let calendar = ICalendar(name: "\(interviews[0].booth) 面试安排", timeZone: listing.timeZone,
                                     events: interviews.map { event($0, summary: "面试 \($0.posting) — \($0.name)") },
                                     stamp: stamp)
            try Data(calendar.text.utf8).write(to: folder.appendingPathComponent("booth-\(code).ics"), options: .atomic)
            written += 1
        }
        for (key, interviews) in Dictionary(grouping: listing.interviews, by: { "\($0.boothCode)-\($0.interviewer)" }) {
            let first = interviews[0]
            let calendar = ICalendar(name: "\(first.booth) 面试官 \(first.interviewer)", timeZone: listing.timeZone,
                                     events: interviews.map { event($0, summary: "面试 \($0.posting) — \($0.name)") },
                                     stamp: stamp)
            try Data(calendar.text.utf8).write(to: folder.appendingPathComponent("interviewer-\(key).ics"), options: .atomic)
            written += 1
        }
        for (person, interviews) in Dictionary(grouping: listing.interviews, by: \.person) {
            let calendar = ICalendar(name: "\(interviews[0].name) 的面试", timeZone: listing.timeZone,
                                     events: interviews.map { event($0, summary: "面试：\($0.booth) \($0.posting)") },
                                     stamp: stamp)
            try Data(calendar.text.utf8).write(to: folder.appendingPathComponent("seeker-\(person).ics"), options: .atomic)
            written += 1
        }
        return written
    }
}

import Ledger

/// A left-out wish's reason in the words a clerk reads it in, Chinese and English.
enum UnmetReason {
    static let ordinalsZh = ["第一", "第二", "第三", "第四", "第五", "第六", "第七", "第八", "第九"]
    static let ordinalsEn = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]

    static func words(_ reason: InterviewPlanner.Reason, posting: PostingSummary, booths: [InterviewPlanner.Booth],
                      perPerson: Int) -> (zh: String, en: String) {
        switch reason {
        case .boothFull(let booth, let capacity, let byRank):
            let taken = byRank.enumerated().filter { $0.element > 0 }
            let zh = taken.map { "\(ordinalsZh[min($0.offset, 8)])志愿\($0.element)个" }.joined(separator: "、")
            let en = taken.map { "\($0.element) \(ordinalsEn[min($0.offset, 8)])" }.joined(separator: ", ")
            return ("岗位 \(posting.code)（\(booths[booth].name)）的 \(capacity) 个面试名额已满：\(zh)",
                    "posting \(posting.code)'s booth (\(booths[booth].name)) has all its \(capacity) interview slots "
                        + "taken, by \(en) wish\(capacity == 1 ? "" : "es")")
        case .personFull(let limit):
            return ("已安排 \(limit) 场面试（每人最多 \(perPerson) 场，或已排满时段）",
                    "already has \(limit) interviews, the most one person is given (\(perPerson), or every slot)")
        case .noCommonSlot:
            return ("展位和本人都还有空，但已公布的面试占去了共同的空闲时段",
                    "the booth and the person both have room, but not at a common time around the interviews already announced")
        case .boothClosed(let booth):
            return ("\(booths[booth].name) 本场不安排面试（没有面试官或没有时段）",
                    "\(booths[booth].name) holds no interviews at this fair (no interviewer or no slot)")
        }
    }
}

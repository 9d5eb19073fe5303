import Livestream
import Testing

/// A livestream's line-up: enterprise by enterprise, most openings first, hosts taking turns, and a
/// line-up too long for the stream refused with what to change.
@Suite struct StreamLineupTests {
    static let items: [StreamLineup.Item] = [
        .init(code: "P1", title: "缝纫工", enterprise: "长丰服装", openings: 60),
        .init(code: "P2", title: "电子装配工", enterprise: "示范电子", openings: 40),
        .init(code: "P3", title: "整烫工", enterprise: "长丰服装", openings: 15),
        .init(code: "P4", title: "质检员", enterprise: "示范电子", openings: 10),
        .init(code: "P5", title: "分拣员", enterprise: "顺达物流", openings: 20),
    ]

    @Test func enterprisesComeInBlocksWithHostsTakingTurns() throws {
        let slots = try StreamLineup.plan(Self.items, minutes: 8, length: 60, hosts: ["小李", "小王"], opening: 5).get()
        #expect(slots.map(\.item.code) == ["P1", "P3", "P2", "P4", "P5"])
        #expect(slots.map(\.startMinute) == [5, 13, 21, 29, 37])
        #expect(slots.map(\.host) == ["小李", "小李", "小王", "小王", "小李"])
    }

    @Test func aLineUpLongerThanTheStreamSaysWhatToChange() {
        guard case .failure(let problem) = StreamLineup.plan(Self.items, minutes: 15, length: 60, hosts: [], opening: 5) else {
            Issue.record("a line-up of 80 minutes fitted a 60-minute stream")
            return
        }
        #expect(problem.words.text(.en) == "5 postings at 15 minutes need 80 minutes; the stream is 55: present at most 3, "
                + "or give each 11 minutes")
        #expect(problem.words.text(.zh).hasPrefix("5 个岗位每个 15 分钟共需 80 分钟"))
    }
}

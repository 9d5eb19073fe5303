import GRDB
import Ledger
import Workflow

/// One class of a training campaign as the definition declared it (`training.class`).
struct TrainingClass: Sendable, Equatable {
    var id: String
    var trade: String
    var base: String
    var mode: String
    var capacity: Int
    var sessions: Int
    /// The sessions' days (2026-03-02), when the definition gave them: the attendance sheet may name a
    /// session by its day.
    var schedule: [String]
    var completion: Double
    var subsidised: Bool

    init(id: String, trade: String, base: String, mode: String, capacity: Int, sessions: Int, schedule: [String],
         completion: Double, subsidised: Bool) {
        self.id = id
        self.trade = trade
        self.base = base
        self.mode = mode
        self.capacity = capacity
        self.sessions = sessions
        self.schedule = schedule
        self.completion = completion
        self.subsidised = subsidised
    }

    init(_ row: Row) {
        id = row["class"]
        trade = row["trade"]
        base = row["base"]
        mode = row["mode"]
        capacity = row["capacity"]
        sessions = row["sessions"]
        let days: String = row["schedule"]
        schedule = days.isEmpty ? [] : days.split(separator: ",").map(String.init)
        completion = row["completion"]
        subsidised = row["subsidised"]
    }

    /// Sessions a trainee must attend to complete the class.
    var requiredSessions: Int { TrainingRules.requiredSessions(sessions, completion: completion) }

    /// The session a sheet names: its number (3, 第3课, 第3次, 第三节 is not read), or its day in the schedule.
    func session(named text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let day = SheetDate.parse(trimmed), let index = schedule.firstIndex(of: day) { return index + 1 }
        let digits = trimmed.drop { !$0.isNumber }.prefix { $0.isNumber }
        guard let number = Int(digits), (1...sessions).contains(number),
              trimmed.allSatisfy({ $0.isNumber || "第课次节讲 ".contains($0) }) else { return nil }
        return number
    }
}

import Testing
import Workflow

/// "Did you mean": only a name close to what was typed, never an unrelated one.
@Suite struct SuggestionsTests {
    @Test func aTypoFindsTheNameItMeant() {
        #expect(Suggestions.closest(to: "nroth", among: ["north", "south"]) == "north")
        #expect(Suggestions.closest(to: "王武", among: ["李明", "王五"]) == "王五")
        #expect(Suggestions.closest(to: "lgo", among: ["log", "wait"]) == "log")
    }

    @Test func anUnrelatedNameIsNotProposed() {
        // The case: --staff 王五 proposed 李明, two letters of two changed.
        #expect(Suggestions.closest(to: "王五", among: ["李明"]) == nil)
        #expect(Suggestions.closest(to: "ab", among: ["xy"]) == nil)
        #expect(Suggestions.closest(to: "gate", among: ["bus-door", "leave-home"]) == nil)
        let hint = Suggestions.message(for: "王五", among: ["李明", "李娜"])
        #expect(hint?.text(.zh) == "已有：'李明', '李娜'")
    }
}

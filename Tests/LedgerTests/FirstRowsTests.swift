@testable import Ledger
import Testing
import WorkflowTesting

/// The import's duplicate check keeps each key's first row; the compact table it uses for ID
/// numbers must answer exactly as a dictionary would, however full it gets.
@Suite struct FirstRowsTests {
    /// A dictionary doing the same job, the second count the table is checked against.
    struct Reference {
        var first: [UInt64: Int] = [:]
        mutating func insertFirst(_ key: UInt64, _ value: Int) -> Int? {
            if let earlier = first[key] { return earlier }
            first[key] = value
            return nil
        }
    }

    @Test func answersAsADictionaryThroughGrowthOverflowAndTheKeyZero() {
        var table = FirstRows<UInt64>(expected: 10)   // far too small: it must grow many times
        var reference = Reference()
        var random = SplitMix64(seed: 7)
        var repeats = 0
        for index in 0..<200_000 {
            // Keys from a small range, so about a third repeat; now and then the key 0 and values
            // that do not fit 32 bits (a 300th sheet, a row past 16,777,216).
            let key = index % 5_000 == 0 ? 0 : 110_101_190_000_000_000 + random.next() % 140_000
            let sheet = index % 7_919 == 0 ? 300 : Int(random.next() % 4)
            let row = index % 6_007 == 0 ? 20_000_000 + index : index + 2
            let value = sheet << 40 | row
            let ours = table.insertFirst(key, value), theirs = reference.insertFirst(key, value)
            #expect(ours == theirs, "key \(key), row \(row)")
            if theirs != nil { repeats += 1 }
        }
        #expect(repeats > 50_000)   // the repeats were exercised, not only inserts
    }

    @Test func textKeysKeepTheirFirstRow() {
        var table = FirstRows<String>(expected: 4)
        #expect(table.insertFirst("91BENCH01", 1 << 40 | 5) == nil)
        #expect(table.insertFirst("91BENCH02", 6) == nil)
        #expect(table.insertFirst("91BENCH01", 9) == 1 << 40 | 5)
        #expect(table.insertFirst("91BENCH01", 12) == 1 << 40 | 5)
    }
}

import Foundation
import GRDB
import Testing
import Workflow
import WorkflowTesting

/// The engine writes its times with `StoredTime` and reads them (and every plugin's) with GRDB:
/// the two must agree to the byte, or the daemon's text comparisons of due times would go wrong.
@Suite struct StoredTimeTests {
    /// GRDB's own text for a date, through its `DateFormatter`.
    func grdbText(_ date: Date) -> String? { String.fromDatabaseValue(date.databaseValue) }

    @Test func sameTextAsGRDBAcrossYearsAndMilliseconds() {
        var generator = SystemRandomNumberGenerator()
        var dates: [Date] = [
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -0.0005), Date(timeIntervalSince1970: 0.9999),
            Date(timeIntervalSince1970: 951_782_400),        // 2000-02-29, a leap day of a century year
            Date(timeIntervalSince1970: 4_107_542_399.999),  // 2100-02-28 23:59:59.999, a century year without one
            Date(timeIntervalSince1970: -2_208_988_800.5),   // before 1900
            Date(timeIntervalSince1970: 1_772_355_600.123), Date(),
        ]
        for _ in 0..<20_000 {
            // Any millisecond from 1700 to 2400, and some with sub-millisecond parts.
            dates.append(Date(timeIntervalSince1970: Double.random(in: -8_520_000_000...13_569_000_000, using: &generator)))
        }
        var differing: [String] = []
        for date in dates where StoredTime.text(date) != grdbText(date) {
            differing.append("\(date.timeIntervalSince1970): ours \(StoredTime.text(date)), GRDB's \(grdbText(date) ?? "nil")")
        }
        let firstFew = Array(differing.prefix(5))
        #expect(differing.isEmpty, "\(differing.count) differ, e.g. \(firstFew)")
    }

    /// A repeat scan reads its first scan's time by arithmetic: the same instant GRDB reads (to well under
    /// a millisecond), across leap days and centuries; forms it does not write go to GRDB.
    @Test func readsTheTimeItWritesAsGRDBReadsIt() throws {
        var generator = SystemRandomNumberGenerator()
        var texts = ["2000-02-29 23:59:59.999", "2100-02-28 00:00:00.000", "1970-01-01 00:00:00.000", "1600-01-01 12:00:00.001"]
        for _ in 0..<5_000 {
            texts.append(StoredTime.text(Date(timeIntervalSince1970: Double.random(in: -8_520_000_000...13_569_000_000,
                                                                                   using: &generator))))
        }
        for text in texts {
            let ours = try #require(StoredTime.date(text), "\(text)")
            let grdb = try #require(Date.fromDatabaseValue(text.databaseValue), "\(text)")
            #expect(abs(ours.timeIntervalSince1970 - grdb.timeIntervalSince1970) < 0.000_01, "\(text)")
            #expect(StoredTime.text(ours) == text)
        }
        // Not the written form: GRDB's reading (a date alone, a time without milliseconds), or none.
        for other in ["2026-03-01", "2026-03-01 09:00:00", "2026-03-01T09:00:00.000", "2026-02-30 09:00:00.000", "soon"] {
            #expect(StoredTime.date(other) == Date.fromDatabaseValue(other.databaseValue), "\(other)")
        }
    }

    @Test func readsBackAsTheNearestMillisecond() throws {
        let date = Date(timeIntervalSince1970: 1_772_355_600.4567)
        let text = StoredTime.text(date)
        #expect(text == "2026-03-01 09:00:00.457")
        let read = try #require(Date.fromDatabaseValue(text.databaseValue))
        #expect(abs(read.timeIntervalSince1970 - 1_772_355_600.457) < 0.0005)
    }

    @Test func farYearsKeepGRDBsForm() {
        let ancient = Date(timeIntervalSince1970: -62_000_000_000)   // the year 1005, Julian to ICU
        #expect(StoredTime.text(ancient) == grdbText(ancient))
    }
}

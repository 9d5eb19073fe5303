import Foundation
import Testing
import Workflow

/// Cron schedules as Vixie cron reads them, plus DOW#N, in the campaign's time zone.
@Suite struct CronExpressionTests {
    let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    func time(_ text: String, _ zone: TimeZone? = nil) -> Date {
        TimeFormats.dateTime(text, timeZone: zone ?? shanghai)!
    }

    func next(_ cron: String, after: String, zone: TimeZone? = nil) throws -> String? {
        let z = zone ?? shanghai
        return try CronExpression(cron).next(after: time(after, z), in: z).map { TimeFormats.display($0, timeZone: z) }
    }

    @Test func nextTimes() throws {
        #expect(try next("0 9 * * *", after: "2026-03-02 08:59") == "2026-03-02 09:00")
        #expect(try next("0 9 * * *", after: "2026-03-02 09:00") == "2026-03-03 09:00")  // strictly after
        #expect(try next("*/15 8-10 * * MON-FRI", after: "2026-03-06 10:50") == "2026-03-09 08:00")  // Fri → Mon
        #expect(try next("0 9 * * 1#1", after: "2026-03-02 09:00") == "2026-04-06 09:00")  // the first Monday
        #expect(try next("30 8 * * 0#5,6#5", after: "2026-01-01 00:00") == "2026-01-31 08:30")  // a 5th Saturday
        #expect(try next("0 9 1 * *", after: "2026-01-31 12:00") == "2026-02-01 09:00")
        // Both day fields restricted: either matches (13th, or a Friday), as in Vixie cron.
        #expect(try next("0 9 13 * 5", after: "2026-03-06 10:00") == "2026-03-13 09:00")
        #expect(try next("0 9 13 * 5", after: "2026-03-13 10:00") == "2026-03-20 09:00")
        #expect(try next("0 0 29 2 *", after: "2026-03-01 00:00") == "2028-02-29 00:00")
        #expect(try next("0 0 30 2 *", after: "2026-03-01 00:00") == nil)
        #expect(try next("0 12 * * 7", after: "2026-03-02 00:00") == "2026-03-08 12:00")  // 7 is Sunday too
        // A time the clocks skip (New York, 2026-03-08 02:30) is not invented.
        let newYork = TimeZone(identifier: "America/New_York")!
        #expect(try next("30 2 * * *", after: "2026-03-07 03:00", zone: newYork) == "2026-03-09 02:30")
    }

    @Test func mistakesSayWhichFieldAndWhere() {
        func problem(_ cron: String) -> String {
            do {
                _ = try CronExpression(cron)
                return "no problem"
            } catch {
                return "\(error.offset) \(error.message)"
            }
        }
        #expect(problem("0 9 * *") == "0 a cron schedule has 5 fields (minute hour day-of-month month day-of-week), this one has 4")
        #expect(problem("0 25 * * *") == "2 '25' does not fit the hour field (0–23)")
        #expect(problem("0 9 * JANV *") == "6 'JANV' does not fit the month field (1–12 or JAN–DEC)")
        #expect(problem("0 9 * * 1#6") == "8 in '1#6', the number after '#' must be 1 to 5 (which such weekday of the month)")
        #expect(problem("*/0 9 * * *") == "0 the step in '*/0' (minute) must be a number from 1 to 59")
        #expect(problem("0 17-9 * * *") == "2 the range '17-9' (hour) runs backwards")
    }
}

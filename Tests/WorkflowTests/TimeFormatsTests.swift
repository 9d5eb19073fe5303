import Foundation
import Testing
import Workflow

@Suite struct TimeFormatsTests {
    @Test func displayMatchesFoundationAcrossCenturiesZonesAndLeapDays() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        var generator = SystemRandomNumberGenerator()
        for zoneName in ["Asia/Shanghai", "UTC", "America/New_York", "Asia/Kolkata"] {
            let zone = TimeZone(identifier: zoneName)!
            formatter.timeZone = zone
            var samples = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -1),
                           Date(timeIntervalSince1970: 951_782_400),  // 2000-02-29
                           Date(timeIntervalSince1970: 4_107_542_399)]  // 2100-02-28 23:59:59 UTC
            for _ in 0..<500 { samples.append(Date(timeIntervalSince1970: Double(Int64.random(in: -2_000_000_000...4_000_000_000, using: &generator)))) }
            for date in samples {
                #expect(TimeFormats.display(date, timeZone: zone, seconds: true) == formatter.string(from: date), "\(date) \(zoneName)")
            }
        }
    }

    @Test func durationsAndDateTimesAreRead() {
        #expect(TimeFormats.duration("1h30m") == .seconds(5400))
        #expect(TimeFormats.duration("500ms") == .milliseconds(500))
        #expect(TimeFormats.duration("30d") == .seconds(30 * 86400))
        #expect(TimeFormats.duration("soon") == nil)
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        #expect(TimeFormats.dateTime("2026-03-01 08:30", timeZone: zone)?.timeIntervalSince1970 == 1_772_325_000)
        #expect(TimeFormats.dateTime("2026-03-01T00:30:00Z", timeZone: zone)?.timeIntervalSince1970 == 1_772_325_000)
        #expect(TimeFormats.dateTime("2026-02-30", timeZone: zone) == nil)
    }
}

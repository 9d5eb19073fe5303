import Foundation
import Tables
import Workflow

extension SheetDate {
    /// The day `now` falls on in a campaign's time zone, as `yyyy-MM-dd`: the form sheets' dates are
    /// stored in, so a date read from a sheet and today compare as text.
    public static func day(of now: Date, in timeZone: TimeZone) -> String {
        String(TimeFormats.display(now, timeZone: timeZone).prefix(10))
    }
}

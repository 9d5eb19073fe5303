import CampaignTesting
import Foundation
import GRDB
import Ledger
import Testing
import Workflow

/// Numbers are read by what they mean, not by the keys pressed (#33): an ID number or a phone typed
/// with a zero-width space, a no-break space, an en dash, brackets, Arabic-Indic or mathematical
/// digits is the same number — it is matched as one, stored and worded masked as one.
@Suite struct TypedNumberTests {
    /// 341222197009160001 and 13800138000 as people have typed them.
    static let idForms = [
        "341222\u{200B}19700916\u{200B}0001",             // zero-width spaces
        "341222\u{00A0}19700916\u{00A0}0001",             // no-break spaces
        "341222–19700916–0001",                            // en dashes
        "(341222)19700916(0001)",                          // brackets
        "٣٤١٢٢٢١٩٧٠٠٩١٦٠٠٠١",                             // Arabic-Indic digits
        "𝟑𝟒𝟏𝟐𝟐𝟐𝟏𝟗𝟕𝟎𝟎𝟗𝟏𝟔𝟎𝟎𝟎𝟏",                             // mathematical bold digits
        "３４１２２２１９７００９１６０００１",                      // full-width
        "\u{FEFF}341222197009160001\u{200D}",              // a byte-order mark and a joiner
    ]
    static let phoneForms = ["138\u{200B}0013\u{200B}8000", "138\u{00A0}0013\u{00A0}8000", "138–0013–8000", "(138)00138000",
                             "١٣٨٠٠١٣٨٠٠٠", "𝟏𝟑𝟖𝟎𝟎𝟏𝟑𝟖𝟎𝟎𝟎", "+86 138 0013 8000"]

    @Test func everyFormOfANumberIsThatNumberAndIsMasked() throws {
        for form in Self.idForms {
            #expect(try ResidentID(form).value == "341222197009160001", "\(form.unicodeScalars.map { String($0.value, radix: 16) })")
            let scrubbed = Masking.scrub("身份证 \(form) 不在台账中")
            #expect(scrubbed.contains("341222********0001"), "\(scrubbed)")
            #expect(Self.longestDigitRun(scrubbed) < 7, "\(scrubbed)")
        }
        for form in Self.phoneForms {
            #expect(try PhoneNumber(form).value == "13800138000", "\(form)")
            let scrubbed = Masking.scrub("电话 \(form)")
            #expect(Self.longestDigitRun(scrubbed) < 7, "\(scrubbed)")
            #expect(scrubbed.contains(form.hasPrefix("+86") ? "861******8000" : "138****8000"), "\(scrubbed)")
        }
        // A number a digit short, typed oddly, is masked too; a run of seven never shows whole.
        #expect(Masking.scrub("1380\u{200B}013800") == "138****800")
        #expect(Masking.scrub("１３８\u{200B}００１３") == "13****3")
    }

    /// Eleven plain digits take a shortcut past the scalar walk: it must answer as the walk does, for
    /// every leading pair of digits (a mobile starts 13–19) — the walk reached through a leading space.
    @Test func plainElevenDigitsReadAsTheLongWayReadsThem() {
        for prefix in 0...99 {
            let plain = String(format: "%02d", prefix) + "012345678"
            let walked = Result { () throws(PhoneNumber.Problem) in try PhoneNumber(" " + plain).value }
            let short = Result { () throws(PhoneNumber.Problem) in try PhoneNumber(plain).value }
            #expect("\(walked)" == "\(short)", "\(plain)")
            #expect((try? short.get()) == (prefix >= 13 && prefix <= 19 ? plain : nil), "\(plain)")
        }
    }

    static func longestDigitRun(_ text: String) -> Int {
        var longest = 0, run = 0
        for scalar in text.unicodeScalars {
            if scalar.properties.numericType == .decimal { run += 1; longest = max(longest, run) } else { run = 0 }
        }
        return longest
    }
}

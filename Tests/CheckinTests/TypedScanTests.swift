import CampaignTesting
import Checkin
import Foundation
import GRDB
import Ledger
import Testing
import Workflow

/// A scan typed oddly (#33) — a zero-width space, an en dash, Arabic-Indic digits — finds its person
/// and is stored masked, however it was typed.
@Suite struct TypedScanTests {
    static let idForms = ["341222\u{200B}19700916\u{200B}0001", "341222\u{00A0}19700916\u{00A0}0001", "341222–19700916–0001",
                          "(341222)19700916(0001)", "٣٤١٢٢٢١٩٧٠٠٩١٦٠٠٠١", "𝟑𝟒𝟏𝟐𝟐𝟐𝟏𝟗𝟕𝟎𝟎𝟗𝟏𝟔𝟎𝟎𝟎𝟏",
                          "３４１２２２１９７００９１６０００１", "\u{FEFF}341222197009160001\u{200D}"]
    static let phoneForms = ["138\u{200B}0013\u{200B}8000", "138\u{00A0}0013\u{00A0}8000", "138–0013–8000", "(138)00138000",
                             "١٣٨٠٠١٣٨٠٠٠", "𝟏𝟑𝟖𝟎𝟎𝟏𝟑𝟖𝟎𝟎𝟎", "+86 138 0013 8000"]

    /// Whatever a gate typed is matched by meaning and stored masked: the ledger of scans and what the
    /// managers' list shows never hold seven digits in a row.
    @Test func aScanTypedOddlyFindsThePersonAndIsStoredMasked() async throws {
        let h = try await LedgerHarness()
        _ = try await h.importFile(.people, try h.file("people.csv", """
            姓名,身份证号,手机号
            万宏东,341222197009160001,13800138000
            """))
        let now = h.engine.clock.now()
        for (n, form) in (Self.idForms + Self.phoneForms + ["٣٤١٢٢٢١٩٧٠٠٩١٦٠٠٠٩", "１３８\u{200B}００１３"]).enumerated() {
            _ = try await h.pool.write { db in
                try Scans.scan(db, ScanRequest(campaign: "fair", input: form, gate: "north", nonce: "n\(n)"), now: now)
            }
        }
        let (inputs, reasons, accepted) = try await h.pool.read { db in
            (try String.fetchAll(db, sql: "SELECT input FROM scan"), try String.fetchAll(db, sql: "SELECT reason || coalesce(reason_message, '') FROM scan"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM scan WHERE result IN ('accepted', 'repeat')") ?? 0)
        }
        #expect(accepted == Self.idForms.count + Self.phoneForms.count)   // every form found the person
        for text in inputs + reasons {
            #expect(Self.longestDigitRun(text) < 7, "stored unmasked: \(text)")
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

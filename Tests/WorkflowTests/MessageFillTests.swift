import Foundation
import Testing
@testable import Workflow

/// The text helpers the check-in path was made faster with (#39) say exactly what the slower ones said:
/// a message's placeholders, JSON strings, masks and trimming.
@Suite struct MessageFillTests {
    static let repeated = MessageText("test.repeat", zh: "{time} 已在{gate}签到（{staff}）", en: "Checked in at {time} at {gate} by {staff}")
    static let gateWord = MessageText("test.gate", zh: "北门", en: "the north gate")
    static let nested = MessageText("test.nested", zh: "{what}：{value}", en: "{what}: {value}")

    /// A name of Chinese characters or Latin letters is masked scalar by scalar, as by characters.
    @Test func namesAreMaskedByCharacters() {
        #expect(Masking.name("张伟") == "张*")
        #expect(Masking.name("欧阳娜娜") == "欧阳**")
        #expect(Masking.name("王") == "王")
        #expect(Masking.name("Li Na") == "Li***")
        // Combining marks and emoji: by characters, as before.
        #expect(Masking.name("e\u{301}mile") == "e\u{301}m***")
        #expect(Masking.name("👨‍👩‍👧王") == "👨‍👩‍👧*")
    }

    /// A number as a scanner sends it takes the quick path; it must mask exactly as the scalar-by-scalar
    /// reading does, at every length (a code, a phone, an ID, one digit short or long) and with a final x.
    @Test func aScannedNumberIsMaskedAsTheScalarReadingMasksIt() {
        var generator = SystemRandomNumberGenerator()
        var inputs = ["0", "12", "123456", "1234567", "13800138000", "11010519491231002X", "11010519491231002x",
                      "1101051949123100", "110105194912310021234", "1X", "12x34", "007"]
        for _ in 0..<500 {
            let length = Int.random(in: 1...24, using: &generator)
            inputs.append(String((0..<length).map { index in
                index > 0 && Int.random(in: 0..<8, using: &generator) == 0 ? (Bool.random() ? "X" : "x")
                    : Character(String(Int.random(in: 0...9, using: &generator)))
            }))
        }
        for input in inputs {
            #expect(Masking.scrub(input) == Masking.scrubScalars(input), "\(input)")
        }
        #expect(Masking.scrub("11010519491231002x") == "110105********002X")
        #expect(Masking.scrub("13800138000") == "138****8000")
        // Not a bare number: the scalar reading as before (a letter first, a space inside).
        #expect(Masking.scrub("X13800138000") == "X138****8000")
        #expect(Masking.scrub("138 0013 8000") == "138****8000")
    }

    @Test func placeholdersAreFilledOnceAndValuesAreNotReadAgain() {
        let message = Message(Self.repeated, ["time": "09:05", "staff": "{gate}"], words: ["gate": Message(Self.gateWord)])
        #expect(message.text(.zh) == "09:05 已在北门签到（{gate}）")
        #expect(message.text(.en) == "Checked in at 09:05 at the north gate by {gate}")
        // A placeholder the part does not name stays as written; braces that name nothing pass through.
        #expect(Message(Self.nested, ["value": "{a}{b"]).text(.en) == "{what}: {a}{b")
        #expect(Message(Self.nested, ["what": "{", "value": "}"]).text(.zh) == "{：}")
        #expect(Message(Self.nested).text(.en) == "{what}: {value}")
    }

    @Test func aJSONStringReadsBackAsTheText() throws {
        for text in ["", "plain", "引号\"与\\反斜杠", "line\nbreak\r\ttab", "\u{01}\u{1F}control", "emoji 🚌 and 中文", "\u{7F}del"] {
            let literal = Message.jsonString(text)
            let decoded = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
            #expect(decoded == [text], "\(literal)")
        }
        #expect(Message.jsonString("a\u{01}\"") == #""a\u0001\"""#)
    }

    @Test func trimmingIsFoundationsWithoutNSString() {
        for text in ["", "   ", " a ", "\ta b\t", "\u{3000}全角\u{3000}", "\u{00A0}x\u{2003}", "x", "\n x \n", "a\u{200B}"] {
            #expect(TypedText.trimmed(text) == text.trimmingCharacters(in: .whitespaces), "\(text.unicodeScalars.map(\.value))")
        }
        let differing = (0..<0x3_0000).compactMap(Unicode.Scalar.init).filter {
            TypedText.isBlank($0) != CharacterSet.whitespaces.contains($0)
        }
        #expect(differing.isEmpty, "\(differing.map { String($0.value, radix: 16) })")
    }

    @Test func masksReadAsciiQuicklyAndTheSame() {
        #expect(Masking.idNumber("110105194912310021") == "110105********0021")
        #expect(Masking.idNumber("11010519491231002X") == "110105********002X")
        #expect(Masking.idNumber("123456789") == "*********")
        #expect(Masking.idNumber("１１０１０５１９４９１２３１００２１") == "１１０１０５********００２１")
        #expect(Masking.phone("13800138000") == "138****8000")
        #expect(Masking.phone("1380013800") == "138****800")
        #expect(Masking.phone("1380013") == "13****3")
        #expect(Masking.phone("12\r\n34567") == Masking.phone("12\r\n34567".map(String.init).joined()))
        #expect(Masking.scrub("电话 138-0013-8000，身份证 11010519491231002x。") == "电话 138****8000，身份证 110105********002X。")
    }
}

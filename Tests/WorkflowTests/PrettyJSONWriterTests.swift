import Foundation
import Testing
import Workflow
import WorkflowTesting

/// `PrettyJSONWriter` writes what `JSONEncoder` writes with the options the tally's JSON uses, byte
/// for byte: the tally's JSON is an interface other systems read, and its text must not move when
/// the writer changed.
@Suite struct PrettyJSONWriterTests {
    static func encoder(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func writer(_ value: Value) throws -> String {
        String(decoding: try PrettyJSONWriter.data(value), as: UTF8.self)
    }

    @Test func theEdgesAreWrittenAsTheEncoderWritesThem() throws {
        let doubles: [Double] = [0, -0.0, 3, -3, 0.1, 0.612, 0.0001, 0.00012, 2.5e-5, 1e-7, .leastNonzeroMagnitude, 123456789.125, 1e15, 1e16,
                                 999_999_999_999_999, 1.2345678901234568e17, 1.5e300, -1e15, 0.3333, 12.5, 100.0]
        let document = Value.object([
            "empty_list": .array([]), "empty_mapping": .object([:]),
            "nested": .array([.object(["": .array([.array([]), .object([:])])]), .null, .bool(true), .bool(false)]),
            "ints": .array([.int(Int.min), .int(Int.max), .int(0), .int(-1)]),
            "doubles": .array(doubles.map(Value.double)),
            "text": .string("引号\" 反斜杠\\ 斜杠/ \u{0}\u{1}\u{1b}\u{1f}\u{7f}\n\t\r\u{8}\u{c} \u{2028} 😀 e\u{301} \u{e9}"),
            "a10": .int(1), "a9": .int(2), "B": .int(3), "_": .int(4), "e\u{301}x": .int(5), "\u{e9}a": .int(6), "中": .int(7),
        ])
        #expect(try Self.writer(document) == Self.encoder(document))
        for scalar in [Value.null, .int(5), .double(0.25), .string("x"), .array([]), .object([:])] {
            #expect(try Self.writer(scalar) == Self.encoder(scalar), "\(scalar)")
        }
    }

    /// Two thousand random documents — mappings and lists to five levels, every kind of value, keys and
    /// text drawn from ASCII, Chinese, control characters and combining marks — written the same.
    @Test func randomDocumentsAreWrittenAsTheEncoderWritesThem() throws {
        var random = Random(seed: 20261207)
        for round in 0..<2_000 {
            let document = random.value(depth: 0)
            let ours = try Self.writer(document), theirs = try Self.encoder(document)
            #expect(ours == theirs, "round \(round)")
            if ours != theirs { break }
        }
    }

    /// Rates as the tally writes them (four decimals) and numbers of every size: the same digits.
    @Test func numbersAreWrittenAsTheEncoderWritesThem() throws {
        var random = Random(seed: 7)
        var numbers: [Value] = []
        for _ in 0..<20_000 {
            let unit = Double(random.next() % 1_000_000_007) / 1_000_000_007
            numbers.append(.double((unit * 10_000).rounded() / 10_000))
            numbers.append(.double(unit * pow(10, Double(Int(random.next() % 40)) - 20) * (random.next() % 2 == 0 ? 1 : -1)))
            numbers.append(.double(Double(Int64(bitPattern: random.next()) >> Int64(random.next() % 60))))
        }
        #expect(try Self.writer(.array(numbers)) == Self.encoder(.array(numbers)))
    }

    /// Not a number is refused as the encoder refuses it, not written as text no reader takes.
    @Test func notANumberIsRefused() {
        for number in [Double.nan, .infinity, -.infinity] {
            #expect(throws: EncodingError.self) { try PrettyJSONWriter.data(.array([.double(number)])) }
        }
    }

    /// Random documents drawn from a seeded generator, so a failing one can be made again.
    struct Random {
        var generator: SplitMix64
        init(seed: UInt64) { generator = SplitMix64(seed: seed) }

        mutating func next() -> UInt64 { generator.next() }

        mutating func text() -> String {
            let pieces = ["a", "Z", "_", "9", "10", "镇", "村", "\"", "\\", "/", "\n", "\u{1}", "\u{1f}", "\u{7f}", "e\u{301}",
                          "\u{e9}", "😀", " ", "\t", "\u{2028}", "key"]
            return (0..<Int(next() % 6)).map { _ in pieces[Int(next() % UInt64(pieces.count))] }.joined()
        }

        mutating func value(depth: Int) -> Value {
            switch next() % (depth >= 5 ? 5 : 7) {
            case 0: return .null
            case 1: return .bool(next() % 2 == 0)
            case 2: return .int(Int(Int64(bitPattern: next()) >> Int64(next() % 63)))
            case 3: return .double((Double(next() % 100_000) / 10_000).rounded(.down) + Double(next() % 10_000) / 10_000)
            case 4: return .string(text())
            case 5: return .array((0..<Int(next() % 5)).map { _ in value(depth: depth + 1) })
            default:
                var members: [String: Value] = [:]
                for _ in 0..<Int(next() % 6) { members[text()] = value(depth: depth + 1) }
                return .object(members)
            }
        }
    }
}

import Foundation
import Hummingbird
import Ledger
import Workflow

/// The JSON bodies of the check-in API. Keys are stable: phones and scripts depend on them.
/// The code read from a camera frame, or null (written out, so a page can test for it).
struct FrameReply: ResponseEncodable {
    var code: String?

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
    }

    enum CodingKeys: String, CodingKey { case code }
}

struct CheckinBody: Decodable, Equatable {
    var input: String
    /// The checkpoint scanned at, when not the one `serve` was started for (a bus campaign's four doors).
    var checkpoint: String?
    var gate: String?
    var nonce: String?
    var device: String?
    var client_time: Date?
    /// Milliseconds the page kept the scan before this request, by the phone's own clock.
    var kept_ms: Double?
}

struct ScanReply: ResponseGenerator, Encodable {
    var result: String
    /// In the language asked for (`?lang=en`, else `Accept-Language`, else Chinese).
    var reason: String
    /// Both wordings, so a page can switch language without asking again.
    var reason_zh: String
    var reason_en: String
    var name: String?
    var id_number: String?
    var groups: [String]
    var replayed: Bool

    init(_ answer: ScanAnswer, in language: Language) {
        result = answer.result.rawValue
        reason_zh = answer.message.text(.zh)
        reason_en = answer.message.text(.en)
        reason = language == .zh ? reason_zh : reason_en
        name = answer.maskedName
        id_number = answer.maskedID
        groups = answer.groups
        replayed = answer.replayed
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let buffer = json()
        var headers = HTTPFields()
        headers.reserveCapacity(4)   // and the server's date and name, added later
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.contentLength] = String(buffer.readableBytes)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: buffer))
    }

    /// The answer written out by hand, keys in the order declared: the one reply every scan waits for,
    /// where JSONEncoder's generic walk cost more than the scan's own look-ups. Written straight into
    /// the response's buffer, no string made on the way (#39).
    func json() -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(256 + reason.utf8.count * 3)
        func write(_ key: String, _ text: String?, first: Bool = false) {
            buffer.writeString(first ? "{\"" : ",\"")
            buffer.writeString(key)
            buffer.writeString("\":")
            if let text { Self.writeJSONString(text, to: &buffer) } else { buffer.writeString("null") }
        }
        write("result", result, first: true)
        write("reason", reason)
        write("reason_zh", reason_zh)
        write("reason_en", reason_en)
        write("name", name)
        write("id_number", id_number)
        buffer.writeString(",\"groups\":[")
        for (index, group) in groups.enumerated() {
            if index > 0 { buffer.writeString(",") }
            Self.writeJSONString(group, to: &buffer)
        }
        buffer.writeString(replayed ? "],\"replayed\":true}" : "],\"replayed\":false}")
        return buffer
    }
}


extension ScanReply {
    /// A JSON string literal into the buffer: the text as it is when nothing in it needs escaping (the
    /// answer's words nearly always), else `Message.jsonString`'s escaped form.
    static func writeJSONString(_ text: String, to buffer: inout ByteBuffer) {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            buffer.writeInteger(UInt8(ascii: "\""))
            buffer.writeString(text)
            buffer.writeInteger(UInt8(ascii: "\""))
        } else {
            buffer.writeString(Message.jsonString(text))
        }
    }
}

struct CountsReply: ResponseEncodable {
    var campaign: String
    var checkpoint: String
    var attended: Int
    var by_gate: [String: Int]
}

struct Candidate: ResponseEncodable {
    var name: String
    var id_number: String
    var phone: String
    var code: String
}

struct CorrectionBody: Decodable {
    var code: String
    var phone: String?
    var township: String?
    var village: String?
}

struct CorrectionReply: ResponseEncodable {
    var name: String
    /// What changed, masked (`phone 138****8000 → 139****0000`); empty when nothing differed.
    var changed: [String]
}

struct MeReply: ResponseEncodable {
    var name: String
    var role: String
    var campaign: String
    var checkpoint: String
    /// Every checkpoint of the campaign the page may scan at, the server's own among them.
    var checkpoints: [String]
    var gates: [String]
    /// The names people read for the gates (`gate_names:`), by gate.
    var gate_names: [String: String]
    /// The campaign's kind (`job-fair`, `bus-transport`, `livestream`, `other`): the page shows the
    /// panels that apply to it.
    var kind: String
    /// The enterprise a booth account belongs to (it records outcomes for its postings only), or nil.
    var enterprise: String?
    /// The bus an escort's account rides with (it scans at that door only), or nil.
    var vehicle: String?
}

struct ScanRow: ResponseEncodable {
    var at: String
    var gate: String
    var staff: String
    var method: String
    var input: String
    var name: String?
    var id_number: String?
    var result: String
    var reason: String
}

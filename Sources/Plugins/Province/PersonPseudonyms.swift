import Crypto
import Foundation

/// Each person of a campaign as the province may know them: HMAC-SHA256 of their ID number under the
/// province's key (so the same person has the same pseudonym in every county, and nobody without the
/// key can tell who it is — an ID number alone is a guessable space, a keyed hash is not), and a bit
/// per people measure they reached. Packed as 32 bytes of pseudonym and 4 of reach per person, in
/// ledger order, so equal facts give equal bytes.
public enum PersonPseudonyms {
    /// The province's key from its file: its bytes, surrounding white space trimmed; at least 16.
    public static func key(fromFile path: String) -> Data? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let trimmed = Data(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).utf8)
        return trimmed.count >= 16 ? trimmed : nil
    }

    static func encode(_ reaches: (measures: [String], people: [Int64], reached: [UInt32]), idNumbers: [String?],
                       key: Data) -> Data {
        let key = SymmetricKey(data: key)
        var data = Data(capacity: reaches.people.count * 36)
        for (person, reached) in zip(reaches.people, reaches.reached) {
            guard person >= 0, Int(person) < idNumbers.count, let number = idNumbers[Int(person)] else { continue }
            data.append(contentsOf: HMAC<SHA256>.authenticationCode(for: Data(number.uppercased().utf8), using: key))
            withUnsafeBytes(of: reached.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    /// The pseudonyms as hex, with their reach.
    static func decode(_ data: Data) -> [(pseudonym: String, reached: UInt32)] {
        let bytes = [UInt8](data)
        let digits = Array("0123456789abcdef".utf8)
        return stride(from: 0, to: bytes.count - bytes.count % 36, by: 36).map { start in
            var hex = [UInt8]()
            hex.reserveCapacity(64)
            for byte in bytes[start..<start + 32] {
                hex.append(digits[Int(byte >> 4)])
                hex.append(digits[Int(byte & 0x0F)])
            }
            let reached = UInt32(bytes[start + 32]) | UInt32(bytes[start + 33]) << 8 | UInt32(bytes[start + 34]) << 16
                | UInt32(bytes[start + 35]) << 24
            return (String(decoding: hex, as: UTF8.self), reached)
        }
    }
}

import Foundation
import GRDB

/// The promises of the routes a staff phone's bytes reach (#33), checked after each fuzzed request:
/// never a 500, a refusal always carries its error code, a staff token never changes what the ledger
/// says of someone already in it nor learns their number or badge code, and a photo or frame leaves
/// no descriptor behind.
extension ServerProbe {
    /// `POST /api/register` with the bytes as its JSON body.
    func checkRegister(_ bytes: [UInt8]) -> [String] {
        let before = knownAsStored()
        let (status, body) = send(.post, "/api/register", body: bytes, contentType: "application/json")
        var problems = answerProblems("POST /api/register", status, body, allowed: [200, 201, 400, 403, 409, 413, 415, 422])
        let after = knownAsStored()
        if after != before { problems.append("a staff token changed the person already registered: \(before) → \(after)") }
        for secret in [known.idNumber, known.phone, knownBadge] where body.contains(secret) {
            problems.append("the answer reveals the registered person's \(secret == knownBadge ? "badge code" : "number"): \(body.prefix(300))")
        }
        if let garbled = try? harness.pool.read({ db in try String.fetchAll(db, sql: Self.garbledPeople) }), !garbled.isEmpty {
            problems.append("people stored with unreadable or control characters: \(garbled.prefix(3))")
        }
        return problems
    }

    /// `POST /api/checkin/photo` or `/api/scan/frame` (by the first byte) with the bytes as the image.
    func checkPhoto(_ bytes: [UInt8]) -> [String] {
        let route = (bytes.first ?? 0) & 1 == 0 ? "checkin/photo" : "scan/frame"
        let (status, body) = send(.post, "/api/\(route)?gate=north&nonce=\(nextNonce())", body: bytes, contentType: "image/jpeg")
        var problems = answerProblems("POST /api/\(route)", status, body, allowed: [200, 400, 413, 415, 422, 503])
        photoAnswers[status, default: 0] += 1
        guard countsDescriptors else { return problems }
        let open = Self.openDescriptors()
        if let baseline = photoBaseline.value, open > baseline + 32 {
            problems.append("descriptors grew from \(baseline) to \(open) over the photos")
        } else if photoBaseline.value == nil {
            photoBaseline.value = open
        }
        return problems
    }

    private func answerProblems(_ route: String, _ status: Int, _ body: String, allowed: Set<Int>) -> [String] {
        var problems: [String] = []
        if !allowed.contains(status) { problems.append("\(route) answered \(status): \(body.prefix(300))") }
        if status >= 400, !body.contains("\"code\"") { problems.append("\(route) refused (\(status)) without an error code: \(body.prefix(300))") }
        return problems
    }

    /// This process's open descriptors (Linux), -1 elsewhere.
    static func openDescriptors() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? -1
    }

    static let garbledPeople = """
        SELECT name FROM person
        WHERE instr(name, char(65533)) > 0 OR name GLOB '*[' || char(1) || '-' || char(31) || ']*' OR instr(name, char(0)) > 0
        """
}

/// A value the probe keeps between inputs.
public final class ProbeValue<T>: @unchecked Sendable {
    public var value: T?
}

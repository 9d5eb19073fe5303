import BuiltinPlugins
import CampaignServer
import CampaignTesting
import Foundation
import GRDB
import Hummingbird
import HummingbirdCore
import Ledger
import Logging
import NIOCore
import NIOEmbedded
import PluginKit
import Workflow

/// The staff API in-process, for the routes strangers' bytes reach with a staff token: a campaign
/// `fair` checking in at north and south, one person already in the ledger, a staff and a manager
/// account, and the server's own router (its sign-in, its error middleware) answering each request
/// without a socket — the same code `serve` runs, thousands of requests a second.
public final class ServerProbe: @unchecked Sendable {
    let harness: LedgerHarness
    let responder: any HTTPResponder<CampaignRequestContext>
    let staffToken: String
    /// Someone registered before: no staff request may change what the ledger says of them.
    let known = (name: "吕林建", idNumber: "522426196601010017", phone: "18991077985", township: "城关镇")
    let knownBadge: String
    private var serial = 0
    /// The descriptors open after the first photo: what later ones may not add to.
    public let photoBaseline = ProbeValue<Int>()
    /// Whether the process's descriptors are the probe's to count (see `FuzzLab.ownsProcess`).
    let countsDescriptors: Bool
    /// Photos and frames answered, by status: a run whose every photo was refused at the door
    /// never reached the decoder.
    public internal(set) var photoAnswers: [Int: Int] = [:]

    init(countsDescriptors: Bool) throws {
        self.countsDescriptors = countsDescriptors
        let (harness, staffToken, badge) = try Self.blocking {
            let harness = try await LedgerHarness()
            let people = try harness.file("people.csv", "姓名,身份证号,手机号,乡镇,人员类别\n吕林建,522426196601010017,18991077985,城关镇,脱贫人口\n")
            _ = try await harness.importFile(.people, people)
            let now = Date()
            let (token, badge) = try await harness.pool.write { db in
                let token = try StaffAccounts.add(db, name: "丙", role: .staff, now: now)
                let id = try Int64.fetchOne(db, sql: "SELECT id FROM person WHERE id_number = '522426196601010017'") ?? 0
                return (token, try Registrations.badgeCode(db, for: "fair").encode(id))
            }
            return (harness, token, badge)
        }
        self.harness = harness
        self.staffToken = staffToken
        knownBadge = badge
        let server = StaffServer(environment: ServerEnvironment(workspace: harness.engine.workspace, campaign: "fair",
                                                                checkpoint: "gate", clock: harness.engine.clock,
                                                                plugins: BuiltinPlugins.all))
        responder = server.router().buildResponder()
    }

    /// One request through the router; its status and body (a thrown error is 500, as the server would answer).
    func send(_ method: HTTPRequest.Method, _ path: String, body: [UInt8], contentType: String) -> (status: Int, body: String) {
        serial += 1
        let request = Request(head: HTTPRequest(method: method, scheme: "http", authority: "fair", path: path,
                                                headerFields: [.authorization: "Bearer \(staffToken)", .contentType: contentType,
                                                               .contentLength: "\(body.count)"]),
                              body: RequestBody(buffer: ByteBuffer(bytes: body)))
        let responder = self.responder
        return (try? Self.blocking {
            let context = CampaignRequestContext(source: .init(channel: EmbeddedChannel(), logger: Logger(label: "fuzz")))
            let response = (try? await responder.respond(to: request, context: context)) ?? Response(status: .internalServerError)
            let writer = CollectingWriter()
            try await response.body.write(writer)
            return (Int(response.status.code), String(decoding: writer.collected.bytes.readableBytesView, as: UTF8.self))
        }) ?? (500, "")
    }

    /// What the ledger says of the known person now.
    public func knownAsStored() -> [String] {
        (try? harness.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT name, phone, township, groups FROM person WHERE id_number = ?",
                             arguments: [known.idNumber]).map { row in
                [row["name"] as String? ?? "", row["phone"] as String? ?? "", row["township"] as String? ?? "",
                 "\(row["groups"] as Int64? ?? -1)"]
            }
        }) ?? nil ?? []
    }

    func nextNonce() -> String { "fuzz-\(serial)" }

    /// Runs async work to its end from the fuzzer's synchronous callback. The work runs on a thread of
    /// its own (`ProbeExecutor`), not Swift's cooperative pool: the caller may itself be one of the pool's
    /// few threads (a test), blocked here until the answer comes.
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox<T>()
        Task(executorPreference: ProbeExecutor.shared) {
            do { box.result = .success(try await work()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }

    /// A serial dispatch queue as the probe's task executor.
    final class ProbeExecutor: TaskExecutor, @unchecked Sendable {
        static let shared = ProbeExecutor()
        private let queue = DispatchQueue(label: "campaign-fuzz.server-probe")

        func enqueue(_ job: consuming ExecutorJob) {
            let job = UnownedJob(job)
            queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
        }
    }

    private final class ResultBox<T>: @unchecked Sendable {
        var result: Result<T, any Error>?
    }

    /// The answer's body, gathered (the writer is passed by value; what it writes lands in the shared box).
    struct CollectingWriter: ResponseBodyWriter {
        final class Box: @unchecked Sendable { var bytes = ByteBuffer() }
        let collected = Box()
        func write(_ buffer: ByteBuffer) async throws {
            var buffer = buffer
            collected.bytes.writeBuffer(&buffer)
        }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}

import Foundation
import GRDB
import Workflow

/// Keeps WAL checkpoints off the check-in path. By default SQLite copies the write-ahead log back
/// into the database inside the commit that crosses 1,000 pages — so one scan in a few hundred
/// waits for that copy, and the p99 latency is that wait. The server turns that off for its
/// writer and checkpoints from this separate connection instead, a few times a second, in
/// PASSIVE mode: it copies what no reader still needs and never blocks a writer.
final class BackgroundCheckpointer: @unchecked Sendable {
    private let connection: DatabaseQueue
    private let workspace: Workspace
    let interval: Duration
    private let lock = NSLock()
    private var caughtUpWaiters: [CheckedContinuation<Void, Never>] = []

    init(workspace: Workspace, interval: Duration = .milliseconds(250)) throws {
        connection = try DatabaseQueue(path: workspace.path)
        self.workspace = workspace
        self.interval = interval
    }

    /// Turns automatic checkpoints off for the workspace's writer connection (this process only).
    static func disableAutomaticCheckpoints(_ workspace: Workspace) async throws {
        try await workspace.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
    }

    /// Checkpoints until cancelled; a checkpoint another process holds (SQLITE_BUSY) is simply skipped.
    func run() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            var result = try? await connection.writeWithoutTransaction { db in try db.checkpoint(.passive) }
            if let copied = result, copied.checkpointedFrameCount < copied.walFrameCount {
                result = try? await workspace.pool.writeWithoutTransaction { db in try db.checkpoint(.passive) }
            }
            if let result, result.checkpointedFrameCount == result.walFrameCount {
                for waiter in lock.withLock({ defer { caughtUpWaiters = [] }; return caughtUpWaiters }) { waiter.resume() }
            }
        }
    }

    /// Returns after the next checkpoint that copied the whole log back into the database: the
    /// writer then starts the log over. (Tests wait on it rather than on a guessed delay.)
    func caughtUp() async {
        await withCheckedContinuation { continuation in
            lock.withLock { caughtUpWaiters.append(continuation) }
        }
    }
}

import Foundation
import GRDB
import Synchronization
import Workflow

/// Group commit for check-ins: scans wait in a queue, and whenever the workspace's writer is free it
/// takes every scan waiting at that moment and writes them in one transaction, each in its own savepoint
/// (one failing scan cannot undo another). A lone scan is written at once; under a morning rush the
/// scans that arrive while one batch is written form the next, which is already queued behind it on the
/// writer — the writer never waits for a batch to be gathered, and no scan waits for a timer.
/// (#39: an actor that gathered a batch, then handed it to the writer, then gathered again left the
/// writer idle a third of the time and the server's cores a quarter idle at 64 connections.)
final class ScanBatcher: Sendable {
    let workspace: Workspace
    let clock: any WorkflowClock
    static let maxBatch = 256

    private struct Waiting {
        var scans: [(request: ScanRequest, continuation: CheckedContinuation<ScanAnswer, any Error>)] = []
        /// A write is queued on the writer that will take the waiting scans when it runs.
        var writeQueued = false
    }
    private let waiting = Mutex(Waiting())

    init(workspace: Workspace, clock: any WorkflowClock) {
        self.workspace = workspace
        self.clock = clock
    }

    func scan(_ request: ScanRequest) async throws -> ScanAnswer {
        try await withCheckedThrowingContinuation { continuation in
            let queueWrite = waiting.withLock { waiting in
                waiting.scans.append((request, continuation))
                defer { waiting.writeQueued = true }
                return !waiting.writeQueued
            }
            if queueWrite { queueBatch() }
        }
    }

    /// Queues one write on the workspace's writer; when it runs it takes the scans waiting then.
    private func queueBatch() {
        workspace.pool.asyncWriteWithoutTransaction { [self] db in
            let (batch, more) = waiting.withLock { waiting in
                let batch = Array(waiting.scans.prefix(Self.maxBatch))
                waiting.scans.removeFirst(batch.count)
                // More than a batch waiting: the next write is queued now, behind this one (and later
                // scans join it); else the next scan to arrive queues one.
                waiting.writeQueued = !waiting.scans.isEmpty
                return (batch, waiting.writeQueued)
            }
            if more { queueBatch() }
            write(db, batch)
        }
    }

    private func write(_ db: Database,
                       _ batch: [(request: ScanRequest, continuation: CheckedContinuation<ScanAnswer, any Error>)]) {
        guard !batch.isEmpty else { return }
        let now = clock.now()
        var results: [Result<ScanAnswer, any Error>] = []
        do {
            try db.inTransaction {
                results = Scans.scan(db, batch.map(\.request), now: now)
                return .commit
            }
            for (item, result) in zip(batch, results) { item.continuation.resume(with: result) }
        } catch {
            for item in batch { item.continuation.resume(throwing: error) }
        }
    }
}


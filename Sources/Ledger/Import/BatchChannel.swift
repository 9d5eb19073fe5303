import Foundation

/// A bounded hand-over between the reader thread and the writer: the reader blocks when the
/// writer is behind, so memory stays at a few batches whatever the file size.
final class BatchChannel<Record: Sendable>: @unchecked Sendable {
    typealias Batch = Result<[ImportRunner.ParsedRow<Record>], any Error>
    private let condition = NSCondition()
    private var queue: [Batch] = []
    private var closed = false
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// False when the consumer gave up (the import failed): the producer stops.
    func put(_ batch: Batch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        queue.append(batch)
        condition.broadcast()
        return true
    }

    func take() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !closed { condition.wait() }
        guard !queue.isEmpty else { return nil }
        let batch = queue.removeFirst()
        condition.broadcast()
        return batch
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        cancelled = true
        closed = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}

import Foundation

/// How far the reader thread is through the file, for the progress bar: sheets read so far and
/// the part of the current one.
final class ProgressGauge: @unchecked Sendable {
    let total: Int
    private let lock = NSLock()
    private var value = 0

    init(total: Int) {
        self.total = total
    }

    var done: Int { lock.withLock { value } }

    /// `bytesRead` is the reader's own progress over the whole file's size.
    func update(sheet: Int, of sheets: Int, bytesRead: Int) {
        let share = sheets > 1 ? (sheet * total + bytesRead) / sheets : bytesRead
        lock.withLock { value = min(total, share) }
    }
}

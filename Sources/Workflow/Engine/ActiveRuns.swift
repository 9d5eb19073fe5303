import Foundation

/// The runs this process is driving right now. The workspace records one owner process per run,
/// which keeps two processes apart; this keeps two drives of one process apart — `campaign serve`
/// runs the daemon and answers the run page's signals side by side.
final class ActiveRuns: @unchecked Sendable {
    static let shared = ActiveRuns()
    private let lock = NSLock()
    private var driving = Set<String>()

    /// False when the run is already being driven by this process.
    func enter(_ key: String) -> Bool { lock.withLock { driving.insert(key).inserted } }

    func leave(_ key: String) { _ = lock.withLock { driving.remove(key) } }
}

/// The run is being driven by someone else right now; `error` says by whom.
struct RunBusy: Error {
    let error: WorkflowError
}

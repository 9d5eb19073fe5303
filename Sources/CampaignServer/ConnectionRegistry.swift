import Foundation
import NIOCore

/// The server's open connections by client address, for `ServerLimits.connectionsPerAddress`:
/// which of an address's connections are idle (between requests, or still waiting for a header)
/// and since when, so the longest-idle one can make room for a new one.
final class ConnectionRegistry: @unchecked Sendable {
    private struct Entry {
        let channel: any Channel
        var busy = false
        var idleSince: NIODeadline
    }

    private let lock = NSLock()
    private var byAddress: [String: [ObjectIdentifier: Entry]] = [:]
    /// Connections open now, and the most open at once since the last flood passed (`floodPassed`).
    private var openCount = 0
    private var peak = 0
    let perAddress: Int

    init(perAddress: Int) {
        self.perAddress = perAddress
    }

    enum Admission {
        case admitted
        /// Admitted after closing this idle connection of the same address.
        case admittedClosing(any Channel)
        /// Every connection of this address is busy: the new one must go.
        case refused
    }

    func open(_ channel: any Channel, address: String) -> Admission {
        lock.withLock {
            var entries = byAddress[address, default: [:]]
            var admission = Admission.admitted
            if entries.count >= perAddress {
                guard let oldest = entries.filter({ !$0.value.busy }).min(by: { $0.value.idleSince < $1.value.idleSince })
                else { return .refused }
                entries[oldest.key] = nil
                admission = .admittedClosing(oldest.value.channel)
            }
            if entries[ObjectIdentifier(channel)] == nil { openCount += 1 }
            entries[ObjectIdentifier(channel)] = Entry(channel: channel, idleSince: .now())
            byAddress[address] = entries
            if case .admittedClosing = admission { openCount -= 1 }
            peak = max(peak, openCount)
            return admission
        }
    }

    func setBusy(_ channel: any Channel, address: String, _ busy: Bool) {
        lock.withLock {
            let id = ObjectIdentifier(channel)
            guard byAddress[address]?[id] != nil else { return }
            byAddress[address]?[id]?.busy = busy
            if !busy { byAddress[address]?[id]?.idleSince = .now() }
        }
    }

    func close(_ channel: any Channel, address: String) {
        lock.withLock {
            if byAddress[address]?.removeValue(forKey: ObjectIdentifier(channel)) != nil { openCount -= 1 }
            if byAddress[address]?.isEmpty == true { byAddress[address] = nil }
        }
    }

    /// Whether at least `size` connections were open at once and no more than a quarter of them are
    /// now; the peak then starts over from what is open.
    func floodPassed(size: Int) -> Bool {
        lock.withLock {
            guard peak >= size, openCount * 4 <= peak else { return false }
            peak = openCount
            return true
        }
    }

    /// Connections open now, from every address.
    var total: Int { lock.withLock { openCount } }

    /// Open connections of one address (for tests and the log).
    func count(_ address: String) -> Int {
        lock.withLock { byAddress[address]?.count ?? 0 }
    }
}

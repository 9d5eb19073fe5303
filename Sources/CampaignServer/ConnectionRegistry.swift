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
            entries[ObjectIdentifier(channel)] = Entry(channel: channel, idleSince: .now())
            byAddress[address] = entries
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
            byAddress[address]?[ObjectIdentifier(channel)] = nil
            if byAddress[address]?.isEmpty == true { byAddress[address] = nil }
        }
    }

    /// Open connections of one address (for tests and the log).
    func count(_ address: String) -> Int {
        lock.withLock { byAddress[address]?.count ?? 0 }
    }
}

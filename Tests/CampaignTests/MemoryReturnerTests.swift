@testable import CampaignServer
import NIOCore
import NIOEmbedded
import Testing

/// After a connection flood `serve` hands the freed memory back (#33): the registry knows when a flood
/// has passed — at least `size` connections at once, then no more than a quarter of them — and says so
/// once per flood; the C library's trim is found where the server runs.
@Suite struct MemoryReturnerTests {
    static func connection(_ registry: ConnectionRegistry, from address: String) -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        #expect({ if case .admitted = registry.open(channel, address: address) { true } else { false } }())
        return channel
    }

    @Test func aFloodIsSeenToPassOnceItsConnectionsAreMostlyGone() {
        let registry = ConnectionRegistry(perAddress: 100)
        let flood = (0..<300).map { n in (Self.connection(registry, from: "192.168.1.\(n / 100)"), "192.168.1.\(n / 100)") }
        #expect(registry.total == 300)
        #expect(!registry.floodPassed(size: 256), "still open")
        for (channel, address) in flood.prefix(220) { registry.close(channel, address: address) }
        #expect(registry.total == 80)
        #expect(!registry.floodPassed(size: 256), "80 of 300 is more than a quarter")
        for (channel, address) in flood.dropFirst(220).prefix(5) { registry.close(channel, address: address) }
        #expect(registry.floodPassed(size: 256), "75 of 300: the flood has passed")
        #expect(!registry.floodPassed(size: 256), "said once: the peak starts over from what is open")
    }

    @Test func anEvictedIdleConnectionIsCountedOnce() {
        let registry = ConnectionRegistry(perAddress: 2)
        let first = Self.connection(registry, from: "10.0.0.9")
        _ = Self.connection(registry, from: "10.0.0.9")
        let third = EmbeddedChannel()
        guard case .admittedClosing(let evicted) = registry.open(third, address: "10.0.0.9") else {
            Issue.record("the longest-idle connection should make room")
            return
        }
        #expect(evicted === first)
        #expect(registry.total == 2)
        registry.close(first, address: "10.0.0.9")  // its close, arriving later, changes nothing
        #expect(registry.total == 2)
    }

    @Test func aSmallCrowdIsNoFlood() {
        let registry = ConnectionRegistry(perAddress: 256)
        let crowd = (0..<40).map { _ in Self.connection(registry, from: "192.168.1.7") }
        for channel in crowd { registry.close(channel, address: "192.168.1.7") }
        #expect(!registry.floodPassed(size: 256))
    }

    #if os(Linux)
    @Test func theTrimIsFoundOnLinux() {
        #expect(MemoryReturner.returnFreePages())
    }
    #endif
}

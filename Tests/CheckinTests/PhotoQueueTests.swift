import Foundation
import Testing
@testable import Checkin

/// Photos wait their turn in a bounded line (#33): at most `running` decodes at once and `waiting` in
/// line; the next is refused at once ("busy, try again"), never queued without end, and every slot
/// passes on when its decode ends — however it ends.
@Suite struct PhotoQueueTests {
    /// A decode that holds its slot until it is let go.
    final class Gate: @unchecked Sendable {
        private let lock = NSLock()
        private var open = false
        func release() { lock.withLock { open = true } }
        var isOpen: Bool { lock.withLock { open } }
    }

    @Test func aFullLineIsRefusedAtOnceAndSlotsPassOn() async throws {
        let queue = PhotoQueue(running: 1, waiting: 1)
        let gate = Gate()
        let first = Task {
            try await queue.run { () async throws -> Int in
                while !gate.isOpen { await Task.yield() }
                return 1
            }
        }
        while await queue.load.running < 1 { await Task.yield() }
        let second = Task { try await queue.run { 2 } }
        while await queue.load.waiting < 1 { await Task.yield() }
        await #expect(throws: PhotoDecoder.Failure.busy) { try await queue.run { 3 } }
        gate.release()
        #expect(try await first.value == 1)
        #expect(try await second.value == 2)
        // A decode that fails gives its slot back too.
        struct Broken: Error {}
        await #expect(throws: Broken.self) { try await queue.run { () throws -> Int in throw Broken() } }
        let load = await queue.load
        #expect(load.running == 0 && load.waiting == 0)
        #expect(try await queue.run { 4 } == 4)
    }
}

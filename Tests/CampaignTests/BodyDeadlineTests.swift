@testable import CampaignServer
import HTTPTypes
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
import Testing

/// A body sent slowly with a valid token no longer holds a connection for good: `ConnectionGuard`
/// closes it when the client pauses past `bodyStallTimeout` or has taken `bodyTimeout` of the
/// server's waiting in all — and counts only the time the server was asking for bytes, so a route
/// that holds reading back (a photo waiting for the decoder) costs the phone nothing. Driven on an
/// embedded event loop whose clock the test moves: no sleeping.
@Suite struct BodyDeadlineTests {
    static let limits: ServerLimits = {
        var limits = ServerLimits()
        limits.headerTimeout = .seconds(10)
        limits.bodyStallTimeout = .seconds(15)
        limits.bodyTimeout = .seconds(120)
        return limits
    }()

    /// A connection with the guard, its header in and the server asking for the body.
    static func connectionMidBody() throws -> EmbeddedChannel {
        let channel = EmbeddedChannel(handler: ConnectionGuard(registry: ConnectionRegistry(perAddress: 8), limits: limits))
        try channel.connect(to: SocketAddress(ipAddress: "192.168.1.20", port: 40_000)).wait()
        let head = HTTPRequest(method: .post, scheme: nil, authority: "fair", path: "/api/checkin/photo")
        try channel.writeInbound(HTTPRequestPart.head(head))
        channel.read()
        return channel
    }

    static func body(_ channel: EmbeddedChannel, _ text: String) throws {
        try channel.writeInbound(HTTPRequestPart.body(ByteBuffer(string: text)))
        channel.read()
    }

    @Test func aBodyThatStallsIsClosed() throws {
        let channel = try Self.connectionMidBody()
        channel.embeddedEventLoop.advanceTime(by: .seconds(14))
        try Self.body(channel, "x")  // a byte just in time: the stall clock starts again
        channel.embeddedEventLoop.advanceTime(by: .seconds(14))
        #expect(channel.isActive, "14 s after the last byte is within the 15 s")
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(!channel.isActive, "15 s without a byte closes the connection")
    }

    @Test func aBodyDribbledToHoldTheSlotIsClosedAtItsTotal() throws {
        let channel = try Self.connectionMidBody()
        // A byte every 10 s never stalls, but the body's 120 s run out at the twelfth wait.
        for second in stride(from: 10, through: 110, by: 10) {
            channel.embeddedEventLoop.advanceTime(by: .seconds(10))
            #expect(channel.isActive, "open at \(second) s")
            try Self.body(channel, "x")
        }
        channel.embeddedEventLoop.advanceTime(by: .seconds(10))
        #expect(!channel.isActive, "closed at 120 s of waiting for the body")
    }

    @Test func timeTheServerHoldsReadingBackIsNotTheClients() throws {
        let channel = try Self.connectionMidBody()
        try channel.writeInbound(HTTPRequestPart.body(ByteBuffer(string: "first part")))
        // The route is busy (no read asked for): a minute passes, the client is not to blame.
        channel.embeddedEventLoop.advanceTime(by: .seconds(60))
        #expect(channel.isActive)
        channel.read()
        channel.embeddedEventLoop.advanceTime(by: .seconds(10))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        channel.embeddedEventLoop.advanceTime(by: .seconds(9))
        #expect(channel.isActive, "the body is whole: no body clock runs, the answer is being made")
    }

    @Test func afterTheAnswerTheHeaderClockRulesAgain() throws {
        let channel = try Self.connectionMidBody()
        try channel.writeInbound(HTTPRequestPart.end(nil))
        try channel.writeOutbound(HTTPResponsePart.head(HTTPResponse(status: .ok)))
        try channel.writeOutbound(HTTPResponsePart.end(nil))
        channel.read()
        channel.embeddedEventLoop.advanceTime(by: .seconds(9))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(!channel.isActive, "no next header within 10 s: closed")
    }
}

import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// One per connection, in the HTTP pipeline after the parser: closes a connection that has not
/// delivered a complete request header within `ServerLimits.headerTimeout` (of opening, or of its
/// previous answer), or whose body stalls (`bodyStallTimeout` with no byte while the server waits for
/// one) or drags on (`bodyTimeout` of waiting in all), and keeps the per-address count in
/// `ConnectionRegistry`. The header parser only passes a request on once its header is whole, so a
/// connection dribbling half a header never reaches here and is closed when its time is up.
///
/// The body's clocks run only while the server has asked for bytes and none came: a route that is
/// busy (a photo waiting for the decoder) holds reading back, and that wait is the server's, not the
/// client's — it is not counted against the phone.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let registry: ConnectionRegistry
    private let limits: ServerLimits
    private var address: String?
    private var headerDeadline: Scheduled<Void>?
    /// Between a request's header and its end: the body is on its way.
    private var receivingBody = false
    /// Since when the server has been waiting for the client's next bytes (nil: not waiting).
    private var waitingSince: NIODeadline?
    /// The client's time spent sending this body so far, its waits added up.
    private var bodyWaited: TimeAmount = .zero
    private var bodyDeadline: Scheduled<Void>?

    init(registry: ConnectionRegistry, limits: ServerLimits) {
        self.registry = registry
        self.limits = limits
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { admit(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        admit(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancelClocks()
        if let address { registry.close(context.channel, address: address) }
        address = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelClocks()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            headerDeadline?.cancel()
            headerDeadline = nil
            if let address { registry.setBusy(context.channel, address: address, true) }
            receivingBody = true
            bodyWaited = .zero
            waitingSince = nil
        case .body:
            bytesArrived(context)
        case .end:
            bytesArrived(context)
            receivingBody = false
        }
        context.fireChannelRead(data)
    }

    /// The server asks for more bytes: while a body is on its way, the client's clock runs from now.
    func read(context: ChannelHandlerContext) {
        if receivingBody, waitingSince == nil {
            waitingSince = context.eventLoop.now
            let left = min(limits.bodyStallTimeout, limits.bodyTimeout - bodyWaited)
            bodyDeadline = context.eventLoop.assumeIsolated().scheduleTask(in: max(left, .zero)) {
                context.close(promise: nil)
            }
        }
        context.read()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            if let address { registry.setBusy(context.channel, address: address, false) }
            // An answer before the body was read (413, 401): the rest of the body is not waited for.
            receivingBody = false
            bytesArrived(context)
            startHeaderClock(context)
        }
        context.write(data, promise: promise)
    }

    private func bytesArrived(_ context: ChannelHandlerContext) {
        if let since = waitingSince { bodyWaited = bodyWaited + (context.eventLoop.now - since) }
        waitingSince = nil
        bodyDeadline?.cancel()
        bodyDeadline = nil
    }

    private func cancelClocks() {
        headerDeadline?.cancel()
        headerDeadline = nil
        bodyDeadline?.cancel()
        bodyDeadline = nil
    }

    private func admit(_ context: ChannelHandlerContext) {
        guard address == nil else { return }
        let address = context.channel.remoteAddress?.ipAddress ?? "unknown"
        self.address = address
        switch registry.open(context.channel, address: address) {
        case .admitted:
            break
        case .admittedClosing(let idle):
            idle.close(promise: nil)
        case .refused:
            context.close(promise: nil)
            return
        }
        startHeaderClock(context)
    }

    private func startHeaderClock(_ context: ChannelHandlerContext) {
        headerDeadline?.cancel()
        headerDeadline = context.eventLoop.assumeIsolated().scheduleTask(in: limits.headerTimeout) {
            context.close(promise: nil)
        }
    }
}

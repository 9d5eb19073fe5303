import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// One per connection, in the HTTP pipeline after the parser: closes a connection that has not
/// delivered a complete request header within `ServerLimits.headerTimeout` (of opening, or of its
/// previous answer), and keeps the per-address count in `ConnectionRegistry`. The header parser
/// only passes a request on once its header is whole, so a connection dribbling half a header
/// never reaches here and is closed when its time is up.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let registry: ConnectionRegistry
    private let headerTimeout: TimeAmount
    private var address: String?
    private var headerDeadline: Scheduled<Void>?

    init(registry: ConnectionRegistry, headerTimeout: TimeAmount) {
        self.registry = registry
        self.headerTimeout = headerTimeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { admit(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        admit(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        headerDeadline?.cancel()
        headerDeadline = nil
        if let address { registry.close(context.channel, address: address) }
        address = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        headerDeadline?.cancel()
        headerDeadline = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) {
            headerDeadline?.cancel()
            headerDeadline = nil
            if let address { registry.setBusy(context.channel, address: address, true) }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            if let address { registry.setBusy(context.channel, address: address, false) }
            startHeaderClock(context)
        }
        context.write(data, promise: promise)
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
        headerDeadline = context.eventLoop.assumeIsolated().scheduleTask(in: headerTimeout) {
            context.close(promise: nil)
        }
    }
}

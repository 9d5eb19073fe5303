import Logging

/// swift-log's `StreamLogHandler` to standard error, but with its metadata kept as a plain dictionary
/// and formatted only when a line is written. The server puts a request ID on every request's logger,
/// and `StreamLogHandler` formats all of its metadata again each time one is set — a twentieth of the
/// server's CPU under a gate rush (#39's profile) for lines the default level (warning) never writes.
public struct QuietMetadataLogHandler: LogHandler {
    private var stream: StreamLogHandler
    public var metadata: Logger.Metadata = [:]

    public init(label: String) {
        stream = StreamLogHandler.standardError(label: label)
    }

    public var logLevel: Logger.Level {
        get { stream.logLevel }
        set { stream.logLevel = newValue }
    }

    public var metadataProvider: Logger.MetadataProvider? {
        get { stream.metadataProvider }
        set { stream.metadataProvider = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var stream = stream
        stream.metadata = metadata
        stream.log(event: event)
    }
}

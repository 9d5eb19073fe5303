import Logging
import PluginKit
import Testing

/// The command line's log handler keeps metadata as a value, unformatted until a line is written (#39).
@Suite struct QuietMetadataLogHandlerTests {
    @Test func metadataIsAValueEachLoggerKeepsItsOwn() {
        var logger = Logger(label: "campaign") { QuietMetadataLogHandler(label: $0) }
        logger.logLevel = .warning
        logger[metadataKey: "hb.request.id"] = "1"
        var copy = logger
        copy[metadataKey: "hb.request.id"] = "2"
        copy[metadataKey: "staff"] = "Li"
        #expect(logger[metadataKey: "hb.request.id"] == "1")
        #expect(logger[metadataKey: "staff"] == nil)
        #expect(copy[metadataKey: "hb.request.id"] == "2" && copy[metadataKey: "staff"] == "Li")
        #expect(logger.logLevel == .warning && copy.logLevel == .warning)
        copy.logLevel = .debug
        #expect(logger.logLevel == .warning && copy.logLevel == .debug)
        #expect(CommandSupport.logger().handler is QuietMetadataLogHandler)
    }
}

import Foundation
import Hummingbird

extension Request {
    /// The JSON body as `type`, or a 400 that says which field is missing or wrong in words for the
    /// page — never the decoder's internals (Hummingbird's own `decode` answers "Coding key `input`
    /// not found.").
    public func decodeBody<Body: Decodable>(as type: Body.Type, context: CampaignRequestContext) async throws -> Body {
        do {
            return try await context.requestDecoder.decode(type, from: self, context: context)
        } catch DecodingError.keyNotFound(let key, let detail) {
            throw HTTPError(.badRequest, message: ServerMessages.noField(["field": Self.path(detail.codingPath + [key])]).text(language))
        } catch DecodingError.valueNotFound(_, let detail) {
            throw HTTPError(.badRequest, message: ServerMessages.emptyField(["field": Self.path(detail.codingPath)]).text(language))
        } catch DecodingError.typeMismatch(let expected, let detail) {
            let kind = expected == String.self ? ServerMessages.kindText : expected == Bool.self ? ServerMessages.kindBoolean
                : (expected == Int.self || expected == Double.self) ? ServerMessages.kindNumber : ServerMessages.kindOther
            throw HTTPError(.badRequest, message: ServerMessages.wrongKind(["field": Self.path(detail.codingPath)], words: ["kind": kind()])
                .text(language))
        } catch is DecodingError {
            throw HTTPError(.badRequest, message: ServerMessages.notJSON.template(language))
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

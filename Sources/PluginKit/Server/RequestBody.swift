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
            throw HTTPError(.badRequest, message: "the request has no '\(Self.path(detail.codingPath + [key]))' / 请求缺少该项")
        } catch DecodingError.valueNotFound(_, let detail) {
            throw HTTPError(.badRequest, message: "'\(Self.path(detail.codingPath))' is empty / 该项为空")
        } catch DecodingError.typeMismatch(let expected, let detail) {
            let kind = expected == String.self ? "text" : expected == Bool.self ? "true or false"
                : (expected == Int.self || expected == Double.self) ? "a number" : "another kind of value"
            throw HTTPError(.badRequest, message: "'\(Self.path(detail.codingPath))' must be \(kind) / 该项格式不对")
        } catch is DecodingError {
            throw HTTPError(.badRequest, message: "the request body is not the JSON this address takes / 请求内容不是有效的 JSON")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

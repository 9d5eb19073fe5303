import Hummingbird

/// An HTTP error whose JSON carries a stable `code` beside the English message:
/// `{"error": {"code": "storage_full", "message": "…"}}`. The page words a known code from its own
/// catalogue (Chinese or English, as the staff chose) and shows the message for any other.
struct CodedHTTPError: HTTPResponseError {
    let status: HTTPResponse.Status
    let code: String
    let message: String
    /// Seconds after which trying again makes sense (the `Retry-After` header).
    var retryAfter: Int?

    private struct Body: Encodable {
        struct Detail: Encodable {
            let code: String
            let message: String
    /// Seconds after which trying again makes sense (the `Retry-After` header).
    var retryAfter: Int?
        }
        let error: Detail
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try context.responseEncoder.encode(Body(error: .init(code: code, message: message)),
                                                          from: request, context: context)
        response.status = status
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }
}

import GRDB
import Hummingbird
import Ledger
import PluginKit
import Workflow

/// Turns what plugins' routes throw into HTTP answers, once for all of them: a refusal (a wrong ID
/// number, a posting not offered here) is 400 with its reason as the page shows it — no command-line
/// option names; a usage or data error 400; something unavailable (a busy workspace, a full disk) 503
/// with what happened and a code the page words in its language, logged; anything else 500 without internals, logged.
/// Every answer carries a stable `code` beside its words (#33): the message's key for a refusal or a
/// usage error (`walk-in.name-required`), else one for its status (`not_json` is `bad_request`) —
/// Hummingbird's own `HTTPError`s get theirs here too.
struct DomainErrorMiddleware: RouterMiddleware {
    typealias Context = CampaignRequestContext

    func handle(_ request: Request, context: CampaignRequestContext,
                next: (Request, CampaignRequestContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as CodedHTTPError {
            throw error
        } catch let error as HTTPError {
            throw CodedHTTPError(status: error.status, code: Self.code(for: error.status), message: error.body ?? "",
                                 retryAfter: error.headers[.retryAfter].flatMap { Int($0) })
        } catch let error as HTTPResponseError {
            throw error
        } catch let database as DatabaseError where StorageFailure(database) != nil {
            let failure = StorageFailure(database)!
            context.logger.error("workspace unavailable: \(failure.message) (\(database.resultCode)); \(failure.hint)")
            throw CodedHTTPError(status: .serviceUnavailable, code: failure.code, message: failure.wording.text(request.language),
                                 retryAfter: failure == .busy ? 5 : nil)
        } catch let refusal as RoleRefusal {
            throw CodedHTTPError(status: .forbidden, code: Self.code(refusal.reason, or: .forbidden),
                                 message: refusal.sentence(request.language))
        } catch let refusal as any Refusal {
            throw CodedHTTPError(status: .badRequest, code: Self.code(refusal.reason, or: .badRequest),
                                 message: refusal.sentence(request.language))
        } catch let error as WorkflowError {
            let language = request.language
            let message = error.message(in: language) + (error.hint(in: language).map { Punctuation.semicolon.text(language) + $0 } ?? "")
            switch error.code {
            case .usage, .invalidInput:
                throw CodedHTTPError(status: .badRequest, code: Self.code(error.wording?.message, or: .badRequest), message: message)
            case .unavailable:
                throw CodedHTTPError(status: .serviceUnavailable, code: Self.code(error.wording?.message, or: .serviceUnavailable),
                                     message: message)
            case .internal:
                context.logger.error("internal error: \(error.message)")
                throw CodedHTTPError(status: .internalServerError, code: "internal", message: ServerMessages.wentWrong.template(language))
            }
        } catch {
            context.logger.error("unexpected error: \(error)")
            throw CodedHTTPError(status: .internalServerError, code: "internal", message: ServerMessages.wentWrong.template(request.language))
        }
    }

    /// A message's key as the answer's code (its first part: the sentence that says what went wrong).
    static func code(_ message: Message?, or status: HTTPResponse.Status) -> String {
        message?.parts.first.map(\.text.key).flatMap { $0 == "verbatim" ? nil : $0 } ?? code(for: status)
    }

    /// The code of an answer that has no message of its own to name it.
    static func code(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: "bad_request"
        case 401: "sign_in_required"
        case 403: "forbidden"
        case 404: "not_found"
        case 405: "method_not_allowed"
        case 408: "request_timeout"
        case 409: "conflict"
        case 413: "too_large"
        case 415: "unsupported_media_type"
        case 422: "unprocessable"
        case 429: "too_many_requests"
        case 503: "unavailable"
        case 500..<600: "internal"
        default: "status_\(status.code)"
        }
    }
}

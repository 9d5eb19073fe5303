import GRDB
import Hummingbird
import Ledger
import PluginKit
import Workflow

/// Turns what plugins' routes throw into HTTP answers, once for all of them: a refusal (a wrong ID
/// number, a posting not offered here) is 400 with its reason as the page shows it — no command-line
/// option names; a usage or data error 400; something unavailable (a busy workspace, a full disk) 503
/// with what happened and a code the page words in its language, logged; anything else 500 without internals, logged. Hummingbird's own
/// `HTTPError`s pass through as they are.
struct DomainErrorMiddleware: RouterMiddleware {
    typealias Context = CampaignRequestContext

    func handle(_ request: Request, context: CampaignRequestContext,
                next: (Request, CampaignRequestContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPResponseError {
            throw error
        } catch let database as DatabaseError where StorageFailure(database) != nil {
            let failure = StorageFailure(database)!
            context.logger.error("workspace unavailable: \(failure.message) (\(database.resultCode)); \(failure.hint)")
            throw CodedHTTPError(status: .serviceUnavailable, code: failure.code, message: failure.wording.text(request.language),
                                 retryAfter: failure == .busy ? 5 : nil)
        } catch let refusal as RoleRefusal {
            throw HTTPError(.forbidden, message: refusal.sentence(request.language))
        } catch let refusal as any Refusal {
            throw HTTPError(.badRequest, message: refusal.sentence(request.language))
        } catch let error as WorkflowError {
            let language = request.language
            let message = error.message(in: language) + (error.hint(in: language).map { (language == .zh ? "；" : "; ") + $0 } ?? "")
            switch error.code {
            case .usage, .invalidInput: throw HTTPError(.badRequest, message: message)
            case .unavailable: throw HTTPError(.serviceUnavailable, message: message)
            case .internal:
                context.logger.error("internal error: \(error.message)")
                throw HTTPError(.internalServerError, message: ServerMessages.wentWrong.template(language))
            }
        } catch {
            context.logger.error("unexpected error: \(error)")
            throw HTTPError(.internalServerError, message: ServerMessages.wentWrong.template(request.language))
        }
    }
}

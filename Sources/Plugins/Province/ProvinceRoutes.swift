import Crypto
import Foundation
import Hummingbird
import PluginKit
import Tally
import Workflow

/// The province page's routes: `/` (the page), `/tally.json`, `/tally.xlsx`, each answering only with
/// the token (`?token=` or `Authorization: Bearer`), each reading the province's database afresh.
struct ProvinceRoutes: Sendable {
    let address: ProvinceAddress
    let token: String
    let breakdowns: [TallyDimension]
    let lang: Language

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/health") { _, _ in "ok" }
        router.get("/") { request, _ in
            try authorize(request)
            let result = try await tally()
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: ProvincePage.html(result, lang: lang, token: token))))
        }
        router.get("/tally.json") { request, _ in
            try authorize(request)
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(data: try ProvinceJSON.encode(try await tally()))))
        }
        router.get("/tally.xlsx") { request, _ in
            try authorize(request)
            let result = try await tally()
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("province-\(UUID().uuidString).xlsx")
            defer { try? FileManager.default.removeItem(at: file) }
            try TallyPlugin.write(result.report, format: .xlsx, lang: lang, to: file)
            return Response(status: .ok, headers: [
                .contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                .contentDisposition: "attachment; filename=\"province-tally.xlsx\"",
            ], body: .init(byteBuffer: ByteBuffer(data: try Data(contentsOf: file))))
        }
        return router
    }

    /// The token, compared in constant time; a refusal says how to pass it.
    func authorize(_ request: Request) throws {
        let bearer = request.headers[.authorization].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
        let given = bearer ?? request.uri.queryParameters.get("token") ?? ""
        guard given.utf8.count == token.utf8.count,
              zip(given.utf8, token.utf8).reduce(UInt8(0), { $0 | ($1.0 ^ $1.1) }) == 0 else {
            throw HTTPError(.unauthorized, message: ProvinceMessages.tokenNeeded().text(lang))
        }
    }

    func tally() async throws -> ProvinceTally.Result {
        let breakdowns = breakdowns
        return try await ProvinceStore.using(address) { store in
            try await ProvinceTally.run(store, from: nil, to: nil, breakdowns: breakdowns,
                                        sections: PluginSystem.plugins.tallySections, now: Date())
        }
    }
}

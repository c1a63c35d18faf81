import Checkout
import Foundation
import Hummingbird
import HTTPTypes
import Operations

/// `/api/requests/<token>`: the checkout as JSON, for scripts and tests.
/// Every attempt carries an `Idempotency-Key` header: a retry replays the first answer.
struct CheckoutAPI: Sendable {
    let desk: CheckoutDesk

    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!

    func add(to router: Router<PreviewRequestContext>) {
        router.get("/api/requests/:token") { _, context in try await self.info(context) }
        router.head("/api/requests/:token") { _, context in try await self.info(context) }
        router.post("/api/requests/:token/payments") { request, context in try await self.pay(request, context) }
        router.post("/api/requests/:token/challenges/:id") { request, context in try await self.answer(request, context) }
        OtherMethods.refuse("/api/requests/:token", allowing: [.get, .head], on: router)
        OtherMethods.refuse("/api/requests/:token/payments", allowing: [.post], on: router)
        OtherMethods.refuse("/api/requests/:token/challenges/:id", allowing: [.post], on: router)
    }

    private func info(_ context: PreviewRequestContext) async throws -> Response {
        try await withRequest(context) { _, request in Self.json(200, CheckoutJSON.info(request)) }
    }

    private func pay(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        let body = try await Self.fields(request, context)
        return try await withRequest(context) { (service, requestContext) async throws(OperationError) -> Response in
            guard let key = Self.key(request) else { return Self.problem(400, "the Idempotency-Key header is required") }
            let source: PaymentSource
            do throws(PaymentSubmission.Problem) { source = try PaymentSubmission.source(body) } catch {
                return Self.problem(400, error.description)
            }
            let result = try await desk.pay(service, requestContext, source: source, idempotencyKey: key)
            let (status, outcome) = CheckoutJSON.outcome(result, context: requestContext)
            return Self.json(status, outcome)
        }
    }

    private func answer(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        let body = try await Self.fields(request, context)
        let id = context.parameters.get("id") ?? ""
        return try await withRequest(context) { (service, requestContext) async throws(OperationError) -> Response in
            guard let key = Self.key(request) else { return Self.problem(400, "the Idempotency-Key header is required") }
            let approve = body["approve"] == "true"
            guard let result = try await desk.answer(service, requestContext, challengeID: id, approve: approve, idempotencyKey: key) else {
                return Self.problem(404, "no such challenge (it expired or belongs to another link)")
            }
            let (status, outcome) = CheckoutJSON.outcome(result, context: requestContext)
            return Self.json(status, outcome)
        }
    }

    /// Resolves the token (404 when unknown, the same for every unknown token) and maps errors.
    private func withRequest(_ context: PreviewRequestContext,
                             _ body: (RequestService, RequestDetails) async throws(OperationError) -> Response) async throws -> Response {
        do {
            guard let (service, request) = try await desk.open(context.parameters.get("token") ?? "") else {
                return Self.problem(404, "not found")
            }
            return try await body(service, request)
        } catch {
            switch error {
            case .store(.idempotencyConflict): return Self.problem(409, "this Idempotency-Key was already used for a different payment")
            case .store(.busy): return Self.problem(503, "the ledger is busy; retry with the same Idempotency-Key")
            default: return Self.problem(ProblemStatus.of(error), error.description)
            }
        }
    }

    static func key(_ request: Request) -> String? {
        request.headers[idempotencyKey].flatMap(validKey)
    }

    /// 8 to 128 ASCII letters, digits, `-` and `_`: the header's key, or a form's `attempt`.
    static func validKey(_ key: String) -> String? {
        guard (8...128).contains(key.count),
              key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
        return key
    }

    /// A JSON object of strings (or booleans/numbers, kept as text), or a form body.
    static func fields(_ request: Request, _ context: PreviewRequestContext) async throws -> [String: String] {
        let buffer = try await request.body.collect(upTo: PreviewRequestContext.maxBodySize)
        let data = Data(buffer.readableBytesView)
        if request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true {
            return FormBody(String(decoding: data, as: UTF8.self)).fields
        }
        guard !data.isEmpty, let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return [:] }
        var fields: [String: String] = [:]
        for (name, value) in object.prefix(32) {
            switch value {
            case let text as String: fields[name] = text
            case let flag as Bool where name == "approve": fields[name] = flag ? "true" : "false"
            case let number as NSNumber: fields[name] = number.stringValue
            default: continue
            }
        }
        return fields
    }

    static func json(_ status: Int, _ value: some Encodable) -> Response {
        let data = CheckoutOutcomeJSON.encoded(value)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func problem(_ status: Int, _ message: String) -> Response {
        json(status, ["status": "error", "message": message])
    }
}

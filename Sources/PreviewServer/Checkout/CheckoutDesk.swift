import Billing
import Checkout
import Foundation
import Operations
import Store

/// The checkout behind the preview server: resolves a link's token, runs the simulator and the
/// ledger through `CheckoutService`, keeps 3-D Secure challenges, and rebuilds the request's
/// pages after a payment so the customer sees them paid at once.
public struct CheckoutDesk: Sendable {
    /// A service with fresh records and the shared ledger (records may change while serving).
    public var services: @Sendable () throws(OperationError) -> RequestService
    /// Called after the ledger changed for a request (rebuild its pages, reload open pages).
    public var afterChange: @Sendable (Reference) async -> Void
    /// Where the ledger work runs (off the cooperative pool).
    let pool: BlockingPool
    let challenges = ChallengeStore()

    public init(pool: BlockingPool, services: @escaping @Sendable () throws(OperationError) -> RequestService,
                afterChange: @escaping @Sendable (Reference) async -> Void) {
        self.pool = pool
        self.services = services
        self.afterChange = afterChange
    }

    /// The request behind a token, or nil: an unknown, malformed or rotated token all look alike.
    func open(_ tokenText: String) async throws(OperationError) -> (RequestService, RequestDetails)? {
        guard let token = RequestToken(tokenText) else { return nil }
        let services = self.services
        return try await pool.perform { () throws(OperationError) -> (RequestService, RequestDetails)? in
            let service = try services()
            guard let row = try service.storeCall({ () throws(StoreError) in try service.ledger.request(token: token) }) else { return nil }
            return (service, try service.details(row))
        }
    }

    func pay(_ service: RequestService, _ context: RequestDetails, source: PaymentSource,
             idempotencyKey: String?) async throws(OperationError) -> CheckoutResult {
        let reference = context.reference.value
        let result = try await pool.perform { () throws(OperationError) in
            try CheckoutService.simulated(service).charge(reference, source: source, idempotencyKey: idempotencyKey)
        }
        return await settle(result, context: context)
    }

    func answer(_ service: RequestService, _ context: RequestDetails, challengeID: String, approve: Bool,
                idempotencyKey: String?) async throws(OperationError) -> CheckoutResult? {
        guard let challenge = await challenges.claim(challengeID, token: context.row.token.value, key: idempotencyKey) else { return nil }
        let reference = context.reference.value
        let result = try await pool.perform { () throws(OperationError) in
            try CheckoutService.simulated(service).completeChallenge(reference, challenge: challenge, approve: approve, idempotencyKey: idempotencyKey)
        }
        return await settle(result, context: context)
    }

    private func settle(_ result: CheckoutResult, context: RequestDetails) async -> CheckoutResult {
        switch result {
        case .challengeRequired(let challenge): await challenges.keep(challenge, token: context.row.token.value)
        case .paid: await afterChange(context.reference)
        default: break
        }
        return result
    }
}

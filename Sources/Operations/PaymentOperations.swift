import Billing
import Foundation
import Messaging
import Store

/// The outcome of a payment, as the checkout and the CLI report it. Codable so an idempotent
/// retry can replay exactly the first answer.
public struct PaymentResult: Sendable, Codable, Hashable {
    public var reference: String
    public var amount: Money
    public var method: PaymentMethod
    public var authorizationCode: String
    public var receiptNumber: Int
    public var confirmationQueued: Bool
}

extension RequestService {
    /// Records a payment approved by a processor (or recorded offline by staff): checks it is
    /// open and the amount is exactly the amount due, freezes the invoice, numbers the receipt,
    /// notifies staff and, when enabled, queues the confirmation text — all in one transaction.
    /// With an idempotency key, a retry returns the first result and charges nothing more.
    public func pay(_ referenceText: String, amount: Money? = nil, method: PaymentMethod, authorizationCode: String,
                    idempotencyKey: String? = nil) throws(OperationError) -> PaymentResult {
        let reference = try parseReference(referenceText)
        let now = clock()
        return try transaction { tx throws(OperationError) in
            let body = { () throws(OperationError) -> PaymentResult in
                try self.applyPayment(reference, amount: amount, method: method, authorizationCode: authorizationCode, tx: tx, now: now)
            }
            guard let key = idempotencyKey else { return try body() }
            let fingerprint = "pay|\(reference.key)|\(amount.map(\.description) ?? "due")|\(method.kind.rawValue)"
            do {
                return try tx.idempotent(key: key, fingerprint: fingerprint, at: now) { try body() }
            } catch let error as OperationError {
                throw error
            } catch let error as StoreError {
                throw .store(error)
            } catch {
                throw .store(.database(path: paths.ledger.path, operation: "pay", message: "\(error)"))
            }
        }
    }

    /// Staff record a payment received outside the checkout (cash, cheque, e-transfer).
    public func markPaid(_ reference: String, method: PaymentMethod.Kind) throws(OperationError) -> PaymentResult {
        guard method.isOffline else { throw .invalidField("method", .notOneOf(["cash", "cheque", "etransfer"])) }
        let code = "\(method.rawValue.uppercased().prefix(3))-\(Int(clock().timeIntervalSince1970) % 1_000_000)"
        return try pay(reference, method: .offline(method), authorizationCode: code)
    }

    /// Records an approved payment inside a transaction the caller holds (the checkout runs the
    /// processor and this in one transaction, so a retry or a racing void sees the outcome).
    public func recordPayment(_ reference: Reference, amount: Money?, method: PaymentMethod, authorizationCode: String,
                              in tx: LedgerTransaction) throws(OperationError) -> PaymentResult {
        try applyPayment(reference, amount: amount, method: method, authorizationCode: authorizationCode, tx: tx, now: clock())
    }

    /// The same service, reading time from `date` (the demo replays a scripted history).
    public func at(_ date: Date) -> RequestService {
        RequestService(paths: paths, ledger: ledger, businesses: businesses, replies: replies, clock: { date }, actor: actor)
    }

    private func applyPayment(_ reference: Reference, amount: Money?, method: PaymentMethod, authorizationCode: String,
                              tx: LedgerTransaction, now: Date) throws(OperationError) -> PaymentResult {
        let context = try context(reference, in: tx)
        let charged = amount ?? context.state.amountDue
        try check(reference) { () throws(BillingError) in try rules(context.business).checkPay(context.state, amount: charged, method: method) }
        let number: Int
        let payment: Payment
        let paidEntry: LedgerEntry
        do throws(StoreError) {
            number = try tx.nextNumber(.receipt, scope: context.businessKey)
            let snapshot = InvoiceSnapshot(invoice: context.invoice, totals: context.totals, businessKey: context.businessKey)
            payment = Payment(amount: charged, method: method, authorizationCode: authorizationCode, receiptNumber: number, snapshot: snapshot)
            paidEntry = try tx.append(.paid(payment), to: reference, at: now, by: actor)
            let text = "\(context.reference) paid \(MoneyFormat.plain(charged)) by \(MethodText.staff(method))"
            _ = try tx.notifyStaff(about: reference, text: text, at: now, by: actor)
        } catch { throw .store(error) }
        try recordSettlement(of: payment, entry: paidEntry, context: context, in: tx)
        var confirmed = false
        if context.business.automaticConfirmation {
            let message = try RequestMessages(business: context.business, replies: replies)
                .compose(.confirmation, reply: context.business.confirmationReply, invoice: context.invoice, amount: charged, link: context.link)
            confirmed = try deliver(message, kind: .confirmation, to: context.invoice.customer.phone, reference: reference, in: tx, at: now).wasQueued
            if confirmed { try storeCall { () throws(StoreError) in _ = try tx.append(.confirmationSent, to: reference, at: now, by: actor) } }
        }
        return PaymentResult(reference: reference.value, amount: charged, method: method, authorizationCode: authorizationCode,
                             receiptNumber: number, confirmationQueued: confirmed)
    }
}

/// How a payment method reads in staff texts: "Visa •••• 4242", "Affirm (6 months)", "cash".
public enum MethodText {
    public static func staff(_ method: PaymentMethod) -> String {
        switch method.kind {
        case .card: card(method) ?? "card"
        case .applePay: "Apple Pay" + (card(method).map { " (\($0))" } ?? "")
        case .googlePay: "Google Pay" + (card(method).map { " (\($0))" } ?? "")
        case .affirm: "Affirm" + (method.affirmPlan.map { " (\($0.months) months)" } ?? "")
        case .cash: "cash"
        case .cheque: "cheque"
        case .etransfer: "e-transfer"
        }
    }

    static func card(_ method: PaymentMethod) -> String? {
        guard let last4 = method.last4 else { return nil }
        return "\(method.cardBrand ?? "Card") •••• \(last4)"
    }
}

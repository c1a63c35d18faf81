import Billing
import Foundation
import Operations
import Store

/// A payment as a live notification carries it, before it is worded in a staff member's
/// language: which notification, which request, its status now, and what was paid.
struct LivePayment: Sendable, Hashable {
    var id: Int64
    var at: Date
    var reference: String
    var status: RequestStatus
    var amount: Money?
    var method: PaymentMethod?
    var customerName: String

    /// The notifications after `id`, with their requests as they are now (oldest first).
    static func read(after id: Int64, _ service: RequestService) throws(OperationError) -> [LivePayment] {
        let notes: [StaffNotification]
        do { notes = try service.ledger.notifications(after: id) } catch { throw .store(error) }
        return notes.map { note in make(note, service) }
    }

    static func make(_ note: StaffNotification, _ service: RequestService) -> LivePayment {
        guard let details = try? service.context(note.reference.value) else {
            return LivePayment(id: note.id, at: note.at, reference: note.reference.value, status: .paid, amount: nil, method: nil, customerName: "")
        }
        let payment = details.entries.last { $0.event.kind == "paid" }.flatMap { entry -> Payment? in
            if case .paid(let payment) = entry.event { return payment }
            return nil
        }
        return LivePayment(id: note.id, at: note.at, reference: details.reference.value, status: details.state.status,
                           amount: payment?.amount, method: payment?.method, customerName: details.invoice.customer.name)
    }
}

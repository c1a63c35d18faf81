import Billing
import Foundation

/// Hand-made settlements for the calculator's tests: amounts in cents, days as ISO text.
struct SettlementFactory {
    var business = "main"
    private(set) var sequence: Int64 = 0

    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    static func cad(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: .cad) }

    mutating func payment(_ reference: String, _ cents: Int64, fee: Int64 = 0, percentFee: Int64? = nil, on day: String,
                          method: PaymentMethod.Kind = .card) -> Settlement {
        sequence += 1
        return Settlement(sequence: sequence, businessKey: business, reference: try! Reference(reference), kind: .payment,
                          method: method, number: Int(sequence), amount: Self.cad(cents), fee: Self.cad(fee),
                          percentFee: Self.cad(percentFee ?? fee), day: Self.day(day), at: Date(timeIntervalSince1970: 0))
    }

    mutating func refund(_ reference: String, _ cents: Int64, feeReturned: Int64 = 0, on day: String,
                         method: PaymentMethod.Kind = .card) -> Settlement {
        sequence += 1
        return Settlement(sequence: sequence, businessKey: business, reference: try! Reference(reference), kind: .refund,
                          method: method, number: Int(sequence), amount: Self.cad(cents), fee: Self.cad(feeReturned),
                          percentFee: Self.cad(0), day: Self.day(day), at: Date(timeIntervalSince1970: 0))
    }
}

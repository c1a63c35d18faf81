import Foundation
import Billing
@testable import Checkout

enum Fixture {
    static let toronto = TimeZone(identifier: "America/Toronto")!

    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = toronto
        return calendar
    }

    /// Friday 14 March 2025, noon in Toronto.
    static let now = date(2025, 3, 14, 12)

    static func date(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, in zone: TimeZone = toronto) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour))!
    }

    static func cad(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .cad) }

    static let affirm = BusinessSettings.Affirm(enabled: true, minimum: cad(5_000), maximum: cad(3_000_000))

    static func processor(now: Date = Fixture.now, affirm: BusinessSettings.Affirm = Fixture.affirm, seed: UInt64 = 42) -> SimulatedProcessor {
        SimulatedProcessor(affirm: affirm, calendar: calendar, now: { now }, random: SeededRandomSource(seed: seed))
    }

    static func card(_ number: String, expiry: String = "12/30", cvc: String? = nil, name: String = "Marie Tremblay") -> CardDetails {
        let digits = number.filter(\.isNumber)
        let defaultCVC = CardBrand.detect(digits: digits) == .amex ? "1234" : "123"
        return CardDetails(number: number, expiry: expiry, cvc: cvc ?? defaultCVC, name: name)
    }

    static func charge(_ card: CardDetails, amount: Int64 = 12_345, processor: SimulatedProcessor = Fixture.processor()) -> ChargeOutcome {
        processor.authorize(ChargeRequest(amount: cad(amount), source: .card(card)))
    }

    /// Appends the Luhn check digit to a payload.
    static func withCheckDigit(_ payload: String) -> String {
        (0...9).map { payload + String($0) }.first(where: Luhn.isValid)!
    }
}

func isAuthorizationCode(_ code: String) -> Bool {
    code.count == 6 && code.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
}

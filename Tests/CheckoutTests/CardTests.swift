import Foundation
import Testing
import Billing
@testable import Checkout

@Suite struct TestCardOutcomes {
    @Test(arguments: [
        ("4242424242424242", "Visa", "4242"),
        ("5555555555554444", "Mastercard", "4444"),
        ("378282246310005", "American Express", "0005"),
        ("4242 4242 4242 4242", "Visa", "4242"),
        ("4242-4242-4242-4242", "Visa", "4242"),
    ])
    func approves(number: String, brand: String, last4: String) throws {
        let outcome = Fixture.charge(Fixture.card(number))
        let authorization = try #require(outcome.authorization, "\(outcome)")
        #expect(isAuthorizationCode(authorization.code))
        #expect(authorization.method == PaymentMethod(kind: .card, cardBrand: brand, last4: last4))
        #expect(authorization.amount == Fixture.cad(12_345))
        #expect(authorization.affirmPlan == nil)
    }

    @Test(arguments: [
        ("4000000000000002", DeclineReason.cardDeclined),
        ("4000000000009995", .insufficientFunds),
        ("4000000000009987", .lostCard),
        ("4000000000009979", .stolenCard),
        ("4000000000000069", .expiredCard),
        ("4000000000000127", .incorrectCVC),
        ("4000000000000119", .processingError),
    ])
    func declines(number: String, reason: DeclineReason) {
        #expect(Fixture.charge(Fixture.card(number)) == .declined(reason))
    }

    @Test func everyTestNumberIsLuhnValidWithAKnownBrand() {
        for number in SimulatedProcessor.testCards.keys {
            #expect(Luhn.isValid(number), "\(number)")
            #expect(CardBrand.detect(digits: number) != nil, "\(number)")
        }
    }

    @Test func authenticationRequiredThenApproved() throws {
        let processor = Fixture.processor()
        let outcome = Fixture.charge(Fixture.card("4000 0027 6000 3184"), amount: 9_999, processor: processor)
        guard case .challengeRequired(let pending) = outcome else {
            Issue.record("expected a challenge, got \(outcome)")
            return
        }
        #expect(pending.id.hasPrefix("3ds_") && pending.id.count == 20)
        #expect(pending.brand == .visa && pending.last4 == "3184" && pending.amount == Fixture.cad(9_999))
        // The pending value holds no card data and can be stored as JSON.
        let json = String(decoding: try JSONEncoder().encode(pending), as: UTF8.self)
        #expect(!json.contains("4000002760003184") && !json.contains("123"))
        #expect(try JSONDecoder().decode(PendingChallenge.self, from: Data(json.utf8)) == pending)

        let approved = try #require(processor.completeChallenge(pending, approve: true).authorization)
        #expect(approved.method == PaymentMethod(kind: .card, cardBrand: "Visa", last4: "3184"))
        #expect(approved.amount == Fixture.cad(9_999))
        #expect(isAuthorizationCode(approved.code))
    }

    @Test func authenticationFailed() throws {
        let processor = Fixture.processor()
        guard case .challengeRequired(let pending) = Fixture.charge(Fixture.card("4000002760003184"), processor: processor) else {
            Issue.record("expected a challenge")
            return
        }
        #expect(processor.completeChallenge(pending, approve: false) == .declined(.authenticationFailed))
    }

    @Test(arguments: [
        "4012888888881881",   // a Stripe Visa number, deliberately not in the simulator's list
        "4111111111111111",
        "5105105105105100",
        "6011111111111117",
        "371449635398431",
    ])
    func realLookingNumbersAreRefused(number: String) {
        #expect(Luhn.isValid(number))
        #expect(Fixture.charge(Fixture.card(number)) == .declined(.notATestCard))
    }

    @Test func generatedLuhnValidNumbersAreRefused() {
        for payload in ["453201511283036", "522222222222222", "400000000000000", "424242424242424"] {
            let number = Fixture.withCheckDigit(payload)
            guard SimulatedProcessor.testCards[number] == nil else { continue }
            #expect(Fixture.charge(Fixture.card(number)) == .declined(.notATestCard), "\(number)")
        }
    }

    @Test func notATestCardMessageSaysSo() {
        #expect(DeclineReason.notATestCard.message(.en).contains("real cards are not accepted"))
        #expect(DeclineReason.notATestCard.message(.fr).contains("vraies cartes ne sont pas acceptées"))
    }

    @Test func codesComeFromTheInjectedGenerator() throws {
        let request = ChargeRequest(amount: Fixture.cad(100), source: .card(Fixture.card("4242424242424242")))
        let a = try #require(Fixture.processor(seed: 7).authorize(request).authorization)
        let b = try #require(Fixture.processor(seed: 7).authorize(request).authorization)
        let c = try #require(Fixture.processor(seed: 8).authorize(request).authorization)
        #expect(a.code == b.code)
        #expect(a.code != c.code)
        // One source, two charges: two different codes.
        let processor = Fixture.processor(seed: 7)
        let first = try #require(processor.authorize(request).authorization)
        let second = try #require(processor.authorize(request).authorization)
        #expect(first.code != second.code)
        // The pure core with a plain RandomNumberGenerator.
        var generator = RandomSourceGenerator(SeededRandomSource(seed: 7))
        #expect(Fixture.processor().authorize(request, using: &generator).authorization?.code == a.code)
    }

    @Test func codesAreWellFormedOverManyDraws() {
        var generator = RandomSourceGenerator(SeededRandomSource(seed: 1))
        var seen = Set<String>()
        for _ in 0..<1_000 {
            let code = SimulatedProcessor.authorizationCode(using: &generator)
            #expect(isAuthorizationCode(code))
            seen.insert(code)
        }
        #expect(seen.count == 1_000)
        #expect(isAuthorizationCode(SimulatedProcessor.authorizationCode(using: &generator)))
    }

    @Test(arguments: [0, -100] as [Int64])
    func amountMustBePositive(minorUnits: Int64) {
        #expect(Fixture.charge(Fixture.card("4242424242424242"), amount: minorUnits) == .invalid([FieldError(.amountInvalid)]))
    }
}

@Suite struct CardValidation {
    func errors(_ card: CardDetails, now: Date = Fixture.now) -> [FieldError.Code] {
        Fixture.processor(now: now).validate(card).map(\.code)
    }

    @Test(arguments: [
        ("", FieldError.Code.numberRequired),
        ("   ", .numberRequired),
        ("4242 4242 4242 424x", .numberNotDigits),
        ("4242.4242.4242.4242", .numberNotDigits),
        ("٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢", .numberNotDigits),       // Arabic-Indic digits are not ASCII digits
        ("42424242424", .numberLength),                  // 11
        ("42424242424242424242", .numberLength),         // 20
        ("4242424242424241", .numberLuhn),
        ("4000000000000001", .numberLuhn),
        ("378282246310006", .numberLuhn),
        ("4242424242424224", .numberLuhn),               // transposed digits
        ("6200000000000005", .numberUnsupportedBrand),   // UnionPay
        ("3530111333300000", .numberUnsupportedBrand),   // JCB
        ("36227206271667", .numberUnsupportedBrand),     // Diners
    ])
    func numberErrors(number: String, code: FieldError.Code) {
        #expect(errors(Fixture.card(number, cvc: "123")) == [code])
        #expect(Fixture.charge(Fixture.card(number, cvc: "123")) == .invalid([FieldError(code)]))
    }

    @Test(arguments: [
        ("4", CardBrand.visa), ("51", .mastercard), ("55", .mastercard), ("2221", .mastercard), ("2720", .mastercard),
        ("34", .amex), ("37", .amex), ("6011", .discover), ("65", .discover),
    ])
    func brandPrefixes(prefix: String, brand: CardBrand) {
        #expect(CardBrand.detect(digits: prefix + String(repeating: "0", count: 14)) == brand)
    }

    @Test(arguments: ["50", "56", "2220", "2721", "35", "36", "6010", "64", "3"])
    func notBrandPrefixes(prefix: String) {
        #expect(CardBrand.detect(digits: prefix + String(repeating: "0", count: 14)) == nil)
    }

    @Test(arguments: [
        ("12/30", 12, 2030), ("12 / 30", 12, 2030), ("1230", 12, 2030), ("12/2030", 12, 2030),
        ("3/25", 3, 2025), (" 03/25 ", 3, 2025), ("03-25", 3, 2025), ("032025", 3, 2025), ("13/30", 13, 2030),
    ])
    func expiryParses(text: String, month: Int, year: Int) {
        #expect(CardExpiry.parse(text) == CardExpiry(month: month, year: year))
    }

    @Test(arguments: ["", "12", "12/", "/30", "123/30", "12/3", "12/203", "ab/cd", "12345", "1/2/30"])
    func expiryUnreadable(text: String) {
        #expect(CardExpiry.parse(text) == nil)
        #expect(errors(Fixture.card("4242424242424242", expiry: text)) == [.expiryRequired])
    }

    @Test(arguments: [
        ("02/25", [FieldError.Code.expiryPast]),    // last month
        ("12/24", [.expiryPast]),
        ("03/2024", [.expiryPast]),
        ("00/30", [.expiryMonthInvalid]),
        ("13/30", [.expiryMonthInvalid]),
        ("13/20", [.expiryMonthInvalid]),
        ("03/25", []),                              // this month: still good
        ("04/25", []),
        ("01/26", []),
    ])
    func expiryRelativeToNow(expiry: String, expected: [FieldError.Code]) {
        #expect(errors(Fixture.card("4242424242424242", expiry: expiry)) == expected)
    }

    @Test func expiryUsesTheCalendarsTimeZone() {
        // 1 April 2025 02:00 UTC is still 31 March in Toronto: a 03/25 card is good there.
        let now = Fixture.date(2025, 4, 1, 2, in: TimeZone(identifier: "UTC")!)
        #expect(errors(Fixture.card("4242424242424242", expiry: "03/25"), now: now) == [])
        #expect(errors(Fixture.card("4242424242424242", expiry: "03/25"), now: Fixture.date(2025, 4, 1, 0)) == [.expiryPast])
    }

    @Test func monthAndYearInit() {
        let card = CardDetails(number: "4242424242424242", expiryMonth: 3, expiryYear: 25, cvc: "123", name: "A")
        #expect(card.expiry == CardExpiry(month: 3, year: 2025))
        #expect(errors(card) == [])
    }

    @Test(arguments: [
        ("4242424242424242", "123", [FieldError.Code]()),
        ("4242424242424242", "12", [.cvcThreeDigits]),
        ("4242424242424242", "1234", [.cvcThreeDigits]),
        ("4242424242424242", "12a", [.cvcThreeDigits]),
        ("4242424242424242", "", [.cvcThreeDigits]),
        ("4242424242424242", " 123 ", []),
        ("5555555555554444", "1234", [.cvcThreeDigits]),
        ("378282246310005", "1234", []),
        ("378282246310005", "123", [.cvcFourDigits]),
        ("378282246310005", "12345", [.cvcFourDigits]),
        ("4242424242424241", "1234", [.numberLuhn]),           // brand known by prefix: Visa wants 3 but Luhn fails first…
        ("9999", "12", [.numberLength, .cvcInvalid]),
        ("9999", "1234", [.numberLength]),
    ])
    func cvcLength(number: String, cvc: String, expected: [FieldError.Code]) {
        #expect(errors(Fixture.card(number, cvc: cvc)) == expected)
    }

    @Test func nameRequired() {
        #expect(errors(Fixture.card("4242424242424242", name: "  \n")) == [.nameRequired])
    }

    @Test func everyFieldReportedInFormOrder() {
        let card = CardDetails(number: "1234", expiry: "13/99", cvc: "x", name: "")
        let found = Fixture.processor().validate(card)
        #expect(found.map(\.field) == [.number, .expiry, .cvc, .name])
        #expect(found.map(\.code) == [.numberLength, .expiryMonthInvalid, .cvcInvalid, .nameRequired])
    }

    @Test func validationComesBeforeTheTestCardTable() {
        // A decline card with an expired date is a field error, not a decline.
        #expect(Fixture.charge(Fixture.card("4000000000000002", expiry: "01/20")) == .invalid([FieldError(.expiryPast)]))
        // A real-looking number with a bad CVC: the field error, not the "real card" refusal.
        #expect(Fixture.charge(Fixture.card("4111111111111111", cvc: "1")) == .invalid([FieldError(.cvcThreeDigits)]))
    }

    @Test(arguments: ["4242424242424242", "79927398713", "0"])
    func luhnValid(digits: String) { #expect(Luhn.isValid(digits)) }

    @Test(arguments: ["4242424242424243", "79927398710", "", "42a2"])
    func luhnInvalid(digits: String) { #expect(!Luhn.isValid(digits)) }
}

import Foundation
import Testing
import Billing
@testable import Checkout

@Suite struct Redaction {
    static let cards: [(number: String, cvc: String)] = [
        ("4242424242424242", "987"),
        ("4242 4242 4242 4242", "987"),
        ("378282246310005", "6543"),
        ("4111111111111111", "321"),
        ("12345678", "555"),               // garbage: nothing may show, not even "last 4"
    ]

    func everyRendering(of value: Any) -> [String] {
        var dumped = ""
        dump(value, to: &dumped)
        var printed = ""
        print(value, to: &printed)
        var debugPrinted = ""
        debugPrint(value, to: &debugPrinted)
        let mirror = Mirror(reflecting: value).children.map { "\($0.label ?? ""): \($0.value)" }.joined(separator: ", ")
        return [String(describing: value), "\(value)", String(reflecting: value), dumped, printed, debugPrinted, mirror]
    }

    func assertNoLeak(_ text: String, number: String, cvc: String) {
        let digits = number.filter(\.isNumber)
        #expect(!text.contains(digits), "\(text)")
        #expect(!text.contains(number), "\(text)")
        #expect(!text.contains(digits.prefix(6)), "\(text)")     // not even the IIN
        #expect(!text.contains(cvc), "\(text)")
    }

    @Test(arguments: cards.indices)
    func cardNeverLeaksNumberOrCVC(index: Int) {
        let (number, cvc) = Self.cards[index]
        let card = CardDetails(number: number, expiry: "12/30", cvc: cvc, name: "Marie Tremblay")
        for text in everyRendering(of: card) { assertNoLeak(text, number: number, cvc: cvc) }
        // Nor when it is inside a request, or in an array.
        let request = ChargeRequest(amount: Fixture.cad(100), source: .card(card))
        for text in everyRendering(of: request) + everyRendering(of: [card]) + everyRendering(of: request.source) {
            assertNoLeak(text, number: number, cvc: cvc)
        }
    }

    @Test func descriptionShowsBrandAndLast4Only() {
        let card = CardDetails(number: "4242 4242 4242 4242", expiry: "12/30", cvc: "987", name: "Marie Tremblay")
        #expect(card.description == "Visa •••• 4242")
        #expect("\(card)" == "Visa •••• 4242")
        #expect(String(reflecting: card) == "CardDetails(Visa •••• 4242, redacted)")
        #expect(!String(reflecting: card).contains("Marie"))
        #expect(CardDetails(number: "12345678", expiry: "12/30", cvc: "1", name: "").description == "Card ••••")
        #expect(CardDetails(number: "6200000000000005", expiry: "12/30", cvc: "1", name: "").description == "Card •••• 0005")
    }

    @Test func dumpShowsOnlySafeFields() {
        var dumped = ""
        dump(CardDetails(number: "378282246310005", expiry: "12/30", cvc: "6543", name: "Marie Tremblay"), to: &dumped)
        #expect(dumped.contains("American Express"))
        #expect(dumped.contains("0005"))
        #expect(dumped.contains("12/30"))
        #expect(!dumped.contains("Marie"))
    }

    @Test func cardDetailsAndRequestsAreNotEncodable() {
        let card = Fixture.card("4242424242424242")
        #expect(!((card as Any) is any Encodable))
        #expect(!((card as Any) is any Decodable))
        #expect(!((ChargeRequest(amount: Fixture.cad(1), source: .card(card)) as Any) is any Encodable))
    }

    @Test func outcomesEncodeWithoutCardData() throws {
        let outcome = Fixture.charge(Fixture.card("4242424242424242", cvc: "987"))
        let json = String(decoding: try JSONEncoder().encode(outcome), as: UTF8.self)
        #expect(!json.contains("4242424242424242") && !json.contains("987"))
        #expect(json.contains("4242"))
        #expect(try JSONDecoder().decode(ChargeOutcome.self, from: Data(json.utf8)) == outcome)
    }
}

@Suite struct Messages {
    @Test(arguments: DeclineReason.allCases)
    func declineMessages(reason: DeclineReason) {
        let fr = reason.message(.fr)
        let en = reason.message(.en)
        #expect(fr.count > 20 && en.count > 20)
        #expect(fr != en)
        #expect(fr.hasSuffix(".") && en.hasSuffix("."))
        #expect(!fr.contains("'") && !fr.contains(" :"))   // typographic apostrophe, no-break space before colon
    }

    @Test(arguments: FieldError.Code.allCases)
    func fieldMessages(code: FieldError.Code) {
        let error = FieldError(code)
        let fr = error.message(.fr)
        let en = error.message(.en)
        #expect(fr.count > 10 && en.count > 10)
        #expect(fr != en)
        #expect(!fr.contains("'") && !fr.contains(" :"))
    }

    @Test func fieldMessagesAreDistinctWithinALanguage() {
        for language in Language.allCases {
            let messages = FieldError.Code.allCases.map { FieldError($0).message(language) }
            #expect(Set(messages).count == messages.count)
        }
    }

    @Test func lostAndStolenLookLikeAGenericDecline() {
        for language in Language.allCases {
            #expect(DeclineReason.lostCard.message(language) == DeclineReason.cardDeclined.message(language))
            #expect(DeclineReason.stolenCard.message(language) == DeclineReason.cardDeclined.message(language))
        }
        #expect(DeclineReason.lostCard.rawValue == "lost_card")
    }

    @Test func codesAreStable() {
        #expect(DeclineReason.allCases.map(\.rawValue) == [
            "card_declined", "insufficient_funds", "lost_card", "stolen_card", "expired_card", "incorrect_cvc",
            "processing_error", "authentication_failed", "not_a_test_card", "wallet_failed", "affirm_declined",
            "affirm_not_eligible",
        ])
        #expect(FieldError.Code.allCases.allSatisfy { $0.rawValue.hasPrefix($0.field.rawValue) })
    }
}


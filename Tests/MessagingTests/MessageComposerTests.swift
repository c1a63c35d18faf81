import Testing
@testable import Messaging

struct MessageComposerTests {
    static let context = PlaceholderTests.context

    @Test(arguments: [
        (MessageLanguage.en, false, "Your car is ready.", "Garage Tremblay: Your car is ready."),
        (.fr, false, "Votre auto est prête.", "Garage Tremblay : Votre auto est prête."),
        (.en, true, "Your car is ready.", "Garage Tremblay: Your car is ready. Reply STOP to opt out."),
        (.fr, true, "Votre auto est prête.",
         "Garage Tremblay : Votre auto est prête. Répondez ARRET pour vous désabonner."),
        // Already starts with the company name (any case): no second prefix.
        (.en, false, "Garage Tremblay here: your car is ready.", "Garage Tremblay here: your car is ready."),
        (.en, false, "GARAGE TREMBLAY: ready.", "GARAGE TREMBLAY: ready."),
        // Only a whole-word match counts as the name.
        (.en, false, "Garage Tremblayville is closed.", "Garage Tremblay: Garage Tremblayville is closed."),
        // Opt-out words already there are not repeated.
        (.en, true, "Ready. Reply STOP to opt out.", "Garage Tremblay: Ready. Reply STOP to opt out."),
        (.en, false, "  Ready.  ", "Garage Tremblay: Ready."),
    ])
    func finish(language: MessageLanguage, optOut: Bool, body: String, expected: String) throws {
        let composer = MessageComposer(companyName: "Garage Tremblay", includesOptOut: optOut)
        #expect(try composer.finish(body: body, language: language).text == expected)
    }

    @Test func noBreakSpacesFromFormattingAreNormalized() throws {
        var context = Self.context
        context.formattedAmount = "1\u{00A0}234,56\u{00A0}$"
        let composer = MessageComposer(companyName: "Garage Tremblay", includesOptOut: false)
        let message = try composer.compose(.paymentRequest, language: .fr, context: context)
        #expect(message.text.contains("(1 234,56 $)"))
        #expect(!message.text.unicodeScalars.contains("\u{00A0}"))
        #expect(message.segments.encoding == .gsm7)
    }

    @Test func companyNameNoBreakSpaceIsNormalized() throws {
        let composer = MessageComposer(companyName: "Vétérinaires\u{00A0}Roy", includesOptOut: false)
        let message = try composer.finish(body: "Moka est prête.", language: .fr)
        #expect(message.text == "Vétérinaires Roy : Moka est prête.")
        #expect(message.segments.encoding == .ucs2)  // "prête": ê is not GSM-7
        #expect(try composer.finish(body: "Vétérinaires Roy: Moka va bien.", language: .fr).segments.encoding == .gsm7)
    }

    @Test func paymentRequestDefault() throws {
        let composer = MessageComposer(companyName: "Garage Tremblay", includesOptOut: true)
        let message = try composer.compose(.paymentRequest, language: .en, context: Self.context)
        #expect(message.text == "Garage Tremblay: Hi Julie Gagnon, here is your secure payment link for invoice "
            + "INV-1042 (125,00 $): http://127.0.0.1:8080/p/AAAAAAAAAAAAAAAAAAAAAA/ Reply STOP to opt out.")
        #expect(message.isReadyToSend)
        #expect(message.segments == SMSSegments.count(message.text))
    }

    @Test(arguments: FixedMessage.allCases, MessageLanguage.allCases)
    func fixedTextsFillAndMentionWhatTheyMust(fixed: FixedMessage, language: MessageLanguage) throws {
        let template = try fixed.template(in: language)
        let composer = MessageComposer(companyName: "Garage Tremblay", includesOptOut: false)
        let message = try composer.compose(template, context: Self.context)
        #expect(message.isReadyToSend)
        if fixed != .test {
            #expect(message.text.contains("INV-1042"))
            #expect(message.text.contains("125,00 $"))
            #expect(message.text.contains("/p/AAAAAAAAAAAAAAAAAAAAAA/"))
        }
        // Only the French confirmation ("reçu") is allowed to cost UCS-2.
        let expected: SMSEncoding = (fixed, language) == (.confirmation, .fr) ? .ucs2 : .gsm7
        #expect(message.segments.encoding == expected)
    }

    @Test func savedReplyInCustomersLanguage() throws {
        let reply = SavedReply(name: "rent", en: "Rent due {customer.meta_rent_due}: {request.link}",
                               fr: "Loyer dû le {customer.meta_rent_due} : {request.link} [signature]")
        let composer = MessageComposer(companyName: "Gestion Roy", includesOptOut: false)
        let message = try composer.compose(reply: reply, language: .fr, context: Self.context)
        #expect(message.text.hasPrefix("Gestion Roy : Loyer dû le 1er mars"))
        #expect(message.unfilledBrackets == ["[signature]"])
        #expect(!message.isReadyToSend)

        let englishOnly = SavedReply(name: "rent", en: "Rent")
        #expect(throws: MessagingError.replyMissingLanguage(name: "rent", language: .fr)) {
            try composer.compose(reply: englishOnly, language: .fr, context: Self.context)
        }
    }

    @Test func emptyBodyIsRefused() {
        let composer = MessageComposer(companyName: "Garage Tremblay", includesOptOut: true)
        #expect(throws: MessagingError.emptyMessage) { try composer.finish(body: " \n ", language: .en) }
    }
}

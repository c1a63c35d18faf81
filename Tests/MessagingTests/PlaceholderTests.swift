import Testing
@testable import Messaging

struct PlaceholderTests {
    static let context = PlaceholderContext(
        customerName: "Julie Gagnon",
        customerMeta: ["rent_due": "1er mars"],
        companyName: "Garage Tremblay",
        appointmentMeta: ["animal_name": "Moka"],
        reference: "INV-1042",
        formattedAmount: "125,00 $",
        link: "http://127.0.0.1:8080/p/AAAAAAAAAAAAAAAAAAAAAA/"
    )

    static func fill(_ text: String, language: MessageLanguage = .en) throws(MessagingError) -> String {
        try PlaceholderFiller.fill(MessageTemplate(name: "t", language: language, text: text), with: context)
    }

    @Test(arguments: [
        ("Hi {customer.name}", "Hi Julie Gagnon"),
        ("Hi { customer.name }!", "Hi Julie Gagnon!"),
        ("Hi {   customer.name}", "Hi Julie Gagnon"),
        ("{company.name}", "Garage Tremblay"),
        ("Loyer dû le { customer.meta_rent_due }", "Loyer dû le 1er mars"),
        ("Rendez-vous de {appointment.meta_animal_name}", "Rendez-vous de Moka"),
        ("{request.reference} {request.amount} {request.link}",
         "INV-1042 125,00 $ http://127.0.0.1:8080/p/AAAAAAAAAAAAAAAAAAAAAA/"),
        ("No placeholders", "No placeholders"),
        ("", ""),
    ])
    func fills(template: String, expected: String) throws {
        #expect(try Self.fill(template) == expected)
    }

    @Test func valuesAreNotParsedAgain() throws {
        var context = Self.context
        context.customerName = "{company.name}"
        let template = try MessageTemplate(name: "t", language: .en, text: "Hi {customer.name}")
        #expect(try PlaceholderFiller.fill(template, with: context) == "Hi {company.name}")
    }

    @Test(arguments: [
        ("Hi {customer.nom}", "customer.nom", 3),
        ("Bonjour { client.name }", "client.name", 8),
        ("{customer.meta_}", "customer.meta_", 0),
        ("{ request.total }", "request.total", 0),
    ])
    func unknownPlaceholderIsNamed(template: String, name: String, offset: Int) {
        let location = TemplateLocation(template: "t", language: .fr, offset: offset)
        #expect(throws: MessagingError.unknownPlaceholder(name, at: location)) {
            try Self.fill(template, language: .fr)
        }
    }

    @Test func missingMetaIsNamed() {
        let location = TemplateLocation(template: "t", language: .en, offset: 4)
        let expected = MessagingError.placeholderNotSet("customer.meta_unit", at: location)
        #expect(throws: expected) { try Self.fill("Apt {customer.meta_unit}") }
        #expect(expected.description.hasPrefix("customer.meta_unit is not set for this customer"))
    }

    @Test func missingAppointmentMetaAndBlankValues() {
        #expect(throws: MessagingError.placeholderNotSet(
            "appointment.meta_time", at: TemplateLocation(template: "t", language: .en, offset: 0)
        )) { try Self.fill("{appointment.meta_time}") }

        var context = Self.context
        context.customerName = "  "
        #expect(throws: MessagingError.self) {
            try PlaceholderFiller.fill(MessageTemplate(name: "t", language: .en, text: "{customer.name}"), with: context)
        }
    }

    @Test(arguments: [
        ("Hi {customer.name", MessagingError.unterminatedPlaceholder(at: .init(template: "t", language: .en, offset: 3))),
        ("{a {customer.name}", .unterminatedPlaceholder(at: .init(template: "t", language: .en, offset: 0))),
        ("Hi {customer.name\n}", .unterminatedPlaceholder(at: .init(template: "t", language: .en, offset: 3))),
        ("Hi customer.name}", .unexpectedClosingBrace(at: .init(template: "t", language: .en, offset: 16))),
        ("Hi { }", .emptyPlaceholder(at: .init(template: "t", language: .en, offset: 3))),
    ])
    func malformedTemplates(text: String, error: MessagingError) {
        #expect(throws: error) { try MessageTemplate(name: "t", language: .en, text: text) }
    }

    @Test func offsetsCountCharactersNotBytes() {
        // "Réparé " is 7 Characters but 9 UTF-8 bytes.
        #expect(throws: MessagingError.unknownPlaceholder("x", at: .init(template: "t", language: .fr, offset: 7))) {
            try Self.fill("Réparé {x}", language: .fr)
        }
    }

    @Test(arguments: [
        ("Your appointment is on [insert date].", ["[insert date]"]),
        ("[a] and [ b ]", ["[a]", "[ b ]"]),
        ("Nothing to fill", []),
        ("Unclosed [date", ["[date"]),
        ("[outer [inner]", ["[outer ", "[inner]"]),
    ])
    func unfilledBrackets(text: String, expected: [String]) {
        #expect(PlaceholderFiller.unfilledBrackets(in: text) == expected)
    }

    @Test func placeholderNamesInOrder() throws {
        let template = try MessageTemplate(name: "t", language: .en, text: "{ a } x {b}{a}")
        #expect(template.placeholderNames == ["a", "b", "a"])
    }
}

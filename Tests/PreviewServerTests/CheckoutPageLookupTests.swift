import Billing
import PageModels
@testable import PreviewServer
import TemplatingTesting
import Testing

/// What the checkout template can read is written by hand (CheckoutPage+Lookup.swift): every
/// stored property must be answered with its own value, in a sample where every optional is
/// set and every list filled, with distinct texts.
struct CheckoutPageLookupTests {
    static func sample() -> CheckoutPage {
        var count = 0
        func v() -> String {
            count += 1
            return "v\(count)"
        }
        func field() -> CheckoutPage.Field {
            .init(id: v(), label: v(), value: v(), error: v(), invalid: true, hint: v(), describedBy: v())
        }
        let business = BusinessSettings(companyName: v(), phone: try! PhoneNumber("514-555-0142"), email: v(), website: v(),
                                        address: .init(street: v(), city: v(), province: "QC", postalCode: v()),
                                        taxes: [TaxRate(code: "GST", nameFR: v(), nameEN: v(), percent: FixedDecimal(units: 5, scale: 0),
                                                        registrationNumber: v())],
                                        affirm: .init(enabled: true, minimum: Money(minorUnits: 5_000, currency: .cad),
                                                      maximum: Money(minorUnits: 3_000_000, currency: .cad)))
        let strings = Strings(table: ["call_label": "Call {company}", "text_label": "Text {company}"], language: .en)
        return CheckoutPage(
            chrome: Chrome(lang: v(), title: v(), stylesheets: [v()], scripts: [v()], bodyClass: v()) { "/assets/\($0)" },
            company: CompanyView(business, strings: strings, language: .en), t: [v(): v()],
            title: v(), reference: v(), amount: v(), action: v(), attempt: v(), lang: v(), backHref: v(),
            languages: [LanguageLink(code: v(), label: v(), href: v(), current: true)],
            methods: [.init(code: v(), label: v(), href: v(), current: true)],
            alert: v(), alerts: [v()], hasAlerts: true, hasMethods: true, notice: v(),
            card: .init(name: field(), number: field(), exp: field(), cvc: field(), testCards: [.init(number: v(), outcome: v())]),
            wallet: .init(method: v(), title: v(), cardLabel: v(), approveLabel: v()),
            affirm: .init(plans: [.init(months: 12, label: v(), detail: v(), checked: true)]),
            challenge: .init(id: v(), text: v()),
            done: .init(text: v(), plan: v(), receiptHref: v(), receiptNumber: v()),
            closed: v(), payLabel: v())
    }

    @Test func everyStoredPropertyIsAnswered() {
        let sample = Self.sample()
        #expect(TemplateFieldAudit.unpopulated(sample) == [], "the sample must set every optional and fill every list")
        let findings = TemplateFieldAudit.findings(sample)
        #expect(findings.isEmpty, "\(findings.map(\.description).joined(separator: "\n"))")
    }

    /// Nil optionals are answered as known names without a value.
    @Test func nilsAreKnownNames() {
        var sample = Self.sample()
        sample.card = nil
        sample.done = nil
        sample.alert = nil
        #expect(TemplateFieldAudit.findings(sample).isEmpty)
    }
}

import Billing
import Foundation
@testable import Generator
import Testing

/// Golden HTML of the payment page and the receipt, for a quick payment and an itemized
/// invoice, in both languages and every state. `PAYPAGE_UPDATE_GOLDEN=1 swift test --filter Golden`
/// rewrites them after an intended change; review the diff before committing.
struct GoldenPageTests {
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let updating = ProcessInfo.processInfo.environment["PAYPAGE_UPDATE_GOLDEN"] == "1"

    /// One golden pair (payment page, receipt), named like `itemized · fr · partially_refunded`.
    struct Case: Sendable, CustomTestStringConvertible {
        /// `quick` or `invoice`, as in the golden files' names.
        var kind: String
        var state: Fixtures.State
        var language: Language

        var model: RequestModel { Fixtures.model(kind == "quick" ? Fixtures.quickInvoice() : Fixtures.itemizedInvoice(), state: state) }

        var testDescription: String {
            "\(kind == "quick" ? "quick" : "itemized") · \(language.rawValue) · \(model.state.status.rawValue)"
        }
    }

    static let cases: [Case] = ["quick", "invoice"].flatMap { kind in
        Fixtures.State.allCases.flatMap { state in Language.allCases.map { Case(kind: kind, state: state, language: $0) } }
    }

    func check(_ html: String, _ name: String) throws {
        let url = Self.goldenFolder.appendingPathComponent(name)
        if Self.updating {
            try FileManager.default.createDirectory(at: Self.goldenFolder, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: url)
            return
        }
        let golden = (Bundle.module.url(forResource: "Golden/\(name)", withExtension: nil)).flatMap { try? String(contentsOf: $0, encoding: .utf8) }
            ?? (try? String(contentsOf: url, encoding: .utf8))
        guard let golden else {
            Issue.record("missing golden file \(name): run PAYPAGE_UPDATE_GOLDEN=1 swift test --filter Golden")
            return
        }
        if golden != html {
            let a = golden.split(separator: "\n", omittingEmptySubsequences: false)
            let b = html.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            Issue.record("""
                \(name) differs from its golden file at line \(line + 1):
                  golden: \(line < a.count ? String(a[line]) : "<end>")
                  actual: \(line < b.count ? String(b[line]) : "<end>")
                (PAYPAGE_UPDATE_GOLDEN=1 rewrites the golden files)
                """)
        }
    }

    @Test(arguments: GoldenPageTests.cases)
    func page(_ golden: Case) throws {
        let (kind, state, language) = (golden.kind, golden.state, golden.language)
        let model = golden.model
        let factory = PageFactory(theme: try Fixtures.theme())
        let payment = try factory.theme.render("payment", factory.paymentPage(model, language: language, place: .paymentLanguage))
        try check(payment, "\(kind)-\(state.rawValue)-\(language.rawValue).html")
        if let receipt = factory.receiptPage(model, language: language, place: .receiptLanguage) {
            try check(try factory.theme.render("receipt", receipt), "\(kind)-\(state.rawValue)-receipt-\(language.rawValue).html")
        }
    }

    /// What the goldens show, checked by meaning too, so an update cannot silently lose it.
    @Test func pagesShowWhatTheStateRequires() throws {
        let factory = PageFactory(theme: try Fixtures.theme())
        let open = try factory.theme.render("payment", factory.paymentPage(Fixtures.model(Fixtures.itemizedInvoice(), state: .open), language: .fr, place: .paymentLanguage))
        #expect(open.contains("/checkout/AbCdEfGhIjKlMnOpQrStUv/?lang=fr&amp;method=card"))
        #expect(open.contains("method=affirm"))
        #expect(open.contains("TPS (5\u{00A0}%)"))
        #expect(open.contains("TVQ (9,975\u{00A0}%)"))
        #expect(open.contains("30 novembre 2026"))
        #expect(open.contains("<strong>Garantie</strong>"))
        #expect(open.contains("3,5 × 119,00\u{00A0}$"))
        let voided = try factory.theme.render("payment", factory.paymentPage(Fixtures.model(Fixtures.itemizedInvoice(), state: .voided), language: .en, place: .paymentLanguage))
        #expect(!voided.contains("/checkout/"))
        #expect(!voided.contains("class=\"method"))
        #expect(voided.contains("banner-voided"))
        let paid = try factory.theme.render("payment", factory.paymentPage(Fixtures.model(Fixtures.quickInvoice(), state: .paid), language: .en, place: .paymentLanguage))
        #expect(!paid.contains("/checkout/"))
        #expect(paid.contains("href=\"../receipt/en/\""))
        #expect(paid.contains("$289.50"))
    }

    @Test func receiptShowsRefundsBalanceAndIsBilingualInQuebec() throws {
        let factory = PageFactory(theme: try Fixtures.theme())
        let model = Fixtures.model(Fixtures.itemizedInvoice(), state: .partial)
        let en = try factory.theme.render("receipt", factory.receiptPage(model, language: .en, place: .receiptLanguage)!)
        #expect(en.contains("<html lang=\"fr\""))
        #expect(en.contains("Reçu / Receipt"))
        #expect(en.contains("Visa •••• 4242"))
        #expect(en.contains("A1B2C3"))
        #expect(en.contains("Remboursement nº 000007"))
        #expect(en.contains("5 à 10 jours ouvrables"))
        #expect(en.contains("5–10 business days"))
        #expect(en.contains("TPS 123456789 RT0001"))
        // Outside Quebec the English receipt is English only.
        let ontario = Fixtures.model(Fixtures.itemizedInvoice(), state: .partial, business: Fixtures.business(province: "ON"))
        let onEN = try factory.theme.render("receipt", factory.receiptPage(ontario, language: .en, place: .receiptLanguage)!)
        #expect(onEN.contains("<html lang=\"en\""))
        #expect(onEN.contains("Refunds reach the card statement in 5–10 business days."))
        #expect(!onEN.contains("jours ouvrables"))
        // Balance = paid − refunded.
        let paid = model.state.paid.minorUnits, refunded = model.state.refunded.minorUnits
        #expect(en.contains(MoneyFormat.format(Money(minorUnits: paid - refunded, currency: .cad), .fr)))
    }
}

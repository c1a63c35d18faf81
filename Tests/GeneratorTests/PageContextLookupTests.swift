import Billing
@testable import Generator
import PageModels
import Templating
import TemplatingTesting
import Testing

/// What templates can read of each page context is written by hand (PageContexts+Lookup.swift):
/// every stored property of every context must be answered, with its own value. Samples are
/// fully populated (every optional set, every list non-empty), with distinct texts.
struct PageContextLookupTests {
    enum Page: String, CaseIterable, Sendable {
        case payment, receipt, gallery
    }

    /// Hands out "v1", "v2", … so that no two fields hold the same text.
    struct Distinct {
        var count = 0
        mutating func next() -> String {
            count += 1
            return "v\(count)"
        }
    }

    static func sample(_ page: Page) -> any TemplateObject {
        var v = Distinct()
        let t = Strings(table: ["call_label": "Call {company}", "text_label": "Text {company}"], language: .en)
        let chrome = Chrome(lang: v.next(), neutral: true, title: v.next(), stylesheets: [v.next()], scripts: [v.next()],
                            bodyClass: v.next()) { "assets/\($0)" }
        let table = [v.next(): v.next()]
        let company = CompanyView(Fixtures.business(), strings: t, language: .fr)
        let languages = [LanguageLink(code: v.next(), label: v.next(), href: v.next(), current: true)]
        let lines = [LineView(description: v.next(), detail: v.next(), discount: v.next(), total: v.next(), opCode: v.next(),
                               kindKey: v.next(), kindLabel: v.next(), technician: v.next())]
        let totals = TotalsView(subtotal: v.next(), taxes: [TaxLineView(label: v.next(), amount: v.next())], total: v.next())
        let facts = [FactView(label: v.next(), value: v.next())]
        let nav = [NavLink(label: v.next(), href: v.next(), current: true, count: v.next())]
        let pager = Pager(text: v.next(), previous: v.next(), next: v.next(), previousLabel: v.next(), nextLabel: v.next())
        switch page {
        case .payment:
            return PaymentPage(
                chrome: chrome, t: table, company: company, languages: languages, reference: v.next(), statusKey: v.next(),
                statusLabel: v.next(), heroLabel: v.next(), heroAmount: v.next(), heroStruck: true, facts: facts,
                banner: BannerView(kind: v.next(), title: v.next(), text: v.next(), receiptHref: v.next(), receiptLabel: v.next()),
                showPayment: true, payTitle: v.next(),
                methods: [MethodView(key: v.next(), label: v.next(), href: v.next(), detail: v.next(), primary: true)],
                itemized: true, lines: lines, totals: totals, notesHTML: v.next(), footerLegal: v.next())
        case .receipt:
            return ReceiptPage(
                chrome: chrome, t: table, company: company, languages: languages, bilingual: true, receiptNumber: v.next(),
                reference: v.next(), paymentDate: v.next(), customerName: v.next(), method: v.next(), authorizationCode: v.next(),
                facts: facts, itemized: true, lines: lines, totals: totals, amountPaid: v.next(), quickLine: v.next(),
                affirm: AffirmView(summary: v.next(), monthly: v.next(), apr: v.next(), months: v.next()),
                refunds: [RefundView(date: v.next(), label: v.next(), reason: v.next(), amount: v.next())], hasRefunds: true,
                refundDelay: v.next(), totalRefunded: v.next(), balance: v.next(), statusKey: v.next(), statusLabel: v.next(),
                paymentHref: v.next(), paperClass: v.next())
        case .gallery:
            return GalleryPage(chrome: chrome, t: table, heading: v.next(), nav: nav,
                               rows: [GalleryRow(reference: v.next(), business: v.next(), theme: v.next(), statusKey: v.next(),
                                                 statusLabel: v.next(), kind: v.next(), links: [GalleryLink(label: v.next(), href: v.next())])],
                               empty: true, pager: pager)
        }
    }

    @Test(arguments: Page.allCases)
    func everyStoredPropertyIsAnswered(_ page: Page) {
        let sample = Self.sample(page)
        #expect(TemplateFieldAudit.unpopulated(sample) == [], "the sample must set every optional and fill every list")
        let findings = TemplateFieldAudit.findings(sample)
        #expect(findings.isEmpty, "\(findings.map(\.description).joined(separator: "\n"))")
    }

    /// The pages as a real build makes them, nil optionals and empty lists included: a nil must
    /// be answered as known without a value, not as an unknown name.
    @Test func realPagesAnswerTheirNils() throws {
        let factory = PageFactory(theme: try Fixtures.theme())
        for state in Fixtures.State.allCases {
            let model = Fixtures.model(Fixtures.quickInvoice(), state: state)
            let payment = factory.paymentPage(model, language: .en, place: .paymentLanguage)
            #expect(TemplateFieldAudit.findings(payment).isEmpty, "\(state)")
            if let receipt = factory.receiptPage(model, language: .en, place: .receiptLanguage) {
                #expect(TemplateFieldAudit.findings(receipt).isEmpty, "\(state)")
            }
        }
    }
}

import Billing
import Foundation
@testable import Generator
import Testing

/// Golden HTML of an imported repair order's payment page and receipt (op codes, kinds,
/// technicians), in both languages. The other goldens, of invoices without these fields, stay as
/// they were: their pages do not even link the stylesheet of these lines.
struct GoldenRepairOrderTests {
    @Test(arguments: [Fixtures.State.open, .paid], Language.allCases)
    func page(_ state: Fixtures.State, _ language: Language) throws {
        let model = Fixtures.model(Fixtures.repairOrderInvoice(), state: state)
        let factory = PageFactory(theme: try Fixtures.theme())
        let golden = GoldenPageTests()
        try golden.check(try factory.theme.render("payment", factory.paymentPage(model, language: language, place: .paymentLanguage)),
                         "repair-order-\(state.rawValue)-\(language.rawValue).html")
        if let receipt = factory.receiptPage(model, language: language, place: .receiptLanguage) {
            try golden.check(try factory.theme.render("receipt", receipt), "repair-order-\(state.rawValue)-receipt-\(language.rawValue).html")
        }
    }

    @Test("the op code is beside the description, the kind after it, the technician below; a line without them is as before")
    func whatTheLinesShow() throws {
        let factory = PageFactory(theme: try Fixtures.theme())
        let fr = try factory.theme.render("payment", factory.paymentPage(Fixtures.model(Fixtures.repairOrderInvoice(), state: .open),
                                                                          language: .fr, place: .paymentLanguage))
        #expect(fr.contains("<span class=\"line-desc\"><span class=\"line-op\">01A</span> Vidange d&#39;huile et inspection <span class=\"line-kind line-kind-labour\">Main-d’œuvre</span></span>"))
        #expect(fr.contains("<span class=\"line-detail line-tech\">Technicien\u{00A0}: Martin L.</span>"))
        #expect(fr.contains("<span class=\"line-kind line-kind-discount\">Rabais</span>"))
        #expect(fr.contains("<span class=\"line-desc\">Lave-glace (ajouté au comptoir)</span><"))
        #expect(fr.contains("css/lines."))
        let en = try factory.theme.render("payment", factory.paymentPage(Fixtures.model(Fixtures.repairOrderInvoice(.en), state: .open),
                                                                          language: .en, place: .paymentLanguage))
        #expect(en.contains("<span class=\"line-kind line-kind-sublet\">Sublet</span>"))
        #expect(en.contains("Technician: Géométrie Plus"))
        let plain = try factory.theme.render("payment", factory.paymentPage(Fixtures.model(Fixtures.itemizedInvoice(), state: .open),
                                                                             language: .fr, place: .paymentLanguage))
        #expect(!plain.contains("css/lines.") && !plain.contains("line-op") && !plain.contains("line-kind"))
    }
}

import Billing
import Foundation
@testable import Generator
import Testing

struct ProfileTests {
    @Test func phases() throws {
        guard ProcessInfo.processInfo.environment["PAYPAGE_PROFILE"] != nil else { return }
        let factory = PageFactory(theme: try Fixtures.theme())
        let model = Fixtures.model(Fixtures.itemizedInvoice(), state: .partial)
        let clock = ContinuousClock()
        var page: PaymentPage?
        let a = clock.measure { for _ in 0..<200 { page = factory.paymentPage(model, language: .fr, place: .paymentLanguage) } }
        var html = ""
        let b = try clock.measure { for _ in 0..<200 { html = try factory.theme.render("payment", RenderTree.make(page!)) } }
        let receipt = factory.receiptPage(model, language: .fr, place: .receiptLanguage)!
        let c = try clock.measure { for _ in 0..<200 { html = try factory.theme.render("receipt", RenderTree.make(receipt)) } }
        print("profile context \(a / 200), render payment \(b / 200), render receipt \(c / 200), \(html.count)")
    }
}

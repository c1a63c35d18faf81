import Billing
import Dispatch
import Foundation
@testable import Generator
import Testing

/// `PAYPAGE_PROFILE=1 swift test --filter Profile`: per-page costs, alone and on two threads.
struct ProfileTests {
    @Test func phases() throws {
        guard ProcessInfo.processInfo.environment["PAYPAGE_PROFILE"] != nil else { return }
        let factory = PageFactory(theme: try Fixtures.theme())
        let model = Fixtures.model(Fixtures.itemizedInvoice(), state: .partial)
        let clock = ContinuousClock()
        let n = 200
        let dates = DateFormats()
        var page: PaymentPage?
        let a = clock.measure { for _ in 0..<n { page = factory.paymentPage(model, language: .fr, place: .paymentLanguage, dates: dates) } }
        let fixed = page!
        let tree = clock.measure { for _ in 0..<n { _ = RenderTree.make(fixed) } }
        let treeValue = RenderTree.make(fixed)
        let b = try clock.measure { for _ in 0..<n { _ = try factory.theme.render("payment", treeValue) } }
        print("profile 1 thread: context \(a / n), tree \(tree / n), render \(b / n)")
        for workers in [1, 2] {
            let t = clock.measure {
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    let treeValue = RenderTree.make(fixed)
                    for _ in 0..<(n / workers) { _ = try? factory.theme.render("payment", treeValue) }
                }
            }
            let c = clock.measure {
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    let dates = DateFormats()
                    for _ in 0..<(n / workers) { _ = factory.paymentPage(model, language: .fr, place: .paymentLanguage, dates: dates) }
                }
            }
            let m = clock.measure {
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    for _ in 0..<(n / workers) { _ = RenderTree.make(fixed) }
                }
            }
            print("profile \(workers) workers, \(n) pages: render \(t), contexts \(c), trees \(m)")
        }
    }
}

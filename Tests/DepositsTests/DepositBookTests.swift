import Billing
import Deposits
import Foundation
import Operations
import Store
import Testing

/// Deposits through the real operations and ledger: fees stored with payments, offline
/// payments left out, shortfalls, the names `deposits show` takes, and where a request's
/// money went.
struct DepositBookTests {
    typealias W = DepositWorkspace

    @Test func theFeeIsStoredWithThePaymentAndANewScheduleRewritesNothing() throws {
        let ws = try W(at: W.at("2026-11-02", 9))
        try ws.request("A-1", "100.00", at: W.at("2026-11-02", 9))
        try ws.pay("A-1", at: W.at("2026-11-02", 10))
        let first = try #require(try ws.settlements("A-1").first)
        #expect(first.fee == W.cad("3.20") && first.percentFee == W.cad("2.90"))
        #expect(first.day == W.day("2026-11-04"), "Monday + 2 business days")
        try ws.setDeposits { $0["fees"] = ["card": ["percent": "5", "fixed": "1.00"]] }
        #expect(try ws.settlements("A-1") == [first])
        try ws.request("A-2", "100.00", at: W.at("2026-11-03", 9))
        try ws.pay("A-2", at: W.at("2026-11-03", 10))
        #expect(try ws.settlements("A-2").first?.fee == W.cad("6.00"))
        ws.clock.set(W.at("2026-11-10"))
        let days = try ws.book.days(business: "main")
        #expect(days.map(\.deposit) == [W.cad("96.80"), W.cad("94.00")])
        #expect(days.map { $0.id?.description } == ["main-1", "main-2"])
    }

    @Test(arguments: [PaymentMethod.Kind.cash, .cheque, .etransfer])
    func offlinePaymentsAndTheirRefundsAreInNoDeposit(method: PaymentMethod.Kind) throws {
        let ws = try W(at: W.at("2026-11-02", 9))
        try ws.request("C-1", "50.00", at: W.at("2026-11-02", 9))
        try ws.pay("C-1", method, at: W.at("2026-11-02", 10))
        try ws.refund("C-1", "20.00", at: W.at("2026-11-03", 10))
        #expect(try ws.settlements("C-1").isEmpty)
        ws.clock.set(W.at("2026-11-20"))
        #expect(try ws.book.days(business: "main").isEmpty)
        let placement = try ws.book.placement(of: try Reference("C-1"))
        #expect(placement.status == .offline && placement.payment == nil && placement.refunds.isEmpty)
    }

    @Test func refundsGiveBackTheirShareOfThePercentageFeeOnlyWhereTheBusinessSaysSo() throws {
        let ws = try W(at: W.at("2026-11-02", 9))
        // Vélo Laurier: 2.7 % + 0.30, percentage returned on refunds.
        try ws.request("V-1", "200.00", business: "velo-laurier", at: W.at("2026-11-02", 9))
        try ws.pay("V-1", at: W.at("2026-11-02", 10))
        try ws.refund("V-1", "50.00", at: W.at("2026-11-03", 10))
        try ws.refund("V-1", nil, at: W.at("2026-11-04", 10))
        let velo = try ws.settlements("V-1")
        #expect(velo.map(\.kind) == [.payment, .refund, .refund])
        #expect(velo.map(\.fee) == [W.cad("5.70"), W.cad("1.35"), W.cad("4.05")], "5.40 back in all; the 0.30 never")
        #expect(velo.allSatisfy { $0.businessKey == "velo-laurier" })
        // The garage keeps the whole fee.
        try ws.request("G-1", "200.00", at: W.at("2026-11-02", 9))
        try ws.pay("G-1", at: W.at("2026-11-02", 10))
        try ws.refund("G-1", nil, at: W.at("2026-11-03", 10))
        #expect(try ws.settlements("G-1").map(\.fee) == [W.cad("6.10"), W.cad("0.00")])
    }

    @Test func weekendsAndHolidaysAreSkipped() throws {
        let ws = try W(at: W.at("2026-12-24", 9))
        // Thursday 24 December: Christmas and Boxing Day observed (Monday 28) are holidays of the garage.
        try ws.request("H-1", "80.00", at: W.at("2026-12-24", 9))
        try ws.pay("H-1", at: W.at("2026-12-24", 10))
        try ws.refund("H-1", "10.00", at: W.at("2026-12-26", 10))
        #expect(try ws.settlements("H-1").map(\.day) == [W.day("2026-12-30"), W.day("2026-12-29")])
    }

    /// Monday 2: A 100.00. Tuesday 3: C 20.00. Wednesday 4: D 500.00. Thursday 5: A refunded.
    /// Deposits: Wednesday 96.80 (main-1); Thursday none, 80.88 short; Friday 404.32 (main-2).
    func shortfallWeek() throws -> W {
        let ws = try W(at: W.at("2026-11-02", 9))
        for (reference, amount, day) in [("A-1", "100.00", "2026-11-02"), ("C-1", "20.00", "2026-11-03"), ("D-1", "500.00", "2026-11-04")] {
            try ws.request(reference, amount, at: W.at(day, 9))
            try ws.pay(reference, at: W.at(day, 10))
        }
        try ws.request("O-1", "75.00", at: W.at("2026-11-04", 11))
        try ws.refund("A-1", nil, at: W.at("2026-11-05", 10))
        ws.clock.set(W.at("2026-11-09", 9))
        return ws
    }

    @Test func aShortfallCarriesToTheNextDepositWithItsLine() throws {
        let ws = try shortfallWeek()
        let days = try ws.book.days(business: "main")
        #expect(days.map(\.day) == ["2026-11-04", "2026-11-05", "2026-11-06"].map(W.day))
        #expect(days.map(\.status) == [.deposited, .noDeposit, .deposited])
        #expect(days.map(\.deposit) == [W.cad("96.80"), W.cad("0.00"), W.cad("404.32")])
        #expect(days.map(\.shortfallCarried) == [W.cad("0.00"), W.cad("80.88"), W.cad("0.00")])
        let friday = try ws.book.find("main-2")
        #expect(friday.lines.map(\.kind) == [.shortfallTaken, .payment, .fee])
        #expect(friday.lines.map(\.amount) == [W.cad("-80.88"), W.cad("500.00"), W.cad("-14.80")])
        #expect(friday.lines[0].since == W.day("2026-11-05"))
        #expect(friday.lines.dropFirst().allSatisfy { $0.reference?.value == "D-1" })
        #expect(try ws.book.days(business: "main", from: W.day("2026-11-05"), to: W.day("2026-11-05")).map(\.status) == [.noDeposit])
    }

    @Test func eachRequestKnowsWhereItsMoneyWent() throws {
        let ws = try shortfallWeek()
        let a = try ws.book.placement(of: try Reference("a-1"))
        #expect(a.status == .tracked)
        #expect(a.payment?.placement == .deposited(DepositID(businessKey: "main", number: 1)))
        #expect(a.refunds.map(\.placement) == [.noDeposit] && a.refunds.map(\.day) == [W.day("2026-11-05")])
        #expect(try ws.book.placement(of: try Reference("C-1")).payment?.placement == .noDeposit)
        #expect(try ws.book.placement(of: try Reference("O-1")).status == .notPaid)
        #expect(throws: DepositError.noSuchRequest(try Reference("Z-9"))) { try ws.book.placement(of: try Reference("Z-9")) }
        // Before its day, a payment is expected on it.
        ws.clock.set(W.at("2026-11-05", 15))
        let d = try ws.book.placement(of: try Reference("D-1"))
        #expect(d.payment?.placement == .expected && d.payment?.day == W.day("2026-11-06"))
    }

    @Test func aBusinessPlacementsInOnePassMatchThoseOneByOne() throws {
        let book = try shortfallWeek().book
        let all = try book.placements(business: "main")
        #expect(all.keys.sorted() == ["a-1", "c-1", "d-1"])
        for reference in ["A-1", "C-1", "D-1"] {
            #expect(all[reference.lowercased()] == (try book.placement(of: try Reference(reference))))
        }
    }

    @Test(arguments: [
        ("main-2", "2026-11-06"), ("main-2026-11-05", "2026-11-05"), (" main-1 ", "2026-11-04"),
    ])
    func depositsAreFoundByTheirName(name: String, day: String) throws {
        #expect(try shortfallWeek().book.find(name).day == W.day(day))
    }

    @Test func withOneBusinessADepositIsNamedByItsNumberAlone() throws {
        let ws = try shortfallWeek()
        try FileManager.default.removeItem(at: ws.root.appendingPathComponent("Records/businesses"))
        try ws.setDeposits { _ in }
        #expect(try ws.book.find("2").id == DepositID(businessKey: "main", number: 2))
        #expect(try ws.book.find("2026-11-05").status == .noDeposit)
    }

    @Test func badDepositNamesSayWhy() throws {
        let book = try shortfallWeek().book
        let keys = book.businesses.keys
        #expect(throws: DepositError.businessNeeded(number: "2", known: keys)) { try book.find("2") }
        #expect(throws: DepositError.noSuchDeposit(DepositID(businessKey: "main", number: 3), count: 2)) { try book.find("main-3") }
        #expect(throws: DepositError.noSuchDeposit(DepositID(businessKey: "velo-laurier", number: 1), count: 0)) { try book.find("velo-laurier-1") }
        #expect(throws: DepositError.unknownBusiness("nope", known: keys)) { try book.find("nope-1") }
        #expect(throws: DepositError.invalidDepositName("main")) { try book.find("main") }
        #expect(throws: DepositError.noSuchDay(business: "main", day: W.day("2026-11-07"))) { try book.find("main-2026-11-07") }
        #expect(throws: DepositError.unknownBusiness("nope", known: keys)) { try book.days(business: "nope") }
    }

    @Test func laterEventsChangeNoEarlierDeposit() throws {
        let ws = try shortfallWeek()
        ws.clock.set(W.at("2026-11-09", 8))
        let before = try ws.book.days(business: "main")
        // Monday 9 and after: a refund of D, a new payment, a payment on Saturday.
        try ws.refund("D-1", "45.00", at: W.at("2026-11-09", 9))
        try ws.pay("O-1", at: W.at("2026-11-09", 10))
        try ws.request("S-1", "60.00", at: W.at("2026-11-14", 9))
        try ws.pay("S-1", .applePay, at: W.at("2026-11-14", 10))
        try ws.setDeposits { $0["settlementDelay"] = 0; $0["holidays"] = ["2026-11-05", "2026-11-06"] }
        ws.clock.set(W.at("2026-11-30"))
        let after = try ws.book.days(business: "main")
        #expect(Array(after.prefix(before.count)) == before)
        #expect(after.count > before.count)
        #expect(after.last?.id != nil)
    }

    @Test func aPaymentFromBeforeFeesWereStoredIsUntrackedButItsRefundCounts() throws {
        let ws = try W(at: W.at("2026-11-02", 9))
        try ws.request("L-1", "100.00", at: W.at("2026-11-02", 9))
        let reference = try Reference("L-1")
        let invoice = Invoice(reference: reference, customer: Customer(name: "Marie Tremblay", phone: try PhoneNumber("514-555-0100")),
                              content: .quick(W.cad("100.00")))
        let payment = Payment(amount: W.cad("100.00"), method: PaymentMethod(kind: .card, cardBrand: "Visa", last4: "4242"),
                              authorizationCode: "OLD", receiptNumber: 1,
                              snapshot: InvoiceSnapshot(invoice: invoice, totals: try invoice.totals(taxes: [], currency: .cad)))
        try ws.service.ledger.append(.paid(payment), to: reference, at: W.at("2026-11-02", 10))
        try ws.refund("L-1", "40.00", at: W.at("2026-11-03", 10))
        ws.clock.set(W.at("2026-11-10"))
        let placement = try ws.book.placement(of: reference)
        #expect(placement.status == .untracked && placement.payment == nil)
        #expect(placement.refunds.map(\.settlement.amount) == [W.cad("40.00")])
        #expect(placement.refunds.map(\.settlement.fee) == [W.cad("0.00")])
        #expect(try ws.book.days(business: "main").map(\.shortfallCarried) == [W.cad("40.00")])
    }
}

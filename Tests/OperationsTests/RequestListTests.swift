import Billing
import Foundation
import Operations
import Testing

/// The staff console's list: filters, search, pages, totals of every match, and the actions
/// the rules allow on each row.
@Suite("Request list for the console")
struct RequestListTests {
    /// Four requests: RO-1 paid then partly refunded, RO-2 voided, RO-3 and RO-4 open.
    static func workspace() throws -> TestWorkspace {
        let ws = try TestWorkspace()
        try ws.quick("RO-1", amount: "100.00", phone: "514-555-0101", name: "Marie Tremblay")
        try ws.quick("RO-2", amount: "50.00", phone: "514-555-0102", name: "Luc Gagnon")
        try ws.quick("RO-3", amount: "25.00", phone: "514-555-0103", name: "Anne Roy")
        try ws.quick("RO-4", amount: "10.00", phone: "514-555-0104", name: "Marie Lavoie")
        _ = try ws.payCash("RO-1")
        _ = try ws.service.refund("RO-1", amount: "40.00", reason: nil)
        _ = try ws.service.void("RO-2", reason: nil)
        return ws
    }

    @Test("search by name, phone (any format) or reference", arguments: [
        ("marie", ["RO-4", "RO-1"]),
        ("(514) 555-0103", ["RO-3"]),
        ("5550102", ["RO-2"]),
        ("ro-4", ["RO-4"]),
        ("nobody", []),
    ])
    func search(text: String, expected: [String]) throws {
        let ws = try Self.workspace()
        let page = try ws.service.listPage(RequestListQuery(search: text))
        #expect(Set(page.rows.map(\.reference)) == Set(expected))
        #expect(page.matching == expected.count)
    }

    @Test func statusFilterAndTotalsOfEveryMatch() throws {
        let ws = try Self.workspace()
        let all = try ws.service.listPage(RequestListQuery(pageSize: 2))
        #expect(all.matching == 4 && all.pageCount == 2 && all.rows.count == 2)
        let totals = try #require(all.totals.first)
        #expect(totals.requested == cad(18_500))
        #expect(totals.paid == cad(10_000))
        #expect(totals.refunded == cad(4_000))
        #expect(totals.due == cad(3_500))
        let open = try ws.service.listPage(RequestListQuery(status: .open))
        #expect(Set(open.rows.map(\.reference)) == ["RO-3", "RO-4"])
        let secondPage = try ws.service.listPage(RequestListQuery(page: 9, pageSize: 3))
        #expect(secondPage.page == 2 && secondPage.rows.count == 1)
    }

    @Test func rowsOfferOnlyWhatTheRulesAllow() throws {
        let ws = try Self.workspace()
        let rows = Dictionary(uniqueKeysWithValues: try ws.service.listPage(RequestListQuery()).rows.map { ($0.reference, $0.actions) })
        #expect(rows["RO-1"] == StaffActions(sendLink: false, remind: false, refund: true, void: false, markPaid: false, receipt: true))
        #expect(rows["RO-2"] == StaffActions(sendLink: false, remind: false, refund: false, void: false, markPaid: false, receipt: false))
        #expect(rows["RO-3"]?.void == true && rows["RO-3"]?.markPaid == true && rows["RO-3"]?.refund == false)
    }
}

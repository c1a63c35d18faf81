import Billing
import Foundation
import Store

/// A page of the staff's request list: filtered by status and business, searched by customer
/// name, phone or reference, newest first.
package struct RequestListQuery: Sendable, Equatable {
    package var status: RequestStatus?
    /// A business key (`main` for `Records/business.json`).
    package var business: String?
    package var search: String?
    /// 1-based.
    package var page: Int
    package var pageSize: Int

    package init(status: RequestStatus? = nil, business: String? = nil, search: String? = nil, page: Int = 1, pageSize: Int = 25) {
        self.status = status
        self.business = business
        self.search = search.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        self.page = max(1, page)
        self.pageSize = max(1, pageSize)
    }

    /// Name or reference contains the text (any case), or the phone matches its digits.
    func matches(_ row: RequestOverview) -> Bool {
        guard let search else { return true }
        if row.reference.localizedCaseInsensitiveContains(search) || row.customerName.localizedCaseInsensitiveContains(search) {
            return true
        }
        let digits = search.filter(\.isNumber)
        if let phone = try? PhoneNumber(search) { return row.customerPhone == phone }
        return digits.count >= 4 && row.customerPhone.e164.filter(\.isNumber).contains(digits)
    }
}

/// One page of matching requests, and the totals of every match (not only this page).
package struct RequestListPage: Sendable {
    package var rows: [RequestOverview]
    package var matching: Int
    package var page: Int
    package var pageCount: Int
    /// Sums per currency, in the order currencies first appear.
    package var totals: [Totals]

    package struct Totals: Sendable, Equatable {
        package var requested: Money
        package var paid: Money
        package var refunded: Money
        package var due: Money

        /// Same currency by construction; an overflow keeps the sum it had (amounts are capped long before).
        mutating func add(_ other: Self) {
            requested = (try? requested.adding(other.requested)) ?? requested
            paid = (try? paid.adding(other.paid)) ?? paid
            refunded = (try? refunded.adding(other.refunded)) ?? refunded
            due = (try? due.adding(other.due)) ?? due
        }
    }
}

extension RequestService {
    package func listPage(_ query: RequestListQuery) throws(OperationError) -> RequestListPage {
        let all = try list(status: query.status).filter { row in
            (query.business == nil || row.businessKey == query.business) && query.matches(row)
        }
        var totals: [RequestListPage.Totals] = []
        for row in all {
            let add = RequestListPage.Totals(requested: row.amount, paid: row.paid, refunded: row.refunded, due: row.amountDue)
            if let i = totals.firstIndex(where: { $0.requested.currency == row.amount.currency }) {
                totals[i].add(add)
            } else {
                totals.append(add)
            }
        }
        let pageCount = max(1, (all.count + query.pageSize - 1) / query.pageSize)
        let page = min(query.page, pageCount)
        let rows = Array(all.dropFirst((page - 1) * query.pageSize).prefix(query.pageSize))
        return RequestListPage(rows: rows, matching: all.count, page: page, pageCount: pageCount, totals: totals)
    }
}

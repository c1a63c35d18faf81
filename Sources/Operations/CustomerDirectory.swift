import Billing
import Foundation
import Store

/// A customer as staff find them: everyone a request was addressed to, one per phone number
/// (the phone is the customer's identity; the name is the one on their newest request).
package struct CustomerSummary: Sendable, Hashable {
    package var phone: PhoneNumber
    package var name: String
    package var requestCount: Int
    package var lastRequestAt: Date

    /// The customer's address in the console: the phone's digits (`15145550123`).
    package var id: String { String(phone.e164.dropFirst()) }
}

package struct CustomerListPage: Sendable {
    package var rows: [CustomerSummary]
    package var matching: Int
    package var page: Int
    package var pageCount: Int
}

extension RequestService {
    /// Customers whose name contains `search` (any case, any accents) or whose phone has its
    /// digits, most recently asked first, `pageSize` a page.
    package func customers(search: String?, page: Int, pageSize: Int = 25) throws(OperationError) -> CustomerListPage {
        let rows = try storeCall { () throws(StoreError) in try ledger.requests() }
        var byPhone: [String: CustomerSummary] = [:]
        for row in rows {  // newest first: the first row of a phone names the customer
            if var known = byPhone[row.customerPhone.e164] {
                known.requestCount += 1
                byPhone[row.customerPhone.e164] = known
            } else {
                byPhone[row.customerPhone.e164] = CustomerSummary(phone: row.customerPhone, name: row.customerName, requestCount: 1,
                                                                 lastRequestAt: row.createdAt)
            }
        }
        let needle = search?.trimmingCharacters(in: .whitespaces) ?? ""
        let digits = needle.filter { $0.isASCII && $0.isNumber }
        let isPhone = digits.count >= 3 && digits.count * 2 >= needle.count
        let exact = (try? PhoneNumber(needle))?.e164
        let all = byPhone.values.filter { customer in
            guard !needle.isEmpty else { return true }
            if customer.name.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive]) != nil { return true }
            if let exact { return customer.phone.e164 == exact }
            return isPhone && customer.phone.e164.contains(digits)
        }.sorted { ($0.lastRequestAt, $1.name) > ($1.lastRequestAt, $0.name) }
        let size = max(1, pageSize)
        let pageCount = max(1, (all.count + size - 1) / size)
        let current = min(max(1, page), pageCount)
        return CustomerListPage(rows: Array(all.dropFirst((current - 1) * size).prefix(size)), matching: all.count, page: current,
                                pageCount: pageCount)
    }

    /// The customer behind a console address (`15145550123`), or not found.
    package func customerPhone(id: String) throws(OperationError) -> PhoneNumber {
        guard !id.isEmpty, id.allSatisfy({ $0.isASCII && $0.isNumber }), let phone = try? PhoneNumber("+" + id) else {
            throw .notFound(.customer(query: id))
        }
        return phone
    }
}

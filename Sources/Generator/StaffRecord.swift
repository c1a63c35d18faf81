import Billing
import Foundation

/// What the staff pages and the gallery show of one request, already formatted in the staff
/// language. It is written to the build's scratch file and read back per page.
struct StaffRecord: Sendable, Equatable {
    var reference: String
    var business: String
    var theme: String
    var customerName: String
    var customerPhone: String
    var customerE164: String
    var status: RequestStatus
    var amount: String
    var amountDue: String
    var dueMinor: Int64
    var dueCurrency: Currency
    var created: String
    var token: String
    var hasReceipt: Bool
    var itemized: Bool
    var link: String

    /// Each field as its UTF-8 length, `:`, then its bytes: any text survives, separators included.
    func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        for field in [reference, business, theme, customerName, customerPhone, customerE164, status.rawValue, amount, amountDue,
                      String(dueMinor), "\(dueCurrency.code)/\(dueCurrency.minorDigits)", created, token, hasReceipt ? "1" : "0", itemized ? "1" : "0", link] {
            bytes += Array(String(field.utf8.count).utf8)
            bytes.append(UInt8(ascii: ":"))
            bytes += Array(field.utf8)
        }
        return bytes
    }

    init?(decoding bytes: [UInt8]) {
        var fields: [String] = []
        var i = 0
        while i < bytes.count {
            var length = 0
            while i < bytes.count, bytes[i] != UInt8(ascii: ":") {
                length = length * 10 + Int(bytes[i] &- UInt8(ascii: "0"))
                i += 1
            }
            i += 1
            guard i + length <= bytes.count else { return nil }
            fields.append(String(decoding: bytes[i..<(i + length)], as: UTF8.self))
            i += length
        }
        let currency = fields.count == 16 ? fields[10].split(separator: "/") : []
        guard fields.count == 16, let status = RequestStatus(rawValue: fields[6]), let due = Int64(fields[9]),
              currency.count == 2, let digits = Int(currency[1]) else { return nil }
        self.init(reference: fields[0], business: fields[1], theme: fields[2], customerName: fields[3], customerPhone: fields[4],
                  customerE164: fields[5], status: status, amount: fields[7], amountDue: fields[8], dueMinor: due, dueCurrency: Currency(code: String(currency[0]), minorDigits: digits),
                  created: fields[11], token: fields[12], hasReceipt: fields[13] == "1", itemized: fields[14] == "1", link: fields[15])
    }

    init(reference: String, business: String, theme: String, customerName: String, customerPhone: String, customerE164: String,
         status: RequestStatus, amount: String, amountDue: String, dueMinor: Int64, dueCurrency: Currency, created: String,
         token: String, hasReceipt: Bool, itemized: Bool, link: String) {
        self.reference = reference
        self.business = business
        self.theme = theme
        self.customerName = customerName
        self.customerPhone = customerPhone
        self.customerE164 = customerE164
        self.status = status
        self.amount = amount
        self.amountDue = amountDue
        self.dueMinor = dueMinor
        self.dueCurrency = dueCurrency
        self.created = created
        self.token = token
        self.hasReceipt = hasReceipt
        self.itemized = itemized
        self.link = link
    }
}

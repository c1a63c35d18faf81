import Billing

/// One row of an export read as a repair-order line: the RO's values it carries, the invoice
/// line, and every problem found in it.
struct ExportLine: Sendable {
    /// A value that belongs to the whole RO, with the text the row gave (for "differs" messages).
    struct OrderValue: Sendable, Hashable {
        var text: String
        /// What is compared between the lines of one RO (a phone in E.164, a date in ISO…).
        var key: String
    }

    var line: Int
    var roNumber: String?
    var order: [ImportColumn: OrderValue] = [:]
    var meta: [String: String] = [:]
    var item: Item?
    var issues: [ImportIssue] = []

    /// The invoice line, its values checked.
    struct Item: Sendable, Hashable {
        var description: String
        var quantity: FixedDecimal?
        var unitPrice: Money
        var taxable: Bool
        var kind: LineKind?
        var opCode: String?
        var technician: String?
    }

    init(line: Int) { self.line = line }
}

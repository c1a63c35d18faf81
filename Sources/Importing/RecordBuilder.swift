import Billing
import Store

/// Turns a repair order into an invoice record of the same shape as a hand-written one, then
/// checks it with the same validator; its problems come back at the export's lines.
struct RecordBuilder {
    let file: String
    let layout: ImportLayout
    let businessKey: String
    let business: BusinessSettings
    let headers: [ImportColumn: String]

    /// `existing`: the record already in the workspace, whose notes, due date, appointment and
    /// other meta the import keeps (the export does not carry them).
    enum Built {
        case record(InvoiceRecord, Invoice)
        case refused([ImportIssue])
    }

    func record(_ order: RepairOrder, reference: Reference, existing: InvoiceRecord?) -> Built {
        var issues: [ImportIssue] = []
        let erred = Set(order.issues.compactMap(\.column))
        for column in [ImportColumn.customerName, .phone] where order.order[column] == nil && !erred.contains(column) {
            issues.append(issue(order.firstLine, column, .missing))
        }
        guard issues.isEmpty else { return .refused(issues) }
        let value = { (column: ImportColumn) in order.order[column]?.value.text }
        var customer = InvoiceRecord.CustomerRecord(name: value(.customerName)!, phone: value(.phone)!, email: value(.email),
                                                    language: order.order[.language]?.value.key)
        var meta = existing?.customer.meta ?? [:]
        for (key, text) in order.meta { meta[key] = text }
        customer.meta = meta.isEmpty ? nil : meta
        let lines = order.items.map { item in
            InvoiceRecord.LineRecord(description: item.description, quantity: item.quantity?.description,
                                     unitPrice: item.unitPrice.decimalString, taxable: item.taxable ? nil : false,
                                     kind: item.kind?.rawValue, opCode: item.opCode, technician: item.technician)
        }
        var record = existing ?? InvoiceRecord(reference: reference.value, customer: customer)
        record.reference = existing?.reference ?? reference.value
        record.business = businessKey == Businesses.mainKey ? nil : businessKey
        record.customer = customer
        record.amount = nil
        record.lines = lines
        if let date = order.order[.date]?.value.key { record.issued = date }
        record.source = layout.name
        if let issued = record.issued, let due = record.due, due < issued { record.due = nil }
        do {
            let invoice = try InvoiceValidator(business: business).validate(record, file: file, expectedReference: nil)
            return .record(record, invoice)
        } catch {
            return .refused(error.errors.map { self.issue(for: $0, order) })
        }
    }

    /// A validator problem (`lines[2].unitPrice: …`) at the export's line and column.
    private func issue(for error: RecordError, _ order: RepairOrder) -> ImportIssue {
        let path = error.path
        if path.hasPrefix("lines["), let close = path.firstIndex(of: "]"),
           let index = Int(path[path.index(path.startIndex, offsetBy: 6)..<close]) {
            let withItems = order.lines.filter { $0.item != nil }
            let line = index < withItems.count ? withItems[index].line : order.firstLine
            let field = path[path.index(after: close)...].drop { $0 == "." }
            let column = Self.lineFields[String(field)]
            return issue(line, column, .record(path: column == nil ? String(field) : "", problem: error.problem))
        }
        if path == "lines" || path == "amount" {
            return issue(order.firstLine, nil, .record(path: "", problem: error.problem))
        }
        if let column = Self.recordFields[path] {
            return issue(order.line(of: column), column, .record(path: "", problem: error.problem))
        }
        return issue(order.firstLine, nil, .record(path: path, problem: error.problem))
    }

    private func issue(_ line: Int, _ column: ImportColumn?, _ problem: ImportProblem) -> ImportIssue {
        ImportIssue(file: file, line: line, column: column, columnLabel: column.flatMap { headers[$0] }, problem: problem)
    }

    static let lineFields: [String: ImportColumn] = [
        "description": .description, "quantity": .quantity, "unitPrice": .unitPrice, "kind": .kind,
        "opCode": .opCode, "technician": .technician, "taxable": .taxable,
    ]

    static let recordFields: [String: ImportColumn] = [
        "reference": .roNumber, "customer.name": .customerName, "customer.phone": .phone, "customer.email": .email,
        "customer.language": .language, "issued": .date,
    ]
}

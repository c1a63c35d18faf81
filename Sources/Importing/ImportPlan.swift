import Billing
import Foundation
import Store

/// One RO on its way in: its reference, the record it becomes, and what is already in the
/// workspace under that reference.
struct ImportPlan: Sendable {
    var result: ImportReport.Order
    var record: InvoiceRecord?
    var invoice: Invoice?
    var existing: InvoiceRecord?
    /// Workspace-relative record file (the existing one's name when there is one).
    var file: String?

    var isRefused: Bool { result.outcome == .refused }

    /// What happens to the RO given its request in the ledger (nil: not registered) and the
    /// record now on disk (read again inside the transaction: another import may have just written it).
    func outcome(_ request: (row: RequestRow, state: RequestState)?, onDisk: InvoiceRecord?) -> ImportReport.Outcome {
        let same = onDisk != nil && onDisk == record
        guard let request else { return .created }
        let status = request.state.status
        if status != .open { return same ? .unchanged : .frozen }
        return same ? .unchanged : .updated
    }
}

extension Importer {
    /// The RO number with the prefix, checked as a reference.
    func draft(_ order: RepairOrder, prefix: String, builder: RecordBuilder, headers: [ImportColumn: String]) -> (RepairOrder, Reference?) {
        var order = order
        let text = prefix + order.roNumber
        guard let reference = try? Reference(text) else {
            order.issues.append(ImportIssue(file: builder.file, line: order.firstLine, column: .roNumber, columnLabel: headers[.roNumber],
                                            problem: .notAReference(text)))
            return (order, nil)
        }
        return (order, reference)
    }

    /// The record each RO becomes, or why it is refused, before the ledger is consulted.
    func plan(_ order: RepairOrder, reference: Reference?, builder: RecordBuilder, existingFiles: [String: String]) -> ImportPlan {
        var result = ImportReport.Order(roNumber: order.roNumber, reference: reference?.value ?? order.roNumber, outcome: .refused,
                                        lines: order.lines.map(\.line))
        var plan = ImportPlan(result: result)
        guard let reference, order.issues.isEmpty else {
            plan.result.issues = order.issues
            return plan
        }
        let refuse = { (problem: ImportProblem) -> ImportPlan in
            result.issues = [ImportIssue(file: builder.file, line: order.firstLine, column: .roNumber,
                                         columnLabel: builder.headers[.roNumber], problem: problem)]
            return ImportPlan(result: result)
        }
        var existing: InvoiceRecord?
        let file: String
        if let name = existingFiles[reference.key] {
            file = "\(RecordsReader.invoicesFolder)/\(name)"
            guard let record = try? RecordDecoder().decode(InvoiceRecord.self, at: paths.url(file), file: file) else {
                return refuse(.existingRecordUnreadable(file: file))
            }
            let owner = record.business ?? Businesses.mainKey
            if owner != builder.businessKey {
                return refuse(.belongsToOtherBusiness(reference: record.reference, business: owner, file: file,
                                                      suggestedPrefix: Self.suggestedPrefix(builder.businessKey, builder.business)))
            }
            existing = record
        } else {
            file = WorkspacePaths.invoiceFile(reference.value)
        }
        switch builder.record(order, reference: reference, existing: existing) {
        case .refused(let issues):
            plan.result.issues = issues
        case let .record(record, invoice):
            plan.record = record
            plan.invoice = invoice
            plan.existing = existing
            plan.file = file
            plan.result.reference = record.reference
            plan.result.total = try? invoice.totals(taxes: builder.business.taxes, currency: builder.business.currency).total
            plan.result.outcome = .created
        }
        return plan
    }

    /// Initials of the business (`velo-laurier` → `VL-`), for the prefix a message suggests.
    static func suggestedPrefix(_ key: String, _ business: BusinessSettings) -> String {
        let source = key == Businesses.mainKey ? business.companyName : key
        let words = source.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .filter { ($0.count > 2 && !stopWords.contains($0.lowercased())) || $0.first?.isNumber == true }
        let initials = String(words.prefix(3).compactMap { $0.first?.uppercased().first }.filter { $0.isASCII })
        return (initials.isEmpty ? "X" : initials) + "-"
    }

    private static let stopWords: Set<String> = ["des", "les", "and", "the", "inc", "ltd", "ltee", "enr"]

    /// Record files by reference key (references are unique ignoring case).
    func existingRecordFiles() -> [String: String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: paths.invoices.path)) ?? []
        var files: [String: String] = [:]
        for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") { files[String(name.dropLast(5)).lowercased()] = name }
        return files
    }
}

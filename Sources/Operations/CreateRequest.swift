import Billing
import Foundation
import Messaging
import Store

/// What staff type to create a request: an amount, or an invoice file with lines.
package struct NewRequest: Sendable {
    package var reference: String
    package var customerName: String
    package var phone: String
    package var email: String?
    package var language: String?
    package var amount: String?
    /// A JSON file with `lines` (and optionally notes, dates, meta), e.g. a dealer-management export.
    package var invoiceFile: URL?
    package var business: String?
    package var reply: String?
    /// A text staff wrote instead of a saved reply (same placeholders); wins over `reply`.
    package var text: String?
    package var send: Bool

    package init(reference: String, customerName: String, phone: String, email: String? = nil, language: String? = nil,
                amount: String? = nil, invoiceFile: URL? = nil, business: String? = nil, reply: String? = nil, text: String? = nil, send: Bool = true) {
        self.reference = reference
        self.customerName = customerName
        self.phone = phone
        self.email = email
        self.language = language
        self.amount = amount
        self.invoiceFile = invoiceFile
        self.business = business
        self.reply = reply
        self.text = text
        self.send = send
    }
}

package struct CreatedRequest: Sendable {
    package var reference: Reference
    package var link: String
    package var message: ComposedMessage
    /// nil with `--no-send`: the link is to be copied instead.
    package var outcome: MessageOutcome?
    package var amount: Money
}

extension RequestService {
    /// Creates the record and the ledger entry together; on any failure nothing is left behind.
    package func create(_ request: NewRequest) throws(OperationError) -> CreatedRequest {
        let (record, invoice, business, totals) = try checkedNew(request)
        let data = try encode(record)
        let now = clock()
        let recordURL = paths.url(WorkspacePaths.invoiceFile(record.reference))
        do {
            return try transaction { tx throws(OperationError) in
                let token: RequestToken
                do throws(StoreError) {
                    token = try tx.createRequest(reference: invoice.reference, amount: totals.total, customerName: invoice.customer.name,
                                                 customerPhone: invoice.customer.phone, at: now, by: actor)
                } catch { throw .store(error) }
                let link = business.link(token: token.value)
                let message = try RequestMessages(business: business, replies: replies)
                    .compose(.paymentRequest, choice: MessageChoice(reply: request.reply, text: request.text), invoice: invoice,
                             amount: totals.total, link: link)
                let outcome = request.send
                    ? try deliver(message, kind: .request, to: invoice.customer.phone, reference: invoice.reference, in: tx, at: now)
                    : nil
                try storeCall { () throws(StoreError) in try AtomicFile.write(data, to: recordURL) }
                return CreatedRequest(reference: invoice.reference, link: link, message: message, outcome: outcome, amount: totals.total)
            }
        } catch {
            // The record is written last inside the transaction; if the commit failed, remove it.
            if (try? ledger.request(reference: invoice.reference)) == nil { try? FileManager.default.removeItem(at: recordURL) }
            throw error
        }
    }

    /// The record, invoice, business and totals of a new request, every rule checked (the
    /// reference unused too); nothing written. `create` and the console's preview share it.
    func checkedNew(_ request: NewRequest) throws(OperationError) -> (InvoiceRecord, Invoice, BusinessSettings, InvoiceTotals) {
        let record = try draftRecord(request)
        let file = WorkspacePaths.invoiceFile(record.reference)
        if let flag = request.business, let inFile = record.business, flag != inFile {
            throw .invalidField("business", .disagrees(otherField: "the invoice file's \"business\"", otherValue: inFile, value: flag))
        }
        let businessKey = record.business ?? request.business
        guard let business = businesses.settings(for: businessKey) else {
            throw .invalidField("business", .notOneOf(businesses.keys))
        }
        let invoice: Invoice
        do {
            invoice = try InvoiceValidator(business: business).validate(record, file: file, expectedReference: nil)
        } catch { throw .records(error.errors) }
        try ensureUnused(invoice.reference)
        do { return (record, invoice, business, try invoice.totals(taxes: business.taxes, currency: business.currency)) } catch {
            throw .notAllowed(reference: invoice.reference.value, error)
        }
    }

    /// The record as it will be written, from the flags and the optional invoice file.
    func draftRecord(_ request: NewRequest) throws(OperationError) -> InvoiceRecord {
        var object: [String: Any] = [:]
        if let url = request.invoiceFile {
            guard let data = try? Data(contentsOf: url) else { throw .invalidField("invoice", .unreadable(path: url.path)) }
            guard let parsed = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                throw .records([RecordError(file: url.path, path: "", problem: "is not a JSON object (\(RecordDecoder.syntaxProblem(data)))")])
            }
            guard parsed["lines"] != nil || parsed["amount"] != nil else {
                throw .records([RecordError(file: url.path, path: "lines", problem: "is required in an invoice file")])
            }
            object = parsed
        } else if request.amount == nil {
            throw .invalidField("amount", .missing)
        }
        object["reference"] = request.reference
        if let amount = request.amount { object["amount"] = amount }
        if let business = request.business, business != Businesses.mainKey { object["business"] = business }
        var customer = object["customer"] as? [String: Any] ?? [:]
        customer["name"] = request.customerName
        customer["phone"] = request.phone
        if let email = request.email { customer["email"] = email }
        if let language = request.language { customer["language"] = language }
        object["customer"] = customer
        if object["source"] == nil { object["source"] = request.invoiceFile == nil ? "manual" : "import" }
        let file = request.invoiceFile?.path ?? "command line"
        guard let data = try? JSONSerialization.data(withJSONObject: object) else {
            throw .records([RecordError(file: file, path: "", problem: "cannot be turned into a record")])
        }
        do { return try RecordDecoder().decode(InvoiceRecord.self, from: data, file: file) } catch { throw .records([error]) }
    }

    func ensureUnused(_ reference: Reference) throws(OperationError) {
        let existing: RequestRow? = try storeCall { () throws(StoreError) in try ledger.request(reference: reference) }
        if let existing { throw .conflict(.referenceInLedger(reference: reference.value, existing: existing.reference.value)) }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: paths.invoices.path)) ?? []
        if let clash = names.first(where: { $0.lowercased() == "\(reference.key).json" }) {
            throw .conflict(.referenceInRecords(reference: reference.value, file: "\(RecordsReader.invoicesFolder)/\(clash)"))
        }
    }

    func encode(_ record: InvoiceRecord) throws(OperationError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do { return try encoder.encode(record) + Data("\n".utf8) } catch {
            throw .records([RecordError(file: WorkspacePaths.invoiceFile(record.reference), path: "", problem: "cannot be encoded (\(error))")])
        }
    }
}

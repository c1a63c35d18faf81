import Billing

/// An invoice read from its record file, with the business it belongs to.
public struct LoadedInvoice: Sendable, Hashable {
    public var invoice: Invoice
    public var businessKey: String
    /// Workspace-relative file, e.g. `Records/invoices/RO-1001.json`.
    public var file: String
    /// Hash of the file's bytes: lets the generator skip unchanged requests.
    public var contentHash: UInt64

    public init(invoice: Invoice, businessKey: String, file: String, contentHash: UInt64) {
        self.invoice = invoice
        self.businessKey = businessKey
        self.file = file
        self.contentHash = contentHash
    }
}

import Billing

/// An invoice read from its record file, with the business it belongs to.
package struct LoadedInvoice: Sendable, Hashable {
    package var invoice: Invoice
    package var businessKey: String
    /// Workspace-relative file, e.g. `Records/invoices/RO-1001.json`.
    package var file: String
    /// Hash of the file's bytes: lets the generator skip unchanged requests.
    package var contentHash: UInt64

    package init(invoice: Invoice, businessKey: String, file: String, contentHash: UInt64) {
        self.invoice = invoice
        self.businessKey = businessKey
        self.file = file
        self.contentHash = contentHash
    }
}

import Foundation

/// Where things live in a workspace (the repository root is the demo one).
package struct WorkspacePaths: Sendable, Hashable {
    package let root: URL

    package init(root: URL) { self.root = root.standardizedFileURL }

    package var records: URL { root.appendingPathComponent("Records") }
    package var invoices: URL { root.appendingPathComponent(RecordsReader.invoicesFolder) }
    package var themes: URL { root.appendingPathComponent("Themes") }
    package var output: URL { root.appendingPathComponent("Output") }
    package var privateFolder: URL { root.appendingPathComponent(".paypage") }
    package var ledger: URL { privateFolder.appendingPathComponent("ledger.sqlite") }
    package var demoHistory: URL { records.appendingPathComponent("demo-history.json") }

    /// The record file of a reference, relative to the workspace.
    package static func invoiceFile(_ reference: String) -> String { "\(RecordsReader.invoicesFolder)/\(reference).json" }

    package func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }
}

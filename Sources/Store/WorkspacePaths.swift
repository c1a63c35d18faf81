import Foundation

/// Where things live in a workspace (the repository root is the demo one).
public struct WorkspacePaths: Sendable, Hashable {
    public let root: URL

    public init(root: URL) { self.root = root.standardizedFileURL }

    public var records: URL { root.appendingPathComponent("Records") }
    public var invoices: URL { root.appendingPathComponent(RecordsReader.invoicesFolder) }
    public var themes: URL { root.appendingPathComponent("Themes") }
    public var output: URL { root.appendingPathComponent("Output") }
    public var privateFolder: URL { root.appendingPathComponent(".paypage") }
    public var ledger: URL { privateFolder.appendingPathComponent("ledger.sqlite") }
    public var demoHistory: URL { records.appendingPathComponent("demo-history.json") }

    /// The record file of a reference, relative to the workspace.
    public static func invoiceFile(_ reference: String) -> String { "\(RecordsReader.invoicesFolder)/\(reference).json" }

    public func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }
}

import Billing

/// What an import did, or would do in a dry run: one result per RO, and the problems that
/// belong to no RO. The same report for the command line, the console and the drop folder.
package struct ImportReport: Sendable {
    package enum Outcome: String, Sendable, Hashable, Codable {
        /// A new record and request.
        case created
        /// An unpaid request whose RO changed: record replaced, history says "updated from import".
        case updated
        /// Already imported as it is.
        case unchanged
        /// Changed in the export, but the request is paid (or voided): left as it is.
        case frozen
        /// Not imported: see its issues.
        case refused
    }

    package struct Order: Sendable {
        package var roNumber: String
        /// The reference it has or would have (prefix + RO number).
        package var reference: String
        package var outcome: Outcome
        /// The export's lines this RO came from.
        package var lines: [Int]
        package var total: Money?
        /// The request's secure link, once registered.
        package var link: String?
        /// Why it is frozen: the request's status.
        package var status: RequestStatus?
        package var issues: [ImportIssue] = []
    }

    package var file: String
    /// `ro-csv`, or the mapping's name.
    package var layout: String
    package var encoding: ImportEncoding
    package var encodingReason: EncodingReason
    package var delimiter: Unicode.Scalar
    /// The file named its delimiter in an Excel `sep=` first line.
    package var separatorLine = false
    package var dryRun: Bool
    package var businessKey: String
    /// Lines of data read (blank lines and the header left out).
    package var rows = 0
    package var orders: [Order] = []
    /// Problems of the whole file (nothing imported), and of lines that belong to no RO.
    package var problems: [ImportIssue] = []
    /// Header columns the layout does not use.
    package var ignoredColumns: [String] = []

    /// Any RO refused or any problem: the command exits 65, the drop folder files it as failed.
    package var hasFailures: Bool { !problems.isEmpty || orders.contains { $0.outcome == .refused } }

    package func count(_ outcome: Outcome) -> Int { orders.filter { $0.outcome == outcome }.count }

    /// Requests created or updated: the pages to rebuild.
    package var changedReferences: [Reference] {
        orders.filter { $0.outcome == .created || $0.outcome == .updated }.compactMap { try? Reference($0.reference) }
    }

    /// Every problem, in the order of the file's lines.
    package var allIssues: [ImportIssue] {
        (problems + orders.flatMap(\.issues)).sorted { ($0.line ?? 0, $0.column?.rawValue ?? "") < ($1.line ?? 0, $1.column?.rawValue ?? "") }
    }
}

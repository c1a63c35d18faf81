import Billing
import Foundation
import Messaging
import Store

/// `paypage check`: every problem of a workspace at once, each with its file and path.
/// Read-only: nothing is registered or written.
package struct WorkspaceCheck: Sendable {
    package let paths: WorkspacePaths

    package init(paths: WorkspacePaths) { self.paths = paths }

    static let knownPlaceholders: Set<String> = ["customer.name", "company.name", "request.reference", "request.amount", "request.link"]

    package func run() -> [String] {
        var problems: [String] = []
        let reader = RecordsReader(workspace: paths.root)
        let businesses: Businesses?
        do { businesses = try reader.loadBusinesses() } catch {
            problems += error.errors.map(\.description)
            businesses = nil
        }
        do { problems += replyProblems(try RepliesLoader(paths: paths).load()) } catch { problems.append(error.description) }
        guard let businesses else { return problems }
        let (invoices, errors) = reader.loadInvoices(businesses: businesses)
        problems += errors.map(\.description)
        problems += frozenProblems(invoices, businesses: businesses, erroredFiles: Set(errors.map(\.file)))
        return problems
    }

    func replyProblems(_ replies: SavedReplies) -> [String] {
        var problems: [String] = []
        for (index, reply) in replies.replies.enumerated() {
            for language in MessageLanguage.allCases {
                let path = "\(RecordsReader.repliesFile): replies[\(index)].text.\(language.rawValue)"
                guard let text = reply.text[language.rawValue] else {
                    problems.append("\(path): missing (reply \"\(reply.name)\" needs both languages)")
                    continue
                }
                do {
                    let template = try MessageTemplate(name: reply.name, language: language, text: text)
                    for name in template.placeholderNames where !Self.isKnown(name) {
                        problems.append("\(path): unknown placeholder { \(name) }")
                    }
                } catch {
                    problems.append("\(path): \(error.description)")
                }
                for bracket in PlaceholderFiller.unfilledBrackets(in: text) {
                    problems.append("\(path): \(bracket) is not filled in")
                }
            }
        }
        return problems
    }

    static func isKnown(_ name: String) -> Bool {
        knownPlaceholders.contains(name) || (name.hasPrefix("customer.meta_") && name.count > 14)
            || (name.hasPrefix("appointment.meta_") && name.count > 17)
    }

    /// Paid requests whose record was edited or deleted: the build ignores the change.
    func frozenProblems(_ invoices: [LoadedInvoice], businesses: Businesses, erroredFiles: Set<String>) -> [String] {
        guard FileManager.default.fileExists(atPath: paths.ledger.path), let ledger = try? Ledger(fileURL: paths.ledger),
              let entries = try? ledger.allEntries() else { return [] }
        let current = Dictionary(invoices.map { ($0.invoice.reference.key, $0) }, uniquingKeysWith: { a, _ in a })
        var problems: [String] = []
        for entry in entries {
            guard case .paid(let payment) = entry.event else { continue }
            let file = WorkspacePaths.invoiceFile(entry.reference.value)
            if let loaded = current[entry.reference.key] {
                if loaded.invoice != payment.snapshot.invoice {
                    problems.append("\(loaded.file): edited after \(entry.reference) was paid; the change is ignored (the receipt keeps the invoice as paid)")
                }
            } else if !erroredFiles.contains(file) {
                problems.append("\(file): deleted after \(entry.reference) was paid; its receipt stays")
            }
        }
        return problems
    }
}

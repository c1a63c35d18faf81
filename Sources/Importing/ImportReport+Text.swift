import Billing

extension ImportReport {
    /// The report in plain English: what the command prints and the drop folder saves.
    package var text: String {
        (summaryLines + (allIssues.isEmpty ? [] : ["Problems:"] + allIssues.map { "  \($0)" }) + [totalsLine]).joined(separator: "\n")
    }

    /// How the file was read, then one line per RO.
    package var summaryLines: [String] {
        let delimiterName = delimiter == "\t" ? "tab" : "\"\(delimiter)\""
        var lines = ["\(file): \(rows) line\(rows == 1 ? "" : "s"), \(orders.count) RO\(orders.count == 1 ? "" : "s")"
            + " (\(layout); \(encoding.displayName), \(encodingReason.rawValue); delimiter \(delimiterName)"
            + "\(separatorLine ? " from its sep= line" : ""); business \(businessKey))"]
        if !ignoredColumns.isEmpty { lines.append("  columns not used: \(ignoredColumns.joined(separator: ", "))") }
        let width = orders.map(\.reference.count).max() ?? 0
        let amountWidth = orders.compactMap { $0.total.map(MoneyFormat.plain)?.count }.max() ?? 0
        for order in orders {
            let word = (dryRun ? Self.wouldWords : Self.words)[order.outcome]!
            var line = "  \(word.padding(toLength: dryRun ? 16 : 10, withPad: " ", startingAt: 0))"
                + order.reference.padding(toLength: width + 2, withPad: " ", startingAt: 0)
            switch order.outcome {
            case .refused:
                line += "line\(order.lines.count == 1 ? "" : "s") \(Self.ranges(order.lines)): not imported"
            case .frozen:
                line += "\(order.status?.rawValue ?? "closed"): changed in the export, left as it is (paid and voided requests are frozen)"
            default:
                let amount = order.total.map(MoneyFormat.plain) ?? ""
                line += String(repeating: " ", count: amountWidth - amount.count) + amount
                line += "  \(order.lines.count) line\(order.lines.count == 1 ? "" : "s")"
                if let link = order.link { line += "  \(link)" }
            }
            lines.append(line)
        }
        return lines
    }

    /// `Created 2, updated 1, unchanged 5, frozen 1, refused 1.`, or that nothing changed.
    package var totalsLine: String {
        if orders.isEmpty {
            return "Nothing imported: \(problems.isEmpty ? "the file has no repair orders" : "the file cannot be read as a whole")."
        }
        if orders.allSatisfy({ $0.outcome == .unchanged }), problems.isEmpty {
            return "Nothing changed: \(orders.count == 1 ? "the RO is" : "all \(orders.count) ROs are") as already imported."
        }
        let counts = [ImportReport.Outcome.created, .updated, .unchanged, .frozen, .refused].map { outcome in
            "\((dryRun ? Self.wouldWords : Self.words)[outcome]!) \(count(outcome))"
        }
        var text = counts.joined(separator: ", ")
        text = text.prefix(1).uppercased() + text.dropFirst() + "."
        if !problems.isEmpty { text += " \(problems.count) problem\(problems.count == 1 ? "" : "s") outside any RO." }
        return dryRun ? "Dry run, nothing written: \(text.prefix(1).lowercased() + text.dropFirst())" : text
    }

    static let words: [Outcome: String] = [.created: "created", .updated: "updated", .unchanged: "unchanged", .frozen: "frozen", .refused: "refused"]
    static let wouldWords: [Outcome: String] = [
        .created: "would create", .updated: "would update", .unchanged: "unchanged", .frozen: "frozen", .refused: "would refuse",
    ]

    /// [3, 4, 5, 9] → "3–5, 9".
    package static func ranges(_ numbers: [Int]) -> String {
        var parts: [String] = []
        var start: Int?, previous: Int?
        for n in numbers.sorted() + [Int.max] {
            if let p = previous, n == p + 1 { previous = n; continue }
            if let s = start, let p = previous { parts.append(s == p ? "\(s)" : "\(s)–\(p)") }
            start = n
            previous = n
        }
        return parts.joined(separator: ", ")
    }
}

import Foundation

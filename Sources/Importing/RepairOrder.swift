import Billing

/// The lines of one RO gathered from an export (they need not be next to each other), the
/// values of the whole RO, and every problem found in any of its lines.
struct RepairOrder: Sendable {
    var roNumber: String
    var lines: [ExportLine] = []
    var order: [ImportColumn: (value: ExportLine.OrderValue, line: Int)] = [:]
    var meta: [String: String] = [:]
    var issues: [ImportIssue] = []

    init(roNumber: String) { self.roNumber = roNumber }

    var firstLine: Int { lines.first?.line ?? 0 }
    var lastLine: Int { lines.last?.line ?? 0 }
    var items: [ExportLine.Item] { lines.compactMap(\.item) }

    /// The line the RO's value of `column` came from (for messages about it).
    func line(of column: ImportColumn) -> Int { order[column]?.line ?? firstLine }

    /// Adds a line; a value of the RO that differs from an earlier line's is a problem.
    mutating func add(_ line: ExportLine, file: String, headers: [ImportColumn: String]) {
        lines.append(line)
        issues += line.issues
        for column in ImportColumn.orderLevel {
            guard let value = line.order[column] else { continue }
            if let first = order[column] {
                if first.value.key != value.key {
                    issues.append(ImportIssue(file: file, line: line.line, column: column, columnLabel: headers[column],
                                              problem: .disagrees(value.text, otherLine: first.line, otherValue: first.value.text)))
                }
            } else {
                order[column] = (value, line.line)
            }
        }
        for (key, value) in line.meta where meta[key] == nil { meta[key] = value }
    }

    /// Every RO in the file in the order of its first line; lines without an RO number are
    /// returned apart (they fail, but belong to no RO).
    static func group(_ lines: [ExportLine], file: String, headers: [ImportColumn: String]) -> (orders: [RepairOrder], orphans: [ExportLine]) {
        var orders: [RepairOrder] = []
        var index: [String: Int] = [:]
        var orphans: [ExportLine] = []
        for line in lines {
            guard let number = line.roNumber else { orphans.append(line); continue }
            let key = number.lowercased()
            if let at = index[key] {
                orders[at].add(line, file: file, headers: headers)
            } else {
                var order = RepairOrder(roNumber: number)
                order.add(line, file: file, headers: headers)
                index[key] = orders.count
                orders.append(order)
            }
        }
        return (orders, orphans)
    }
}

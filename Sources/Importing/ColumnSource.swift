/// Where a column is in the file: under a header, or at a position (1 is the first column).
package enum ColumnSource: Sendable, Hashable {
    case header(String)
    case position(Int)
}

/// A column found in the file: its index and the header it had (for messages).
struct ResolvedColumn: Sendable, Hashable {
    var index: Int
    var header: String?
}

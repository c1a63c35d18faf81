/// A request's reference number: 1–64 of A–Z a–z 0–9 . _ -, unique ignoring case.
package struct Reference: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    package let value: String

    package init(_ value: String) throws(BillingError) {
        guard Reference.isValid(value) else { throw .invalidReference(value) }
        self.value = value
    }

    package static func isValid(_ value: String) -> Bool {
        (1...64).contains(value.count) && value != "." && value != ".." && value.unicodeScalars.allSatisfy { s in
            ("A"..."Z").contains(s) || ("a"..."z").contains(s) || ("0"..."9").contains(s) || s == "." || s == "_" || s == "-"
        }
    }

    /// The key that makes references unique ignoring case.
    package var key: String { value.lowercased() }

    package var description: String { value }

    package static func < (lhs: Reference, rhs: Reference) -> Bool { lhs.value < rhs.value }

    package init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(text)
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}

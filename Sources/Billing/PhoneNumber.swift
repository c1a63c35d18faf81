/// A phone number in E.164 ("+15145550123"). North American numbers without +1 are normalized.
package struct PhoneNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    package let e164: String

    package init(_ text: String) throws(BillingError) {
        let trimmed = text.trimmingSpaces
        let hasPlus = trimmed.hasPrefix("+")
        // People write (514) 555-0123, 514.555.0123, 1-514-555-0123: keep the digits.
        let allowedPunctuation: Set<Character> = [" ", "-", ".", "(", ")", "+"]
        guard trimmed.allSatisfy({ $0.isASCIIDigit || allowedPunctuation.contains($0) }),
              trimmed.filter({ $0 == "+" }).count <= 1, !trimmed.dropFirst().contains("+") else {
            throw .invalidPhone(text)
        }
        let digits = trimmed.filter(\.isASCIIDigit)
        if hasPlus {
            guard (8...15).contains(digits.count), digits.first != "0" else { throw .invalidPhone(text) }
            e164 = "+" + digits
        } else if digits.count == 10, PhoneNumber.isNANP(digits) {
            e164 = "+1" + digits
        } else if digits.count == 11, digits.hasPrefix("1"), PhoneNumber.isNANP(String(digits.dropFirst())) {
            e164 = "+" + digits
        } else {
            throw .invalidPhone(text)
        }
    }

    /// NANP: area code and exchange do not start with 0 or 1.
    private static func isNANP(_ ten: String) -> Bool {
        let chars = Array(ten)
        return chars.count == 10 && !["0", "1"].contains(chars[0]) && !["0", "1"].contains(chars[3])
    }

    /// A friendly display form: "(514) 555-0123" for North America, E.164 otherwise.
    package var display: String {
        let d = Array(e164.dropFirst())
        guard d.count == 11, d[0] == "1" else { return e164 }
        return "(\(String(d[1...3]))) \(String(d[4...6]))-\(String(d[7...10]))"
    }

    package var description: String { e164 }

    package init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(text)
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(e164)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

/// An ISO 4217 currency and how many minor digits it has.
package struct Currency: Sendable, Hashable, Codable, CustomStringConvertible {
    package let code: String
    package let minorDigits: Int

    package init(code: String, minorDigits: Int) {
        self.code = code
        self.minorDigits = minorDigits
    }

    package static let cad = Currency(code: "CAD", minorDigits: 2)
    package static let usd = Currency(code: "USD", minorDigits: 2)
    package static let eur = Currency(code: "EUR", minorDigits: 2)
    package static let jpy = Currency(code: "JPY", minorDigits: 0)

    /// The currencies PayPage knows; an unknown code is refused rather than guessed.
    package static func known(_ code: String) -> Currency? {
        [cad, usd, eur, jpy].first { $0.code == code.uppercased() }
    }

    /// 10^minorDigits, the number of minor units in one major unit.
    package var scale: Int64 {
        var s: Int64 = 1
        for _ in 0..<minorDigits { s *= 10 }
        return s
    }

    package var description: String { code }
}

/// An ISO 4217 currency and how many minor digits it has.
public struct Currency: Sendable, Hashable, Codable, CustomStringConvertible {
    public let code: String
    public let minorDigits: Int

    public init(code: String, minorDigits: Int) {
        self.code = code
        self.minorDigits = minorDigits
    }

    public static let cad = Currency(code: "CAD", minorDigits: 2)
    public static let usd = Currency(code: "USD", minorDigits: 2)
    public static let eur = Currency(code: "EUR", minorDigits: 2)
    public static let jpy = Currency(code: "JPY", minorDigits: 0)

    /// The currencies PayPage knows; an unknown code is refused rather than guessed.
    public static func known(_ code: String) -> Currency? {
        [cad, usd, eur, jpy].first { $0.code == code.uppercased() }
    }

    /// 10^minorDigits, the number of minor units in one major unit.
    public var scale: Int64 {
        var s: Int64 = 1
        for _ in 0..<minorDigits { s *= 10 }
        return s
    }

    public var description: String { code }
}

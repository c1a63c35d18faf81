/// Integer rounding half away from zero ("half-up" on amounts), the rule for line totals and taxes.
enum Rounding {
    /// round(numerator / denominator) with halves away from zero; overflow is an error.
    static func divideHalfUp(_ numerator: Int64, by denominator: Int64) -> Int64 {
        let q = numerator / denominator
        let r = numerator % denominator
        if r.magnitude * 2 >= denominator.magnitude {
            return (numerator < 0) != (denominator < 0) ? q - 1 : q + 1
        }
        return q
    }

    /// a × b, checked.
    static func multiply(_ a: Int64, _ b: Int64) throws(BillingError) -> Int64 {
        let (p, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow else { throw .overflow }
        return p
    }

    static func powerOfTen(_ n: Int) -> Int64 {
        var p: Int64 = 1
        for _ in 0..<n { p *= 10 }
        return p
    }
}

extension Rounding {
    /// round(value × part / whole) half-up, for 0 ≤ part ≤ whole and whole > 0; the product is
    /// worked out in 128 bits, so it cannot overflow, and the result is at most `value`.
    static func proportionHalfUp(_ value: Int64, _ part: Int64, _ whole: Int64) -> Int64 {
        let product = value.magnitude.multipliedFullWidth(by: part.magnitude)
        let (quotient, remainder) = whole.magnitude.dividingFullWidth(product)
        let rounded = remainder * 2 >= whole.magnitude ? quotient + 1 : quotient
        return value < 0 ? -Int64(rounded) : Int64(rounded)
    }
}

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

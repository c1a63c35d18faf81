import Billing

extension FieldCheck {
    /// `kind` of an invoice line: one of the `LineKind` names.
    mutating func lineKind(_ text: String, _ path: String) -> LineKind? {
        guard let kind = LineKind(rawValue: text) else {
            fail(path, "\"\(text)\" is not a line kind (\(LineKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            return nil
        }
        return kind
    }

    /// A negative unit price makes a discount line; a discount line needs one.
    mutating func priceSign(_ price: Money, text: String, kindText: String?, _ path: String) {
        let isDiscount = kindText == LineKind.discount.rawValue
        if price.minorUnits < 0 && !isDiscount {
            fail(path, "must not be negative (got \"\(text)\"); only a line of kind \"discount\" may be")
        } else if price.minorUnits >= 0 && isDiscount {
            fail(path, "\"\(text)\" must be negative on a line of kind \"discount\"")
        }
    }

    /// Optional text such as an op code: absent is fine, blank is not.
    mutating func optionalText(_ text: String?, _ path: String) {
        if let text { nonEmpty(text, path) }
    }
}

/// Masks what could be a payment card number in a customer's reply before it is stored: a
/// customer may well text their card number back. Any run of 13 or more digits, possibly split
/// by spaces or dashes, keeps only its last 4 digits ("•••• 4242"). Phone numbers (at most
/// 11 digits here) and amounts stay as they are.
package enum CardNumberMask {
    /// Card numbers have 13 to 19 digits; longer runs are masked too (two numbers run together).
    package static let minimumDigits = 13

    package static func mask(_ text: String) -> String {
        var result = ""
        var run = ""          // the digits and separators of the current run
        var digits = 0
        func flush() {
            if digits >= minimumDigits {
                let trailing = run.last.map { $0 == " " || $0 == "-" } ?? false
                result += "•••• " + String(run.filter(\.isASCIIDigit).suffix(4)) + (trailing ? String(run.last!) : "")
            } else {
                result += run
            }
            run = ""
            digits = 0
        }
        for character in text {
            if character.isASCIIDigit {
                run.append(character)
                digits += 1
            } else if (character == " " || character == "-"), !run.isEmpty, run.last?.isASCIIDigit == true {
                run.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

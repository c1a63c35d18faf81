import Billing

/// A date format such as `YYYY-MM-DD`, `DD/MM/YYYY` or `M/D/YYYY`: YYYY is the year, MM and
/// DD two digits, M and D one or two; anything else must appear as written.
package struct DatePattern: Sendable, Hashable, CustomStringConvertible {
    enum Token: Sendable, Hashable {
        case year
        case month(exactlyTwo: Bool)
        case day(exactlyTwo: Bool)
        case literal(Character)
    }

    package let description: String
    let tokens: [Token]

    package static let iso = DatePattern(validated: "YYYY-MM-DD")!

    /// nil when the pattern lacks a year, a month or a day, or has one twice.
    package init?(validated text: String) {
        var tokens: [Token] = []
        var rest = Substring(text)
        while let c = rest.first {
            if rest.hasPrefix("YYYY") { tokens.append(.year); rest = rest.dropFirst(4) }
            else if rest.hasPrefix("MM") { tokens.append(.month(exactlyTwo: true)); rest = rest.dropFirst(2) }
            else if rest.hasPrefix("DD") { tokens.append(.day(exactlyTwo: true)); rest = rest.dropFirst(2) }
            else if c == "M" { tokens.append(.month(exactlyTwo: false)); rest = rest.dropFirst() }
            else if c == "D" { tokens.append(.day(exactlyTwo: false)); rest = rest.dropFirst() }
            else if c.isLetter || c.isNumber { return nil }
            else { tokens.append(.literal(c)); rest = rest.dropFirst() }
        }
        let years = tokens.filter { $0 == .year }.count
        let months = tokens.filter { if case .month = $0 { true } else { false } }.count
        let days = tokens.filter { if case .day = $0 { true } else { false } }.count
        guard years == 1, months == 1, days == 1 else { return nil }
        self.description = text
        self.tokens = tokens
    }

    /// The date, or nil when the text does not follow the pattern or is not a real day.
    package func parse(_ text: String) -> CalendarDate? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        var year = 0, month = 0, day = 0
        func digits(min: Int, max: Int) -> Int? {
            let run = rest.prefix { $0.isASCII && $0.isNumber }
            guard run.count >= min else { return nil }
            let taken = run.prefix(max)
            rest = rest.dropFirst(taken.count)
            return Int(taken)
        }
        for token in tokens {
            switch token {
            case .year: guard let v = digits(min: 4, max: 4) else { return nil }; year = v
            case .month(let two): guard let v = digits(min: two ? 2 : 1, max: 2) else { return nil }; month = v
            case .day(let two): guard let v = digits(min: two ? 2 : 1, max: 2) else { return nil }; day = v
            case .literal(let c): guard rest.first == c else { return nil }; rest = rest.dropFirst()
            }
        }
        guard rest.isEmpty else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}

import Foundation

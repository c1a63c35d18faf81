import Billing

/// Collects validation problems of one record file, each with its JSON path.
struct FieldCheck {
    let file: String
    private(set) var errors: [RecordError] = []

    init(file: String) { self.file = file }

    mutating func fail(_ path: String, _ problem: String) {
        errors.append(RecordError(file: file, path: path, problem: problem))
    }

    /// Runs a Billing parse and records its error at `path`; nil when it failed.
    mutating func attempt<T>(_ path: String, _ body: () throws(BillingError) -> T) -> T? {
        do {
            return try body()
        } catch {
            fail(path, error.description)
            return nil
        }
    }

    mutating func money(_ text: String?, _ path: String, _ currency: Currency, sign: Money.Sign = .positive) -> Money? {
        guard let text else { return nil }
        return attempt(path) { () throws(BillingError) in try Money.parse(text, currency: currency, sign: sign) }
    }

    mutating func nonEmpty(_ text: String, _ path: String) {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { fail(path, "must not be empty") }
    }

    mutating func date(_ text: String?, _ path: String) -> CalendarDate? {
        guard let text else { return nil }
        guard let date = CalendarDate(iso: text) else {
            fail(path, "must be a date as YYYY-MM-DD (got \"\(text)\")")
            return nil
        }
        return date
    }

    /// Throws every collected problem at once.
    func finish() throws(RecordErrors) {
        if !errors.isEmpty { throw RecordErrors(errors) }
    }
}

import Foundation

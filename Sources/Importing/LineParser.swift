import Billing

/// Reads one row into an `ExportLine`: every value checked, every problem kept with its column.
struct LineParser {
    let file: String
    let layout: ImportLayout
    let columns: ColumnResolver.Resolved
    let currency: Currency

    func parse(_ row: DelimitedRow) -> ExportLine {
        var result = ExportLine(line: row.line)
        func text(_ column: ImportColumn) -> String? {
            guard let found = columns.columns[column], let raw = row.field(found.index) else { return nil }
            let cleaned = Self.clean(raw)
            return cleaned.isEmpty ? nil : cleaned
        }
        func fail(_ column: ImportColumn?, _ problem: ImportProblem) {
            result.issues.append(ImportIssue(file: file, line: row.line, column: column,
                                             columnLabel: column.flatMap { columns.columns[$0]?.header }, problem: problem))
        }
        for problem in row.problems {
            if case let .textAfterQuote(line, column) = problem {
                result.issues.append(ImportIssue(file: file, line: line, problem: .textAfterQuote(column: column)))
            }
        }
        if let width = columns.headerWidth {
            let used = (columns.columns.values.map(\.index) + columns.meta.values.map(\.index)).max().map { $0 + 1 } ?? 0
            var filled = row.fields.count
            while filled > 0, row.fields[filled - 1].allSatisfy(\.isWhitespace) { filled -= 1 }
            if filled > max(width, used) { fail(nil, .tooManyFields(count: filled, expected: width)) }
        }

        result.roNumber = text(.roNumber)
        if result.roNumber == nil { fail(.roNumber, .missing) }
        if let value = text(.date) {
            if let date = layout.dateFormat.parse(value) {
                result.order[.date] = .init(text: value, key: date.iso)
            } else {
                fail(.date, .notADate(value, pattern: layout.dateFormat.description))
            }
        }
        if let value = text(.customerName) { result.order[.customerName] = .init(text: value, key: value) }
        if let value = text(.phone) {
            do throws(BillingError) { result.order[.phone] = .init(text: value, key: try PhoneNumber(value).e164) } catch {
                fail(.phone, .invalid(error))
            }
        }
        if let value = text(.email) {
            if Self.looksLikeEmail(value) { result.order[.email] = .init(text: value, key: value.lowercased()) } else { fail(.email, .notAnEmail(value)) }
        }
        if let value = text(.language) {
            do throws(BillingError) { result.order[.language] = .init(text: value, key: try Language(code: value).rawValue) } catch {
                fail(.language, .invalid(error))
            }
        }
        for (key, found) in columns.meta {
            if let raw = row.field(found.index) {
                let value = Self.clean(raw)
                if !value.isEmpty { result.meta[key] = value }
            }
        }

        var kind: LineKind?
        if let value = text(.kind) {
            kind = layout.kindWords[ImportLayout.word(value)]
            if kind == nil { fail(.kind, .notALineKind(value, known: layout.knownKinds)) }
        }
        let description = text(.description)
        if description == nil { fail(.description, .missing) }
        var quantity: FixedDecimal?
        if let value = text(.quantity) {
            switch layout.amounts.quantity(value) {
            case .success(let parsed): quantity = parsed
            case .failure(let problem): fail(.quantity, problem)
            }
        }
        var price: Money?
        if let value = text(.unitPrice) {
            switch layout.amounts.money(value, currency: currency) {
            case .success(let parsed):
                price = parsed
                if kind == .discount, parsed.minorUnits >= 0 { fail(.unitPrice, .discountNotNegative(value)) }
                if kind != .discount, parsed.minorUnits < 0, text(.kind) == nil || kind != nil { fail(.unitPrice, .negativeNotDiscount(value)) }
            case .failure(let problem): fail(.unitPrice, problem)
            }
        } else {
            fail(.unitPrice, .missing)
        }
        var taxable = true
        if let value = text(.taxable) {
            if let parsed = layout.taxableWords[ImportLayout.word(value)] { taxable = parsed } else { fail(.taxable, .notYesOrNo(value)) }
        }
        if result.issues.isEmpty, let description, let price {
            result.item = .init(description: description, quantity: quantity, unitPrice: price, taxable: taxable, kind: kind,
                                opCode: text(.opCode), technician: text(.technician))
        }
        return result
    }

    /// Surrounding spaces go; line breaks inside a quoted field become spaces.
    static func clean(_ raw: String) -> String {
        let oneLine = raw.contains("\n") ? raw.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") : raw
        return oneLine.trimmingCharacters(in: .whitespaces.union(["\u{00A0}"]))
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
    }
}

import Foundation

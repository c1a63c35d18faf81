import Billing
import Importing

extension ConsoleText {
    /// An import problem in the staff member's language (the problem carries the values).
    func problem(_ problem: ImportProblem) -> String {
        switch problem {
        case .missing: t("console_import_p_missing")
        case let .notAnAmount(text, separator): t("console_import_p_not_amount", ["text": text]) + separatorHint(text, separator)
        case let .notANumber(text, separator): t("console_import_p_not_number", ["text": text]) + separatorHint(text, separator)
        case let .tooManyDecimals(text, digits): t("console_import_p_too_many_decimals", ["text": text, "count": "\(digits)"])
        case .notPositive(let text): t("console_import_p_not_positive", ["text": text])
        case let .notADate(text, pattern): t("console_import_p_not_date", ["text": text, "pattern": pattern])
        case let .notALineKind(text, known): t("console_import_p_not_kind", ["text": text, "known": known.joined(separator: ", ")])
        case .notYesOrNo(let text): t("console_import_p_not_yes_no", ["text": text])
        case .notAnEmail(let text): t("console_import_p_not_email", ["text": text])
        case .discountNotNegative(let text): t("console_import_p_discount_not_negative", ["text": text])
        case .negativeNotDiscount(let text): t("console_import_p_negative_not_discount", ["text": text])
        case let .disagrees(value, line, other): t("console_import_p_disagrees", ["text": value, "line": "\(line)", "other": other])
        case .textAfterQuote(let column): t("console_import_p_text_after_quote", ["column": "\(column)"])
        case let .tooManyFields(count, expected): t("console_import_p_too_many_fields", ["count": "\(count)", "expected": "\(expected)"])
        case let .undecodableByte(byte?, column, encoding):
            t("console_import_p_undecodable_byte", ["byte": ImportProblem.hex(byte), "column": "\(column)", "encoding": encoding.displayName])
        case let .undecodableByte(nil, column, encoding):
            t("console_import_p_undecodable_column", ["column": "\(column)", "encoding": encoding.displayName])
        case let .lineOfBrokenRO(roNumber, line): t("console_import_p_line_of_broken_ro", ["ro": roNumber, "line": "\(line)"])
        case .unterminatedQuote(let column): t("console_import_p_unterminated_quote", ["column": "\(column)"])
        case .missingColumns(let names): t("console_import_p_missing_columns", ["names": names.joined(separator: ", ")])
        case .noRows: t("console_import_p_no_rows")
        case .nulBytes: t("console_import_p_nul_bytes")
        case let .belongsToOtherBusiness(reference, business, file, prefix):
            t("console_import_p_other_business", ["reference": reference, "business": business, "file": file, "prefix": prefix])
        case .notAReference(let text): t("console_import_p_not_reference", ["text": text])
        case .existingRecordUnreadable(let file): t("console_import_p_record_unreadable", ["file": file])
        // The record checks and Billing's rules word their own detail (in English, as `paypage check` does).
        case .invalid, .record: t("console_reason_other", ["detail": problem.description])
        }
    }

    /// `12,50` in a file whose decimal separator is the point: say so.
    private func separatorHint(_ text: String, _ separator: AmountReader.DecimalSeparator) -> String {
        let other = separator == .point ? "," : "."
        return text.contains(other) ? t("console_import_p_separator_hint", ["mark": separator.rawValue]) : ""
    }

    /// Why the upload itself is refused.
    func upload(_ problem: UploadProblem) -> String {
        switch problem {
        case .notMultipart: t("console_import_e_not_multipart")
        case .malformed, .unnamedPart: t("console_import_e_malformed")
        case .unfinished: t("console_import_e_unfinished")
        case .duplicateField(let name): t("console_import_e_duplicate", ["name": name])
        case .notText(let name): t("console_import_e_not_text", ["name": name])
        case .forbidden: t("console_forbidden")
        case .tooLarge: t("console_import_e_too_large", ["size": importLimit])
        }
    }

    /// "5 MB" / "5 Mo".
    var importLimit: String { t("console_import_limit", ["count": "\(ConsoleRoutes.importLimit / (1024 * 1024))"]) }

    /// Why the import could not run at all.
    func reason(_ error: ImportError) -> String {
        switch error {
        case let .unknownBusiness(key, _): t("console_import_e_business", ["business": key])
        case .invalidPrefix(let prefix): t("console_import_e_prefix", ["prefix": prefix])
        case .records, .store: t("console_reason_other", ["detail": error.description])
        }
    }

    func outcome(_ outcome: ImportReport.Outcome, dryRun: Bool) -> String {
        t("console_import_\(dryRun && [.created, .updated, .refused].contains(outcome) ? "would_" : "")\(outcome.rawValue)")
    }

    func encodingReason(_ reason: EncodingReason) -> String {
        switch reason {
        case .byteOrderMark: t("console_import_enc_bom")
        case .validUTF8: t("console_import_enc_valid")
        case .notUTF8: t("console_import_enc_not_utf8")
        case .declared: t("console_import_enc_declared")
        }
    }
}

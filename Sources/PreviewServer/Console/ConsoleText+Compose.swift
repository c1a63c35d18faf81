import Messaging
import Operations

extension ConsoleText {
    /// Where an error of the new-request or text forms belongs (`name`, `phone`, `reference`,
    /// `amount`, `invoice`, `reply`, `text`; `alert` for the page) and what to say there.
    func formErrors(_ error: OperationError) -> [ConsoleFormError] {
        switch error {
        case .records(let errors):
            var seen: Set<String> = []
            return errors.compactMap { record -> ConsoleFormError? in
                let field: String? = switch record.path {
                case "customer.name": "name"
                case "customer.phone": "phone"
                case "reference": "reference"
                case "amount", "lines": "amount"
                default: nil
                }
                guard let field else { return ConsoleFormError(field: "alert", message: refusal(error)) }
                guard seen.insert(field).inserted else { return nil }
                return ConsoleFormError(field: field, message: t("console_new_error_\(field)"))
            }
        case .invalidField("amount", _): return [.init(field: "amount", message: t("console_new_error_amount"))]
        case .invalidField("phone", _): return [.init(field: "phone", message: t("console_new_error_phone"))]
        case .invalidField("reference", _): return [.init(field: "reference", message: t("console_new_error_reference"))]
        case .conflict(.referenceInLedger), .conflict(.referenceInRecords):
            return [.init(field: "reference", message: t("console_new_error_reference_used"))]
        case .conflict(.alreadyRequested): return [.init(field: "invoice", message: t("console_new_error_already_requested"))]
        case .notFound(.record): return [.init(field: "invoice", message: t("console_new_error_invoice_gone"))]
        case .conflict(.unfilledText(let texts)):
            return [.init(field: "text", message: t("console_compose_error_brackets", ["text": texts.joined(separator: ", ")]))]
        case .messaging(let messaging): return [messageError(messaging)]
        default: return [.init(field: "alert", message: refusal(error))]
        }
    }

    func messageError(_ error: MessagingError) -> ConsoleFormError {
        switch error {
        case .unknownPlaceholder(let name, _): .init(field: "text", message: t("console_compose_error_unknown", ["name": "{ \(name) }"]))
        case .placeholderNotSet(let name, _): .init(field: "text", message: t("console_compose_error_not_set", ["name": "{ \(name) }"]))
        case .emptyPlaceholder, .unterminatedPlaceholder, .unexpectedClosingBrace: .init(field: "text", message: t("console_compose_error_braces"))
        case .emptyMessage: .init(field: "text", message: t("console_compose_error_empty"))
        case .replyNotFound: .init(field: "reply", message: t("console_compose_error_reply_missing"))
        case .replyMissingLanguage(let name, _): .init(field: "reply", message: t("console_compose_error_reply_language", ["name": name]))
        case .invalidPhoneNumber: .init(field: "phone", message: t("console_new_error_phone"))
        }
    }

    /// "1 segment · GSM-7 · 97 of 160 characters"
    func segments(_ count: SegmentCount) -> String {
        let values = ["count": "\(count.segments)", "encoding": encoding(count.encoding), "units": "\(count.units)", "per": "\(count.perSegment)"]
        return t(count.segments == 1 ? "console_compose_segments_one" : "console_compose_segments_many", values)
    }

    func encoding(_ encoding: SMSEncoding) -> String { encoding == .gsm7 ? "GSM-7" : "UCS-2" }
}

/// The plain English wording of ``OperationError``'s parts (the CLI adds its flag names).
extension OperationError.FieldProblem {
    func english(field: String) -> String {
        switch self {
        case .missing: "\(field): is required"
        case .invalid(let error): "\(field): \(error.description)"
        case .notOneOf(let values): "\(field): must be \(Self.list(values))"
        case let .disagrees(otherField, otherValue, value): "\(field) \(value) disagrees with \(otherField): \"\(otherValue)\""
        case .unreadable(let path): "\(field): cannot read \(path)"
        }
    }

    package static func list(_ values: [String]) -> String {
        guard values.count > 1 else { return values.first ?? "" }
        return values.dropLast().joined(separator: ", ") + " or " + values.last!
    }
}

extension OperationError.Missing {
    var english: String {
        switch self {
        case .request(let reference): "no request with reference \"\(reference)\""
        case .record(let file): "no record \(file)"
        case let .businessOfRequest(reference, business): "\(reference): its business \"\(business)\" is no longer in Records/"
        case let .recordOfRequest(reference, file): "\(reference): its record \(file) was deleted"
        case .customer(let query): "no customer matches \"\(query)\""
        }
    }
}

extension OperationError.Conflict {
    var english: String {
        switch self {
        case let .referenceInLedger(reference, existing): "reference \"\(reference)\" is already used by request \(existing)"
        case let .referenceInRecords(reference, file): "reference \"\(reference)\" is already used by \(file)"
        case let .optedOut(phone, action): "\(phone) opted out of text messages: \(action)"
        case .unfilledText(let texts): "text not filled in: \(texts.joined(separator: ", "))"
        case .alreadyRequested(let reference): "\(reference) was already requested from the customer"
        }
    }
}

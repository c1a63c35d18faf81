/// Why an uploaded form (`multipart/form-data`) is refused: values, not sentences. The console
/// words each one in the staff member's language.
enum UploadProblem: Error, Sendable, Equatable {
    /// The body is not `multipart/form-data` with a usable boundary.
    case notMultipart
    /// The parts cannot be split (a broken boundary or part header).
    case malformed
    /// The body ends before the closing boundary.
    case unfinished
    /// A part without `Content-Disposition: form-data; name="…"`.
    case unnamedPart
    /// Two parts with the same name.
    case duplicateField(String)
    /// A text field that is not UTF-8.
    case notText(String)
    /// The first part is not a valid CSRF token for the session.
    case forbidden
    /// The body is larger than `limit` bytes.
    case tooLarge(limit: Int)
}

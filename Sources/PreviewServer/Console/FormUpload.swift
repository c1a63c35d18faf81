/// A `multipart/form-data` upload, read whole: its text fields and its files by field name.
struct FormUpload: Sendable {
    struct File: Sendable {
        /// The name the browser gave (the user's file name, without folders).
        var fileName: String
        var bytes: [UInt8]
    }

    var fields: [String: String] = [:]
    /// Only file inputs where a file was chosen (a browser sends an empty part, without a name, otherwise).
    var files: [String: File] = [:]

    subscript(_ name: String) -> String? { fields[name] }
}

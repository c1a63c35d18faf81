/// A part's `Content-Disposition: form-data; name="file"; filename="ro.csv"`. MultipartKit
/// splits parts but keeps no parser for this header that is public (and its own splits a quoted
/// value at `;` or `=`): so a small strict one, with quoted strings and their escapes.
struct FormDataDisposition: Sendable, Equatable {
    var name: String
    var fileName: String?

    init?(_ header: String) {
        var rest = Substring(header)
        guard Self.token(&rest).lowercased() == "form-data" else { return nil }
        var parameters: [String: String] = [:]
        while true {
            Self.skipSpaces(&rest)
            guard !rest.isEmpty else { break }
            guard rest.first == ";" else { return nil }
            rest.removeFirst()
            Self.skipSpaces(&rest)
            let key = Self.token(&rest).lowercased()
            guard !key.isEmpty, rest.first == "=" else { return nil }
            rest.removeFirst()
            guard let value = rest.first == "\"" ? Self.quoted(&rest) : Optional(Self.token(&rest)) else { return nil }
            guard parameters[key] == nil else { return nil }
            parameters[key] = value
        }
        guard let name = parameters["name"], !name.isEmpty else { return nil }
        self.name = name
        self.fileName = parameters["filename"]
    }

    private static func skipSpaces(_ text: inout Substring) {
        while let c = text.first, c == " " || c == "\t" { text.removeFirst() }
    }

    private static func token(_ text: inout Substring) -> String {
        let end = text.firstIndex { $0 == ";" || $0 == "=" || $0 == " " || $0 == "\t" || $0 == "\"" } ?? text.endIndex
        defer { text = text[end...] }
        return String(text[..<end])
    }

    /// `"a \"b\""` → `a "b"`; nil when the quote is never closed.
    private static func quoted(_ text: inout Substring) -> String? {
        text.removeFirst()
        var value = ""
        while let c = text.first {
            text.removeFirst()
            switch c {
            case "\"": return value
            case "\\":
                guard let next = text.first else { return nil }
                text.removeFirst()
                value.append(next)
            default: value.append(c)
            }
        }
        return nil
    }
}

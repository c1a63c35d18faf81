import HTTPTypes
import Hummingbird

/// The headers every response carries, and the paths that are never cached.
enum SecurityHeaders {
    /// Built once: a field's name and value are validated when it is made, per request otherwise.
    static let fields: HTTPFields = [
        .contentSecurityPolicy:
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'",
        .xContentTypeOptions: "nosniff",
        HTTPField.Name("Referrer-Policy")!: "no-referrer",
        HTTPField.Name("X-Robots-Tag")!: "noindex",
        HTTPField.Name("X-Frame-Options")!: "DENY",
        HTTPField.Name("Permissions-Policy")!: "payment=(self)",
    ]
    static let names: [HTTPField.Name] = fields.map(\.name)

    /// Everything under these prefixes is per-customer or private: never cached.
    static let noStorePrefixes = ["/p/", "/staff/", "/api/"]

    /// Sets every security header, replacing any value a handler gave one of them.
    static func apply(to headers: inout HTTPFields) {
        if headers.contains(where: { names.contains($0.name) }) {
            for field in fields { headers[field.name] = field.value }
        } else {
            headers.append(contentsOf: fields)  // the usual case: one append, no lookups
        }
    }
}

/// Chooses the language of a language-neutral payment page: `?lang`, then the
/// remembered cookie, then `Accept-Language`, then the configured default.
package struct LanguageNegotiation: Sendable, Equatable {
    package static let cookieName = "paypage_lang"

    package var language: SiteLanguage
    /// Set when `?lang` chose: the answer should remember it in a cookie.
    package var fromQuery: Bool

    package static func negotiate(
        query: String?, cookieHeaders: [String], acceptLanguage: String?, default fallback: SiteLanguage
    ) -> LanguageNegotiation {
        if let chosen = queryLanguage(query) { return .init(language: chosen, fromQuery: true) }
        if let remembered = cookieLanguage(cookieHeaders) { return .init(language: remembered, fromQuery: false) }
        return .init(language: AcceptLanguage.preferred(from: acceptLanguage, default: fallback), fromQuery: false)
    }

    /// Only exactly `fr` or `en` (any case); anything else is ignored, not an error.
    static func queryLanguage(_ query: String?) -> SiteLanguage? {
        guard let query else { return nil }
        for pair in query.split(separator: "&").prefix(32) {
            let pieces = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if pieces.count == 2, pieces[0] == "lang", let language = SiteLanguage(rawValue: pieces[1].lowercased()) {
                return language
            }
        }
        return nil
    }

    static func cookieLanguage(_ headers: [String]) -> SiteLanguage? {
        CookieHeader.value(named: cookieName, in: headers).flatMap { SiteLanguage(rawValue: $0.lowercased()) }
    }

    /// HttpOnly: the page's own script does not need it; the server reads it.
    package static func setCookieValue(_ language: SiteLanguage) -> String {
        "\(cookieName)=\(language.rawValue); Path=/; SameSite=Lax; HttpOnly"
    }
}

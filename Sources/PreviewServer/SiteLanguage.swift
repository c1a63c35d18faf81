/// The languages pages are generated in. Kept local (not Billing's type) so the
/// server compiles on its own; the CLI maps between the two.
package enum SiteLanguage: String, Sendable, CaseIterable, Codable {
    case fr
    case en

    /// Accepts "fr", "EN", "fr-CA", "en_US": the primary subtag decides.
    package init?(tag: some StringProtocol) {
        let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() }
        guard let primary, let language = SiteLanguage(rawValue: primary) else { return nil }
        self = language
    }
}

import Testing
@testable import PreviewServer

@Suite struct AcceptLanguageTests {
    @Test(arguments: [
        ("en-US,en;q=0.9,fr;q=0.8", SiteLanguage.fr, SiteLanguage.en),
        ("fr-CA", .en, .fr),
        ("fr;q=0, en;q=0.1", .fr, .en),
        ("de", .fr, .fr),
        ("de", .en, .en),
        ("garbage;;;==,,", .fr, .fr),
        ("*", .en, .en),
        ("*", .fr, .fr),
        ("EN", .fr, .en),
        ("en-GB;q=0.5, fr-FR;q=0.6", .en, .fr),
        ("en;q=0.5, fr;q=0.5", .fr, .en),  // tie: header order
        ("fr;q=0", .fr, .en),
        ("fr;q=0, *", .fr, .en),
        ("en;q=1.5, fr", .en, .fr),  // invalid q ignores that entry
        ("en;q=abc", .fr, .fr),
        ("en;q=0.001", .fr, .en),
        ("de-DE, en;q=0.3", .fr, .en),
        ("", .fr, .fr),
        ("fr_CA", .en, .fr),
    ])
    func preferred(header: String, fallback: SiteLanguage, expected: SiteLanguage) {
        #expect(AcceptLanguage.preferred(from: header, default: fallback) == expected)
    }

    @Test func missingHeaderGivesDefault() {
        #expect(AcceptLanguage.preferred(from: nil, default: .en) == .en)
    }

    /// Only the first 4 096 characters and 32 entries are read, so a huge header costs no more
    /// than a long one: a language past that point is never seen.
    @Test func hugeHeaderIsReadOnlyToItsLimits() {
        let huge = String(repeating: "de;q=0.5,", count: 200_000) + "en"
        #expect(AcceptLanguage.preferred(from: huge, default: .fr) == .fr)
        let late = String(repeating: "de,", count: AcceptLanguage.maxEntries) + "en"
        #expect(AcceptLanguage.preferred(from: late, default: .fr) == .fr)
        let early = String(repeating: "de,", count: AcceptLanguage.maxEntries - 1) + "en"
        #expect(AcceptLanguage.preferred(from: early, default: .fr) == .en)
    }

    @Test(arguments: [
        ("lang=en", [String](), "fr", SiteLanguage.en, true),
        ("x=1&lang=FR", [], "en", .fr, true),
        ("lang=de", [], "en", .en, false),
        (nil, ["a=b; paypage_lang=en"], "fr", .en, false),
        (nil, ["paypage_lang=xx"], "en", .en, false),
        ("lang=fr", ["paypage_lang=en"], "en", .fr, true),
    ] as [(String?, [String], String, SiteLanguage, Bool)])
    func negotiation(query: String?, cookies: [String], accept: String, language: SiteLanguage, fromQuery: Bool) {
        let result = LanguageNegotiation.negotiate(query: query, cookieHeaders: cookies, acceptLanguage: accept, default: .fr)
        #expect(result == LanguageNegotiation(language: language, fromQuery: fromQuery))
    }

    @Test(arguments: [
        ("127.0.0.1", true), ("127.1.2.3", true), ("localhost", true), ("::1", true), ("[::1]", true),
        ("::ffff:127.0.0.1", true), ("0.0.0.0", false), ("::", false), ("192.168.1.10", false),
        ("example.com", false), ("128.0.0.1", false),
    ])
    func loopback(host: String, expected: Bool) {
        #expect(LoopbackHost.isLoopback(host) == expected)
    }

    @Test(arguments: [
        ("app.0123456789.css", true), ("app.abcdef0123.js", true), ("app.css", false),
        ("app.0123456789", false), ("app.ABCDEF0123.css", false), ("app.012345678.css", false),
    ])
    func fingerprint(name: String, expected: Bool) {
        #expect(ContentType.isFingerprinted(name) == expected)
    }
}

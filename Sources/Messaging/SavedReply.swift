/// A message template staff pick when texting a customer, with its text per language.
///
/// Shape in `Records/replies.json`: `{"name": "payment-request", "text": {"en": "…", "fr": "…"}}`.
/// `text` stays keyed by plain strings so an unexpected language key does not make the
/// whole file undecodable; `template(in:)` reports a missing language precisely instead.
package struct SavedReply: Sendable, Codable, Hashable {
    package var name: String
    package var text: [String: String]

    package init(name: String, text: [String: String]) {
        self.name = name
        self.text = text
    }

    package init(name: String, en: String? = nil, fr: String? = nil) {
        var text: [String: String] = [:]
        text[MessageLanguage.en.rawValue] = en
        text[MessageLanguage.fr.rawValue] = fr
        self.init(name: name, text: text)
    }

    /// The parsed template in `language`; no fallback to the other language, because
    /// texting a French customer in English (or the reverse) must be a visible choice.
    package func template(in language: MessageLanguage) throws(MessagingError) -> MessageTemplate {
        guard let body = text[language.rawValue] else {
            throw .replyMissingLanguage(name: name, language: language)
        }
        return try MessageTemplate(name: name, language: language, text: body)
    }
}

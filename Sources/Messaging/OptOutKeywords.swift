import Foundation

/// Recognizes a customer's reply asking to receive no more texts.
package enum OptOutKeywords {
    /// Compared after folding case and accents, so ARRÊT, arret and Désabonner all match.
    package static let keywords: Set<String> = ["stop", "arret", "unsubscribe", "desabonner"]

    /// True when the whole reply is one keyword, ignoring case, accents, surrounding
    /// whitespace and trailing punctuation ("Stop." / "ARRÊT!"). A sentence that merely
    /// contains the word ("don't stop the work") is not an opt-out.
    package static func isOptOut(_ reply: String) -> Bool {
        let word = reply.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        return keywords.contains(word)
    }
}

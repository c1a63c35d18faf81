/// The languages PayPage writes text messages in.
///
/// Raw values are the keys used in `Records/replies.json` (`"en"`, `"fr"`).
package enum MessageLanguage: String, Sendable, Codable, CaseIterable, Hashable {
    case en
    case fr
}

import Foundation

/// Staff names: 1–64 letters, digits, spaces and `. _ - ' ’`, unique ignoring case. The key used
/// for lookups and uniqueness is the name in Unicode canonical form, lower-cased, so "Hélène"
/// (composed or not) and "HÉLÈNE" are the same person.
public enum StaffName {
    public static let maximumLength = 64

    /// The name trimmed, or why it cannot be one.
    public static func validated(_ text: String) throws(StaffError) -> String {
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        guard !name.isEmpty else { throw .invalidName(name: text, problem: .empty) }
        guard name.count <= maximumLength else {
            throw .invalidName(name: name, problem: .tooLong(characters: name.count, limit: maximumLength))
        }
        if let bad = name.first(where: { !isAllowed($0) }) { throw .invalidName(name: name, problem: .character(bad)) }
        return name
    }

    /// The lookup key of any typed name (also of invalid ones: a sign-in with a malformed name
    /// must fail exactly like one with an unknown name). Bounded, so a huge input stores little.
    public static func key(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return String(trimmed.precomposedStringWithCanonicalMapping.lowercased().prefix(maximumLength * 2))
    }

    static func isAllowed(_ character: Character) -> Bool {
        if " ._-'\u{2019}".contains(character) { return true }
        return character.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
                || scalar.properties.generalCategory == .nonspacingMark
        }
    }
}

/// A finished text, with what staff need to see before sending it.
package struct ComposedMessage: Sendable, Hashable {
    package let text: String
    package let language: MessageLanguage
    package let segments: SegmentCount
    /// `[ … ]` parts nobody filled in; the CLI refuses to send while any remain.
    package let unfilledBrackets: [String]

    package init(text: String, language: MessageLanguage) {
        self.text = text
        self.language = language
        self.segments = SMSSegments.count(text)
        self.unfilledBrackets = PlaceholderFiller.unfilledBrackets(in: text)
    }

    package var isReadyToSend: Bool { unfilledBrackets.isEmpty }
}

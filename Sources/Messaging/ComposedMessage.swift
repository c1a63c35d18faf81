/// A finished text, with what staff need to see before sending it.
public struct ComposedMessage: Sendable, Hashable {
    public let text: String
    public let language: MessageLanguage
    public let segments: SegmentCount
    /// `[ … ]` parts nobody filled in; the CLI refuses to send while any remain.
    public let unfilledBrackets: [String]

    public init(text: String, language: MessageLanguage) {
        self.text = text
        self.language = language
        self.segments = SMSSegments.count(text)
        self.unfilledBrackets = PlaceholderFiller.unfilledBrackets(in: text)
    }

    public var isReadyToSend: Bool { unfilledBrackets.isEmpty }
}

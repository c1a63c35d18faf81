/// Turns a body into the text actually sent: sender name first, opt-out words last.
package struct MessageComposer: Sendable, Hashable {
    package let companyName: String
    /// The business setting that adds "Reply STOP to opt out." to every text.
    package let includesOptOut: Bool

    package init(companyName: String, includesOptOut: Bool) {
        self.companyName = companyName
        self.includesOptOut = includesOptOut
    }

    package static func optOutWording(in language: MessageLanguage) -> String {
        switch language {
        case .en: return "Reply STOP to opt out."
        case .fr: return "Répondez ARRET pour vous désabonner."
        }
    }

    /// Canadian French puts a space before the colon; a plain one, since a no-break
    /// space would make the message UCS-2.
    package func senderPrefix(in language: MessageLanguage) -> String {
        switch language {
        case .en: return "\(companyName): "
        case .fr: return "\(companyName) : "
        }
    }

    /// A fixed text (request, reminder, confirmation, refund, test) filled from `context`.
    package func compose(
        _ fixed: FixedMessage, language: MessageLanguage, context: PlaceholderContext
    ) throws(MessagingError) -> ComposedMessage {
        try compose(fixed.template(in: language), context: context)
    }

    /// A saved reply in `language`, filled from `context`.
    package func compose(
        reply: SavedReply, language: MessageLanguage, context: PlaceholderContext
    ) throws(MessagingError) -> ComposedMessage {
        try compose(reply.template(in: language), context: context)
    }

    package func compose(
        _ template: MessageTemplate, context: PlaceholderContext
    ) throws(MessagingError) -> ComposedMessage {
        try finish(body: PlaceholderFiller.fill(template, with: context), language: template.language)
    }

    /// Adds the sender name and opt-out words to a body that is already final
    /// (a manual text typed by staff, or a filled template), then normalizes spaces.
    package func finish(body: String, language: MessageLanguage) throws(MessagingError) -> ComposedMessage {
        var text = SMSText.normalize(body).trimmingWhitespace()
        guard !text.isEmpty else { throw .emptyMessage }
        if !startsWithCompanyName(text) {
            text = senderPrefix(in: language) + text
        }
        if includesOptOut {
            let wording = Self.optOutWording(in: language)
            // A saved reply may already end with it; do not say it twice.
            if !text.lowercased().hasSuffix(wording.lowercased()) {
                text += " " + wording
            }
        }
        // Normalized again as a whole: the company name may carry formatting spaces too.
        return ComposedMessage(text: SMSText.normalize(text), language: language)
    }

    /// True when the body already identifies the sender, e.g. "Garage Tremblay vous
    /// informe…". The name must end at a word boundary: "Garage Tremblayville" is not it.
    func startsWithCompanyName(_ text: String) -> Bool {
        let name = SMSText.normalize(companyName).trimmingWhitespace()
        guard !name.isEmpty else { return true }  // nothing to prefix with
        // Compare whole Characters so the boundary check looks at the right one.
        guard text.prefix(name.count).lowercased() == name.lowercased() else { return false }
        guard let next = text.dropFirst(name.count).first else { return true }
        return !(next.isLetter || next.isNumber)
    }
}

/// The texts PayPage sends without a saved reply.
///
/// The French is written for Canadian customers; where a natural wording exists without
/// â ç ê î ô û or ’ it is preferred, because any of those makes the message UCS-2
/// (70 characters a segment instead of 160). The confirmation keeps "reçu": no other
/// word reads right for a receipt.
package enum FixedMessage: String, Sendable, CaseIterable, Hashable {
    /// Used when staff send a request without choosing a saved reply.
    case paymentRequest = "payment-request"
    /// For unpaid requests; pass the amount due as `formattedAmount`.
    case reminder
    /// After a payment; the request link shows the receipt once paid.
    case confirmation
    /// After a refund; pass the amount refunded as `formattedAmount`.
    case refund
    /// Sent by staff to any number to check that texting works.
    case test

    package func text(in language: MessageLanguage) -> String {
        switch (self, language) {
        case (.paymentRequest, .en):
            return "Hi {customer.name}, here is your secure payment link for invoice "
                + "{request.reference} ({request.amount}): {request.link}"
        case (.paymentRequest, .fr):
            return "Bonjour {customer.name}, voici votre lien de paiement sécurisé pour la facture "
                + "{request.reference} ({request.amount}) : {request.link}"
        case (.reminder, .en):
            return "Reminder: invoice {request.reference} has a balance of {request.amount} due. "
                + "You can pay it securely here: {request.link}"
        case (.reminder, .fr):
            return "Rappel : il reste un solde de {request.amount} à payer sur la facture "
                + "{request.reference}. Vous pouvez le régler en toute sécurité ici : {request.link}"
        case (.confirmation, .en):
            return "Thank you! We received your payment of {request.amount} for invoice "
                + "{request.reference}. Your receipt: {request.link}"
        case (.confirmation, .fr):
            return "Merci! Nous avons bien reçu votre paiement de {request.amount} pour la facture "
                + "{request.reference}. Votre reçu : {request.link}"
        case (.refund, .en):
            return "A refund of {request.amount} was issued for invoice {request.reference}. "
                + "It may take a few business days to appear on your statement. Details: {request.link}"
        case (.refund, .fr):
            return "Un remboursement de {request.amount} a été effectué pour la facture "
                + "{request.reference}. Il peut falloir quelques jours ouvrables avant qu'il "
                + "apparaisse sur votre relevé. Détails : {request.link}"
        case (.test, .en):
            return "This is a test message. No action is needed."
        case (.test, .fr):
            return "Ceci est un message d'essai. Vous n'avez rien à faire."
        }
    }

    /// Named `builtin:<kind>` so an error points at the fixed text, not a saved reply.
    package func template(in language: MessageLanguage) throws(MessagingError) -> MessageTemplate {
        try MessageTemplate(name: "builtin:\(rawValue)", language: language, text: text(in: language))
    }

    /// The kind of outgoing message this text is sent as.
    package var kind: MessageKind {
        switch self {
        case .paymentRequest: return .request
        case .reminder: return .reminder
        case .confirmation: return .confirmation
        case .refund: return .refund
        case .test: return .test
        }
    }
}

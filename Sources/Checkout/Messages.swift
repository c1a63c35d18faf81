import Billing

/// Why a processor refused a payment. The raw value is a stable code (Stripe's where one exists),
/// fit for records and logs; `message(_:)` is what the customer reads.
package enum DeclineReason: String, Sendable, Hashable, Codable, CaseIterable {
    case cardDeclined = "card_declined"
    case insufficientFunds = "insufficient_funds"
    case lostCard = "lost_card"
    case stolenCard = "stolen_card"
    case expiredCard = "expired_card"
    case incorrectCVC = "incorrect_cvc"
    case processingError = "processing_error"
    case authenticationFailed = "authentication_failed"
    /// A valid number that is not one of the simulator's test numbers: maybe a real card.
    case notATestCard = "not_a_test_card"
    case walletFailed = "wallet_failed"
    case affirmDeclined = "affirm_declined"
    /// Affirm is disabled, or the amount is outside the business's Affirm range.
    case affirmNotEligible = "affirm_not_eligible"

    /// Lost and stolen cards are shown to the customer as a generic decline (processors' advice:
    /// never tell a possible fraudster why); the code keeps the real reason for staff.
    package func message(_ language: Language) -> String {
        switch (self, language) {
        case (.cardDeclined, .en), (.lostCard, .en), (.stolenCard, .en):
            "Your card was declined. Please use another card or contact your bank."
        case (.cardDeclined, .fr), (.lostCard, .fr), (.stolenCard, .fr):
            "Votre carte a été refusée. Veuillez utiliser une autre carte ou communiquer avec votre institution financière."
        case (.insufficientFunds, .en):
            "Your card has insufficient funds. Please use another card."
        case (.insufficientFunds, .fr):
            "Les fonds disponibles sur votre carte sont insuffisants. Veuillez utiliser une autre carte."
        case (.expiredCard, .en):
            "Your card has expired. Please use another card."
        case (.expiredCard, .fr):
            "Votre carte est expirée. Veuillez utiliser une autre carte."
        case (.incorrectCVC, .en):
            "The security code (CVC) is incorrect. Please check it and try again."
        case (.incorrectCVC, .fr):
            "Le code de sécurité (CVC) est incorrect. Veuillez le vérifier et réessayer."
        case (.processingError, .en):
            "An error occurred while processing your card. Please try again in a moment."
        case (.processingError, .fr):
            "Une erreur est survenue lors du traitement de votre carte. Veuillez réessayer dans un instant."
        case (.authenticationFailed, .en):
            "Your bank could not verify this payment. Please try again or use another card."
        case (.authenticationFailed, .fr):
            "Votre institution financière n’a pas pu authentifier ce paiement. Veuillez réessayer ou utiliser une autre carte."
        case (.notATestCard, .en):
            "Test mode: this is a payment simulator and real cards are not accepted. Use a test card number such as 4242 4242 4242 4242."
        case (.notATestCard, .fr):
            "Mode test\u{00A0}: ceci est un simulateur de paiement et les vraies cartes ne sont pas acceptées. Utilisez un numéro de carte de test comme 4242 4242 4242 4242."
        case (.walletFailed, .en):
            "The wallet payment could not be completed. Please try again or pay by card."
        case (.walletFailed, .fr):
            "Le paiement par portefeuille numérique n’a pas pu être effectué. Veuillez réessayer ou payer par carte."
        case (.affirmDeclined, .en):
            "Affirm could not approve your financing request. Please choose another payment method."
        case (.affirmDeclined, .fr):
            "Affirm n’a pas pu approuver votre demande de financement. Veuillez choisir un autre mode de paiement."
        case (.affirmNotEligible, .en):
            "Affirm financing is not available for this amount. Please choose another payment method."
        case (.affirmNotEligible, .fr):
            "Le financement Affirm n’est pas offert pour ce montant. Veuillez choisir un autre mode de paiement."
        }
    }
}

/// A form field the customer must correct, with a message for that field.
package struct FieldError: Sendable, Hashable, Codable {
    package enum Field: String, Sendable, Hashable, Codable, CaseIterable {
        case number, expiry, cvc, name, amount, plan
    }

    package enum Code: String, Sendable, Hashable, Codable, CaseIterable {
        case numberRequired = "number_required"
        case numberNotDigits = "number_not_digits"
        case numberLength = "number_length"
        case numberLuhn = "number_luhn"
        case numberUnsupportedBrand = "number_unsupported_brand"
        case expiryRequired = "expiry_required"
        case expiryMonthInvalid = "expiry_month_invalid"
        case expiryPast = "expiry_past"
        case cvcThreeDigits = "cvc_three_digits"
        case cvcFourDigits = "cvc_four_digits"
        case cvcInvalid = "cvc_invalid"
        case nameRequired = "name_required"
        case amountInvalid = "amount_invalid"
        case planUnavailable = "plan_unavailable"

        package var field: Field {
            switch self {
            case .numberRequired, .numberNotDigits, .numberLength, .numberLuhn, .numberUnsupportedBrand: .number
            case .expiryRequired, .expiryMonthInvalid, .expiryPast: .expiry
            case .cvcThreeDigits, .cvcFourDigits, .cvcInvalid: .cvc
            case .nameRequired: .name
            case .amountInvalid: .amount
            case .planUnavailable: .plan
            }
        }
    }

    package let code: Code
    package var field: Field { code.field }

    package init(_ code: Code) { self.code = code }

    package func message(_ language: Language) -> String {
        switch (code, language) {
        case (.numberRequired, .en): "Enter your card number."
        case (.numberRequired, .fr): "Entrez votre numéro de carte."
        case (.numberNotDigits, .en): "The card number may contain only digits."
        case (.numberNotDigits, .fr): "Le numéro de carte ne peut contenir que des chiffres."
        case (.numberLength, .en): "The card number must have between 12 and 19 digits."
        case (.numberLength, .fr): "Le numéro de carte doit comporter de 12 à 19 chiffres."
        case (.numberLuhn, .en): "This card number is not valid. Please check it."
        case (.numberLuhn, .fr): "Ce numéro de carte n’est pas valide. Veuillez le vérifier."
        case (.numberUnsupportedBrand, .en): "We accept Visa, Mastercard, American Express and Discover."
        case (.numberUnsupportedBrand, .fr): "Nous acceptons Visa, Mastercard, American Express et Discover."
        case (.expiryRequired, .en): "Enter the expiry date as MM/YY."
        case (.expiryRequired, .fr): "Entrez la date d’expiration au format MM/AA."
        case (.expiryMonthInvalid, .en): "The expiry month must be between 01 and 12."
        case (.expiryMonthInvalid, .fr): "Le mois d’expiration doit être compris entre 01 et 12."
        case (.expiryPast, .en): "This card has expired. Check the expiry date or use another card."
        case (.expiryPast, .fr): "Cette carte est expirée. Vérifiez la date d’expiration ou utilisez une autre carte."
        case (.cvcThreeDigits, .en): "The security code (CVC) is the 3 digits on the back of your card."
        case (.cvcThreeDigits, .fr): "Le code de sécurité (CVC) est composé des 3 chiffres au verso de votre carte."
        case (.cvcFourDigits, .en): "The American Express security code is the 4 digits on the front of your card."
        case (.cvcFourDigits, .fr): "Le code de sécurité American Express est composé des 4 chiffres au recto de votre carte."
        case (.cvcInvalid, .en): "The security code (CVC) must have 3 or 4 digits."
        case (.cvcInvalid, .fr): "Le code de sécurité (CVC) doit comporter 3 ou 4 chiffres."
        case (.nameRequired, .en): "Enter the name shown on the card."
        case (.nameRequired, .fr): "Entrez le nom inscrit sur la carte."
        case (.amountInvalid, .en): "The amount to pay is not valid."
        case (.amountInvalid, .fr): "Le montant à payer n’est pas valide."
        case (.planUnavailable, .en): "This payment plan is not available. Please choose one of the plans offered."
        case (.planUnavailable, .fr): "Ce plan de paiement n’est pas offert. Veuillez choisir l’un des plans proposés."
        }
    }
}

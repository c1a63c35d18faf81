import Billing
import Foundation
import PageModels

/// Numbers other than money, in the page's language.
enum NumberText {
    /// "3.5" → "3,5" in French.
    static func quantity(_ q: FixedDecimal, _ language: Language) -> String {
        let text = q.description
        return language == .fr ? text.replacingAll(".", with: ",") : text
    }

    /// "9.975" → "9,975 %" (NBSP) in French, "9.975%" in English.
    static func percent(_ p: FixedDecimal, _ language: Language) -> String {
        language == .fr ? "\(quantity(p, language))\u{00A0}%" : "\(p.description)%"
    }

    /// APR in basis points: 1499 → "14,99 %" / "14.99%".
    static func apr(_ basisPoints: Int, _ language: Language) -> String {
        percent(FixedDecimal(units: Int64(basisPoints), scale: 2), language)
    }
}

enum MethodText {
    /// "Visa •••• 4242", "Apple Pay", "Affirm", "Comptant".
    static func describe(_ method: PaymentMethod, _ t: Strings) -> String {
        switch method.kind {
        case .card:
            let brand = method.cardBrand.map(brandName) ?? t["method_card"]
            if let last4 = method.last4 { return "\(brand) •••• \(last4)" }
            return brand
        case .applePay, .googlePay:
            let name = t["method_\(method.kind.rawValue)"]
            if let last4 = method.last4 { return "\(name) (\(method.cardBrand.map(brandName) ?? t["method_card"]) •••• \(last4))" }
            return name
        default:
            return t["method_\(method.kind.rawValue)"]
        }
    }

    static func brandName(_ raw: String) -> String {
        switch raw.lowercased() {
        case "visa": "Visa"
        case "mastercard": "Mastercard"
        case "amex", "american_express", "american express": "American Express"
        case "discover": "Discover"
        case "diners", "diners_club": "Diners Club"
        case "jcb": "JCB"
        case "unionpay": "UnionPay"
        default: raw.prefix(1).uppercased() + raw.dropFirst()
        }
    }
}

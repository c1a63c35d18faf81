/// The values placeholders are filled from, as plain strings so Messaging does not depend
/// on how Billing models customers, money or links.
package struct PlaceholderContext: Sendable, Hashable {
    package var customerName: String
    /// Keys without the `meta_` prefix: `["rent_due": "1er mars"]` fills `{ customer.meta_rent_due }`.
    package var customerMeta: [String: String]
    package var companyName: String
    /// Keys without the `meta_` prefix, like `customerMeta`.
    package var appointmentMeta: [String: String]
    package var reference: String
    /// Already formatted for the message's locale (`1 234,56 $` / `$1,234.56`). For a
    /// reminder pass the amount due; for a refund notice, the amount refunded.
    package var formattedAmount: String
    /// The request's public link; a paid request's page shows its receipt, so
    /// confirmations use this link too.
    package var link: String

    package init(
        customerName: String,
        customerMeta: [String: String] = [:],
        companyName: String,
        appointmentMeta: [String: String] = [:],
        reference: String,
        formattedAmount: String,
        link: String
    ) {
        self.customerName = customerName
        self.customerMeta = customerMeta
        self.companyName = companyName
        self.appointmentMeta = appointmentMeta
        self.reference = reference
        self.formattedAmount = formattedAmount
        self.link = link
    }

    enum Lookup: Equatable {
        case value(String)
        /// A known placeholder whose value is missing or blank for this message.
        case notSet
        case unknown
    }

    /// Names are matched exactly (after the template trimmed the spaces inside braces).
    func lookup(_ name: String) -> Lookup {
        switch name {
        case "customer.name": return Self.present(customerName)
        case "company.name": return Self.present(companyName)
        case "request.reference": return Self.present(reference)
        case "request.amount": return Self.present(formattedAmount)
        case "request.link": return Self.present(link)
        default:
            if let key = Self.metaKey(name, prefix: "customer.meta_") {
                return Self.present(customerMeta[key])
            }
            if let key = Self.metaKey(name, prefix: "appointment.meta_") {
                return Self.present(appointmentMeta[key])
            }
            return .unknown
        }
    }

    private static func metaKey(_ name: String, prefix: String) -> String? {
        guard name.hasPrefix(prefix) else { return nil }
        let key = String(name.dropFirst(prefix.count))
        return key.isEmpty ? nil : key
    }

    /// A blank value would send "Hi , …": treat it as not set.
    private static func present(_ value: String?) -> Lookup {
        guard let value, !value.allSatisfy(\.isWhitespace) else { return .notSet }
        return .value(value)
    }
}

import Billing
import Templating

/// The business as pages show it: name, call and text buttons, address, tax numbers.
public struct CompanyView: Sendable, Encodable {
    public var name: String
    public var phoneDisplay: String
    public var telHref: String
    public var smsHref: String
    public var callLabel: String
    public var textLabel: String
    public var email: String?
    public var emailHref: String?
    public var website: String?
    public var street: String
    public var cityLine: String
    public var taxNumbers: [TaxNumberView]
    public var hasTaxNumbers: Bool

    public init(_ business: BusinessSettings, strings t: Strings, language: Language) {
        let numbers = business.taxes.compactMap { tax in
            tax.registrationNumber.map { TaxNumberView(name: tax.name(language), number: $0) }
        }
        let address = business.address
        name = business.companyName
        phoneDisplay = business.phone.display
        telHref = "tel:\(business.phone.e164)"
        smsHref = "sms:\(business.phone.e164)"
        callLabel = t("call_label", ["company": business.companyName])
        textLabel = t("text_label", ["company": business.companyName])
        email = business.email
        emailHref = business.email.map { "mailto:\($0)" }
        website = business.website
        street = address.street
        cityLine = language == .fr
            ? "\(address.city) (\(address.province))  \(address.postalCode)"
            : "\(address.city), \(address.province)  \(address.postalCode)"
        taxNumbers = numbers
        hasTaxNumbers = !numbers.isEmpty
    }
}

/// A tax registration number, for receipts ("TPS 123456789 RT0001").
public struct TaxNumberView: Sendable, Encodable {
    public var name: String
    public var number: String

    public init(name: String, number: String) {
        self.name = name
        self.number = number
    }
}

extension CompanyView: TemplateObject {
    public func field(_ name: String) -> TemplateValue? {
        switch name {
        case "name": .init(self.name)
        case "phoneDisplay": .init(phoneDisplay)
        case "telHref": .init(telHref)
        case "smsHref": .init(smsHref)
        case "callLabel": .init(callLabel)
        case "textLabel": .init(textLabel)
        case "email": .init(email)
        case "emailHref": .init(emailHref)
        case "website": .init(website)
        case "street": .init(street)
        case "cityLine": .init(cityLine)
        case "taxNumbers": .init(taxNumbers)
        case "hasTaxNumbers": .init(hasTaxNumbers)
        default: nil
        }
    }
}

extension TaxNumberView: TemplateObject {
    public func field(_ name: String) -> TemplateValue? {
        switch name {
        case "name": .init(self.name)
        case "number": .init(number)
        default: nil
        }
    }
}

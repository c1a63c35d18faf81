import Billing
import Foundation

/// Turns a `BusinessRecord` into `BusinessSettings`, with a default for every setting it leaves out.
package struct BusinessValidator: Sendable {
    package init() {}

    package func validate(_ record: BusinessRecord, file: String) throws(RecordErrors) -> BusinessSettings {
        var check = FieldCheck(file: file)
        check.nonEmpty(record.companyName, "companyName")
        let phone = check.attempt("phone") { () throws(BillingError) in try PhoneNumber(record.phone) }
        var currency = Currency.cad
        if let code = record.currency {
            if let known = Currency.known(code) { currency = known } else { check.fail("currency", "\"\(code)\" is not a supported currency (CAD, USD, EUR, JPY)") }
        }
        var language = Language.fr
        if let code = record.defaultLanguage, let parsed = check.attempt("defaultLanguage", { () throws(BillingError) in try Language(code: code) }) {
            language = parsed
        }
        var timeZone = TimeZone(identifier: "America/Toronto")!
        if let identifier = record.timeZone {
            if let zone = TimeZone(identifier: identifier) { timeZone = zone } else { check.fail("timeZone", "\"\(identifier)\" is not a time zone (e.g. America/Toronto)") }
        }
        let baseURL = record.baseURL ?? "http://127.0.0.1:8080"
        if !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) || URL(string: baseURL)?.host == nil {
            check.fail("baseURL", "must be an http:// or https:// address")
        }
        for (field, value) in [("address.street", record.address.street), ("address.city", record.address.city),
                               ("address.province", record.address.province)] {
            check.nonEmpty(value, field)
        }
        let taxes = self.taxes(record.taxes ?? [], &check)
        let affirm = self.affirm(record.affirm, currency, &check)
        let reminders = BusinessSettings.Reminders(maxTotal: record.reminders?.maxTotal ?? 3, maxPerDay: record.reminders?.maxPerDay ?? 1)
        if reminders.maxTotal < 0 { check.fail("reminders.maxTotal", "must not be negative") }
        if reminders.maxPerDay < 1 { check.fail("reminders.maxPerDay", "must be at least 1") }
        let deposits = self.deposits(record.deposits, currency, &check)
        try check.finish()
        guard let phone else { throw RecordErrors(check.errors) }
        let a = record.address
        return BusinessSettings(
            companyName: record.companyName, phone: phone, email: record.email, website: record.website,
            address: .init(street: a.street, city: a.city, province: a.province.uppercased(), postalCode: a.postalCode),
            taxes: taxes, currency: currency, defaultLanguage: language, timeZone: timeZone, baseURL: baseURL,
            affirm: affirm, automaticConfirmation: record.confirmation?.automatic ?? true,
            confirmationReply: record.confirmation?.reply, optOutWording: record.optOutWording ?? true,
            reminders: reminders, theme: record.theme ?? "default", bilingualReceipts: record.bilingualReceipts ?? false,
            deposits: deposits)
    }

    private func taxes(_ records: [BusinessRecord.TaxRecord], _ check: inout FieldCheck) -> [TaxRate] {
        var result: [TaxRate] = []
        for (index, tax) in records.enumerated() {
            let path = JSONPath.join("taxes", index)
            check.nonEmpty(tax.code, path + ".code")
            guard let rate = check.attempt(path + ".rate", { () throws(BillingError) in try FixedDecimal.parse(tax.rate, maxScale: 4) }) else { continue }
            guard rate.units >= 0, rate.isBelow(100) else {
                check.fail(path + ".rate", "must be a percentage between 0 and 100")
                continue
            }
            let fr = tax.name?["fr"] ?? tax.code
            let en = tax.name?["en"] ?? tax.code
            result.append(TaxRate(code: tax.code, nameFR: fr, nameEN: en, percent: rate,
                                  registrationNumber: tax.number.flatMap { $0.isEmpty ? nil : $0 }))
        }
        return result
    }

    private func affirm(_ record: BusinessRecord.AffirmRecord?, _ currency: Currency, _ check: inout FieldCheck) -> BusinessSettings.Affirm {
        let minimum = check.money(record?.minimum ?? "50.00", "affirm.minimum", currency) ?? Money(minorUnits: 5_000, currency: currency)
        let maximum = check.money(record?.maximum ?? "30000.00", "affirm.maximum", currency) ?? Money(minorUnits: 3_000_000, currency: currency)
        if maximum < minimum { check.fail("affirm.maximum", "is below the minimum") }
        return .init(enabled: record?.enabled ?? false, minimum: minimum, maximum: maximum)
    }
}

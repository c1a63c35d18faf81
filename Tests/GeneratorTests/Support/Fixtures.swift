import Billing
import Foundation
@testable import Generator
import Theming

/// Fixed models for golden files: fixed tokens, dates and business, independent of Records/.
enum Fixtures {
    static let zone = TimeZone(identifier: "America/Toronto")!
    static let start = Date(timeIntervalSince1970: 1_795_186_800) // 2026-11-20 15:00 UTC

    static func money(_ text: String) -> Money { try! Money.parse(text, currency: .cad, sign: .any) }

    static func business(province: String = "QC") -> BusinessSettings {
        BusinessSettings(
            companyName: "Garage Tremblay & Fils", phone: try! PhoneNumber("514-555-0142"), email: "service@garage.example",
            website: "https://garage.example",
            address: .init(street: "4825, rue Bélanger", city: "Montréal", province: province, postalCode: "H1T 1C3"),
            taxes: [
                TaxRate(code: "GST", nameFR: "TPS", nameEN: "GST", percent: FixedDecimal(units: 5, scale: 0), registrationNumber: "123456789 RT0001"),
                TaxRate(code: "QST", nameFR: "TVQ", nameEN: "QST", percent: FixedDecimal(units: 9975, scale: 3), registrationNumber: "1234567890 TQ0001"),
            ],
            affirm: .init(enabled: true, minimum: money("50.00"), maximum: money("30000.00")),
            bilingualReceipts: true)
    }

    static func customer(_ language: Language) -> Customer {
        Customer(name: "Marc-André Bouchard", phone: try! PhoneNumber("514 555-0118"), language: language)
    }

    static func quickInvoice(_ language: Language = .fr) -> Invoice {
        Invoice(reference: try! Reference("RO-2001"), customer: customer(language), content: .quick(money("289.50")),
                notes: "Paiement du **dépôt** pour la commande de pneus.", issued: CalendarDate(iso: "2026-11-18"),
                due: CalendarDate(iso: "2026-11-25"))
    }

    static func itemizedInvoice(_ language: Language = .fr) -> Invoice {
        let lines = [
            LineItem(description: "Plaquettes de frein avant", quantity: FixedDecimal(units: 1, scale: 0), unitPrice: money("189.95")),
            LineItem(description: "Disques de frein avant", quantity: FixedDecimal(units: 2, scale: 0), unitPrice: money("142.50")),
            LineItem(description: "Main-d'œuvre (heures)", quantity: FixedDecimal(units: 35, scale: 1), unitPrice: money("119.00"),
                     discount: .percent(FixedDecimal(units: 10, scale: 0))),
            LineItem(description: "Frais environnementaux", quantity: FixedDecimal(units: 1, scale: 0), unitPrice: money("4.50"), taxable: false),
        ]
        return Invoice(reference: try! Reference("RO-2002"), customer: customer(language), content: .itemized(lines),
                       notes: "**Garantie** : 12 mois.\n\n- Prochaine vidange à 153 000 km\n- [Conditions](https://example.com/garantie)",
                       issued: CalendarDate(iso: "2026-11-15"), due: CalendarDate(iso: "2026-11-30"))
    }

    /// An imported repair order: lines with a kind, most with an op code and a technician, a
    /// discount line, and one line written by hand without any of them.
    static func repairOrderInvoice(_ language: Language = .fr) -> Invoice {
        let one = FixedDecimal(units: 1, scale: 0)
        let lines = [
            LineItem(description: "Vidange d'huile et inspection", quantity: FixedDecimal(units: 8, scale: 1), unitPrice: money("119.00"),
                     kind: .labour, opCode: "01A", technician: "Martin L."),
            LineItem(description: "Huile synthétique 5W-30, 4,4 L", quantity: one, unitPrice: money("48.95"), kind: .part, opCode: "01A",
                     technician: "Martin L."),
            LineItem(description: "Alignement des roues", quantity: one, unitPrice: money("89.00"), kind: .sublet, opCode: "ALIGN-4R",
                     technician: "Géométrie Plus"),
            LineItem(description: "Récupération des huiles usées", quantity: one, unitPrice: money("3.50"), kind: .fee),
            LineItem(description: "Rabais client fidèle", quantity: one, unitPrice: money("-10.00"), kind: .discount),
            LineItem(description: "Lave-glace (ajouté au comptoir)", quantity: one, unitPrice: money("6.99")),
        ]
        return Invoice(reference: try! Reference("RO-2041"), customer: customer(language), content: .itemized(lines), notes: nil,
                       issued: CalendarDate(iso: "2026-12-01"), due: nil)
    }

    enum State: String, CaseIterable { case open, paid, partial, refunded, voided }

    static func model(_ invoice: Invoice, state: State, business: BusinessSettings = business(), token: String = "AbCdEfGhIjKlMnOpQrStUv") -> RequestModel {
        let totals = try! invoice.totals(taxes: business.taxes, currency: business.currency)
        let reference = invoice.reference
        var entries = [LedgerEntry(sequence: 1, reference: reference, at: start, event: .requested(amount: totals.total))]
        func add(_ minutes: Double, _ event: RequestEvent) {
            entries.append(LedgerEntry(sequence: Int64(entries.count + 1), reference: reference,
                                       at: start.addingTimeInterval(minutes * 60), event: event))
        }
        let payment = Payment(amount: totals.total, method: PaymentMethod(kind: .card, cardBrand: "Visa", last4: "4242"),
                              authorizationCode: "A1B2C3", receiptNumber: 42,
                              snapshot: InvoiceSnapshot(invoice: invoice, totals: totals, businessKey: "main"))
        switch state {
        case .open: break
        case .paid: add(60, .paid(payment))
        case .partial:
            add(60, .paid(payment))
            add(60 * 24 * 2, .refunded(Refund(amount: money("45.00"), reason: "Pièce non utilisée", number: 7)))
            add(60 * 24 * 3, .refunded(Refund(amount: money("20.00"), reason: nil, number: 8)))
        case .refunded:
            add(60, .paid(payment))
            add(60 * 24, .refunded(Refund(amount: totals.total, reason: "Travaux annulés", number: 9)))
        case .voided: add(30, .voided(reason: "duplicate"))
        }
        return RequestModel(reference: reference, token: token, invoice: invoice, totals: totals, businessKey: "main",
                            business: business, state: RequestState(currentAmount: totals.total, entries: entries),
                            createdAt: start, recordHash: 1, entries: entries)
    }

    static func theme(_ name: String = "default") throws -> Theme {
        try ThemeLoader(themesDirectory: TestWorkspace.repository.appendingPathComponent("Themes")).load(name)
    }
}

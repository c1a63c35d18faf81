import Billing
import Checkout
import Foundation
import Operations
import Store

/// A seeded synthetic workspace: the demo's business, `count` invoices (1–8 lines, Markdown
/// notes, French and English customers) and a ledger with a mix of open, paid, refunded and
/// voided requests, made through the real `RequestService` and `CheckoutService`.
///
/// Fast path: the records are written directly (the importer's way), then registered in one
/// ledger transaction by `syncRecords`; payments, refunds and voids each run through the real
/// operations, one transaction each, as a customer or staff would make them.
public struct SyntheticWorkspace: Sendable {
    public struct Options: Sendable {
        public var invoices: Int
        public var seed: UInt64
        /// Fractions of the requests that end paid (some of them then refunded) and voided.
        public var paidShare: Double
        public var refundShare: Double
        public var voidShare: Double

        public init(invoices: Int, seed: UInt64 = 20_261_129, paidShare: Double = 0.40, refundShare: Double = 0.10, voidShare: Double = 0.08) {
            self.invoices = invoices
            self.seed = seed
            self.paidShare = paidShare
            self.refundShare = refundShare
            self.voidShare = voidShare
        }
    }

    /// What was made, for the measurements and for tests.
    public struct Summary: Sendable, Codable {
        public var invoices: Int = 0
        public var open: Int = 0
        public var paid: Int = 0
        public var partiallyRefunded: Int = 0
        public var refunded: Int = 0
        public var voided: Int = 0
        public var french: Int = 0
        public var english: Int = 0
        public var withNotes: Int = 0
        public var lines: Int = 0
        /// References still open after the setup, in creation order (the payment benchmark pays these).
        public var openReferences: [String] = []

        enum CodingKeys: String, CodingKey {
            case invoices, open, paid, partiallyRefunded, refunded, voided, french, english, withNotes, lines
        }
    }

    public let root: URL
    public let options: Options

    public init(root: URL, options: Options) {
        self.root = root
        self.options = options
    }

    public var paths: WorkspacePaths { WorkspacePaths(root: root) }

    /// The moment the synthetic history starts (fixed, so pages are the same on every run).
    public static let epoch = Date(timeIntervalSince1970: 1_767_276_000) // 2026-01-01 14:00 UTC

    /// Writes Themes/ (copied from `themes`), Records/ and the ledger.
    public func create(themes: URL) throws -> Summary {
        let fm = FileManager.default
        try fm.createDirectory(at: paths.invoices, withIntermediateDirectories: true)
        if !fm.fileExists(atPath: paths.themes.path) { try fm.copyItem(at: themes, to: paths.themes) }
        try Data(Self.businessJSON.utf8).write(to: paths.url(RecordsReader.businessFile))
        try Data(Self.repliesJSON.utf8).write(to: paths.url(RecordsReader.repliesFile))

        var random = SplitMix64(seed: options.seed)
        var summary = Summary()
        var plans: [(reference: String, fate: Fate)] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        for index in 1...max(1, options.invoices) {
            let record = Self.invoice(index, customers: max(1, options.invoices / 3), seed: options.seed, &random)
            summary.invoices += 1
            summary.lines += record.lines?.count ?? 0
            if record.notes != nil { summary.withNotes += 1 }
            if record.customer.language == "fr" { summary.french += 1 } else { summary.english += 1 }
            let data = try encoder.encode(record) + Data("\n".utf8)
            try data.write(to: paths.url(WorkspacePaths.invoiceFile(record.reference)))
            plans.append((record.reference, fate(&random)))
        }

        // Register every record (one transaction), then let each request's history happen.
        let service = try RequestService.open(paths, clock: { Self.epoch })
        let sync = try service.syncRecords()
        guard sync.recordErrors.isEmpty else {
            throw BenchError("synthetic records are invalid: \(sync.recordErrors.map(\.description).joined(separator: "; "))")
        }
        for (index, plan) in plans.enumerated() {
            let paidAt = Self.epoch.addingTimeInterval(Double(index) * 60 + 3_600)
            switch plan.fate {
            case .open:
                summary.open += 1
                summary.openReferences.append(plan.reference)
            case .void:
                _ = try service.at(paidAt).void(plan.reference, reason: random.chance(0.5) ? "Entered twice" : nil)
                summary.voided += 1
            case .paid(let source), .partiallyRefunded(let source), .refunded(let source):
                let checkout = CheckoutService.simulated(service.at(paidAt))
                var result = try checkout.charge(plan.reference, source: source.paymentSource(year: 2029), idempotencyKey: "bench-\(index)")
                if result.payment == nil, case .affirm = source {
                    // Under Affirm's minimum: the customer pays by card instead.
                    result = try checkout.charge(plan.reference, source: Source.visa.paymentSource(year: 2029), idempotencyKey: "bench-\(index)-card")
                }
                guard let payment = result.payment else { throw BenchError("\(plan.reference): payment not approved: \(result)") }
                let later = service.at(paidAt.addingTimeInterval(86_400 * Double(random.int(1...20))))
                switch plan.fate {
                case .partiallyRefunded:
                    let cents = max(1, payment.amount.minorUnits / 4)
                    _ = try later.refund(plan.reference, amount: String(format: "%lld.%02lld", cents / 100, cents % 100), reason: "Goodwill")
                    summary.partiallyRefunded += 1
                case .refunded:
                    _ = try later.refund(plan.reference, amount: nil, reason: random.chance(0.5) ? "Work cancelled" : nil)
                    summary.refunded += 1
                default:
                    summary.paid += 1
                }
            }
        }
        return summary
    }

    // MARK: Fates

    enum Source: Sendable {
        case visa, mastercard, amex, applePay, googlePay, affirm

        func paymentSource(year: Int) -> PaymentSource {
            switch self {
            case .visa: .card(CardDetails(number: "4242424242424242", expiry: CardExpiry(month: 12, year: year), cvc: "123", name: "Bench"))
            case .mastercard: .card(CardDetails(number: "5555555555554444", expiry: CardExpiry(month: 12, year: year), cvc: "123", name: "Bench"))
            case .amex: .card(CardDetails(number: "378282246310005", expiry: CardExpiry(month: 12, year: year), cvc: "1234", name: "Bench"))
            case .applePay: .wallet(.applePay, .approve)
            case .googlePay: .wallet(.googlePay, .approve)
            case .affirm: .affirm(AffirmSelection(months: 6), creditCheck: .approve)
            }
        }
    }

    enum Fate: Sendable {
        case open, void
        case paid(Source), partiallyRefunded(Source), refunded(Source)
    }

    private func fate(_ random: inout SplitMix64) -> Fate {
        let roll = Double.random(in: 0..<1, using: &random)
        // Affirm only for amounts it accepts: the synthetic invoices are all well above $50.
        let source = random.pick([Source.visa, .visa, .visa, .mastercard, .amex, .applePay, .googlePay, .affirm])
        if roll < options.voidShare { return .void }
        if roll < options.voidShare + options.refundShare { return random.chance(0.5) ? .partiallyRefunded(source) : .refunded(source) }
        if roll < options.voidShare + options.refundShare + options.paidShare { return .paid(source) }
        return .open
    }

    // MARK: Records

    static let firstNames = ["Marc-André", "Sophie", "Émilie", "Jean-François", "Noah", "Olivia", "Liam", "Chloé", "Mathieu", "Léa",
                             "William", "Charlotte", "Gabriel", "Zoé", "Samuel", "Camille", "Thomas", "Alice", "Félix", "Rosalie"]
    static let lastNames = ["Bouchard", "Tremblay", "Gagnon", "Roy", "Côté", "Smith", "Wilson", "Lévesque", "Morin", "O'Brien",
                            "Nguyen", "Pelletier", "Fortin", "MacDonald", "Bélanger", "Chen", "Lavoie", "Campbell", "Girard", "Patel"]
    static let vehicles = ["Subaru Outback 2016", "Honda Civic 2019", "Toyota RAV4 2021", "Ford F-150 2018", "Mazda3 2020", "Kia Soul 2017"]
    static let catalog: [(fr: String, en: String, price: Int)] = [
        ("Plaquettes de frein avant (céramique)", "Front brake pads (ceramic)", 18_995),
        ("Disques de frein avant", "Front brake rotors", 14_250),
        ("Vidange d'huile synthétique", "Synthetic oil change", 8_995),
        ("Filtre à air d'habitacle", "Cabin air filter", 3_495),
        ("Main-d'œuvre (heures)", "Labour (hours)", 11_900),
        ("Alignement des roues", "Wheel alignment", 10_995),
        ("Pose de pneus d'hiver", "Winter tire installation", 7_995),
        ("Batterie 12 V", "12 V battery", 21_499),
        ("Essuie-glaces", "Wiper blades", 3_995),
        ("Diagnostic électronique", "Electronic diagnostic", 12_500),
        ("Fournitures d'atelier", "Shop supplies", 2_495),
        ("Liquide de refroidissement", "Coolant flush", 13_950),
    ]
    static let notesFR = [
        "**Garantie** : pièces et main-d'œuvre 12 mois ou 20 000 km.\n\n- Prochaine vidange recommandée dans 8 000 km\n- Pneus arrière usés : à remplacer d'ici le printemps",
        "Merci de votre confiance! Conditions : [example.com/garantie](https://example.com/garantie)",
        "Véhicule prêt *après 15 h*. Les pièces remplacées sont dans le coffre.",
    ]
    static let notesEN = [
        "**Warranty**: parts and labour 12 months or 20,000 km.\n\n- Next oil change in 8,000 km\n- Rear tires worn: replace by spring",
        "Thank you for your business! Terms: [example.com/warranty](https://example.com/warranty)",
        "Vehicle ready *after 3 pm*. Replaced parts are in the trunk.",
    ]

    /// The record of invoice `index` (deterministic for a given generator state).
    /// Customers come back: about three invoices each, with the same name, phone and language.
    static func invoice(_ index: Int, customers: Int, seed: UInt64, _ random: inout SplitMix64) -> InvoiceRecord {
        let number = random.int(0...(customers - 1))
        var person = SplitMix64(seed: seed &+ 0x5EED &+ UInt64(number) &* 0x9E37_79B9)
        let french = person.chance(0.6)
        let name = "\(person.pick(firstNames)) \(person.pick(lastNames))"
        let area = ["514", "438", "450", "819", "613", "416"][number / 10_000 % 6]
        let phone = String(format: "\(area) 555-%04d", number % 10_000)
        var customer = InvoiceRecord.CustomerRecord(name: name, phone: phone,
                                                    email: person.chance(0.5) ? "client\(number)@example.com" : nil,
                                                    language: french ? "fr" : "en")
        customer.meta = ["vehicle": person.pick(vehicles)]
        var lines: [InvoiceRecord.LineRecord] = []
        for _ in 0..<random.int(1...8) {
            let item = random.pick(catalog)
            let quantity: String? = random.pick([nil, nil, nil, "2", "4", "1.5", "3.5"])
            let price = item.price + random.int(-500...500)
            var line = InvoiceRecord.LineRecord(description: french ? item.fr : item.en, quantity: quantity,
                                                unitPrice: String(format: "%d.%02d", price / 100, price % 100))
            if random.chance(0.08) { line.discount = random.chance(0.5) ? "10%" : "5.00" }
            if random.chance(0.05) { line.taxable = false }
            lines.append(line)
        }
        var record = InvoiceRecord(reference: String(format: "INV-%06d", index), customer: customer, lines: lines)
        if random.chance(0.7) { record.notes = random.pick(french ? notesFR : notesEN) }
        let day = 1 + index % 28
        record.issued = String(format: "2026-01-%02d", day)
        record.due = String(format: "2026-02-%02d", day)
        record.source = "dms-export"
        return record
    }

    // MARK: Settings (the demo's garage)

    static let businessJSON = """
        {
          "companyName": "Garage Tremblay & Fils",
          "phone": "514-555-0142",
          "email": "service@garagetremblay.example",
          "website": "https://garagetremblay.example",
          "address": { "street": "4825, rue Bélanger", "city": "Montréal", "province": "QC", "postalCode": "H1T 1C3" },
          "taxes": [
            { "code": "GST", "name": { "fr": "TPS", "en": "GST" }, "rate": "5", "number": "123456789 RT0001" },
            { "code": "QST", "name": { "fr": "TVQ", "en": "QST" }, "rate": "9.975", "number": "1234567890 TQ0001" }
          ],
          "currency": "CAD",
          "defaultLanguage": "fr",
          "timeZone": "America/Toronto",
          "baseURL": "http://127.0.0.1:8080",
          "affirm": { "enabled": true, "minimum": "50.00", "maximum": "30000.00" },
          "confirmation": { "automatic": true, "reply": "confirmation" },
          "optOutWording": true,
          "reminders": { "maxTotal": 3, "maxPerDay": 1 },
          "theme": "default",
          "bilingualReceipts": true
        }

        """

    static let repliesJSON = """
        {
          "replies": [
            {
              "name": "payment-request",
              "text": {
                "en": "Hi { customer.name }, here is your payment request { request.reference } for { request.amount }: { request.link }",
                "fr": "Bonjour { customer.name }, voici votre demande de paiement { request.reference } de { request.amount } : { request.link }"
              }
            },
            {
              "name": "confirmation",
              "text": {
                "en": "Thank you { customer.name }, we received your payment of { request.amount } for { request.reference }.",
                "fr": "Merci { customer.name }, nous avons bien reçu votre paiement de { request.amount } pour { request.reference }."
              }
            }
          ]
        }

        """
}

public struct BenchError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

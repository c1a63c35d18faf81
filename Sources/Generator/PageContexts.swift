import PageModels

// Typed contexts for the templates (what they can read is in PageContexts+Lookup.swift):
// everything is precomputed here (formatted money and dates, hrefs, flags), nothing is computed
// in templates. Strings come from the theme's tables as `t` (dot-free keys). The parts every
// page shares (Chrome, CompanyView, LanguageLink, Strings) are in PageModels.

struct LineView: Sendable, Encodable {
    var description: String
    var detail: String?
    var discount: String?
    var total: String
    /// A repair-order line's operation code, shown before the description.
    var opCode: String?
    /// Its kind, for a class name (`labour`, `part`…), and as staff and customers read it.
    var kindKey: String?
    var kindLabel: String?
    /// "Technician: Martin L."
    var technician: String?
}

struct TaxLineView: Sendable, Encodable {
    var label: String
    var amount: String
}

struct TotalsView: Sendable, Encodable {
    var subtotal: String
    var taxes: [TaxLineView]
    var total: String
}

struct BannerView: Sendable, Encodable {
    var kind: String
    var title: String
    var text: String
    var receiptHref: String?
    var receiptLabel: String?
}

struct MethodView: Sendable, Encodable {
    var key: String
    var label: String
    var href: String
    var detail: String?
    var primary: Bool
}

struct FactView: Sendable, Encodable {
    var label: String
    var value: String
}

struct PaymentPage: Sendable, Encodable {
    var chrome: Chrome
    var t: [String: String]
    var company: CompanyView
    var languages: [LanguageLink]
    var reference: String
    var statusKey: String
    var statusLabel: String
    var heroLabel: String
    var heroAmount: String
    var heroStruck: Bool
    var facts: [FactView]
    var banner: BannerView?
    var showPayment: Bool
    var payTitle: String
    var methods: [MethodView]
    var itemized: Bool
    var lines: [LineView]
    var totals: TotalsView?
    var notesHTML: String?
    var footerLegal: String
}

struct RefundView: Sendable, Encodable {
    var date: String
    var label: String
    var reason: String?
    var amount: String
}

struct AffirmView: Sendable, Encodable {
    var summary: String
    var monthly: String
    var apr: String
    var months: String
}

struct ReceiptPage: Sendable, Encodable {
    var chrome: Chrome
    var t: [String: String]
    var company: CompanyView
    var languages: [LanguageLink]
    var bilingual: Bool
    var receiptNumber: String
    var reference: String
    var paymentDate: String
    var customerName: String
    var method: String
    var authorizationCode: String
    var facts: [FactView]
    var itemized: Bool
    var lines: [LineView]
    var totals: TotalsView
    var amountPaid: String
    /// The single line of a quick payment's receipt.
    var quickLine: String
    var affirm: AffirmView?
    var refunds: [RefundView]
    var hasRefunds: Bool
    var refundDelay: String
    var totalRefunded: String
    var balance: String
    var statusKey: String
    var statusLabel: String
    var paymentHref: String
    var paperClass: String
}

// MARK: Staff and gallery

struct NavLink: Sendable, Encodable {
    var label: String
    var href: String
    var current: Bool
    var count: String?
}

struct Pager: Sendable, Encodable {
    var text: String?
    var previous: String?
    var next: String?
    var previousLabel: String
    var nextLabel: String
}

struct GalleryLink: Sendable, Encodable {
    var label: String
    var href: String
}

struct GalleryRow: Sendable, Encodable {
    var reference: String
    var business: String
    var theme: String
    var statusKey: String
    var statusLabel: String
    var kind: String
    var links: [GalleryLink]
}

struct GalleryPage: Sendable, Encodable {
    var chrome: Chrome
    var t: [String: String]
    var heading: String
    var nav: [NavLink]
    var rows: [GalleryRow]
    var empty: Bool
    var pager: Pager?
}

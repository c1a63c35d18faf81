import Billing
import Foundation
import MarkdownRendering
import PageModels
import Theming

/// Where a page sits, which decides its relative links (pages work from any static host and
/// from a sub-folder, and assets resolve the same way everywhere).
enum PagePlace: Sendable {
    /// `p/<token>/index.html`
    case paymentNeutral
    /// `p/<token>/<lang>/index.html`
    case paymentLanguage
    /// `p/<token>/receipt/index.html`
    case receiptNeutral
    /// `p/<token>/receipt/<lang>/index.html`
    case receiptLanguage

    /// From the page's folder to `public/`.
    var toRoot: String {
        switch self {
        case .paymentNeutral: "../../"
        case .paymentLanguage, .receiptNeutral: "../../../"
        case .receiptLanguage: "../../../../"
        }
    }

    var isNeutral: Bool { self == .paymentNeutral || self == .receiptNeutral }

    /// From the page's folder to a sibling language folder (`fr/` or `../fr/`).
    func languageHref(_ code: String) -> String { isNeutral ? "\(code)/" : "../\(code)/" }
}

/// Builds the typed context of each page of a request and renders it with its theme.
struct PageFactory: Sendable {
    let theme: Theme
    let markdown = MarkdownRenderer()
    /// Shared by the factories of one build.
    let dates: DateFormats
    /// "Français / English" labels of a Quebec business's English receipt, merged once.
    let bilingualStrings: Strings

    init(theme: Theme, dates: DateFormats = DateFormats()) {
        self.theme = theme
        self.dates = dates
        bilingualStrings = Strings.bilingual(Strings(table: theme.strings(for: "fr") ?? [:], language: .fr),
                                             Strings(table: theme.strings(for: "en") ?? [:], language: .en))
    }

    /// The notes in HTML (the same in every language: rendered once per request).
    func notesHTML(_ model: RequestModel) -> String? {
        model.invoice.notes.map { markdown.html($0) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    func strings(_ language: Language) -> Strings {
        Strings(table: theme.strings(for: language.rawValue) ?? [:], language: language)
    }

    func asset(_ path: String, toRoot: String) -> String {
        "\(toRoot)assets/\(theme.name)/\(theme.assetURLs[path] ?? path)"
    }

    func chrome(lang: String, title: String, toRoot: String, scripts: [String], bodyClass: String, neutral: Bool = false,
                styles: [String] = []) -> Chrome {
        Chrome(lang: lang, neutral: neutral, title: title, stylesheets: ["css/app.css"] + styles + ["css/theme.css"], scripts: scripts,
               bodyClass: bodyClass) { asset($0, toRoot: toRoot) }
    }

    /// `css/lines.css` for an invoice with repair-order lines (op code, kind, technician): pages
    /// of other invoices link exactly what they did before.
    func lineStyles(_ model: RequestModel) -> [String] {
        model.invoice.lines.contains { $0.kind != nil || $0.opCode != nil || $0.technician != nil } ? ["css/lines.css"] : []
    }

    // MARK: Shared pieces

    func languages(current: Language, place: PagePlace) -> [LanguageLink] {
        LanguageLink.switcher(current: current) { place.languageHref($0.rawValue) }
    }

    func lines(_ model: RequestModel, _ t: Strings, _ lang: Language) -> [LineView] {
        zip(model.invoice.lines, model.totals.lineTotals + Array(repeating: Money.zero(model.business.currency), count: max(0, model.invoice.lines.count - model.totals.lineTotals.count))).map { line, total in
            let isOne = !line.quantity.isAbove(1) && !line.quantity.isBelow(1)
            let detail = isOne ? nil : "\(NumberText.quantity(line.quantity, lang)) × \(MoneyFormat.format(line.unitPrice, lang))"
            var discount: String?
            switch line.discount {
            case .amount(let money)?: discount = t("discount_amount", ["amount": MoneyFormat.format(money, lang)])
            case .percent(let pct)?:
                let amount = (try? line.discountAmount()).map { MoneyFormat.format($0, lang) } ?? ""
                discount = t("discount_percent", ["percent": NumberText.percent(pct, lang), "amount": amount])
            case nil: discount = nil
            }
            return LineView(description: line.description, detail: detail, discount: discount, total: MoneyFormat.format(total, lang),
                            opCode: line.opCode, kindKey: line.kind?.rawValue, kindLabel: line.kind.map { t("line_kind_\($0.rawValue)") },
                            technician: line.technician.map { "\(t["line_technician"]) \($0)" })
        }
    }

    func totals(_ model: RequestModel, _ lang: Language) -> TotalsView {
        TotalsView(
            subtotal: MoneyFormat.format(model.totals.subtotal, lang),
            // A tax of zero (only non-taxable lines, like rent) is noise on the page.
            taxes: model.totals.taxes.filter { !$0.amount.isZero }.map {
                TaxLineView(label: "\($0.rate.name(lang)) (\(NumberText.percent($0.rate.percent, lang)))",
                            amount: MoneyFormat.format($0.amount, lang))
            },
            total: MoneyFormat.format(model.totals.total, lang))
    }

    func statusLabel(_ status: RequestStatus, _ t: Strings) -> String { t["status_\(status.rawValue)"] }

    // MARK: Payment page

    func paymentPage(_ model: RequestModel, language lang: Language, place: PagePlace, shared: PaymentShared? = nil) -> PaymentPage {
        let shared = shared ?? paymentShared(model)
        let t = strings(lang)
        let b = model.business
        let state = model.state
        let status = state.status
        let money = { (m: Money) in MoneyFormat.format(m, lang) }
        let date = { (d: Date) in dates.long(d, lang, timeZone: b.timeZone) }
        let receiptHref = "\(place.isNeutral ? "" : "../")receipt/\(lang.rawValue)/"

        var banner: BannerView?
        var heroLabel = t["amount_due"]
        var heroAmount = money(state.amountDue)
        var heroStruck = false
        switch status {
        case .open: break
        case .paid:
            let method = state.payment.map { MethodText.describe($0.method, t) } ?? ""
            banner = BannerView(kind: "paid", title: t["banner_paid_title"],
                                text: t("banner_paid_text", ["amount": money(state.paid), "date": state.paidAt.map(date) ?? "", "method": method]),
                                receiptHref: receiptHref, receiptLabel: t["view_receipt"])
            heroLabel = t["amount_paid"]
            heroAmount = money(state.paid)
        case .partiallyRefunded:
            banner = BannerView(kind: "partial", title: t["banner_partial_title"],
                                text: t("banner_partial_text", ["refunded": money(state.refunded), "paid": money(state.paid), "balance": money(state.refundable)]),
                                receiptHref: receiptHref, receiptLabel: t["view_receipt"])
            heroLabel = t["amount_paid"]
            heroAmount = money(state.paid)
        case .refunded:
            banner = BannerView(kind: "refunded", title: t["banner_refunded_title"],
                                text: t("banner_refunded_text", ["amount": money(state.refunded), "date": state.refunds.last.map { date($0.at) } ?? ""]),
                                receiptHref: receiptHref, receiptLabel: t["view_receipt"])
            heroLabel = t["amount_refunded"]
            heroAmount = money(state.refunded)
        case .voided:
            banner = BannerView(kind: "voided", title: t["banner_voided_title"],
                                text: t("banner_voided_text", ["date": state.voidedAt.map(date) ?? "", "company": b.companyName]),
                                receiptHref: nil, receiptLabel: nil)
            heroLabel = t["amount"]
            heroAmount = money(state.amount)
            heroStruck = true
        }

        var facts: [FactView] = []
        if status == .open, let due = model.invoice.due { facts.append(FactView(label: t["due_date"], value: dates.long(due, lang))) }
        if let issued = model.invoice.issued { facts.append(FactView(label: t["issued_date"], value: dates.long(issued, lang))) }
        facts.append(FactView(label: t["billed_to"], value: model.invoice.customer.name))

        var methods: [MethodView] = []
        let showPayment = status == .open && state.amountDue.isPositive
        if showPayment {
            let base = "/checkout/\(model.token)/?lang=\(lang.rawValue)&method="
            methods.append(MethodView(key: "card", label: t["pay_card"], href: base + "card", detail: t["pay_card_detail"], primary: true))
            methods.append(MethodView(key: "apple_pay", label: t["pay_apple_pay"], href: base + "apple_pay", detail: nil, primary: false))
            methods.append(MethodView(key: "google_pay", label: t["pay_google_pay"], href: base + "google_pay", detail: nil, primary: false))
            if b.affirm.isEligible(state.amountDue) {
                methods.append(MethodView(key: "affirm", label: t["pay_affirm"], href: base + "affirm",
                                          detail: shared.lowestAffirmPayment.map { t("affirm_from", ["amount": money($0)]) }, primary: false))
            }
        }

        let scripts = ["js/lang.js"]
        return PaymentPage(
            chrome: chrome(lang: lang.rawValue, title: t("title_payment", ["reference": model.reference.value, "company": b.companyName]),
                           toRoot: place.toRoot, scripts: scripts, bodyClass: "page-payment status-\(status.rawValue)", neutral: place.isNeutral,
                           styles: lineStyles(model)),
            t: t.table, company: CompanyView(b, strings: t, language: lang), languages: languages(current: lang, place: place),
            reference: model.reference.value, statusKey: status.rawValue, statusLabel: statusLabel(status, t),
            heroLabel: heroLabel, heroAmount: heroAmount, heroStruck: heroStruck, facts: facts, banner: banner,
            showPayment: showPayment, payTitle: t["pay_title"], methods: methods,
            itemized: model.invoice.isItemized, lines: lines(model, t, lang),
            totals: model.invoice.isItemized ? totals(model, lang) : nil, notesHTML: shared.notesHTML,
            footerLegal: t("footer_legal", ["company": b.companyName]))
    }

    // MARK: Receipt

    /// `language` is the page's language; a Quebec business's English receipt is bilingual.
    func receiptPage(_ model: RequestModel, language requested: Language, place: PagePlace) -> ReceiptPage? {
        guard let payment = model.state.payment, let paidAt = model.state.paidAt else { return nil }
        let b = model.business
        let bilingual = b.receiptLanguages(for: requested).count > 1
        let lang: Language = bilingual ? .fr : requested
        let t = bilingual ? bilingualStrings : strings(lang)
        let money = { (m: Money) in MoneyFormat.format(m, lang) }
        let state = model.state
        let method = MethodText.describe(payment.method, t)
        let receiptNumber = String(format: "%06d", payment.receiptNumber)
        let paymentDate = dates.long(paidAt, lang, timeZone: b.timeZone)

        var affirm: AffirmView?
        if let plan = payment.method.affirmPlan {
            affirm = AffirmView(
                summary: t("affirm_plan", ["months": String(plan.months), "monthly": money(plan.monthlyPayment), "apr": NumberText.apr(plan.aprBasisPoints, lang)]),
                monthly: money(plan.monthlyPayment), apr: NumberText.apr(plan.aprBasisPoints, lang), months: String(plan.months))
        }
        let refunds = state.refunds.map { dated in
            RefundView(date: dates.long(dated.at, lang, timeZone: b.timeZone),
                       label: t("refund_number", ["number": String(format: "%06d", dated.refund.number)]),
                       reason: dated.refund.reason.flatMap { $0.isEmpty ? nil : $0 },
                       amount: "−" + money(dated.refund.amount))
        }
        let facts = [
            FactView(label: t["reference"], value: model.reference.value),
            FactView(label: t["payment_date"], value: paymentDate),
            FactView(label: t["billed_to"], value: model.invoice.customer.name),
            FactView(label: t["payment_method"], value: method),
            FactView(label: t["authorization_code"], value: payment.authorizationCode),
        ]
        let paymentHref = place.isNeutral ? "../" : "../../\(requested.rawValue)/"
        return ReceiptPage(
            chrome: chrome(lang: lang.rawValue, title: t("title_receipt", ["number": receiptNumber, "company": b.companyName]),
                           toRoot: place.toRoot, scripts: ["js/lang.js", "js/receipt.js"],
                           bodyClass: "page-receipt paper-\(theme.paper.rawValue)", neutral: place.isNeutral, styles: lineStyles(model)),
            t: t.table, company: CompanyView(b, strings: t, language: lang), languages: languages(current: requested, place: place),
            bilingual: bilingual, receiptNumber: receiptNumber, reference: model.reference.value, paymentDate: paymentDate,
            customerName: model.invoice.customer.name, method: method, authorizationCode: payment.authorizationCode,
            facts: facts, itemized: model.invoice.isItemized, lines: lines(model, t, lang), totals: totals(model, lang),
            amountPaid: money(payment.amount), quickLine: t("quick_line", ["reference": model.reference.value]), affirm: affirm, refunds: refunds, hasRefunds: !refunds.isEmpty,
            refundDelay: t["refund_delay"], totalRefunded: "−" + money(state.refunded), balance: money(state.refundable),
            statusKey: state.status.rawValue, statusLabel: statusLabel(state.status, t),
            paymentHref: paymentHref, paperClass: "paper-\(theme.paper.rawValue)")
    }

    // MARK: Rendering

    /// Renders every page of a request: relative path under `public/` → HTML.
    func render(_ model: RequestModel, each: (String, [UInt8]) -> Void) throws(ThemeError) {
        let folder = "p/\(model.token)"
        let preferred = model.preferredLanguage
        let shared = paymentShared(model)
        let neutral = paymentPage(model, language: preferred, place: .paymentNeutral, shared: shared)
        each("\(folder)/index.html", try theme.renderUTF8("payment", (neutral)))
        for lang in Language.allCases {
            each("\(folder)/\(lang.rawValue)/index.html", try theme.renderUTF8("payment", (paymentPage(model, language: lang, place: .paymentLanguage, shared: shared))))
        }
        guard model.hasReceipt else { return }
        if let page = receiptPage(model, language: preferred, place: .receiptNeutral) {
            each("\(folder)/receipt/index.html", try theme.renderUTF8("receipt", (page)))
        }
        for lang in Language.allCases {
            if let page = receiptPage(model, language: lang, place: .receiptLanguage) {
                each("\(folder)/receipt/\(lang.rawValue)/index.html", try theme.renderUTF8("receipt", (page)))
            }
        }
    }

    /// The files `render` writes for a request, relative to `public/`.
    static func files(_ model: RequestModel) -> [String] { RequestPages.files(token: model.token, receipt: model.hasReceipt) }

}


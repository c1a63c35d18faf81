import Billing
import Foundation
import PageModels
import Store
import Templating
import Theming

/// A staff page or the gallery whose hash changed, ready to be rendered.
struct StaticPageJob: Sendable {
    /// Relative to the output folder (`staff/index.html`).
    var path: String
    var render: StaffPages.Render
}

/// The staff pages (`Output/staff/`) and the gallery (`Output/gallery/`): served only on
/// loopback by the preview server at `/staff/` and `/gallery/`, so links are root-relative.
/// Every list is paginated and built one page at a time from the `StaffIndex`, so a site of
/// any size is listed in the memory of a page.
struct StaffPages {
    let factory: PageFactory
    let language: Language
    let pageSize: Int
    /// The theme's fingerprint and the staff language: the string table is the theme's (its
    /// fingerprint covers it), so it is not hashed again for every page.
    let print: String

    typealias Render = @Sendable (Theme) throws(ThemeError) -> String
    /// A page: its path, the hash of everything it shows, and how to build it — called only
    /// when the hash changed, so an unchanged page is neither built nor rendered.
    typealias Emit = (_ path: String, _ hash: UInt64, _ make: () throws(GeneratorError) -> Render) throws(GeneratorError) -> Void

    init(factory: PageFactory, language: Language, pageSize: Int, themeFingerprint: String) {
        self.factory = factory
        self.language = language
        self.pageSize = pageSize
        print = themeFingerprint + "|" + language.rawValue
    }

    var t: Strings { factory.strings(language) }
    var dates: DateFormats { factory.dates }
    /// Customers, gallery rows and messages are shorter rows than requests: more per page.
    var indexPageSize: Int { pageSize * 4 }

    func chrome(_ title: String, bodyClass: String) -> Chrome {
        factory.chrome(lang: language.rawValue, title: title, toRoot: "/", scripts: [], bodyClass: "page-staff \(bodyClass)")
    }

    static func customerSlug(e164: String) -> String { e164.filter { $0.isASCII && $0.isNumber } }

    static func render<C: Encodable & Sendable & TemplateObject>(_ template: String, _ context: C) -> Render {
        { theme throws(ThemeError) in try theme.render(template, context) }
    }

    /// A page hashed from its whole context (the outbox, the notifications: few pages).
    func emitHashingContext<C: Encodable & Sendable & StringsContext & TemplateObject>(
        _ path: String, _ template: String, _ context: C, _ emit: Emit
    ) throws(GeneratorError) {
        var hashed = context
        hashed.t = [:]
        try emit(path, InputHash.page(hashed, themeFingerprint: print + "|" + template)) { Self.render(template, context) }
    }

    /// The start of a page's hash: generator, theme and language, template, path. Rows are
    /// added as their stored bytes, which is much cheaper than encoding the page's context.
    func hasher(_ template: String, _ path: String) -> InputHasher {
        var hasher = InputHasher()
        hasher.add(GeneratorVersion.current)
        hasher.add(print)
        hasher.add(template)
        hasher.add(path)
        return hasher
    }

    static func describe(_ pager: Pager?) -> String {
        pager.map { "\($0.previous ?? "")|\($0.next ?? "")|\($0.text ?? "")" } ?? "none"
    }

    /// What the staff pages show of a request, formatted once.
    func record(_ model: RequestModel, theme: String) -> StaffRecord {
        let state = model.state
        return StaffRecord(
            reference: model.reference.value, business: model.business.companyName, theme: theme,
            customerName: model.invoice.customer.name, customerPhone: model.invoice.customer.phone.display,
            customerE164: model.invoice.customer.phone.e164, status: state.status,
            amount: MoneyFormat.format(state.amount, language), amountDue: MoneyFormat.format(state.amountDue, language),
            dueMinor: state.amountDue.minorUnits, dueCurrency: state.amountDue.currency,
            created: dates.long(model.createdAt, language, timeZone: model.business.timeZone),
            token: model.token, hasReceipt: model.hasReceipt, itemized: model.invoice.isItemized,
            link: model.business.link(token: model.token))
    }

    func row(_ r: StaffRecord) -> StaffRow {
        let lang = language.rawValue
        return StaffRow(
            reference: r.reference, business: r.business, customerName: r.customerName, customerPhone: r.customerPhone,
            customerHref: "/staff/customers/\(Self.customerSlug(e164: r.customerE164))/",
            statusKey: r.status.rawValue, statusLabel: t["status_\(r.status.rawValue)"], amount: r.amount, amountDue: r.amountDue,
            created: r.created, pageHref: "/p/\(r.token)/\(lang)/", receiptHref: r.hasReceipt ? "/p/\(r.token)/receipt/\(lang)/" : nil,
            link: r.link)
    }

    func nav(current: String) -> [NavLink] {
        [("requests", t["staff_requests"], "/staff/"), ("customers", t["staff_customers"], "/staff/customers/"),
         ("outbox", t["staff_outbox"], "/staff/outbox/"), ("notifications", t["staff_notifications"], "/staff/notifications/"),
         ("gallery", t["staff_gallery"], "/gallery/")].map { NavLink(label: $0.1, href: $0.2, current: $0.0 == current, count: nil) }
    }

    /// A list's folder: its first page (`staff/`, `staff/status/paid/`) for nil, else the page of
    /// an older chunk (`staff/all/3/`, `staff/status/paid/3/`).
    static func listFolder(status: RequestStatus?, chunk: Int?) -> String {
        let base = status.map { "staff/status/\($0.rawValue)/" } ?? "staff/"
        guard let chunk else { return base }
        return status == nil ? "staff/all/\(chunk)/" : "\(base)\(chunk)/"
    }

    /// Every request, then one list per status, newest first, paginated from the oldest end.
    /// No counts in the status filter: they would make every list page change with any request.
    func lists(_ index: StaffIndex, newest: [Int], emit: Emit) throws(GeneratorError) {
        let t = self.t
        let statusNav = [NavLink(label: t["staff_all"], href: "/staff/", current: false, count: nil)]
            + RequestStatus.allCases.map { s in
                NavLink(label: t["status_\(s.rawValue)"], href: "/staff/status/\(s.rawValue)/", current: false, count: nil)
            }
        for status in [nil] + RequestStatus.allCases.map(Optional.some) {
            let list = status.map { s in newest.filter { index.entries[$0].status == s } } ?? newest
            let heading = status.map { t("staff_status_heading", ["status": t["status_\($0.rawValue)"]]) } ?? t["staff_requests"]
            var snav = statusNav
            for i in snav.indices { snav[i].current = snav[i].href == "/" + Self.listFolder(status: status, chunk: nil) }
            let pages = Pagination.anchoredAtOldest(count: list.count, size: pageSize, labels: (t["staff_newer"], t["staff_older"])) {
                Self.listFolder(status: status, chunk: $0)
            }
            for page in pages {
                let path = page.folder + "index.html"
                var hasher = hasher("staff/list", path)
                hasher.add(heading)
                hasher.add(page.isFirst ? String(list.count) : "-")
                hasher.add(Self.describe(page.pager))
                for i in page.shown { hasher.add(bytes: try index.bytes(list[i])) }
                try emit(path, hasher.value) { () throws(GeneratorError) in
                    var rows: [StaffRow] = []
                    for i in page.shown { rows.append(row(try index.record(list[i]))) }
                    return Self.render("staff/list", StaffListPage(
                        chrome: chrome(heading, bodyClass: "staff-list"), t: t.table, heading: heading,
                        // The total changes with every request: only the first page shows it.
                        total: page.isFirst ? String(list.count) : nil,
                        nav: nav(current: "requests"), statusNav: snav, rows: rows, empty: rows.isEmpty, pager: page.pager))
                }
            }
        }
    }

    /// The customers (by phone), paginated by name, and a page per customer.
    func customers(_ index: StaffIndex, newest: [Int], emit: Emit) throws(GeneratorError) {
        let t = self.t
        // Grouped by sorting (phone, then newest first) rather than into a dictionary of
        // arrays: a site of 20 000 requests has thousands of customers.
        let ranked = newest.enumerated().sorted {
            (index.entries[$0.element].customerSlug, $0.offset) < (index.entries[$1.element].customerSlug, $1.offset)
        }.map(\.element)
        var customers: [(name: String, phone: String, slug: String, count: Int)] = []
        var start = 0
        while start < ranked.count {
            let slug = index.entries[ranked[start]].customerSlug
            var end = start + 1
            while end < ranked.count, index.entries[ranked[end]].customerSlug == slug { end += 1 }
            let entries = Array(ranked[start..<end])
            start = end
            let first = try index.record(entries[0])
            customers.append((first.customerName, first.customerPhone, slug, entries.count))
            let path = "staff/customers/\(slug)/index.html"
            var hasher = hasher("staff/customer", path)
            for i in entries { hasher.add(bytes: try index.bytes(i)) }
            try emit(path, hasher.value) { () throws(GeneratorError) in
                let records = try entries.map { i throws(GeneratorError) in try index.record(i) }
                let due = records.reduce(Int64(0)) { $0 + ($1.dueCurrency == first.dueCurrency ? $1.dueMinor : 0) }
                return Self.render("staff/customer", CustomerPage(
                    chrome: chrome(first.customerName, bodyClass: "staff-customer"), t: t.table, heading: first.customerName,
                    phone: first.customerPhone, telHref: "tel:\(first.customerE164)", nav: nav(current: "customers"),
                    rows: records.map(row), totalDue: MoneyFormat.format(Money(minorUnits: due, currency: first.dueCurrency), language)))
            }
        }
        customers.sort { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        let summaries = customers
        let pages = Pagination.fromFront(count: summaries.count, size: indexPageSize, base: "staff/customers/",
                                         labels: (t["staff_previous"], t["staff_next"])) { page, pages in
            t("staff_page_of", ["page": String(page), "pages": String(pages)])
        }
        for page in pages {
            let shown = summaries[page.shown].map {
                CustomerSummary(name: $0.name, phone: $0.phone, href: "/staff/customers/\($0.slug)/", count: String($0.count))
            }
            let path = page.folder + "index.html"
            var hasher = hasher("staff/customers", path)
            hasher.add(Self.describe(page.pager))
            for c in shown { hasher.add("\(c.name)\u{1F}\(c.phone)\u{1F}\(c.href)\u{1F}\(c.count)") }
            try emit(path, hasher.value) {
                Self.render("staff/customers", CustomersPage(
                    chrome: chrome(t["staff_customers"], bodyClass: "staff-customers"), t: t.table, heading: t["staff_customers"],
                    nav: nav(current: "customers"), customers: shown, empty: shown.isEmpty, pager: page.pager))
            }
        }
    }
}

/// A page context with the theme's string table as `t`.
protocol StringsContext {
    var t: [String: String] { get set }
}

extension StaffListPage: StringsContext {}
extension CustomersPage: StringsContext {}
extension CustomerPage: StringsContext {}
extension OutboxPage: StringsContext {}
extension NotificationsPage: StringsContext {}
extension GalleryPage: StringsContext {}

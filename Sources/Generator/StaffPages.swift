import Billing
import Foundation
import Store
import Theming

/// A staff page or the gallery, ready to be hashed and (if changed) rendered.
struct StaticPageJob: Sendable {
    /// Relative to the output folder (`staff/index.html`).
    var path: String
    var template: String
    var hash: String
    var render: @Sendable (Theme) throws(ThemeError) -> String
}

/// The staff pages (`Output/staff/`) and the gallery (`Output/gallery/`): served only on
/// loopback by the preview server at `/staff/` and `/gallery/`, so links are root-relative.
struct StaffPages {
    let factory: PageFactory
    let language: Language
    let pageSize: Int

    private var t: Strings { factory.strings(language) }
    /// Staff pages are built on one thread.
    private let dates = DateFormats()

    func chrome(_ title: String, bodyClass: String) -> Chrome {
        factory.chrome(lang: language.rawValue, title: title, toRoot: "/", scripts: [], bodyClass: "page-staff \(bodyClass)")
    }

    static func customerSlug(_ phone: PhoneNumber) -> String { phone.e164.filter { $0.isASCII && $0.isNumber } }

    func row(_ model: RequestModel) -> StaffRow {
        let state = model.state
        let lang = language.rawValue
        return StaffRow(
            reference: model.reference.value, business: model.business.companyName,
            customerName: model.invoice.customer.name, customerPhone: model.invoice.customer.phone.display,
            customerHref: "/staff/customers/\(Self.customerSlug(model.invoice.customer.phone))/",
            statusKey: state.status.rawValue, statusLabel: t["status_\(state.status.rawValue)"],
            amount: MoneyFormat.format(state.amount, language), amountDue: MoneyFormat.format(state.amountDue, language),
            created: dates.long(model.createdAt, language, timeZone: model.business.timeZone),
            pageHref: "/p/\(model.token)/\(lang)/", receiptHref: model.hasReceipt ? "/p/\(model.token)/receipt/\(lang)/" : nil,
            link: model.business.link(token: model.token))
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

    /// Index ranges of a newest-first list of `count` rows, cut into pages counted from the
    /// OLDEST end (chunk 1 is the oldest `size` rows): a new request or a status change then
    /// only moves rows between the newest pages, and older pages keep their bytes. Returned
    /// oldest chunk first; the last one is the list's first page. An empty list has one empty chunk.
    static func chunks(_ count: Int, size: Int) -> [Range<Int>] {
        guard count > 0 else { return [0..<0] }
        var result: [Range<Int>] = []
        var end = count
        while end > 0 {
            result.append(max(0, end - size)..<end)
            end -= size
        }
        return result
    }

    func jobs(models: [RequestModel], outbox: [OutboxMessage], notifications: [StaffNotification], themeFingerprint: String) -> [StaticPageJob] {
        var jobs: [StaticPageJob] = []
        let sorted = models.sorted { ($0.createdAt, $0.reference.value) > ($1.createdAt, $1.reference.value) }
        let rows = sorted.map(row)
        let t = self.t

        // The string table is the theme's (its fingerprint covers it) in the staff language:
        // hashing it again for every page cost more than the rows.
        let print = themeFingerprint + "|" + language.rawValue
        func add<C: Encodable & Sendable & StringsContext>(_ path: String, _ template: String, _ context: C) {
            var hashed = context
            hashed.t = [:]
            jobs.append(StaticPageJob(path: path, template: template, hash: InputHash.page(hashed, themeFingerprint: print)) {
                theme throws(ThemeError) in try theme.render(template, (context))
            })
        }

        // Lists: all, then one per status, paginated.
        // No counts in the status filter: they would make every list page change with any request.
        let statusNav = [NavLink(label: t["staff_all"], href: "/staff/", current: false, count: nil)]
            + RequestStatus.allCases.map { s in
                NavLink(label: t["status_\(s.rawValue)"], href: "/staff/status/\(s.rawValue)/", current: false, count: nil)
            }
        for status in [nil] + RequestStatus.allCases.map(Optional.some) {
            let list = status.map { s in rows.filter { $0.statusKey == s.rawValue } } ?? rows
            let heading = status.map { t("staff_status_heading", ["status": t["status_\($0.rawValue)"]]) } ?? t["staff_requests"]
            var snav = statusNav
            for i in snav.indices { snav[i].current = snav[i].href == "/" + Self.listFolder(status: status, chunk: nil) }
            let chunks = Self.chunks(list.count, size: pageSize)
            let newest = chunks.count
            for (number, range) in chunks.enumerated().map({ ($0.offset + 1, $0.element) }) {
                // The newest chunk is the list's first page; when it is short, the previous chunk
                // is shown under it too (that chunk also keeps its own page).
                var shown = range
                if number == newest, newest > 1, range.count < pageSize / 2 { shown = range.lowerBound..<chunks[newest - 2].upperBound }
                let slice = Array(list[shown])
                let isFirstPage = number == newest
                let merged = shown != range
                let olderChunk = isFirstPage && merged ? number - 2 : number - 1
                let older = olderChunk >= 1 ? "/" + Self.listFolder(status: status, chunk: olderChunk) : nil
                let newer = isFirstPage ? nil : "/" + Self.listFolder(status: status, chunk: number + 1 == newest ? nil : number + 1)
                let pager = older != nil || newer != nil ? Pager(text: nil, previous: newer, next: older) : nil
                let context = StaffListPage(
                    chrome: chrome(heading, bodyClass: "staff-list"), t: t.table, heading: heading,
                    // The total changes with every request: only the first page shows it.
                    total: isFirstPage ? String(list.count) : nil,
                    nav: nav(current: "requests"), statusNav: snav, rows: slice, empty: slice.isEmpty, pager: pager)
                add(Self.listFolder(status: status, chunk: isFirstPage ? nil : number) + "index.html", "staff/list", context)
            }
        }

        // Customers, by phone.
        var byPhone: [String: [(RequestModel, StaffRow)]] = [:]
        for (model, row) in zip(sorted, rows) { byPhone[Self.customerSlug(model.invoice.customer.phone), default: []].append((model, row)) }
        let customers = byPhone.keys.sorted().map { slug -> CustomerSummary in
            let first = byPhone[slug]![0]
            return CustomerSummary(name: first.0.invoice.customer.name, phone: first.0.invoice.customer.phone.display,
                                   href: "/staff/customers/\(slug)/", count: String(byPhone[slug]!.count))
        }.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        add("staff/customers/index.html", "staff/customers",
            CustomersPage(chrome: chrome(t["staff_customers"], bodyClass: "staff-customers"), t: t.table, heading: t["staff_customers"],
                          nav: nav(current: "customers"), customers: customers, empty: customers.isEmpty))
        for (slug, entries) in byPhone {
            let first = entries[0].0
            let due = entries.reduce(Int64(0)) { $0 + ($1.0.state.amountDue.currency == first.business.currency ? $1.0.state.amountDue.minorUnits : 0) }
            let context = CustomerPage(
                chrome: chrome(first.invoice.customer.name, bodyClass: "staff-customer"), t: t.table, heading: first.invoice.customer.name,
                phone: first.invoice.customer.phone.display, telHref: "tel:\(first.invoice.customer.phone.e164)",
                nav: nav(current: "customers"), rows: entries.map(\.1),
                totalDue: MoneyFormat.format(Money(minorUnits: due, currency: first.business.currency), language))
            add("staff/customers/\(slug)/index.html", "staff/customer", context)
        }

        // Outbox and notifications, newest first.
        let tokenByKey = Dictionary(models.map { ($0.reference.key, $0.token) }, uniquingKeysWith: { a, _ in a })
        let zone = models.first?.business.timeZone ?? TimeZone(identifier: "America/Toronto")!
        let messages = outbox.reversed().map { m in
            OutboxRow(id: m.id.map(String.init) ?? "", created: dates.longWithTime(m.createdAt, language, timeZone: zone),
                      to: m.to.display, kind: m.kind, reference: m.reference?.value, body: m.body,
                      segments: String(m.segments), encoding: m.encoding == .gsm7 ? "GSM-7" : "UCS-2",
                      status: t["outbox_\(m.status.rawValue)"], sent: m.sentAt.map { dates.longWithTime($0, language, timeZone: zone) })
        }
        add("staff/outbox/index.html", "staff/outbox",
            OutboxPage(chrome: chrome(t["staff_outbox"], bodyClass: "staff-outbox"), t: t.table, heading: t["staff_outbox"],
                       nav: nav(current: "outbox"), messages: Array(messages), empty: messages.isEmpty))
        let notes = notifications.map { n in
            NotificationRow(at: dates.longWithTime(n.at, language, timeZone: zone), reference: n.reference.value, text: n.text,
                            href: tokenByKey[n.reference.key].map { "/p/\($0)/receipt/\(language.rawValue)/" })
        }
        add("staff/notifications/index.html", "staff/notifications",
            NotificationsPage(chrome: chrome(t["staff_notifications"], bodyClass: "staff-notifications"), t: t.table,
                              heading: t["staff_notifications"], nav: nav(current: "notifications"), notifications: notes, empty: notes.isEmpty))
        return jobs
    }

    func galleryJob(models: [RequestModel], themeNames: [String: String], previewThemes: [String], themeFingerprint: String) -> StaticPageJob {
        let t = self.t
        let sorted = models.sorted { ($0.business.companyName, $0.reference.value) < ($1.business.companyName, $1.reference.value) }
        let rows = sorted.map { m -> GalleryRow in
            var links = [GalleryLink(label: t["gallery_neutral"], href: "/p/\(m.token)/"),
                         GalleryLink(label: "FR", href: "/p/\(m.token)/fr/"), GalleryLink(label: "EN", href: "/p/\(m.token)/en/")]
            if m.hasReceipt {
                links += [GalleryLink(label: t["gallery_receipt"] + " FR", href: "/p/\(m.token)/receipt/fr/"),
                          GalleryLink(label: t["gallery_receipt"] + " EN", href: "/p/\(m.token)/receipt/en/")]
            }
            let own = themeNames[m.businessKey] ?? m.business.theme
            for name in previewThemes where name != own {
                let base = "/gallery/themes/\(name)/p/\(m.token)/"
                links += [GalleryLink(label: "\(name) FR", href: base + "fr/"), GalleryLink(label: "\(name) EN", href: base + "en/")]
                if m.hasReceipt {
                    links += [GalleryLink(label: "\(name) \(t["gallery_receipt"]) FR", href: base + "receipt/fr/"),
                              GalleryLink(label: "\(name) \(t["gallery_receipt"]) EN", href: base + "receipt/en/")]
                }
            }
            return GalleryRow(reference: m.reference.value, business: m.business.companyName, theme: themeNames[m.businessKey] ?? m.business.theme,
                              statusKey: m.state.status.rawValue, statusLabel: t["status_\(m.state.status.rawValue)"],
                              kind: m.invoice.isItemized ? t["gallery_invoice"] : t["gallery_quick"], links: links)
        }
        let context = GalleryPage(chrome: chrome(t["gallery_title"], bodyClass: "gallery"), t: t.table, heading: t["gallery_title"],
                                  nav: nav(current: "gallery"), rows: rows, empty: rows.isEmpty)
        return StaticPageJob(path: "gallery/index.html", template: "gallery", hash: InputHash.page(context, themeFingerprint: themeFingerprint)) {
            theme throws(ThemeError) in try theme.render("gallery", (context))
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

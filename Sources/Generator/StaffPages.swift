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
struct StaffPages: Sendable {
    let factory: PageFactory
    let language: Language
    let pageSize: Int

    private var t: Strings { factory.strings(language) }

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
            created: DateText.long(model.createdAt, language, timeZone: model.business.timeZone),
            pageHref: "/p/\(model.token)/\(lang)/", receiptHref: model.hasReceipt ? "/p/\(model.token)/receipt/\(lang)/" : nil,
            link: model.business.link(token: model.token))
    }

    func nav(current: String) -> [NavLink] {
        [("requests", t["staff_requests"], "/staff/"), ("customers", t["staff_customers"], "/staff/customers/"),
         ("outbox", t["staff_outbox"], "/staff/outbox/"), ("notifications", t["staff_notifications"], "/staff/notifications/"),
         ("gallery", t["staff_gallery"], "/gallery/")].map { NavLink(label: $0.1, href: $0.2, current: $0.0 == current, count: nil) }
    }

    /// Folder of a list's page n (1-based): `staff/` and `staff/all/2/`, `staff/status/paid/` and `…/paid/2/`.
    static func listFolder(status: RequestStatus?, page: Int) -> String {
        let base = status.map { "staff/status/\($0.rawValue)/" } ?? "staff/"
        guard page > 1 else { return base }
        return status == nil ? "staff/all/\(page)/" : "\(base)\(page)/"
    }

    func jobs(models: [RequestModel], outbox: [OutboxMessage], notifications: [StaffNotification], themeFingerprint: String) -> [StaticPageJob] {
        var jobs: [StaticPageJob] = []
        let sorted = models.sorted { ($0.createdAt, $0.reference.value) > ($1.createdAt, $1.reference.value) }
        let rows = sorted.map(row)
        let t = self.t

        func add<C: Encodable & Sendable>(_ path: String, _ template: String, _ context: C) {
            jobs.append(StaticPageJob(path: path, template: template, hash: InputHash.page(context, themeFingerprint: themeFingerprint)) {
                theme throws(ThemeError) in try theme.render(template, context)
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
            let pages = max(1, (list.count + pageSize - 1) / pageSize)
            let heading = status.map { t("staff_status_heading", ["status": t["status_\($0.rawValue)"]]) } ?? t["staff_requests"]
            for page in 1...pages {
                let slice = Array(list.dropFirst((page - 1) * pageSize).prefix(pageSize))
                let pager = pages > 1 ? Pager(
                    text: t("staff_page_of", ["page": String(page), "pages": String(pages)]),
                    previous: page > 1 ? "/" + Self.listFolder(status: status, page: page - 1) : nil,
                    next: page < pages ? "/" + Self.listFolder(status: status, page: page + 1) : nil) : nil
                var snav = statusNav
                for i in snav.indices { snav[i].current = snav[i].href == "/" + Self.listFolder(status: status, page: 1) }
                let context = StaffListPage(
                    chrome: chrome(heading, bodyClass: "staff-list"), t: t.table, heading: heading, total: String(list.count), nav: nav(current: "requests"),
                    statusNav: snav, rows: slice, empty: slice.isEmpty, pager: pager)
                add(Self.listFolder(status: status, page: page) + "index.html", "staff/list", context)
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
            OutboxRow(id: m.id.map(String.init) ?? "", created: DateText.longWithTime(m.createdAt, language, timeZone: zone),
                      to: m.to.display, kind: m.kind, reference: m.reference?.value, body: m.body,
                      segments: String(m.segments), encoding: m.encoding == .gsm7 ? "GSM-7" : "UCS-2",
                      status: t["outbox_\(m.status.rawValue)"], sent: m.sentAt.map { DateText.longWithTime($0, language, timeZone: zone) })
        }
        add("staff/outbox/index.html", "staff/outbox",
            OutboxPage(chrome: chrome(t["staff_outbox"], bodyClass: "staff-outbox"), t: t.table, heading: t["staff_outbox"],
                       nav: nav(current: "outbox"), messages: Array(messages), empty: messages.isEmpty))
        let notes = notifications.map { n in
            NotificationRow(at: DateText.longWithTime(n.at, language, timeZone: zone), reference: n.reference.value, text: n.text,
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
            theme throws(ThemeError) in try theme.render("gallery", context)
        }
    }
}

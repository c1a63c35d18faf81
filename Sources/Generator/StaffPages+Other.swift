import Billing
import Foundation
import PageModels
import Store

/// The outbox, the notifications and the gallery.
extension StaffPages {
    /// Every text message, newest first, paginated from the oldest end like the request lists,
    /// read from the ledger a page at a time.
    func outbox(_ ledger: Ledger, timeZone zone: TimeZone, emit: Emit) throws(GeneratorError) {
        let t = self.t
        let count: Int
        do { count = try ledger.outboxCount() } catch { throw .store(error) }
        let pages = Pagination.anchoredAtOldest(count: count, size: indexPageSize, labels: (t["staff_newer"], t["staff_older"])) {
            $0.map { "staff/outbox/\($0)/" } ?? "staff/outbox/"
        }
        for page in pages {
            // `shown` counts newest first; the ledger counts oldest first.
            let oldest = count - page.shown.upperBound
            let messages: [OutboxMessage]
            do { messages = try ledger.outbox(offset: oldest, limit: page.shown.count) } catch { throw .store(error) }
            let rows = messages.reversed().map { m in
                OutboxRow(id: m.id.map(String.init) ?? "", created: dates.longWithTime(m.createdAt, language, timeZone: zone),
                          to: m.to.display, kind: m.kind, reference: m.reference?.value, body: m.body,
                          segments: String(m.segments), encoding: m.encoding == .gsm7 ? "GSM-7" : "UCS-2",
                          status: t["outbox_\(m.status.rawValue)"], sent: m.sentAt.map { dates.longWithTime($0, language, timeZone: zone) })
            }
            try emitHashingContext(page.folder + "index.html", "staff/outbox", OutboxPage(
                chrome: chrome(t["staff_outbox"], bodyClass: "staff-outbox"), t: t.table, heading: t["staff_outbox"],
                nav: nav(current: "outbox"), messages: Array(rows), empty: rows.isEmpty, pager: page.pager), emit)
        }
    }

    /// The last 500 notifications, newest first, linked to their receipts.
    func notifications(_ ledger: Ledger, timeZone zone: TimeZone, emit: Emit) throws(GeneratorError) {
        let t = self.t
        let notifications: [StaffNotification]
        let rows: [String: RequestRow]
        do {
            notifications = try ledger.notifications(limit: 500)
            var seen = Set<String>()
            rows = try ledger.rows(notifications.map(\.reference).filter { seen.insert($0.key).inserted })
        } catch { throw .store(error) }
        let notes = notifications.map { n in
            NotificationRow(at: dates.longWithTime(n.at, language, timeZone: zone), reference: n.reference.value, text: n.text,
                            href: rows[n.reference.key].map { "/p/\($0.token.value)/receipt/\(language.rawValue)/" })
        }
        try emitHashingContext("staff/notifications/index.html", "staff/notifications", NotificationsPage(
            chrome: chrome(t["staff_notifications"], bodyClass: "staff-notifications"), t: t.table,
            heading: t["staff_notifications"], nav: nav(current: "notifications"), notifications: notes, empty: notes.isEmpty), emit)
    }

    /// Every request × language (and × preview theme), by business then reference.
    func gallery(_ index: StaffIndex, previewThemes: [String], emit: Emit) throws(GeneratorError) {
        let t = self.t
        let order = index.byBusiness()
        let pages = Pagination.fromFront(count: order.count, size: indexPageSize, base: "gallery/",
                                         labels: (t["staff_previous"], t["staff_next"])) { page, pages in
            t("staff_page_of", ["page": String(page), "pages": String(pages)])
        }
        for page in pages {
            let path = page.folder + "index.html"
            var hasher = hasher("gallery", path)
            hasher.add(Self.describe(page.pager))
            hasher.add(previewThemes.joined(separator: ","))
            for i in page.shown { hasher.add(bytes: try index.bytes(order[i])) }
            try emit(path, hasher.value) { () throws(GeneratorError) in
                var rows: [GalleryRow] = []
                for i in page.shown { rows.append(galleryRow(try index.record(order[i]), previewThemes: previewThemes)) }
                return Self.render("gallery", GalleryPage(
                    chrome: chrome(t["gallery_title"], bodyClass: "gallery"), t: t.table, heading: t["gallery_title"],
                    nav: nav(current: "gallery"), rows: rows, empty: rows.isEmpty, pager: page.pager))
            }
        }
    }

    private func galleryRow(_ r: StaffRecord, previewThemes: [String]) -> GalleryRow {
        let t = self.t
        var links = [GalleryLink(label: t["gallery_neutral"], href: "/p/\(r.token)/"),
                     GalleryLink(label: "FR", href: "/p/\(r.token)/fr/"), GalleryLink(label: "EN", href: "/p/\(r.token)/en/")]
        if r.hasReceipt {
            links += [GalleryLink(label: t["gallery_receipt"] + " FR", href: "/p/\(r.token)/receipt/fr/"),
                      GalleryLink(label: t["gallery_receipt"] + " EN", href: "/p/\(r.token)/receipt/en/")]
        }
        for name in previewThemes where name != r.theme {
            let base = "/gallery/themes/\(name)/p/\(r.token)/"
            links += [GalleryLink(label: "\(name) FR", href: base + "fr/"), GalleryLink(label: "\(name) EN", href: base + "en/")]
            if r.hasReceipt {
                links += [GalleryLink(label: "\(name) \(t["gallery_receipt"]) FR", href: base + "receipt/fr/"),
                          GalleryLink(label: "\(name) \(t["gallery_receipt"]) EN", href: base + "receipt/en/")]
            }
        }
        return GalleryRow(reference: r.reference, business: r.business, theme: r.theme, statusKey: r.status.rawValue,
                          statusLabel: t["status_\(r.status.rawValue)"], kind: r.itemized ? t["gallery_invoice"] : t["gallery_quick"],
                          links: links)
    }
}

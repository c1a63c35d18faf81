import Billing
import Foundation
import PageModels
import Store

/// The gallery.
extension StaffPages {
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

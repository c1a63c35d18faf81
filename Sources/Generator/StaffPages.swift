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

    func nav(current: String) -> [NavLink] {
        [("requests", t["staff_requests"], "/staff/"), ("gallery", t["staff_gallery"], "/gallery/")]
            .map { NavLink(label: $0.1, href: $0.2, current: $0.0 == current, count: nil) }
    }
}

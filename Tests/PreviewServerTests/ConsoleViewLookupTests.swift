import PageModels
@testable import PreviewServer
import TemplatingTesting
import Testing

/// What the console templates can read is written by hand (ConsoleView+Lookup.swift): every
/// stored property must be answered with its own value, in samples where every optional is set
/// and every list filled, with distinct texts.
struct ConsoleViewLookupTests {
    /// One page can show one section; four samples together set every property once.
    static func samples() -> [ConsoleView] {
        var count = 0
        func v() -> String {
            count += 1
            return "v\(count)"
        }
        func link() -> ConsoleView.Link { .init(label: v(), href: v(), current: true) }
        func option() -> ConsoleView.Option { .init(value: v(), label: v(), selected: true) }
        func frame() -> ConsoleView {
            ConsoleView(chrome: Chrome(lang: v(), title: v(), stylesheets: [v()], scripts: [v()], bodyClass: v()) { "/assets/\($0)" },
                        t: [v(): v()],
                        bar: .init(name: v(), roleLabel: v(), csrf: v(), otherLanguage: v(), otherLanguageLabel: v(), returnTo: v(), isOwner: true),
                        notice: v(), alert: v())
        }
        var list = frame()
        list.signIn = ConsoleSignIn(action: v(), csrf: v(), name: v(), linkToken: v())
        list.list = ConsoleList(
            search: v(), statuses: [option()], businesses: [option()], hasBusinesses: true, totals: [.init(label: v(), value: v())],
            rows: [.init(reference: v(), href: v(), business: v(), customerName: v(), customerPhone: v(), statusKey: v(), statusLabel: v(),
                         amount: v(), amountDue: v(), created: v(), link: v(), actions: [link()])],
            empty: true, summary: v(), previous: v(), next: v())
        list.deposits = ConsoleDeposits(
            businesses: [option()], hasBusinesses: true, company: v(), rules: v(), totals: [.init(label: v(), value: v(), detail: v())],
            rows: [.init(id: v(), day: v(), dayISO: v(), statusKey: v(), statusLabel: v(), number: v(), href: v(), statusDetail: v(),
                         gross: v(), refunds: v(), fees: v(), feesDetail: v(), shortfallTaken: v(), net: v(), shortfallCarried: v())],
            empty: true, summary: v(), previous: v(), next: v())
        var request = frame()
        request.request = ConsoleRequest(reference: v(), statusKey: v(), statusLabel: v(), facts: [.init(label: v(), value: v())], link: v(),
                                         history: [.init(when: v(), text: v())], actions: [link()], hasActions: true, csrf: v(),
                                         sendAction: v(), receiptHref: v(), deposits: [.init(label: v(), text: v(), href: v())])
        request.deposit = ConsoleDeposit(
            title: v(), company: v(), address: v(), day: v(), statusKey: v(), statusLabel: v(), figures: [.init(key: v(), label: v(), value: v())],
            lines: [.init(kind: v(), label: v(), reference: v(), href: v(), document: v(), method: v(), amount: v())],
            total: v(), outcome: v(), backHref: v(), note: v())
        var action = frame()
        action.action = ConsoleAction(
            heading: v(), reference: v(), explanation: v(), fixedBefore: v(), fixedAfter: v(),
            fields: [.init(id: v(), name: v(), label: v(), value: v(), hint: v(), error: v(), multiline: true, options: [option()],
                           hasOptions: true, inputMode: v(), lang: v())],
            hidden: [.init(name: v(), value: v())], csrf: v(), action: v(), submitLabel: v(), danger: true, cancelHref: v(), refused: true,
            textLanguage: v())
        action.importing = ConsoleImport(
            csrf: v(), action: v(), limit: v(), businesses: [option()], hasBusinesses: true, prefix: v(), formats: [option()], dryRun: true,
            error: v(),
            report: .init(heading: v(), dryRun: true, facts: [.init(label: v(), value: v())], counts: [.init(label: v(), value: v())],
                          summary: v(), failed: true,
                          orders: [.init(reference: v(), outcomeKey: v(), outcomeLabel: v(), lines: v(), total: v(), detail: v(), href: v(),
                                         sendHref: v(), sendLabel: v(), issues: [.init(place: v(), text: v())], hasIssues: true)],
                          hasOrders: true, problems: [.init(place: v(), text: v())], hasProblems: true))
        func field() -> ConsoleAction.Field {
            .init(id: v(), name: v(), label: v(), value: v(), hint: v(), error: v(), multiline: true, options: [option()], hasOptions: true, inputMode: v(),
                  lang: v())
        }
        func toggle() -> ConsoleSettings.Toggle { .init(id: v(), name: v(), label: v(), hint: v(), checked: true) }
        list.settings = ConsoleSettings(
            businesses: [option()], hasBusinesses: true, business: v(), company: v(), csrf: v(), errors: [link()], hasErrors: true,
            affirm: toggle(), affirmMinimum: field(), confirmation: toggle(), reply: field(), maxTotal: field(), maxPerDay: field(),
            optOut: toggle(), testPhone: field(), testLanguage: field(), testExplanation: v())
        request.terminal = ConsoleTerminal(
            reference: v(), backHref: v(), facts: [.init(label: v(), value: v())], csrf: v(), action: v(), attempt: v(), errors: [link()],
            hasErrors: true, name: field(), number: field(), exp: field(), cvc: field(), testCards: [.init(label: v(), value: v())],
            payLabel: v(), challenge: .init(id: v(), text: v(), action: v()), refused: v())
        func preview() -> ConsoleMessagePreview {
            .init(lang: v(), message: v(), segments: v(), encoding: v(), problems: [v()], hasProblems: true, linkNote: v())
        }
        func compose() -> ConsoleCompose {
            .init(replies: [option()], replyError: v(), text: v(), textLabel: v(), textHint: v(), textError: v(), previewAction: v(), preview: preview())
        }
        func input() -> ConsoleInput { .init(id: v(), label: v(), value: v(), hint: v(), error: v(), inputMode: v(), autocomplete: v()) }
        var newRequest = frame()
        newRequest.newRequest = ConsoleNewRequest(
            action: v(), csrf: v(), find: v(), found: [link()], searched: true, foundNone: true, name: input(), phone: input(),
            languages: [option()], businesses: [option()], hasBusinesses: true, kinds: [option()], isInvoice: true, reference: input(),
            amount: input(), invoices: [option()], hasInvoices: true, invoiceError: v(), compose: compose(),
            errors: [.init(field: v(), message: v())], hasErrors: true)
        newRequest.preview = preview()
        var customer = frame()
        customer.customers = ConsoleCustomers(search: v(), rows: [.init(name: v(), phone: v(), href: v(), requests: v(), last: v())],
                                              empty: true, summary: v(), previous: v(), next: v())
        customer.customer = ConsoleCustomer(
            name: v(), phone: v(), language: v(), lang: v(), optedOut: true, optOutNote: v(), tabs: [link()], showInvoices: true,
            requests: [.init(reference: v(), href: v(), statusKey: v(), statusLabel: v(), amount: v(), amountDue: v(), created: v())],
            messages: [.init(when: v(), direction: v(), who: v(), body: v(), status: v(), about: v(), aboutHref: v())], noMessages: true,
            newRequestHref: v(), sendAction: v(), csrf: v(), about: [option()], compose: compose())
        var staff = frame()
        staff.bar?.unreadCount = v()
        staff.notifications = ConsoleNotifications(
            items: [.init(text: v(), when: v(), href: v(), unread: true, statusKey: v(), statusLabel: v())], empty: true, summary: v(),
            hasUnread: true, csrf: v(), readThrough: v())
        staff.staffPage = ConsoleStaffPage(
            members: [.init(name: v(), href: v(), roleLabel: v(), languageLabel: v(), twoFactorLabel: v(), stateLabel: v())], csrf: v(),
            name: v(), roles: [option()], languages: [option()], error: v())
        staff.staffMember = ConsoleStaffMember(name: v(), facts: [.init(label: v(), value: v())], csrf: v(), passwordAction: v(),
                                               totpAction: v(), removeAction: v(), confirmRemove: true, error: v())
        staff.account = ConsoleAccount(name: v(), roleLabel: v(), twoFactorLabel: v(), csrf: v(), languages: [option()], error: v())
        staff.code = ConsoleCode(csrf: v(), name: v())
        return [list, request, action, newRequest, customer, staff]
    }

    @Test func everyStoredPropertyIsAnswered() {
        for sample in Self.samples() {
            let findings = TemplateFieldAudit.findings(sample)
            #expect(findings.isEmpty, "\(findings.map(\.description).joined(separator: "\n"))")
        }
        let populated = Self.samples().map { Set(TemplateFieldAudit.unpopulated($0)) }
        #expect(populated.reduce(populated[0]) { $0.intersection($1) }.isEmpty, "together the samples set every optional")
    }
}

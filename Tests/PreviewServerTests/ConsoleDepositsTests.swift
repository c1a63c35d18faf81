import Billing
import Deposits
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import PreviewServer
import StaffAccess
import Store
import Testing
import Theming

/// The deposits' console pages through the router, on the demo workspace: the same figures as
/// the deposit book and as `paypage deposits --json`, the lines of each deposit with their
/// requests, and each request's deposit.
@Suite("Staff console: deposits")
struct ConsoleDepositsTests {
    static func workspace(_ requests: [(String, String)] = []) throws -> CheckoutWorkspace {
        let ws = try CheckoutWorkspace(requests, demo: true)
        let staff = StaffService(ledger: ws.service.ledger, hasher: PasswordHasher(cost: 4))
        _ = try staff.addAccount(name: "Marie", role: .clerk, language: .fr, password: "correct horse battery")
        _ = try staff.addAccount(name: "Luc", role: .owner, language: .en, password: "another long one")
        return ws
    }

    static func book(_ ws: CheckoutWorkspace) -> DepositBook {
        DepositBook(ledger: ws.service.ledger, businesses: ws.service.businesses)
    }

    static func signedIn(_ client: any TestClientProtocol, _ name: String) async throws -> HTTPFields {
        let password = name == "Marie" ? "correct horse battery" : "another long one"
        let session = try #require(try await ConsoleTests.signIn(client, name, password).session)
        return [.cookie: "\(ConsoleGate.sessionCookie)=\(session)"]
    }

    /// Every row of every page of one business's list, by day.
    static func listed(_ client: any TestClientProtocol, _ headers: HTTPFields, business: String) async throws -> [String: [String]] {
        var rows: [String: [String]] = [:]
        var next: String? = "/staff/deposits?business=\(business)"
        var order: [String] = []
        while let uri = next {
            let page = try await client.execute(uri: uri.replacingOccurrences(of: "&amp;", with: "&"), method: .get, headers: headers)
            #expect(page.status == .ok, "\(uri)")
            let html = Web.text(page)
            for (day, cells) in Page.rows(html, business: business) {
                #expect(rows[day] == nil, "\(day) is listed once")
                rows[day] = cells
                order.append(day)
            }
            next = Page.attribute(html, before: "rel=\"next\"")
        }
        #expect(order == order.sorted(by: >), "newest first")
        return rows
    }

    @Test("the list shows every day of every business with the deposit book's figures, newest first, in both languages",
          arguments: [("Luc", Language.en), ("Marie", .fr)])
    func listMatchesBook(member: String, language: Language) async throws {
        let ws = try Self.workspace()
        let book = Self.book(ws)
        try await ws.withClient { client in
            let headers = try await Self.signedIn(client, member)
            var statuses: Set<DepositDay.Status> = []
            for key in ws.service.businesses.keys {
                let days = try book.days(business: key)
                let rows = try await Self.listed(client, headers, business: key)
                #expect(rows.count == days.count, "\(key)")
                for day in days {
                    statuses.insert(day.status)
                    let cells = try #require(rows[day.day.iso], "\(key) \(day.day.iso)")
                    #expect(cells == Self.expected(day, language), "\(key) \(day.day.iso)")
                }
            }
            #expect(statuses.isSuperset(of: [.deposited, .noDeposit]), "the demo has deposits and a day without one")
        }
    }

    @Test("console and CLI agree to the cent: `paypage deposits --json` against the pages, list and detail",
          .enabled(if: PaypageBinary.url != nil, "paypage binary not built: run `swift build`"))
    func agreesWithCLI() async throws {
        let ws = try Self.workspace()
        let days = try PaypageBinary.decode([CLIDay].self, ["deposits", "--json", "--workspace", ws.root.path])
        #expect(!days.isEmpty)
        var details: [String: CLIDay] = [:]
        for number in days.compactMap(\.number) {
            details[number] = try PaypageBinary.decode(CLIDay.self, ["deposits", "show", number, "--json", "--workspace", ws.root.path])
        }
        try await ws.withClient { [details] client in
            let headers = try await Self.signedIn(client, "Luc")
            var lists: [String: [String: [String]]] = [:]
            for key in Set(days.map(\.business)) {
                lists[key] = try await Self.listed(client, headers, business: key)
            }
            #expect(lists.values.reduce(0) { $0 + $1.count } == days.count, "the pages list the CLI's days, no more")
            for day in days {
                let cells = try #require(lists[day.business]?[day.date], "\(day.business) \(day.date) is on the page")
                let returned = Self.cents(day.feesReturned)
                let fees = Self.format(day.fees, .en)
                    + (returned == 0 ? "" : "|" + Web.t("en", "console_deposit_fees_detail", ["returned": Self.format(returned, .en)]))
                #expect(cells == [day.number ?? "", Self.format(day.gross, .en), Self.format(day.refunds, .en), fees,
                                  Self.format(day.shortfallTaken, .en), Self.format(day.net, .en), Self.format(day.shortfallCarried, .en)],
                        "\(day.business) \(day.date)")
                guard let number = day.number else { continue }
                let detail = try #require(details[number])
                let page = try await client.execute(uri: "/staff/deposits/\(number)", method: .get, headers: headers)
                #expect(page.status == .ok, "\(number)")
                let html = Web.text(page)
                for (figure, value) in [("gross", detail.gross), ("refunds", detail.refunds), ("fees", detail.fees),
                                        ("fees_returned", detail.feesReturned), ("shortfall_taken", detail.shortfallTaken),
                                        ("net", detail.net), ("shortfall_carried", detail.shortfallCarried)] {
                    #expect(Page.figure(html, figure) == Self.format(value, .en), "\(number) \(figure)")
                }
                let expected = (detail.lines ?? []).map { [$0.kind, $0.reference ?? "", Self.format($0.amount, .en)] }
                #expect(!expected.isEmpty && Page.lines(html).map { [$0[0], $0[2], $0[5]] } == expected, "\(number) lines")
            }
        }
    }

    /// One day of `paypage deposits --json` (with its lines from `deposits show --json`).
    struct CLIDay: Decodable, Sendable {
        struct Line: Decodable, Sendable {
            var kind: String
            var amount: String
            var reference: String?
        }

        var business, date, status: String
        var number: String?
        var gross, refunds, fees, feesReturned, shortfallTaken, net, shortfallCarried: String
        var lines: [Line]?
    }

    @Test("a deposit's page: its lines, each request linked, print-ready, Print only with JavaScript")
    func detail() async throws {
        let ws = try Self.workspace()
        let book = Self.book(ws)
        let deposited = try ws.service.businesses.keys.flatMap { try book.days(business: $0) }.filter { $0.status == .deposited }
        let withShortfall = try #require(deposited.first { $0.shortfallTaken.isPositive }, "the demo takes a shortfall back")
        try await ws.withClient { client in
            let headers = try await Self.signedIn(client, "Luc")
            let id = try #require(withShortfall.id)
            let page = try await client.execute(uri: "/staff/deposits/\(id)", method: .get, headers: headers)
            #expect(page.status == .ok)
            let html = Web.text(page)
            #expect(html.contains(Web.escaped(Web.t("en", "console_deposit_title", ["number": id.description]))))
            let lines = Page.lines(html)
            #expect(lines.map(\.[0]) == withShortfall.lines.map(\.kind.rawValue))
            #expect(lines.first?[0] == "shortfall_taken")
            for (line, cells) in zip(withShortfall.lines, lines) where line.reference != nil {
                #expect(cells[1] == "/staff/requests/\(line.reference!.value)" && cells[2] == line.reference!.value)
                #expect(cells[5] == Web.money(line.amount.minorUnits, "en"))
            }
            #expect(html.contains("data-action=\"print\" hidden"), "the Print button waits for the script")
            #expect(html.contains("js/receipt") && html.contains("css/deposits"))
            #expect(html.contains(Web.t("en", "console_deposit_outcome_deposited")))
            let css = try String(contentsOf: CheckoutWorkspace.repository.appendingPathComponent("Themes/default/assets/css/deposits.css"), encoding: .utf8)
            #expect(css.contains("@page { size: letter") && css.contains(".staff-top"), "Letter, the bar hidden on paper")

            // A linked request answers, and its page names this deposit.
            let reference = try #require(withShortfall.lines.first { $0.kind == .payment }?.reference)
            let request = try await client.execute(uri: "/staff/requests/\(reference.value)", method: .get, headers: headers)
            #expect(request.status == .ok)
            #expect(Web.text(request).contains("<a href=\"/staff/deposits/\(id)\">"), "\(reference) links its deposit")
        }
    }

    @Test("a day is found by its date; a deposited one moves to its number; unknown names are 404")
    func addresses() async throws {
        let ws = try Self.workspace()
        let book = Self.book(ws)
        let days = try ws.service.businesses.keys.flatMap { try book.days(business: $0) }
        let none = try #require(days.first { $0.status == .noDeposit })
        let deposited = try #require(days.first { $0.status == .deposited })
        try await ws.withClient { client in
            // Without a session, a real deposit shows nothing either.
            for uri in ["/staff/deposits/\(deposited.id!)", "/staff/deposits?business=\(deposited.businessKey)"] {
                let anonymous = try await client.execute(uri: uri, method: .get)
                #expect(anonymous.status == .seeOther && anonymous.headers[.location] == "/staff/sign-in", "\(uri)")
                #expect(!Web.text(anonymous).contains(deposited.id!.description))
            }
            let headers = try await Self.signedIn(client, "Marie")
            let page = try await client.execute(uri: "/staff/deposits/\(none.businessKey)-\(none.day.iso)", method: .get, headers: headers)
            #expect(page.status == .ok)
            let html = Web.text(page)
            #expect(html.contains("<html lang=\"fr\""))
            #expect(html.contains(Web.escaped(Web.t("fr", "console_deposit_outcome_none", ["amount": Web.money(none.shortfallCarried.minorUnits, "fr")]))))
            let moved = try await client.execute(uri: "/staff/deposits/\(deposited.businessKey)-\(deposited.day.iso)", method: .get, headers: headers)
            #expect(moved.status == .seeOther && moved.headers[.location] == "/staff/deposits/\(deposited.id!)")
            for name in ["1", "main-999", "nope-1", "main-2001-01-01", "..%2Fetc"] {
                let missing = try await client.execute(uri: "/staff/deposits/\(name)", method: .get, headers: headers)
                #expect(missing.status == .notFound, "\(name)")
            }
            let unknown = try await client.execute(uri: "/staff/deposits?business=nope", method: .get, headers: headers)
            #expect(unknown.status == .ok && Web.text(unknown).contains(ws.service.businesses.main.companyName.replacingOccurrences(of: "&", with: "&amp;")))
        }
    }

    @Test("each request's page: its deposit, the day expected, or offline: none")
    func requestPages() async throws {
        let ws = try Self.workspace([("DEP-NEW", "42.00")])
        let book = Self.book(ws)
        let token = try ws.token("DEP-NEW")
        try await ws.withClient { client in
            var seen: Set<String> = []
            // Paid by card now: it settles in a few business days, so its deposit is expected.
            let paid = try await CheckoutPaymentTests.post(client, token, CheckoutPaymentTests.card("4242 4242 4242 4242"))
            #expect(paid.status == .seeOther)
            let headers = try await Self.signedIn(client, "Marie")
            for row in try ws.service.ledger.requests() {
                let placement = try book.placement(of: row.reference)
                let html = Web.text(try await client.execute(uri: "/staff/requests/\(row.reference.value)", method: .get, headers: headers))
                let line = Page.depositLine(html)
                switch (placement.status, placement.payment?.placement) {
                case (.notPaid, _): #expect(line == nil, "\(row.reference)")
                case (.offline, _):
                    seen.insert("offline")
                    #expect(line == Web.escaped(Web.t("fr", "console_deposit_offline")), "\(row.reference)")
                case let (.tracked, .deposited(id)?):
                    seen.insert("deposited")
                    #expect(line == "<a href=\"/staff/deposits/\(id)\">"
                        + Web.escaped(Web.t("fr", "console_deposit_payment_in", ["number": id.description, "day": Self.day(placement.payment!.day, .fr)])) + "</a>")
                case (.tracked, .expected?):
                    seen.insert("expected")
                    let day = placement.payment!.day
                    #expect(line == "<a href=\"/staff/deposits/\(placement.payment!.settlement.businessKey)-\(day.iso)\">"
                        + Web.escaped(Web.t("fr", "console_deposit_payment_expected", ["day": Self.day(day, .fr)])) + "</a>")
                default: #expect(line != nil, "\(row.reference)")
                }
            }
            #expect(seen.isSuperset(of: ["offline", "deposited", "expected"]), "the demo has each kind: \(seen)")
        }
    }

    @Test("a long history is paginated, newest first; the pages add up to every day")
    func pagination() throws {
        let theme = try ThemeLoader(themesDirectory: CheckoutWorkspace.repository.appendingPathComponent("Themes")).load("default")
        let text = ConsoleText(theme: theme, language: .en)
        let start = try #require(CalendarDate(year: 2026, month: 1, day: 5))
        let settlements = try (0..<45).map { i in
            Settlement(sequence: Int64(i + 1), businessKey: "main", reference: try Reference("P-\(i)"), kind: .payment, method: .card,
                       number: i + 1, amount: Money(minorUnits: 10_000 + Int64(i), currency: .cad), fee: Money(minorUnits: 320, currency: .cad),
                       percentFee: Money(minorUnits: 290, currency: .cad), day: CalendarDate(start.noonUTC.addingTimeInterval(Double(i) * 86_400), in: TimeZone(identifier: "UTC")!),
                       at: start.noonUTC)
        }
        let days = try DepositCalculator(businessKey: "main", currency: .cad, today: try #require(CalendarDate(year: 2026, month: 3, day: 1)))
            .days(settlements)
        let settings = BusinessSettings(companyName: "Garage", phone: try PhoneNumber("5145550100"),
                                        address: .init(street: "1 rue", city: "Montréal", province: "QC", postalCode: "H2X 1Y4"), taxes: [],
                                        affirm: .init(enabled: false, minimum: Money(minorUnits: 0, currency: .cad), maximum: Money(minorUnits: 0, currency: .cad)))
        let businesses = Businesses(main: settings)
        let builder = ConsoleDepositBuilder(text: text)
        var seen: [String] = []
        for page in 1...3 {
            let list = builder.list(days, key: "main", businesses: businesses, settings: settings, page: page)
            #expect(list.rows.count == (page < 3 ? 20 : 5))
            #expect((list.previous != nil) == (page > 1) && (list.next != nil) == (page < 3))
            seen += list.rows.map(\.dayISO)
        }
        #expect(seen == days.map(\.day.iso).reversed())
        #expect(builder.list(days, key: "main", businesses: businesses, settings: settings, page: 99).rows.map(\.dayISO) == Array(seen.suffix(5)))
        let totals = builder.list(days, key: "main", businesses: businesses, settings: settings, page: 1).totals
        let sum = days.reduce(Int64(0)) { $0 + $1.deposit.minorUnits }
        #expect(totals.first?.value == Web.money(sum, "en"))
    }

    // MARK: - expected texts

    /// The cells of a list row: number, gross, refunds, fees (and fees returned), shortfall taken, net, shortfall carried.
    static func expected(_ day: DepositDay, _ language: Language) -> [String] {
        var cells = [day.id?.description ?? ""] + [day.gross, day.refunds, day.fees, day.shortfallTaken, day.deposit, day.shortfallCarried]
            .map { MoneyFormat.format($0, language) }
        if day.feesReturned.isPositive {
            cells[3] += "|" + Web.t(language.rawValue, "console_deposit_fees_detail", ["returned": MoneyFormat.format(day.feesReturned, language)])
        }
        return cells
    }

    static func cents(_ decimal: String) -> Int64 {
        let negative = decimal.hasPrefix("-")
        let digits = decimal.filter(\.isNumber)
        return (negative ? -1 : 1) * (Int64(digits) ?? 0)
    }

    static func format(_ decimal: String, _ language: Language) -> String { format(cents(decimal), language) }

    static func format(_ cents: Int64, _ language: Language) -> String {
        MoneyFormat.format(Money(minorUnits: cents, currency: .cad), language)
    }

    static func day(_ day: CalendarDate, _ language: Language) -> String {
        var style = Date.FormatStyle(date: .abbreviated, time: .omitted, locale: Locale(identifier: language == .fr ? "fr_CA" : "en_CA"),
                                     timeZone: TimeZone(identifier: "UTC")!)
        style = style.weekday(.abbreviated)
        return day.noonUTC.formatted(style)
    }
}

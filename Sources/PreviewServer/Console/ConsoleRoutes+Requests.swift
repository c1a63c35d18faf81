import Billing
import Foundation
import HTTPTypes
import Hummingbird
import Operations
import StaffAccess
import Theming

/// A signed-in page's context: who, in which language, with the service acting as them.
struct ConsoleCall {
    let session: StaffSession
    let service: RequestService
    let theme: Theme
    let text: ConsoleText
    let views: ConsoleViews
    /// The staff member's unread notifications (the bar's badge).
    var unread = 0

    func page(_ title: String, returnTo: String) -> ConsoleView {
        var bar = ConsoleViews.bar(session, text, returnTo: returnTo)
        bar.unreadCount = unread > 0 ? "\(unread)" : nil
        return views.frame(title: title, bar: bar)
    }
}

extension ConsoleRoutes {
    /// Checks the session (else sign-in, or 401 for scripts), then builds the call.
    func signedIn(_ request: Request, _ body: (ConsoleCall) async throws -> Response) async throws -> Response {
        guard let session = await gate.session(request) else { return ConsoleGate.unauthenticated(request) }
        let service = try services().acting(as: session.member.actor)
        let theme = try theme(service)
        let text = ConsoleText(theme: theme, language: session.member.language)
        let staffID = session.member.id
        let unread = (try? await gate.staff.offloaded { (staff: StaffService) throws(StaffError) in try staff.unreadNotifications(staffID: staffID) }) ?? 0
        return try await body(ConsoleCall(session: session, service: service, theme: theme, text: text, views: ConsoleViews(text: text, theme: theme),
                                          unread: unread))
    }

    func list(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        try await signedIn(request) { call in
            let query = request.uri.queryParameters
            let status = query.get("status").flatMap(RequestStatus.init(rawValue:))
            let business = query.get("business").flatMap { call.service.businesses.all[$0] == nil ? nil : $0 }
            let search = query.get("q") ?? ""
            let listQuery = RequestListQuery(status: status, business: business, search: search, page: query.get("page").flatMap(Int.init) ?? 1)
            let page: RequestListPage
            do throws(OperationError) { page = try call.service.listPage(listQuery) } catch { throw error }
            var view = call.page(call.text.t("console_requests_title"), returnTo: "/staff/")
            view.list = ConsoleListBuilder(call: call).list(page, query: listQuery)
            return render(call.theme, "console/requests", view)
        }
    }

    func requestPage(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        try await signedIn(request) { call in
            let reference = context.parameters.get("ref") ?? ""
            let details: RequestDetails
            do throws(OperationError) {
                details = try call.service.context(reference)
            } catch {
                if case .notFound = error { return ErrorPage.response(.notFound) }
                throw error
            }
            var view = call.page(reference, returnTo: "/staff/requests/\(Self.path(details.reference.value))")
            view.request = ConsoleListBuilder(call: call).request(details, call.service.overview(details))
            view.request?.deposits = requestDeposits(call, details.reference, businessKey: details.businessKey)
            // What was just done, worded from the ledger, never from the address (a link must not show a false message).
            let lastRefund = details.entries.last { $0.event.kind == "refunded" }.flatMap { entry -> Money? in
                if case .refunded(let refund) = entry.event { return refund.amount }
                return nil
            }
            if let done = request.uri.queryParameters.get("done"), Self.notices.contains(done) {
                view.notice = call.text.t("console_done_\(done)", ["reference": details.reference.value, "customer": details.invoice.customer.name,
                                                                   "amount": lastRefund.map(call.text.money) ?? ""])
            }
            return render(call.theme, "console/request", view)
        }
    }

    /// The printable receipt customers get, in the staff member's language (Print and Download PDF).
    func receipt(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        try await signedIn(request) { call in
            let details: RequestDetails
            do throws(OperationError) { details = try call.service.context(context.parameters.get("ref") ?? "") } catch {
                return ErrorPage.response(.notFound)
            }
            guard details.state.status.wasPaid else { return ConsoleGate.redirect("/staff/requests/\(Self.path(details.reference.value))") }
            return ConsoleGate.redirect("/p/\(details.row.token.value)/receipt/\(call.text.language.rawValue)/")
        }
    }

    /// The notices a redirect after an action may ask for.
    static let notices: Set<String> = ["remind", "refund", "void", "mark_paid", "send", "terminal", "created", "created_opted_out", "sent_new"]

    /// A reference in a URL path (references are `A–Z a–z 0–9 . _ -`: nothing to escape).
    static func path(_ reference: String) -> String { reference }
}

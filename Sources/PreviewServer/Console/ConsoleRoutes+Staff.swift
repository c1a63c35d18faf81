import Billing
import Foundation
import HTTPTypes
import Hummingbird
import Operations
import StaffAccess
import Store

/// `/staff/staff`, owners only: add, remove, a new password, a second factor reset, through the
/// same `StaffService` calls as `paypage staff` (the last owner stays; sessions end).
extension ConsoleRoutes {
    /// Owners only: a clerk gets a plain 403 page.
    func asOwner(_ request: Request, _ body: @escaping (ConsoleCall) async throws -> Response) async throws -> Response {
        try await signedIn(request) { call in
            guard call.session.member.isOwner else {
                var view = call.page(call.text.t("console_staff_title"), returnTo: "/staff/")
                view.alert = call.text.t("console_staff_owners_only")
                return render(call.theme, "console/owners-only", view, status: .forbidden)
            }
            return try await body(call)
        }
    }

    func staffPage(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        try await asOwner(request) { call in
            var notice: String?
            if let added = request.uri.queryParameters.get("added").flatMap({ Int64($0) }), let member = try? gate.staff.account(id: added) {
                notice = call.text.t("console_staff_done_added", ["name": member.member.name])
            } else if request.uri.queryParameters.get("done") == "removed" {
                notice = call.text.t("console_staff_done_removed")
            }
            return try await staffList(call, notice: notice)
        }
    }

    func addStaff(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        let form = try await Self.form(request)
        return try await asOwner(request) { call in
            guard call.session.accepts(csrfToken: form["csrf"]) else { return try await forbidden(call.session) }
            let name = form["name"] ?? ""
            let role = StaffRole(rawValue: form["role"] ?? "") ?? .clerk
            let language = Language(rawValue: form["language"] ?? "") ?? call.session.member.language
            let password = form["password"] ?? ""
            do throws(StaffError) {
                let member = try await gate.staff.offloaded { (staff: StaffService) throws(StaffError) in
                    try staff.addAccount(name: name, role: role, language: language, password: password)
                }
                return ConsoleGate.redirect("/staff/staff?added=\(member.id)")
            } catch {
                return try await staffList(call, form: form, error: call.text.staffRefusal(error), status: .unprocessableContent)
            }
        }
    }

    func memberPage(_ request: Request, _ context: PreviewRequestContext, confirmRemove: Bool) async throws -> Response {
        try await asOwner(request) { call in
            guard let account = member(context) else { return ErrorPage.response(.notFound) }
            let done = request.uri.queryParameters.get("done").flatMap { ["password", "totp"].contains($0) ? $0 : nil }
            return memberView(call, account, confirmRemove: confirmRemove,
                              notice: done.map { call.text.t("console_staff_done_\($0)", ["name": account.member.name]) })
        }
    }

    func resetPassword(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        try await memberAction(request, context) { call, account, form async throws(StaffError) -> MemberOutcome in
            let password = form["password"] ?? ""
            let name = account.member.name
            try await gate.staff.offloaded { (staff: StaffService) throws(StaffError) in _ = try staff.setPassword(named: name, to: password) }
            return .shown(done: "password")
        }
    }

    func resetTOTP(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        let own = ConsoleGate.cookie(ConsoleGate.sessionCookie, in: request)
        return try await memberAction(request, context) { call, account, _ async throws(StaffError) -> MemberOutcome in
            let name = account.member.name
            try await gate.staff.offloaded { (staff: StaffService) throws(StaffError) in _ = try staff.resetTOTP(named: name, keeping: own) }
            return .shown(done: "totp")
        }
    }

    func removeStaff(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        try await memberAction(request, context) { call, account, _ async throws(StaffError) -> MemberOutcome in
            let name = account.member.name
            try await gate.staff.offloaded { (staff: StaffService) throws(StaffError) in _ = try staff.removeAccount(named: name) }
            return .removed
        }
    }

    /// Where a change on one account leads: back to its page with a notice, or to the list.
    enum MemberOutcome {
        case shown(done: String)
        case removed
    }

    /// A POST on one account: owner, CSRF, the call, then back to the account (or the list once removed).
    private func memberAction(_ request: Request, _ context: PreviewRequestContext,
                              _ body: @escaping (ConsoleCall, StaffAccount, FormBody) async throws(StaffError) -> MemberOutcome) async throws -> Response {
        let form = try await Self.form(request)
        return try await asOwner(request) { call in
            guard call.session.accepts(csrfToken: form["csrf"]) else { return try await forbidden(call.session) }
            guard let account = member(context) else { return ErrorPage.response(.notFound) }
            do throws(StaffError) {
                switch try await body(call, account, form) {
                case .shown(let done):
                    return ConsoleGate.redirect("/staff/staff/\(account.member.id)?done=\(done)")
                case .removed:
                    // Removing oneself ends one's own session too.
                    guard account.member.id != call.session.member.id else { return ConsoleGate.redirect("/staff/sign-in") }
                    return ConsoleGate.redirect("/staff/staff?done=removed")
                }
            } catch {
                let status: HTTPResponse.Status = if case .invalidPassword = error { .unprocessableContent } else { .conflict }
                return memberView(call, account, confirmRemove: false, notice: nil, error: call.text.staffRefusal(error), status: status)
            }
        }
    }

    private func member(_ context: PreviewRequestContext) -> StaffAccount? {
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }) else { return nil }
        return try? gate.staff.account(id: id)
    }

    private func staffList(_ call: ConsoleCall, notice: String? = nil, form: FormBody = FormBody(fields: [:]), error: String? = nil,
                           status: HTTPResponse.Status = .ok) async throws -> Response {
        let accounts = try await gate.staff.offloaded { (staff: StaffService) throws(StaffError) in try staff.accounts() }
        var view = call.page(call.text.t("console_staff_title"), returnTo: "/staff/staff")
        view.notice = notice
        view.staffPage = ConsoleStaffBuilder(text: call.text, zone: call.service.businesses.main.timeZone).page(accounts, csrf: call.session.csrfToken, form: form, error: error,
                                                                  defaultLanguage: call.session.member.language)
        return render(call.theme, "console/staff", view, status: status)
    }

    private func memberView(_ call: ConsoleCall, _ account: StaffAccount, confirmRemove: Bool, notice: String?, error: String? = nil,
                            status: HTTPResponse.Status = .ok) -> Response {
        var view = call.page(account.member.name, returnTo: "/staff/staff/\(account.member.id)")
        view.notice = notice
        view.staffMember = ConsoleStaffBuilder(text: call.text, zone: call.service.businesses.main.timeZone).member(account, csrf: call.session.csrfToken, confirmRemove: confirmRemove,
                                                                      error: error)
        return render(call.theme, "console/staff-member", view, status: status)
    }
}

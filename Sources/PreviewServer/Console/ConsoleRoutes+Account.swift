import Billing
import Foundation
import HTTPTypes
import Hummingbird
import StaffAccess

/// `/staff/account`: every staff member changes their own password (the current one required;
/// their other sessions end) and language (the bar's `/staff/language` form).
extension ConsoleRoutes {
    func accountPage(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        try await signedIn(request) { call in
            let notice = request.uri.queryParameters.get("done") == "password" ? call.text.t("console_account_done_password") : nil
            return try await accountView(call, notice: notice, error: nil, status: .ok)
        }
    }

    func changeOwnPassword(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        let form = try await Self.form(request)
        let own = ConsoleGate.cookie(ConsoleGate.sessionCookie, in: request) ?? ""
        return try await signedIn(request) { call in
            guard call.session.accepts(csrfToken: form["csrf"]) else { return try await forbidden(call.session) }
            let name = call.session.member.name
            let current = form["current"] ?? "", new = form["password"] ?? ""
            do throws(StaffError) {
                try await gate.staff.offloaded { (staff: StaffService) throws(StaffError) in
                    _ = try staff.changeOwnPassword(named: name, current: current, new: new, keeping: own)
                }
                return ConsoleGate.redirect("/staff/account?done=password")
            } catch {
                let status: HTTPResponse.Status = if case .invalidPassword = error { .unprocessableContent } else { .forbidden }
                return try await accountView(call, notice: nil, error: call.text.staffRefusal(error), status: status)
            }
        }
    }

    private func accountView(_ call: ConsoleCall, notice: String?, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let id = call.session.member.id
        guard let account = try await gate.staff.offloaded({ (staff: StaffService) throws(StaffError) in try staff.account(id: id) }) else {
            return ConsoleGate.redirect("/staff/sign-in")
        }
        var view = call.page(call.text.t("console_account_title"), returnTo: "/staff/account")
        view.notice = notice
        view.account = ConsoleStaffBuilder(text: call.text).account(account, csrf: call.session.csrfToken, error: error)
        return render(call.theme, "console/account", view, status: status)
    }
}

import Billing
import Foundation
import HTTPTypes
import Hummingbird
import Operations
import StaffAccess
import Store

/// Live notifications (`/staff/events`, `/staff/notifications`), the owners' staff page, each
/// person's own account, and the second step of signing in.
extension ConsoleRoutes {
    func addLiveAndStaffRoutes(to router: Router<PreviewRequestContext>) {
        router.get("/staff/events") { request, context in try await self.events(request, context) }
        router.get("/staff/notifications") { request, context in try await self.notificationsPage(request, context) }
        router.post("/staff/notifications/read") { request, context in try await self.markAllRead(request, context) }
        router.get("/staff/sign-in/code") { request, context in try await self.codePage(request, context) }
        router.post("/staff/sign-in/code") { request, context in try await self.submitCode(request, context) }
        router.get("/staff/account") { request, context in try await self.accountPage(request, context) }
        router.post("/staff/account/password") { request, context in try await self.changeOwnPassword(request, context) }
        router.get("/staff/staff") { request, context in try await self.staffPage(request, context) }
        router.post("/staff/staff") { request, context in try await self.addStaff(request, context) }
        router.get("/staff/staff/:id") { request, context in try await self.memberPage(request, context, confirmRemove: false) }
        router.get("/staff/staff/:id/remove") { request, context in try await self.memberPage(request, context, confirmRemove: true) }
        router.post("/staff/staff/:id/remove") { request, context in try await self.removeStaff(request, context) }
        router.post("/staff/staff/:id/password") { request, context in try await self.resetPassword(request, context) }
        router.post("/staff/staff/:id/totp-reset") { request, context in try await self.resetTOTP(request, context) }
    }

    /// The newest payments (50), each read or unread for this staff member, with "mark all read".
    func notificationsPage(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        try await signedIn(request) { call in
            let staffID = call.session.member.id
            let readThrough = (try? await gate.staff.offloaded { (staff: StaffService) throws(StaffError) in
                try staff.notificationsRead(staffID: staffID)
            }) ?? 0
            let notes: [StaffNotification]
            do throws(StoreError) { notes = try call.service.ledger.notifications(limit: 50) } catch { throw OperationError.store(error) }
            let zone = call.service.businesses.main.timeZone
            let items = notes.map { note in
                let payment = LivePayment.make(note, call.service)
                return ConsoleNotifications.Item(text: call.text.livePayment(payment), when: call.text.date(note.at, timeZone: zone),
                                                 href: "/staff/requests/\(payment.reference)", unread: note.id > readThrough,
                                                 statusKey: payment.status.rawValue, statusLabel: call.text.status(payment.status))
            }
            let unread = items.filter(\.unread).count
            var view = call.page(call.text.t("console_live_title"), returnTo: "/staff/notifications")
            if request.uri.queryParameters.get("done") == "read" { view.notice = call.text.t("console_live_done_read") }
            view.notifications = ConsoleNotifications(
                items: items, empty: items.isEmpty,
                summary: unread == 0 ? call.text.t("console_live_none_unread") : call.text.t("console_live_unread", ["count": "\(unread)"]),
                hasUnread: unread > 0, csrf: call.session.csrfToken, readThrough: "\(notes.first?.id ?? 0)")
            return render(call.theme, "console/notifications", view)
        }
    }

    func markAllRead(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        let form = try await Self.form(request)
        return try await signedIn(request) { call in
            guard call.session.accepts(csrfToken: form["csrf"]) else { return try await forbidden(call.session) }
            let staffID = call.session.member.id
            if let through = form["through"].flatMap({ Int64($0) }), through > 0 {
                try await gate.staff.offloaded { (staff: StaffService) throws(StaffError) in
                    try staff.markNotificationsRead(staffID: staffID, through: through)
                }
            }
            return ConsoleGate.redirect("/staff/notifications?done=read")
        }
    }
}

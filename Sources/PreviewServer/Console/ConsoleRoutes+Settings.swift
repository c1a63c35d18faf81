import Billing
import Foundation
import HTTPTypes
import Hummingbird
import Operations
import Store

extension ConsoleRoutes {
    /// `/staff/settings?business=KEY`: one business's settings, for owners.
    func settingsPage(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        try await signedIn(request) { call in
            guard call.session.member.isOwner else { return ownersOnly(call) }
            let query = request.uri.queryParameters
            let key = ConsoleSettingsBuilder.businessKey(query.get("business"), call.service.businesses)
            let settings = call.service.businesses.all[key] ?? call.service.businesses.main
            var view = settingsFrame(call, key: key)
            view.settings = ConsoleSettingsBuilder(call: call).page(key: key, values: SettingsChange(settings))
            // Worded from the files and the outbox, never from the address alone.
            switch query.get("done") {
            case "saved": view.notice = call.text.t("console_settings_saved", ["company": settings.companyName])
            case "unchanged": view.notice = call.text.t("console_settings_unchanged")
            default: break
            }
            if let id = query.get("sent").flatMap(Int64.init),
               let sent = try? call.service.ledger.outbox().last(where: { $0.id == id && $0.kind == "test" }) {
                view.notice = call.text.t("console_settings_test_sent", ["phone": sent.to.display, "text": sent.body])
            }
            return render(call.theme, "console/settings", view)
        }
    }

    /// Saves the settings: checked like `paypage check` checks the file, then written atomically,
    /// then the site rebuilt. Refused: the form again with the errors, nothing written.
    func saveSettings(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        let form = try await Self.form(request)
        return try await signedIn(request) { call in
            guard call.session.member.isOwner else { return ownersOnly(call) }
            guard call.session.accepts(csrfToken: form["csrf"]) else { return try await forbidden(call.session) }
            let key = ConsoleSettingsBuilder.businessKey(form["business"], call.service.businesses)
            let builder = ConsoleSettingsBuilder(call: call)
            let change = ConsoleSettingsBuilder.change(form)
            do throws(OperationError) {
                let changed = try call.service.updateSettings(business: key, change)
                if changed { await afterSettings() }
                return ConsoleGate.redirect("/staff/settings?business=\(key)&done=\(changed ? "saved" : "unchanged")")
            } catch {
                let (fields, other) = builder.errors(error, key: key)
                var view = settingsFrame(call, key: key)
                view.settings = builder.page(key: key, values: change, errors: fields)
                view.alert = other ?? call.text.t("console_settings_not_saved")
                return render(call.theme, "console/settings", view, status: .unprocessableContent)
            }
        }
    }

    /// Queues a test text to any number, through the outbox like every text.
    func sendTestMessage(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        let form = try await Self.form(request)
        return try await signedIn(request) { call in
            guard call.session.member.isOwner else { return ownersOnly(call) }
            guard call.session.accepts(csrfToken: form["csrf"]) else { return try await forbidden(call.session) }
            let key = ConsoleSettingsBuilder.businessKey(form["business"], call.service.businesses)
            let settings = call.service.businesses.all[key] ?? call.service.businesses.main
            let phone = form[ConsoleSettingsBuilder.Name.phone] ?? ""
            let language = form[ConsoleSettingsBuilder.Name.language].flatMap { try? Language(code: $0) }
            var errors: [String: String] = [:]
            var view = settingsFrame(call, key: key)
            let status: HTTPResponse.Status
            do throws(OperationError) {
                let (_, outcome) = try call.service.testMessage(to: phone, reply: nil, language: language, business: key)
                switch outcome {
                case .queued(let id, _): return ConsoleGate.redirect("/staff/settings?business=\(key)&sent=\(id)")
                case .optedOut:
                    view.alert = call.text.t("console_settings_test_opted_out", ["phone": call.text.phone(phone)])
                    status = .conflict
                }
            } catch {
                if case .invalidField("phone", _) = error {
                    errors[ConsoleSettingsBuilder.Name.phone] = call.text.t("console_settings_error_phone")
                    view.alert = call.text.t("console_settings_test_not_sent")
                    status = .unprocessableContent
                } else {
                    view.alert = call.text.refusal(error)
                    status = .conflict
                }
            }
            view.settings = ConsoleSettingsBuilder(call: call).page(key: key, values: SettingsChange(settings), errors: errors,
                                                                    phone: phone, language: language)
            return render(call.theme, "console/settings", view, status: status)
        }
    }

    private func settingsFrame(_ call: ConsoleCall, key: String) -> ConsoleView {
        call.page(call.text.t("console_settings_title"), returnTo: "/staff/settings?business=\(key)")
    }

    /// A clerk asked for the settings: 403, said plainly in their language, nothing read or written.
    private func ownersOnly(_ call: ConsoleCall) -> Response {
        var view = call.page(call.text.t("console_settings_title"), returnTo: "/staff/")
        view.alert = call.text.t("console_settings_owners_only")
        return render(call.theme, "console/settings", view, status: .forbidden)
    }
}

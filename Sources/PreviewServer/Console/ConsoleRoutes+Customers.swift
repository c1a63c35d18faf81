import Billing
import Foundation
import HTTPTypes
import Hummingbird
import Operations

/// `/staff/customers/` (search, pages) and `/staff/customers/ID` (requests, conversation, the
/// send box), `ID` being the phone's digits.
extension ConsoleRoutes {
    func customers(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        try await signedIn(request) { call in
            let query = request.uri.queryParameters
            let search = (query.get("q") ?? "").trimmingCharacters(in: .whitespaces)
            let page: CustomerListPage
            do throws(OperationError) {
                page = try call.service.customers(search: search, page: query.get("page").flatMap(Int.init) ?? 1)
            } catch { throw error }
            var view = call.page(call.text.t("console_customers_title"), returnTo: "/staff/customers/")
            view.chrome.stylesheets.append(call.views.asset("css/console-compose.css"))
            view.customers = ConsoleCustomerBuilder(call: call).list(page, search: search)
            return render(call.theme, "console/customers", view)
        }
    }

    func customerPage(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        try await signedIn(request) { call in
            guard let profile = Self.profile(call, context) else { return ErrorPage.response(.notFound) }
            let query = request.uri.queryParameters
            let tab = query.get("tab") ?? "invoices"
            var notice: String?
            if query.get("done") == "sent" { notice = call.text.t("console_customer_sent", ["customer": profile.summary.name]) }
            let empty = ConsoleMessagePreview(lang: call.text.language.rawValue, message: nil, segments: nil, encoding: nil, problems: [],
                                              hasProblems: false, linkNote: call.text.t("console_compose_empty"))
            return customerView(call, profile, tab: tab, form: FormBody(fields: [:]), errors: [], preview: empty, notice: notice)
        }
    }

    func customerSend(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        let body = try await Self.form(request)
        return try await signedIn(request) { call in
            guard call.session.accepts(csrfToken: body["csrf"]) else { return try await forbidden(call.session) }
            guard let profile = Self.profile(call, context) else { return ErrorPage.response(.notFound) }
            let about = ConsoleCustomerBuilder.about(body, profile)
            let choice = MessageChoice(reply: body["reply"], text: body["text"])
            if body["step"] == "preview" {
                return customerView(call, profile, tab: "conversation", form: body, errors: [], preview: preview(call, profile, body), notice: nil)
            }
            do throws(OperationError) {
                let (_, _) = try call.service.textCustomer(profile.summary.phone, about: about, choice: choice)
                if let reference = try? call.service.parseReference(about) { await afterChange(reference) }
                return ConsoleGate.redirect("/staff/customers/\(profile.summary.id)?tab=conversation&done=sent")
            } catch {
                // Opted out (or anything refused): said plainly, nothing sent.
                let errors = call.text.formErrors(error)
                let current = (try? call.service.customerProfile(profile.summary.phone)) ?? profile
                return customerView(call, current, tab: "conversation", form: body, errors: errors,
                                    preview: current.optedOut ? nil : preview(call, current, body),
                                    alert: errors.first { $0.field == "alert" }?.message, status: current.optedOut ? .conflict : .unprocessableContent)
            }
        }
    }

    func customerPreview(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        let body = try await Self.form(request)
        return try await signedIn(request) { call in
            guard call.session.accepts(csrfToken: body["csrf"]) else { return try await forbidden(call.session) }
            guard let profile = Self.profile(call, context) else { return ErrorPage.response(.notFound) }
            var view = call.page(call.text.t("console_compose_preview_title"), returnTo: "/staff/customers/\(profile.summary.id)")
            view.preview = preview(call, profile, body)
            return render(call.theme, "console/preview", view)
        }
    }

    private func preview(_ call: ConsoleCall, _ profile: CustomerProfile, _ form: FormBody) -> ConsoleMessagePreview {
        let result: Result<MessagePreview, OperationError>
        do throws(OperationError) {
            result = .success(try call.service.previewCustomerText(profile.summary.phone, about: ConsoleCustomerBuilder.about(form, profile),
                                                                   choice: MessageChoice(reply: form["reply"], text: form["text"])))
        } catch { result = .failure(error) }
        return ConsoleComposeBuilder(call: call).preview(result, waiting: false)
    }

    private func customerView(_ call: ConsoleCall, _ profile: CustomerProfile, tab: String, form: FormBody, errors: [ConsoleFormError],
                              preview: ConsoleMessagePreview?, notice: String? = nil, alert: String? = nil,
                              status: HTTPResponse.Status = .ok) -> Response {
        var view = call.page(profile.summary.name, returnTo: "/staff/customers/\(profile.summary.id)")
        view.chrome.scripts.append(call.views.asset("js/console-compose.js"))
        view.chrome.stylesheets.append(call.views.asset("css/console-compose.css"))
        view.customer = ConsoleCustomerBuilder(call: call).profile(profile, tab: tab, form: form, errors: errors, preview: preview)
        view.notice = notice
        view.alert = alert
        return render(call.theme, "console/customer", view, status: status)
    }

    private static func profile(_ call: ConsoleCall, _ context: PreviewRequestContext) -> CustomerProfile? {
        guard let phone = try? call.service.customerPhone(id: context.parameters.get("id") ?? "") else { return nil }
        return try? call.service.customerProfile(phone)
    }
}

import Billing
import Foundation
import HTTPTypes
import Hummingbird
import Operations

/// `/staff/requests/new`: the form (GET, with `?customer=ID`, `?invoice=REF`, `?find=…`), its
/// submit (POST: Preview, Create and copy the link, or Send to customer) and the preview fragment.
extension ConsoleRoutes {
    func newRequestForm(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        try await signedIn(request) { call in
            let query = request.uri.queryParameters
            var fields: [String: String] = [:]
            for name in ["find", "name", "phone", "language", "business", "kind", "reference", "amount", "invoice", "reply", "text"] {
                if let value = query.get(name) { fields[name] = value }
            }
            if let invoice = fields["invoice"], !invoice.isEmpty { fields["kind"] = "invoice" }
            if let id = query.get("customer"), let phone = try? call.service.customerPhone(id: id),
               let profile = try? call.service.customerProfile(phone) {
                fields["name"] = fields["name"] ?? profile.summary.name
                fields["phone"] = fields["phone"] ?? profile.summary.phone.display
                fields["language"] = fields["language"] ?? profile.language.rawValue
            }
            var found: [CustomerSummary]?
            if let find = fields["find"]?.trimmingCharacters(in: .whitespaces), !find.isEmpty {
                found = try? call.service.customers(search: find, page: 1, pageSize: 10).rows
            }
            let form = NewRequestForm(form: FormBody(fields: fields))
            let builder = ConsoleNewRequestBuilder(call: call)
            return newRequestPage(call, builder.page(form, errors: [], preview: builder.preview(form), found: found))
        }
    }

    func newRequestSubmit(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        let body = try await Self.form(request)
        return try await signedIn(request) { call in
            guard call.session.accepts(csrfToken: body["csrf"]) else { return try await forbidden(call.session) }
            let form = NewRequestForm(form: body)
            let builder = ConsoleNewRequestBuilder(call: call)
            let step = body["step"] ?? "preview"
            guard step == "copy" || step == "send" else {
                return newRequestPage(call, builder.page(form, errors: [], preview: builder.preview(form), found: nil))
            }
            let send = step == "send"
            do throws(OperationError) {
                let created = form.isInvoice ? try call.service.requestInvoice(form.invoice, choice: form.choice, send: send)
                                             : try call.service.create(form.quick(send: send))
                await afterChange(created.reference)
                let done = switch created.outcome {
                case nil: "created"
                case .optedOut?: "created_opted_out"
                case .queued?: "sent_new"
                }
                return ConsoleGate.redirect("/staff/requests/\(Self.path(created.reference.value))?done=\(done)")
            } catch {
                var errors = call.text.formErrors(error)
                if form.isInvoice && form.invoice.isEmpty, case .invalidField("reference", _) = error {
                    errors = [.init(field: "invoice", message: call.text.t("console_new_error_invoice"))]
                }
                var page = builder.page(form, errors: errors, preview: builder.preview(form), found: nil)
                page.errors = errors.filter { $0.field != "alert" }
                page.hasErrors = !page.errors.isEmpty
                return newRequestPage(call, page, alert: errors.first { $0.field == "alert" }?.message, status: .unprocessableContent)
            }
        }
    }

    /// The preview alone (an HTML fragment), for the compose script; the same code as the page's.
    func newRequestPreview(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        let body = try await Self.form(request)
        return try await signedIn(request) { call in
            guard call.session.accepts(csrfToken: body["csrf"]) else { return try await forbidden(call.session) }
            var view = call.page(call.text.t("console_compose_preview_title"), returnTo: "/staff/requests/new")
            view.preview = ConsoleNewRequestBuilder(call: call).preview(NewRequestForm(form: body))
            return render(call.theme, "console/preview", view)
        }
    }

    private func newRequestPage(_ call: ConsoleCall, _ page: ConsoleNewRequest, alert: String? = nil,
                                status: HTTPResponse.Status = .ok) -> Response {
        var view = call.page(call.text.t("console_new_title"), returnTo: "/staff/requests/new")
        view.chrome.scripts.append(call.views.asset("js/console-compose.js"))
        view.chrome.stylesheets.append(call.views.asset("css/console-compose.css"))
        view.newRequest = page
        view.alert = alert
        return render(call.theme, "console/new-request", view, status: status)
    }
}

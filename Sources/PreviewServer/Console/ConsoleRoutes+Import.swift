import Billing
import Foundation
import HTTPTypes
import Hummingbird
import Importing
import Operations
import Store

extension ConsoleRoutes {
    static let importPath = "/staff/import"
    /// The largest upload (the whole form): the only body over the server's usual limit, taken
    /// only after the session and the CSRF token (the form's first field) are checked.
    static let importLimit = 5 * 1024 * 1024
    static let mappingFormat = "mapping"

    /// `/staff/import`: the empty form.
    func importPage(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        try await signedIn(request) { call in
            var view = call.page(call.text.t("console_import_title"), returnTo: Self.importPath)
            view.chrome.stylesheets.append(call.views.asset("css/import.css"))
            view.importing = ConsoleImportBuilder(call: call).form()
            return render(call.theme, "console/import", view)
        }
    }

    /// The upload: read (session, then token, then the raised limit), imported through the same
    /// `Importer` as `paypage import`, the changed requests' pages rebuilt, and the report shown.
    /// Sending the form again is harmless: the same file imports as unchanged.
    func importSubmit(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        try await signedIn(request) { call in
            let builder = ConsoleImportBuilder(call: call)
            func page(_ importing: ConsoleImport, alert: String? = nil, status: HTTPResponse.Status) -> Response {
                var view = call.page(call.text.t("console_import_title"), returnTo: Self.importPath)
                view.chrome.stylesheets.append(call.views.asset("css/import.css"))
                view.importing = importing
                view.alert = alert
                return render(call.theme, "console/import", view, status: status)
            }
            guard let reader = FormUploadReader(contentType: request.headers[.contentType], smallLimit: PreviewRequestContext.maxBodySize,
                                                largeLimit: Self.importLimit) else {
                return page(builder.form(), alert: call.text.upload(.notMultipart), status: .badRequest)
            }
            let upload: FormUpload
            do {
                upload = try await reader.read(request.body, declaredLength: request.headers[.contentLength].flatMap { Int($0) },
                                               acceptsToken: { call.session.accepts(csrfToken: $0) })
            } catch let problem as UploadProblem {
                switch problem {
                case .forbidden: return try await forbidden(call.session)
                case .tooLarge: return page(builder.form(), alert: call.text.upload(problem), status: .contentTooLarge)
                default: return page(builder.form(), alert: call.text.upload(problem), status: .badRequest)
                }
            }
            let options: Importer.Options
            let file: FormUpload.File
            switch Self.importOptions(upload, call.text) {
            case .failure(let refusal): return page(builder.form(upload, error: refusal.message), alert: refusal.message, status: .unprocessableContent)
            case .success(let chosen): (file, options) = chosen
            }
            let service = call.service
            let importer = Importer(paths: service.paths, businesses: service.businesses, ledger: service.ledger, clock: service.clock)
            let report: ImportReport
            do throws(ImportError) { report = try importer.run(file.bytes, fileName: file.fileName, options: options) } catch {
                let message = call.text.reason(error)
                if case .store = error { return page(builder.form(upload), alert: message, status: .internalServerError) }
                return page(builder.form(upload, error: message), alert: message, status: .unprocessableContent)
            }
            if !options.dryRun {
                for reference in report.changedReferences { await afterChange(reference) }
            }
            let status: HTTPResponse.Status = report.hasFailures ? .unprocessableContent : .ok
            return page(builder.form(upload, report: builder.report(report)), status: status)
        }
    }

    /// A form that cannot be imported, said plainly.
    struct ImportRefusal: Error {
        var message: String
    }

    /// The file and the options the form chose, or what is missing.
    static func importOptions(_ upload: FormUpload, _ text: ConsoleText) -> Result<(FormUpload.File, Importer.Options), ImportRefusal> {
        guard let file = upload.files["file"], !file.bytes.isEmpty else {
            return .failure(ImportRefusal(message: text.t("console_import_e_no_file")))
        }
        var layout = ImportLayout.roCSV
        if upload["format"] == mappingFormat {
            guard let mapping = upload.files["mapping"], !mapping.bytes.isEmpty else {
                return .failure(ImportRefusal(message: text.t("console_import_e_no_mapping")))
            }
            do throws(RecordErrors) { layout = try MappingFile.layout(Data(mapping.bytes), file: mapping.fileName) } catch {
                let detail = error.errors.map(\.description).joined(separator: "; ")
                return .failure(ImportRefusal(message: text.t("console_import_e_mapping", ["detail": detail])))
            }
        }
        let prefix = nonEmpty(upload["prefix"])
        let business = nonEmpty(upload["business"])
        let named = file.fileName.isEmpty ? "export" : file.fileName
        return .success((FormUpload.File(fileName: named, bytes: file.bytes),
                         Importer.Options(business: business, prefix: prefix, layout: layout, dryRun: upload["dryRun"] == "yes")))
    }
}

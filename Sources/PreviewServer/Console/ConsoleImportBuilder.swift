import Billing
import Importing
import Store

/// The import page's view: the form (kept as the staff member filled it) and the report.
struct ConsoleImportBuilder {
    let call: ConsoleCall
    var text: ConsoleText { call.text }

    /// The form; `upload` keeps the choices of the form just sent.
    func form(_ upload: FormUpload? = nil, error: String? = nil, report: ConsoleImport.Report? = nil) -> ConsoleImport {
        let businesses = call.service.businesses
        let chosen = upload?["business"] ?? Businesses.mainKey
        let keys = businesses.all.keys.sorted { ($0 == Businesses.mainKey ? "" : $0) < ($1 == Businesses.mainKey ? "" : $1) }
        let options = keys.map { ConsoleView.Option(value: $0, label: businesses.all[$0]?.companyName ?? $0, selected: $0 == chosen) }
        let mapping = upload?["format"] == ConsoleRoutes.mappingFormat
        let formats = [
            ConsoleView.Option(value: "ro-csv", label: text.t("console_import_format_ro_csv"), selected: !mapping),
            ConsoleView.Option(value: ConsoleRoutes.mappingFormat, label: text.t("console_import_format_mapping"), selected: mapping),
        ]
        return ConsoleImport(csrf: call.session.csrfToken, action: ConsoleRoutes.importPath, limit: text.importLimit, businesses: options,
                             hasBusinesses: options.count > 1, prefix: upload?["prefix"] ?? "", formats: formats,
                             dryRun: upload?["dryRun"] == "yes", error: error, report: report)
    }

    func report(_ report: ImportReport) -> ConsoleImport.Report {
        let dry = report.dryRun
        let delimiter = report.delimiter == "\t" ? text.t("console_import_tab") : text.t("console_import_quoted", ["text": String(report.delimiter)])
        var facts = [
            fact("console_import_fact_layout", report.layout),
            fact("console_import_fact_encoding", text.t("console_import_encoding", ["encoding": report.encoding.displayName,
                                                                                    "reason": text.encodingReason(report.encodingReason)])),
            fact("console_import_fact_delimiter", report.separatorLine ? text.t("console_import_sep_line", ["delimiter": delimiter]) : delimiter),
            fact("console_import_fact_business", call.service.businesses.all[report.businessKey]?.companyName ?? report.businessKey),
            fact("console_import_fact_lines", "\(report.rows)"),
        ]
        if !report.ignoredColumns.isEmpty { facts.append(fact("console_import_fact_ignored", report.ignoredColumns.joined(separator: ", "))) }
        let counts = [ImportReport.Outcome.created, .updated, .unchanged, .frozen, .refused].map { outcome in
            ConsoleList.Total(label: text.outcome(outcome, dryRun: dry), value: "\(report.count(outcome))")
        }
        return ConsoleImport.Report(
            heading: text.t(dry ? "console_import_preview_of" : "console_import_report_of", ["file": report.file]), dryRun: dry,
            facts: facts, counts: counts, summary: summary(report), failed: report.hasFailures,
            orders: report.orders.map { order($0, dryRun: dry) }, hasOrders: !report.orders.isEmpty, problems: report.problems.map(issue), hasProblems: !report.problems.isEmpty)
    }

    private func order(_ order: ImportReport.Order, dryRun: Bool) -> ConsoleImport.Order {
        let registered = order.link != nil
        let new = order.outcome == .created && !dryRun
        return ConsoleImport.Order(
            reference: order.reference, outcomeKey: order.outcome.rawValue, outcomeLabel: text.outcome(order.outcome, dryRun: dryRun),
            lines: text.t(order.lines.count == 1 ? "console_import_line" : "console_import_lines", ["lines": ImportReport.ranges(order.lines)]),
            total: order.outcome == .refused ? nil : order.total.map(text.money),
            detail: order.outcome == .frozen ? text.t("console_import_frozen_detail", ["status": order.status.map(text.status) ?? ""]) : nil,
            href: registered ? "/staff/requests/\(order.reference)" : nil,
            sendHref: new ? "/staff/requests/new?invoice=\(order.reference)" : nil,
            sendLabel: new ? text.t("console_import_send", ["reference": order.reference]) : nil,
            issues: order.issues.map(issue), hasIssues: !order.issues.isEmpty)
    }

    /// `garage.csv:14: unit_price ("Prix unitaire")`: the file, line and column, as the CLI says them.
    private func issue(_ issue: ImportIssue) -> ConsoleImport.Issue {
        var place = issue.file + (issue.line.map { ":\($0)" } ?? "")
        if let column = issue.column {
            place += ": \(column.rawValue)"
            if let label = issue.columnLabel, ImportColumn.normalized(label) != column.rawValue { place += " (\(label))" }
        } else if let label = issue.columnLabel {
            place += ": \(label)"
        }
        return ConsoleImport.Issue(place: place, text: text.problem(issue.problem))
    }

    private func summary(_ report: ImportReport) -> String {
        if report.orders.isEmpty { return text.t(report.problems.isEmpty ? "console_import_none_empty" : "console_import_none_unreadable") }
        if report.orders.allSatisfy({ $0.outcome == .unchanged }), report.problems.isEmpty {
            return text.t("console_import_nothing_changed", ["count": "\(report.orders.count)"])
        }
        if report.dryRun { return text.t("console_import_dry_summary") }
        return text.t(report.hasFailures ? "console_import_done_failures" : "console_import_done")
    }

    private func fact(_ key: String, _ value: String) -> ConsoleList.Total {
        ConsoleList.Total(label: text.t(key), value: value)
    }
}

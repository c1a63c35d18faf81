import Billing
import Foundation
import Store

/// Imports repair-order exports as invoice records: the one entry point for the command line,
/// the console's upload and the drop folder. Takes the file's bytes, returns the report.
package struct Importer: Sendable {
    package struct Options: Sendable {
        /// A key of `Records/businesses/`; nil is the main business.
        package var business: String?
        /// Put before every RO number to make the reference (`VL-` + `4411`).
        package var prefix: String?
        package var layout: ImportLayout
        /// Report what would be created, updated or refused; write nothing.
        package var dryRun: Bool

        package init(business: String? = nil, prefix: String? = nil, layout: ImportLayout = .roCSV, dryRun: Bool = false) {
            self.business = business
            self.prefix = prefix
            self.layout = layout
            self.dryRun = dryRun
        }
    }

    package let paths: WorkspacePaths
    package let businesses: Businesses
    /// nil when the workspace has no ledger yet and this importer only reads (a dry run).
    package let ledger: Ledger?
    package let clock: @Sendable () -> Date

    package init(paths: WorkspacePaths, businesses: Businesses, ledger: Ledger?, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.paths = paths
        self.businesses = businesses
        self.ledger = ledger
        self.clock = clock
    }

    /// Loads the businesses and opens the ledger; `readOnly` does not create a missing ledger.
    package static func open(_ paths: WorkspacePaths, readOnly: Bool = false) throws(ImportError) -> Importer {
        let businesses: Businesses
        do { businesses = try RecordsReader(workspace: paths.root).loadBusinesses() } catch { throw .records(error.errors) }
        if readOnly && !FileManager.default.fileExists(atPath: paths.ledger.path) {
            return Importer(paths: paths, businesses: businesses, ledger: nil)
        }
        do { return Importer(paths: paths, businesses: businesses, ledger: try Ledger(fileURL: paths.ledger)) } catch {
            throw .store(error)
        }
    }

    /// Reads the export and imports every RO without a problem; `fileName` names it in messages.
    package func run(_ bytes: [UInt8], fileName: String, options: Options) throws(ImportError) -> ImportReport {
        let businessKey = options.business ?? Businesses.mainKey
        guard let business = businesses.settings(for: businessKey) else {
            throw .unknownBusiness(businessKey, known: businesses.keys)
        }
        let prefix = options.prefix ?? ""
        if !prefix.isEmpty, !Reference.isValid(prefix) { throw .invalidPrefix(prefix) }
        let layout = options.layout
        let decoded = ExportTextDecoder.decode(bytes, declared: layout.encoding)
        let table = DelimitedReader(delimiter: layout.delimiter).read(decoded.text)
        var report = ImportReport(file: fileName, layout: layout.name, encoding: decoded.encoding, encodingReason: decoded.reason,
                                  delimiter: table.delimiter, separatorLine: table.hasSeparatorLine, dryRun: options.dryRun,
                                  businessKey: businessKey)
        func fatal(_ line: Int?, _ problem: ImportProblem) -> ImportReport {
            report.problems.append(ImportIssue(file: fileName, line: line, problem: problem))
            return report
        }
        if decoded.hasNULs { return fatal(nil, .nulBytes) }
        if let quote = table.unterminatedQuote { return fatal(quote.line, .unterminatedQuote(column: quote.column)) }
        let header = layout.headerRows > 0 && table.rows.count >= layout.headerRows ? table.rows[layout.headerRows - 1] : nil
        let columns = ColumnResolver(layout: layout).resolve(header: header?.fields)
        if !columns.missing.isEmpty { return fatal(header?.line ?? 1, .missingColumns(columns.missing)) }
        if let header {
            let used = Set(columns.columns.values.map(\.index) + columns.meta.values.map(\.index))
            report.ignoredColumns = header.fields.enumerated()
                .filter { !used.contains($0.offset) && !$0.element.trimmingCharacters(in: .whitespaces).isEmpty }.map(\.element)
        }
        let dataRows = Array(table.rows.dropFirst(layout.headerRows))
        guard !dataRows.isEmpty else { return fatal(nil, .noRows) }
        report.rows = dataRows.count

        let parser = LineParser(file: fileName, layout: layout, columns: columns, currency: business.currency)
        var lines = dataRows.map(parser.parse)
        report.problems += attachBadBytes(decoded, rows: dataRows, to: &lines, file: fileName)
        let headers = columns.columns.compactMapValues(\.header)
        let (orders, orphans) = RepairOrder.group(lines, file: fileName, headers: headers)
        report.problems += orphans.flatMap(\.issues)

        let builder = RecordBuilder(file: fileName, layout: layout, businessKey: businessKey, business: business, headers: headers)
        let files = existingRecordFiles()
        let plans = orders.map { order in
            let (checked, reference) = draft(order, prefix: prefix, builder: builder, headers: headers)
            return plan(checked, reference: reference, builder: builder, existingFiles: files)
        }
        report.orders = try apply(plans, business: business, fileName: fileName, dryRun: options.dryRun)
        return report
    }

    /// Undecodable bytes belong to the row whose lines hold them; elsewhere (the header) to the file.
    private func attachBadBytes(_ decoded: DecodedText, rows: [DelimitedRow], to lines: inout [ExportLine], file: String) -> [ImportIssue] {
        var loose: [ImportIssue] = []
        for place in decoded.bad {
            let issue = ImportIssue(file: file, line: place.line, problem: .undecodableByte(place.byte, column: place.column, decoded.encoding))
            if let index = rows.firstIndex(where: { ($0.line...$0.lastLine).contains(place.line) }) {
                lines[index].issues.append(issue)
                lines[index].item = nil
            } else {
                loose.append(issue)
            }
        }
        return loose
    }
}

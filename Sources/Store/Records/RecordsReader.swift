import Billing
import Foundation

/// Reads the workspace's `Records/`: businesses and invoices. Problems come back all at once.
package struct RecordsReader: Sendable {
    package let workspace: URL
    private let decoder = RecordDecoder()

    package init(workspace: URL) { self.workspace = workspace }

    package static let businessFile = "Records/business.json"
    package static let businessesFolder = "Records/businesses"
    package static let invoicesFolder = "Records/invoices"
    package static let repliesFile = "Records/replies.json"

    package func url(_ relative: String) -> URL { workspace.appendingPathComponent(relative) }

    package func loadBusinesses() throws(RecordErrors) -> Businesses {
        let validator = BusinessValidator()
        var errors: [RecordError] = []
        var main: BusinessSettings?
        do {
            let record = try decoder.decode(BusinessRecord.self, at: url(Self.businessFile), file: Self.businessFile)
            main = try validator.validate(record, file: Self.businessFile)
        } catch let error as RecordError { errors.append(error) } catch let error as RecordErrors { errors += error.errors } catch {}
        var others: [String: BusinessSettings] = [:]
        for name in jsonFiles(in: Self.businessesFolder) {
            let file = "\(Self.businessesFolder)/\(name)"
            do {
                let record = try decoder.decode(BusinessRecord.self, at: url(file), file: file)
                others[String(name.dropLast(5))] = try validator.validate(record, file: file)
            } catch let error as RecordError { errors.append(error) } catch let error as RecordErrors { errors += error.errors } catch {}
        }
        guard errors.isEmpty, let main else { throw RecordErrors(errors) }
        return Businesses(main: main, others: others)
    }

    /// Every invoice that is valid, and every problem of those that are not.
    package func loadInvoices(businesses: Businesses) -> (invoices: [LoadedInvoice], errors: [RecordError]) {
        var invoices: [LoadedInvoice] = []
        var errors: [RecordError] = []
        var seen: [String: String] = [:]
        for name in jsonFiles(in: Self.invoicesFolder) {
            let file = "\(Self.invoicesFolder)/\(name)"
            switch loadInvoice(file: file, businesses: businesses) {
            case .success(let loaded):
                let key = loaded.invoice.reference.key
                if let other = seen[key] {
                    errors.append(.duplicateReference(file: file, reference: loaded.invoice.reference, other: other))
                    continue
                }
                seen[key] = file
                invoices.append(loaded)
            case .failure(let failure):
                errors += failure.errors
            }
        }
        return (invoices, errors)
    }

    /// `checkFileName: false` lets tests and importers validate a file whose name is not its reference.
    package func loadInvoice(file: String, businesses: Businesses, checkFileName: Bool = true) -> Result<LoadedInvoice, RecordErrors> {
        let data: Data
        do { data = try Data(contentsOf: url(file)) } catch {
            return .failure(RecordErrors([RecordError(file: file, path: "", problem: "cannot be read")]))
        }
        do {
            let record = try decoder.decode(InvoiceRecord.self, from: data, file: file)
            guard let business = businesses.settings(for: record.business) else {
                return .failure(RecordErrors([RecordError(file: file, path: "business", problem: "\"\(record.business ?? "")\" is not a business in \(Self.businessesFolder)/")]))
            }
            let stem = String((file as NSString).lastPathComponent.dropLast(5))
            let invoice = try InvoiceValidator(business: business).validate(record, file: file, expectedReference: checkFileName ? stem : nil)
            return .success(LoadedInvoice(invoice: invoice, businessKey: record.business ?? Businesses.mainKey,
                                          file: file, contentHash: ContentHash.fnv1a(data)))
        } catch let error as RecordError {
            return .failure(RecordErrors([error]))
        } catch let error as RecordErrors {
            return .failure(error)
        } catch {
            return .failure(RecordErrors([RecordError(file: file, path: "", problem: "\(error)")]))
        }
    }

    /// The invoice records' file names (`RO-1001.json`), sorted.
    package func invoiceFileNames() -> [String] { jsonFiles(in: Self.invoicesFolder) }

    /// `*.json` names in a folder, sorted; a missing folder is empty.
    func jsonFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url(folder).path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
    }
}

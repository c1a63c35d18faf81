import Billing
import Foundation
import Store
import Theming

extension SiteBuilder {
    /// Renders and writes the pages of these requests alone, reading only their rows, events and
    /// records: the time from a payment to its receipt does not grow with the number of requests.
    /// Requests it cannot build alone (missing or invalid record) are left to the full pass.
    func writeRequestPages(_ keys: Set<String>, _ options: BuildOptions,
                           writer: OutputWriter) throws(GeneratorError) -> [PageSetKey: Manifest.RequestEntry] {
        let paths = WorkspacePaths(root: workspace)
        let businesses: Businesses
        do { businesses = try RecordsReader(workspace: paths.root).loadBusinesses() } catch { throw .records(error.errors) }
        var fresh: [PageSetKey: Manifest.RequestEntry] = [:]
        let ledger: Ledger
        do { ledger = try Ledger(fileURL: paths.ledger) } catch { throw .store(error) }
        for key in keys.sorted() {
            guard let reference = try? Reference(key),
                  let model = try RequestModels.loadOne(reference, paths: paths, businesses: businesses, ledger: ledger) else { continue }
            let themeName = options.themeOverride ?? businesses.settings(for: model.businessKey)?.theme ?? model.business.theme
            let theme: Theme
            do { theme = try options.themeCache.theme(themeName, themesDirectory: paths.themes) } catch { throw .theme(error) }
            do {
                try PageFactory(theme: theme).render(model) { path, html in writer.write(html, to: "public/" + path) }
            } catch { throw .theme(error) }
            let hash = InputHash.request(model, businessFingerprint: InputHash.business(model.business), themeFingerprint: theme.fingerprint)
            fresh[PageSetKey(reference: model.reference.key)] = Manifest.RequestEntry(hash: hash, token: model.token, receipt: model.hasReceipt)
        }
        return fresh
    }
}

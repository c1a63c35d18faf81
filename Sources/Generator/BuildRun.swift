import Billing
import Foundation
import Store
import Theming

/// One run of ``SiteBuilder``: its inputs, the manifests old and new, and its phases
/// (``BuildPhase``), called in order by `SiteBuilder.run`.
struct BuildRun {
    let options: BuildOptions
    /// The requests a partial build was asked for; nil for a full build.
    let only: Set<String>?
    let output: URL
    let paths: WorkspacePaths
    let writer: OutputWriter
    let businesses: Businesses
    let ledger: Ledger
    let sources: ThemeSources
    let stamp: BuildStamp?
    var old: Manifest
    var manifest = Manifest()
    /// Pages of the requests asked for, written before anything else (the customer waits for them).
    var fresh: [PageSetKey: Manifest.RequestEntry] = [:]
    var summary = BuildSummary()
    var phases = PhaseClock()
    var rendered = 0
    var invalidKeys: Set<String> = []
    var staffIndex: StaffIndex?
    /// Render threads: the option, else one per active core.
    var workers: Int { max(1, options.parallelism ?? ProcessInfo.processInfo.activeProcessorCount) }

    init(_ builder: SiteBuilder, only: Set<String>?, options: BuildOptions) throws(GeneratorError) {
        self.options = options
        self.only = only
        output = builder.outputDirectory(options)
        paths = WorkspacePaths(root: builder.workspace)
        writer = OutputWriter(root: output)
        if let only {
            BuildStamp.remove(in: output)
            let start = phases.now
            fresh = try builder.writeRequestPages(only, options, writer: writer)
            phases.add(.render, phases.now - start, count: fresh.count, unit: "requests")
            options.afterRequestPages?()
        }
        do { businesses = try RecordsReader(workspace: builder.workspace).loadBusinesses() } catch { throw .records(error.errors) }
        let ledgerVersion: Int64
        do {
            ledger = try Ledger(fileURL: paths.ledger)
            ledgerVersion = try ledger.changeVersion()
        } catch { throw .store(error) }
        old = Manifest.load(from: output)
        sources = try ThemeSources(businesses: businesses, options: options, themesDirectory: paths.themes)
        stamp = only != nil ? nil : BuildStamp(workspace: builder.workspace, ledgerVersion: ledgerVersion, themes: sources.fingerprints,
                                               businesses: sources.businessPrints, options: options)
        rendered = fresh.count
    }

    /// ``BuildPhase/stampCheck``: true when nothing changed since the last complete build
    /// (the summary then reports the last build's pages as unchanged).
    mutating func checkStamp() -> Bool {
        let options = options, stamp = stamp, old = old, output = output
        let upToDate = phases.measure(.stampCheck, unit: "requests up to date") {
            guard !options.force, let stamp else { return false }
            return BuildStamp.stored(in: output) == stamp.value && BuildStamp.pagesExist(old, in: output)
        }
        phases.count(.stampCheck, upToDate ? old.requestCount : 0)
        guard upToDate else {
            BuildStamp.remove(in: output)
            return false
        }
        summary.unchanged = old.requests.values.reduce(old.pages.count + old.shared.count) { $0 + $1.pageCount }
        summary.requests = old.requestCount
        summary.skipped = old.skipped
        summary.withoutRecord = old.withoutRecord
        summary.upToDate = true
        return true
    }

    /// ``BuildPhase/prune``: removes the pages of requests no longer built (removed unpaid
    /// records; invalid records keep their pages) and the temporary files of a killed build.
    mutating func prune() {
        let start = phases.now
        var removed = TemporaryFiles.removeStale(in: output).count
        for (key, previous) in old.requests where manifest.requests[key] == nil {
            let reference = String(key.reference)
            if invalidKeys.contains(reference) || (only != nil && !only!.contains(reference)) {
                manifest.requests[key] = previous
                continue
            }
            for file in Manifest.files(key: key, previous) {
                writer.remove(file)
                removed += 1
            }
        }
        phases.add(.prune, phases.now - start, count: removed, unit: "files")
    }

    /// ``BuildPhase/write``: the last page writes, the manifest and the stamp.
    mutating func write() throws(GeneratorError) -> BuildSummary {
        let start = phases.now
        old = Manifest()  // not needed any more: its memory is better spent on saving the new one
        try writer.finish(into: &summary)
        try manifest.save(to: output)
        if let stamp { try stamp.save(in: output) }
        phases.add(.write, phases.now - start, count: summary.written, unit: "files written")
        summary.requests = manifest.requestCount
        summary.rendered = rendered
        summary.phases = phases.reports
        return summary
    }
}

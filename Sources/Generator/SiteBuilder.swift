import Billing
import Dispatch
import Foundation
import Store
import Theming

/// Records + ledger + themes → `Output/`.
///
/// ```
/// Output/public/p/<token>/index.html            language-neutral (customer's language)
/// Output/public/p/<token>/{fr,en}/index.html
/// Output/public/p/<token>/receipt/index.html    when paid (neutral)
/// Output/public/p/<token>/receipt/{fr,en}/index.html
/// Output/public/assets/<theme>/…                fingerprinted
/// Output/public/robots.txt, Output/public/_headers
/// Output/deploy/nginx.conf
/// Output/staff/…, Output/gallery/index.html     staff only (never deployed)
/// Output/.manifest.json                         input hashes for incremental builds
/// ```
///
/// Incremental: each request's inputs (record bytes, ledger events, token, business settings,
/// theme fingerprint, generator version) are hashed; an unchanged request is skipped without
/// rendering. Files are written atomically and only when their bytes change. Rendering runs on
/// every core; pages are written as soon as they are rendered, so memory does not grow with
/// the number of requests.
public struct SiteBuilder: Sendable {
    public let workspace: URL

    public init(workspace: URL) { self.workspace = workspace.standardizedFileURL }

    /// Builds everything.
    public func build(_ options: BuildOptions = BuildOptions()) throws(GeneratorError) -> BuildSummary {
        try run(only: nil, options)
    }

    /// Rebuilds what a change to these requests touches: their pages (removing them when the
    /// request is gone) and the staff pages that list them. Other requests are not looked at.
    public func build(only references: [Reference], _ options: BuildOptions = BuildOptions()) throws(GeneratorError) -> BuildSummary {
        try run(only: Set(references.map(\.key)), options)
    }

    /// Only these requests' own pages (`public/p/<token>/…`), from their row, events and record
    /// alone: what a customer waits for after paying, in a time that does not grow with the
    /// number of requests. The staff lists and the manifest catch up at the next `build`.
    public func buildRequestPages(only references: [Reference], _ options: BuildOptions = BuildOptions()) throws(GeneratorError) -> BuildSummary {
        let clock = ContinuousClock()
        let start = clock.now
        let writer = OutputWriter(root: outputDirectory(options))
        var summary = BuildSummary()
        BuildStamp.remove(in: outputDirectory(options))
        let fresh = try writeRequestPages(Set(references.map(\.key)), options, writer: writer)
        try writer.finish(into: &summary)
        summary.rendered = fresh.count
        summary.duration = clock.now - start
        return summary
    }

    public func outputDirectory(_ options: BuildOptions) -> URL {
        options.outputDirectory ?? WorkspacePaths(root: workspace).output
    }

    private func run(only: Set<String>?, _ options: BuildOptions) throws(GeneratorError) -> BuildSummary {
        let clock = ContinuousClock()
        let start = clock.now
        let output = outputDirectory(options)
        TemporaryFiles.removeStale(in: output)
        let paths = WorkspacePaths(root: workspace)
        let writer = OutputWriter(root: output)
        var summary = BuildSummary()
        // The changed requests' own pages first (the customer is waiting for them), before
        // anything whose cost grows with the site; the staff pages that list them, and the
        // manifest, follow from the whole site below.
        var fresh: [String: Manifest.RequestEntry] = [:]
        if let only {
            BuildStamp.remove(in: output)
            fresh = try writeRequestPages(only, options, writer: writer)
            options.afterRequestPages?()
        }
        let businesses: Businesses
        let ledger: Ledger
        let ledgerVersion: Int64
        do { businesses = try RecordsReader(workspace: workspace).loadBusinesses() } catch { throw .records(error.errors) }
        do {
            ledger = try Ledger(fileURL: paths.ledger)
            ledgerVersion = try ledger.changeVersion()
        } catch { throw .store(error) }
        var old = Manifest.load(from: output)
        let sources = try ThemeSources(businesses: businesses, options: options, themesDirectory: paths.themes)
        let stamp = only != nil ? nil : BuildStamp(workspace: workspace, ledgerVersion: ledgerVersion, themes: sources.fingerprints,
                                                   businesses: sources.businessPrints, options: options)
        if !options.force, let stamp, BuildStamp.stored(in: output) == stamp.value, BuildStamp.pagesExist(old, in: output) {
            // Nothing changed since the last complete build: nothing to read, render or write.
            summary.unchanged = old.requests.reduce(old.pages.count + old.shared.count) { $0 + ($1.value.receipt ? 6 : 3) }
            summary.requests = old.requests.keys.filter { !$0.contains("@") }.count
            summary.skipped = old.skipped
            summary.withoutRecord = old.withoutRecord
            summary.upToDate = true
            summary.duration = clock.now - start
            return summary
        }
        BuildStamp.remove(in: output)
        var manifest = Manifest()
        manifest.shared = sources.writeShared(writer)
        for path in Set(old.shared).subtracting(manifest.shared) { writer.remove(path) }

        let dates = DateFormats()
        let factories = sources.themes.mapValues { PageFactory(theme: $0, dates: dates) }
        let staff = StaffPages(factory: factories[sources.staffThemeName]!, language: businesses.main.defaultLanguage,
                               pageSize: options.staffPageSize, themeFingerprint: sources.staffTheme.fingerprint)
        let workers = max(1, options.parallelism ?? ProcessInfo.processInfo.activeProcessorCount)
        // Sized once: growing by doubling held the old and the new storage at once, for every
        // structure that grows with the site (a few megabytes at 20 000 requests).
        let expected = (try? ledger.requestCount()) ?? 0
        manifest.requests.reserveCapacity(expected * (1 + sources.previewThemes.count))
        var index = try StaffIndex(capacity: expected)
        var stream = RequestStream(paths: paths, businesses: businesses, ledger: ledger)
        stream.workers = workers
        var rendered = fresh.count
        let pipeline = RenderPipeline(workers: workers)
        defer { pipeline.finish() }  // also when a batch fails: no write outlives the build
        try stream.forEachBatch { models throws(GeneratorError) in
            // Formatting the staff rows and hashing the inputs run on every core too; what
            // follows is bookkeeping, in order.
            let prepared = ParallelWork.map(models.count, workers: workers) { i -> (StaffRecord, UInt64?) in
                let model = models[i]
                let theme = sources.themeName(of: model.businessKey)
                let hash = sources.themes[theme].map {
                    InputHash.request(model, businessFingerprint: sources.businessPrint(model), themeFingerprint: $0.fingerprint)
                }
                return (staff.record(model, theme: theme), hash)
            }
            var jobs: [RenderJob] = []
            for (model, (staffRecord, ownHash)) in zip(models, prepared) {
                let ownTheme = staffRecord.theme
                try index.add(staffRecord, createdAt: model.createdAt)
                var variants = [(key: model.reference.key, themeName: ownTheme)]
                for name in sources.previewThemes where name != ownTheme { variants.append(("\(model.reference.key)@\(name)", name)) }
                for variant in variants {
                    let key = variant.key
                    let previous = old.requests[key]
                    if let only, !only.contains(model.reference.key), let previous {
                        manifest.requests[key] = previous
                        writer.countUnchanged(previous.receipt ? 6 : 3)
                        continue
                    }
                    let themePrint = try sources.theme(variant.themeName).fingerprint
                    let hash = variant.themeName == ownTheme ? ownHash : nil
                    let entry = fresh[key] ?? Manifest.RequestEntry(
                        hash: hash ?? InputHash.request(model, businessFingerprint: sources.businessPrint(model), themeFingerprint: themePrint),
                        token: model.token, receipt: model.hasReceipt)
                    let files = Manifest.files(key: key, entry)
                    manifest.requests[key] = entry
                    if let previous {
                        for stale in Set(Manifest.files(key: key, previous)).subtracting(files) { writer.remove(stale) }
                    }
                    // Written above, from the same inputs; or unchanged since the last build.
                    if fresh[key] != nil { continue }
                    if !options.force, previous == entry, FileManager.default.fileExists(atPath: output.appendingPathComponent(files[0]).path) {
                        writer.countUnchanged(files.count)
                        continue
                    }
                    jobs.append(RenderJob(model: model, themeName: variant.themeName, prefix: Manifest.prefix(key: key)))
                }
            }
            rendered += Set(jobs.map(\.model.reference.key)).count
            let batch = jobs
            pipeline.submit(batch.count) { i in
                let job = batch[i]
                do {
                    try factories[job.themeName]!.render(job.model) { path, html in writer.write(html, to: job.prefix + path) }
                } catch let error as ThemeError {
                    writer.fail(.theme(error))
                } catch {
                    writer.fail(.fileSystem(path: job.prefix + "p/" + job.model.token, reason: "\(error)"))
                }
            }
        }
        pipeline.finish()
        // Requests no longer built: removed unpaid records. Invalid records keep their pages.
        for (key, previous) in old.requests where manifest.requests[key] == nil {
            let requestKey = String(key.split(separator: "@").first ?? "")
            if stream.invalidKeys.contains(requestKey) || (only != nil && !only!.contains(requestKey)) {
                manifest.requests[key] = previous
                continue
            }
            for file in Manifest.files(key: key, previous) { writer.remove(file) }
        }
        summary.rendered = rendered
        summary.skipped = stream.invalidMessages
        summary.withoutRecord = stream.withoutRecord
        manifest.skipped = stream.invalidMessages
        manifest.withoutRecord = stream.withoutRecord
        manifest.pages = try StaffPass(staff: staff, theme: sources.staffTheme, writer: writer, output: output, old: old,
                                       force: options.force, workers: workers)
            .run(index: index, ledger: ledger, timeZone: businesses.main.timeZone, previewThemes: sources.previewThemes)
        old = Manifest()  // not needed any more: its memory is better spent on saving the new one
        try writer.finish(into: &summary)
        try manifest.save(to: output)
        if let stamp { try stamp.save(in: output) }
        summary.requests = manifest.requests.keys.filter { !$0.contains("@") }.count
        summary.duration = clock.now - start
        return summary
    }
}

/// A request to render with a theme under `public/` or `gallery/themes/<theme>/`.
struct RenderJob: Sendable {
    var model: RequestModel
    var themeName: String
    var prefix: String
}

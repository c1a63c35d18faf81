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
        let writer = OutputWriter(root: output)
        // The changed requests' own pages first (the customer is waiting for them); the staff
        // pages that list them, and the manifest, follow from the whole site below.
        var fresh: [String: Manifest.RequestEntry] = [:]
        if let only {
            fresh = try writeRequestPages(only, options, writer: writer)
            options.afterRequestPages?()
        }
        let inputs = try SiteInputs.load(workspace: workspace)
        let old = Manifest.load(from: output)
        var manifest = Manifest()
        var summary = BuildSummary()
        summary.skipped = inputs.invalidMessages
        summary.withoutRecord = inputs.withoutRecord

        // Themes: each loaded once per build.
        let themesDirectory = WorkspacePaths(root: workspace).themes
        var themes: [String: Theme] = [:]
        func theme(_ name: String) throws(GeneratorError) -> Theme {
            if let theme = themes[name] { return theme }
            do {
                let loaded = try ThemeCache.shared.theme(name, themesDirectory: themesDirectory)
                themes[name] = loaded
                return loaded
            } catch { throw .theme(error) }
        }
        var themeOfBusiness: [String: String] = [:]
        var businessPrints: [String: String] = [:]
        for key in inputs.businesses.keys {
            let settings = inputs.businesses.all[key]!
            let name = options.themeOverride ?? settings.theme
            _ = try theme(name)
            themeOfBusiness[key] = name
            businessPrints[key] = InputHash.business(settings)
        }
        let staffThemeName = options.themeOverride ?? inputs.businesses.main.theme
        let staffTheme = try theme(staffThemeName)

        // Shared files: assets of every theme used, host rules.
        var shared: [(String, Data)] = []
        for name in themes.keys.sorted() {
            for asset in themes[name]!.assets {
                shared.append(("public/assets/\(name)/\(asset.fingerprintedPath)", asset.data))
            }
        }
        shared.append(("public/robots.txt", Data(HostFiles.robots.utf8)))
        shared.append(("public/_headers", Data(HostFiles.headersFile.utf8)))
        shared.append(("deploy/nginx.conf", Data(HostFiles.nginxSnippet.utf8)))
        for (path, data) in shared { writer.write(data, to: path) }
        manifest.shared = shared.map(\.0).sorted()

        // Request pages: each request with its business's theme under public/, and with every
        // other preview theme under gallery/themes/<theme>/ (designers compare themes there).
        struct Job: Sendable {
            var model: RequestModel
            var files: [String]
            var themeName: String
            /// `public/` or `gallery/themes/<theme>/`.
            var prefix: String
        }
        let previewThemes = options.previewThemes.filter { $0 != options.themeOverride }
        for name in previewThemes {
            for asset in try theme(name).assets {
                let path = "gallery/themes/\(name)/assets/\(name)/\(asset.fingerprintedPath)"
                writer.write(asset.data, to: path)
                manifest.shared.append(path)
            }
        }
        for path in Set(old.shared).subtracting(manifest.shared) { writer.remove(path) }
        var jobs: [Job] = []
        var present = Set<String>()
        for model in inputs.models {
            let ownTheme = themeOfBusiness[model.businessKey] ?? staffThemeName
            let businessPrint = businessPrints[model.businessKey] ?? InputHash.business(model.business)
            var variants = [(key: model.reference.key, themeName: ownTheme, prefix: "public/")]
            for name in previewThemes where name != ownTheme {
                variants.append(("\(model.reference.key)@\(name)", name, "gallery/themes/\(name)/"))
            }
            for variant in variants {
                let key = variant.key
                present.insert(key)
                if let only, !only.contains(model.reference.key), let previous = old.requests[key] {
                    manifest.requests[key] = previous
                    writer.countUnchanged(previous.files.count)
                    continue
                }
                if let entry = fresh[key] {
                    // Written above, from the same inputs.
                    if let previous = old.requests[key] {
                        for stale in Set(previous.files).subtracting(entry.files) { writer.remove(stale) }
                    }
                    manifest.requests[key] = entry
                    continue
                }
                let hash = InputHash.request(model, businessFingerprint: businessPrint, themeFingerprint: try theme(variant.themeName).fingerprint)
                let files = PageFactory.files(model).map { variant.prefix + $0 }
                let entry = Manifest.RequestEntry(hash: hash, token: model.token, files: files)
                if !options.force, let previous = old.requests[key], previous == entry,
                   FileManager.default.fileExists(atPath: output.appendingPathComponent(files[0]).path) {
                    manifest.requests[key] = entry
                    writer.countUnchanged(files.count)
                    continue
                }
                if let previous = old.requests[key] {
                    for stale in Set(previous.files).subtracting(files) { writer.remove(stale) }
                }
                manifest.requests[key] = entry
                jobs.append(Job(model: model, files: files, themeName: variant.themeName, prefix: variant.prefix))
            }
        }
        // Requests no longer built: removed unpaid records. Invalid records keep their pages.
        for (key, previous) in old.requests where !present.contains(key) {
            let requestKey = String(key.split(separator: "@").first ?? "")
            if inputs.invalidKeys.contains(requestKey) || (only != nil && !only!.contains(requestKey)) {
                manifest.requests[key] = previous
                continue
            }
            for file in previous.files { writer.remove(file) }
        }
        let factories = themes.mapValues { PageFactory(theme: $0) }
        let workers = max(1, options.parallelism ?? ProcessInfo.processInfo.activeProcessorCount)
        let requestJobs = jobs
        concurrently(requestJobs.count, workers: workers) { index in
            let job = requestJobs[index]
            do {
                try factories[job.themeName]!.render(job.model) { path, html in writer.write(html, to: job.prefix + path) }
            } catch let error as ThemeError {
                writer.fail(.theme(error))
            } catch {
                writer.fail(.fileSystem(path: job.files[0], reason: "\(error)"))
            }
        }
        summary.rendered = Set(jobs.map(\.model.reference.key)).union(fresh.keys).count
        // Staff pages and the gallery: hashed by their context; only changed ones are rendered.
        let staff = StaffPages(factory: factories[staffThemeName]!, language: inputs.businesses.main.defaultLanguage,
                               pageSize: options.staffPageSize)
        var pageJobs = staff.jobs(models: inputs.models, outbox: inputs.outbox, notifications: inputs.notifications,
                                  themeFingerprint: staffTheme.fingerprint)
        pageJobs.append(staff.galleryJob(models: inputs.models, themeNames: themeOfBusiness, previewThemes: previewThemes,
                                         themeFingerprint: staffTheme.fingerprint))
        var pending: [StaticPageJob] = []
        for job in pageJobs {
            manifest.pages[job.path] = job.hash
            if !options.force, old.pages[job.path] == job.hash, FileManager.default.fileExists(atPath: output.appendingPathComponent(job.path).path) {
                writer.countUnchanged(1)
            } else {
                pending.append(job)
            }
        }
        for path in Set(old.pages.keys).subtracting(manifest.pages.keys) { writer.remove(path) }
        let staffJobs = pending
        concurrently(staffJobs.count, workers: workers) { index in
            let job = staffJobs[index]
            do throws(ThemeError) { writer.write(try job.render(staffTheme), to: job.path) } catch { writer.fail(.theme(error)) }
        }
        try writer.finish(into: &summary)
        try manifest.save(to: output)
        summary.requests = manifest.requests.keys.filter { !$0.contains("@") }.count
        summary.duration = clock.now - start
        return summary
    }

    /// Renders and writes the pages of these requests alone, reading only their rows, events and
    /// records: the time from a payment to its receipt does not grow with the number of requests.
    /// Requests it cannot build alone (missing or invalid record) are left to the full pass.
    private func writeRequestPages(_ keys: Set<String>, _ options: BuildOptions,
                                   writer: OutputWriter) throws(GeneratorError) -> [String: Manifest.RequestEntry] {
        let paths = WorkspacePaths(root: workspace)
        let businesses: Businesses
        do { businesses = try RecordsReader(workspace: paths.root).loadBusinesses() } catch { throw .records(error.errors) }
        var fresh: [String: Manifest.RequestEntry] = [:]
        let ledger: Ledger
        do { ledger = try Ledger(fileURL: paths.ledger) } catch { throw .store(error) }
        for key in keys.sorted() {
            guard let reference = try? Reference(key),
                  let model = try SiteInputs.loadOne(reference, paths: paths, businesses: businesses, ledger: ledger) else { continue }
            let themeName = options.themeOverride ?? businesses.settings(for: model.businessKey)?.theme ?? model.business.theme
            let theme: Theme
            do { theme = try ThemeCache.shared.theme(themeName, themesDirectory: paths.themes) } catch { throw .theme(error) }
            let files = PageFactory.files(model).map { "public/" + $0 }
            do {
                try PageFactory(theme: theme).render(model) { path, html in writer.write(html, to: "public/" + path) }
            } catch { throw .theme(error) }
            let hash = InputHash.request(model, businessFingerprint: InputHash.business(model.business), themeFingerprint: theme.fingerprint)
            fresh[model.reference.key] = Manifest.RequestEntry(hash: hash, token: model.token, files: files)
        }
        return fresh
    }

    /// Runs `body(0..<count)` on `workers` threads, in strides so each worker takes the next index.
    private func concurrently(_ count: Int, workers: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard count > 0 else { return }
        if workers == 1 || count == 1 {
            for i in 0..<count { body(i) }
            return
        }
        let next = IndexCounter()
        DispatchQueue.concurrentPerform(iterations: min(workers, count)) { _ in
            while let index = next.take(below: count) { body(index) }
        }
    }
}

/// Hands out indices to workers, so a slow page does not hold up a fixed share of the work.
private final class IndexCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}

import Foundation
import Store
import Theming

extension BuildRun {
    /// ``BuildPhase/manifestDiff`` and ``BuildPhase/render``, batch by batch: each batch of
    /// requests is compared with the manifest, then rendered on every core while the next
    /// batch is read. Returns the staff pages' renderer, which the staff pass uses next.
    mutating func renderRequests() throws(GeneratorError) -> StaffPages {
        let renderStart = phases.now
        var diffTime = Duration.zero
        manifest.shared = sources.writeShared(writer)
        for path in Set(old.shared).subtracting(manifest.shared) { writer.remove(path) }

        let dates = DateFormats()
        let factories = sources.themes.mapValues { PageFactory(theme: $0, dates: dates) }
        let staff = StaffPages(factory: factories[sources.staffThemeName]!, language: businesses.main.defaultLanguage,
                               pageSize: options.staffPageSize, themeFingerprint: sources.staffTheme.fingerprint)
        // Sized once: growing by doubling would hold the old and the new storage at once.
        let expected = (try? ledger.requestCount()) ?? 0
        manifest.requests.reserveCapacity(expected * (1 + sources.previewThemes.count))
        var index = try StaffIndex(capacity: expected)
        var stream = RequestStream(paths: paths, businesses: businesses, ledger: ledger)
        stream.workers = workers
        var compared = 0
        let pipeline = RenderPipeline(workers: workers)
        defer { pipeline.finish() }  // also when a batch fails: no write outlives the build
        try stream.forEachBatch { models throws(GeneratorError) in
            let diffStart = phases.now
            let jobs = try diff(models, staff: staff, index: &index)
            diffTime += phases.now - diffStart
            compared += models.count
            rendered += Set(jobs.map(\.model.reference.key)).count
            let writer = writer
            pipeline.submit(jobs.count) { i in
                let job = jobs[i]
                do {
                    try factories[job.themeName]!.render(job.model) { path, html in writer.write(html, to: job.key.prefix + path) }
                } catch let error as ThemeError {
                    writer.fail(.theme(error))
                } catch {
                    writer.fail(.fileSystem(path: job.key.prefix + "p/" + job.model.token, reason: "\(error)"))
                }
            }
        }
        pipeline.finish()
        invalidKeys = stream.invalidKeys
        summary.skipped = stream.invalidMessages
        summary.withoutRecord = stream.withoutRecord
        manifest.skipped = stream.invalidMessages
        manifest.withoutRecord = stream.withoutRecord
        staffIndex = index
        phases.add(.manifestDiff, diffTime, count: compared, unit: "requests compared")
        phases.add(.render, phases.now - renderStart - diffTime, count: rendered, unit: "requests rendered")
        return staff
    }

    /// The rest of ``BuildPhase/render``: the staff lists, customers, outbox and gallery.
    mutating func renderStaffPages(_ staff: StaffPages) throws(GeneratorError) {
        guard let index = staffIndex else { return }
        let start = phases.now
        manifest.pages = try StaffPass(staff: staff, theme: sources.staffTheme, writer: writer, output: output, old: old,
                                       force: options.force, workers: workers)
            .run(index: index, ledger: ledger, timeZone: businesses.main.timeZone, previewThemes: sources.previewThemes)
        phases.add(.render, phases.now - start, count: 0, unit: "requests rendered")
    }

    /// ``BuildPhase/manifestDiff`` for one batch: hashes each request's inputs (on every core),
    /// keeps what is unchanged, and returns the page sets to render.
    private mutating func diff(_ models: [RequestModel], staff: StaffPages, index: inout StaffIndex) throws(GeneratorError) -> [RenderJob] {
        let sources = sources
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
            var variants = [(key: PageSetKey(reference: model.reference.key), themeName: ownTheme)]
            for name in sources.previewThemes where name != ownTheme {
                variants.append((PageSetKey(reference: model.reference.key, previewTheme: name), name))
            }
            for (key, themeName) in variants {
                let previous = old.requests[key]
                if let only, !only.contains(model.reference.key), let previous {
                    manifest.requests[key] = previous
                    writer.countUnchanged(previous.pageCount)
                    continue
                }
                let themePrint = try sources.theme(themeName).fingerprint
                let hash = themeName == ownTheme ? ownHash : nil
                let entry = fresh[key] ?? Manifest.RequestEntry(
                    hash: hash ?? InputHash.request(model, businessFingerprint: sources.businessPrint(model), themeFingerprint: themePrint),
                    token: model.token, receipt: model.hasReceipt)
                let files = Manifest.files(key: key, entry)
                manifest.requests[key] = entry
                if let previous {
                    for stale in Set(Manifest.files(key: key, previous)).subtracting(files) { writer.remove(stale) }
                }
                // Written first, from the same inputs; or unchanged since the last build.
                if fresh[key] != nil { continue }
                if !options.force, previous == entry, FileManager.default.fileExists(atPath: output.appendingPathComponent(files[0]).path) {
                    writer.countUnchanged(files.count)
                    continue
                }
                jobs.append(RenderJob(model: model, themeName: themeName, key: key))
            }
        }
        return jobs
    }
}

/// A request's page set to render with a theme, under its key's prefix.
struct RenderJob: Sendable {
    var model: RequestModel
    var themeName: String
    var key: PageSetKey
}

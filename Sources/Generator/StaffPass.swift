import Foundation
import Store
import Theming

/// Builds the gallery (`Output/gallery/`, every request's pages in every theme) a page at a time: each page's context is hashed, an
/// unchanged page is skipped, changed ones are rendered in small parallel batches — so neither
/// the contexts nor the pages of a large site are ever all in memory.
struct StaffPass {
    let staff: StaffPages
    let theme: Theme
    let writer: OutputWriter
    let output: URL
    let old: Manifest
    let force: Bool
    let workers: Int
    /// Pages rendered at once: a few per core. A gallery page holds 200 rows with their links
    /// and renders to over 100 kB, so batches of 32 held most of a 20 000-request gallery.
    var batchSize: Int { 2 * workers }

    init(staff: StaffPages, theme: Theme, writer: OutputWriter, output: URL, old: Manifest, force: Bool, workers: Int) {
        self.staff = staff
        self.theme = theme
        self.writer = writer
        self.output = output
        self.old = old
        self.force = force
        self.workers = workers
    }

    /// Returns every gallery page's path → input hash, for the manifest; deletes pages gone since
    /// (the static staff lists of older builds among them: the console is rendered per request).
    func run(index: StaffIndex, ledger: Ledger, timeZone: TimeZone, previewThemes: [String]) throws(GeneratorError) -> [String: UInt64] {
        var pages: [String: UInt64] = [:]
        var pending: [StaticPageJob] = []
        let pipeline = RenderPipeline(workers: workers)
        defer { pipeline.finish() }  // also when a batch fails: no write outlives the build
        func consider(_ path: String, _ hash: UInt64, _ make: () throws(GeneratorError) -> StaffPages.Render) throws(GeneratorError) {
            pages[path] = hash
            if !force, old.pages[path] == hash, FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path) {
                writer.countUnchanged(1)
                return
            }
            pending.append(StaticPageJob(path: path, render: try make()))
            if pending.count >= batchSize { flush() }
        }
        func flush() {
            let jobs = pending
            pending = []
            let theme = self.theme
            let writer = self.writer
            pipeline.submit(jobs.count) { i in
                let job = jobs[i]
                do throws(ThemeError) { writer.write(try job.render(theme), to: job.path) } catch { writer.fail(.theme(error)) }
            }
        }
        try staff.gallery(index, previewThemes: previewThemes, emit: consider)
        flush()
        pipeline.finish()
        for path in Set(old.pages.keys).subtracting(pages.keys) { writer.remove(path) }
        return pages
    }
}

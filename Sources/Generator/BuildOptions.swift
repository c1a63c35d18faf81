import Foundation

/// How a build runs. The defaults are what `paypage build` wants.
package struct BuildOptions: Sendable {
    /// Where to write; `<workspace>/Output` when nil.
    package var outputDirectory: URL?
    /// Render every business with this theme instead of its own (designer preview).
    package var themeOverride: String?
    /// Extra themes to render every request with, for the gallery (`Output/gallery/themes/<theme>/p/<token>/…`,
    /// linked from `Output/gallery/index.html`). Empty for a deploy build.
    package var previewThemes: [String]
    /// Requests per staff list page.
    package var staffPageSize: Int
    /// Render workers; the number of active cores when nil.
    package var parallelism: Int?
    /// Ignore the manifest and re-render everything (files whose bytes do not change are still not rewritten).
    package var force: Bool
    /// Called by `build(only:)` once those requests' own pages are written, before the staff
    /// pages and the manifest (the benchmark times a payment up to here).
    package var afterRequestPages: (@Sendable () -> Void)?
    /// The time a record must be older than for the build stamp to vouch for it (tests move it).
    package var now: @Sendable () -> Date = { Date() }
    /// The records' signature as a sync just took it, before reading them (`RecordsSignature`):
    /// the build stamp uses it rather than `stat` every record again. An older signature is
    /// always safe: a record changed since makes the next build's signature differ.
    package var recordsSignature: UInt64?
    /// Themes stay loaded here between builds made with these options (the server's rebuilds).
    package var themeCache = ThemeCache()

    package init(outputDirectory: URL? = nil, themeOverride: String? = nil, previewThemes: [String] = [], staffPageSize: Int = 50,
                parallelism: Int? = nil, force: Bool = false) {
        self.outputDirectory = outputDirectory
        self.themeOverride = themeOverride
        self.previewThemes = previewThemes
        self.staffPageSize = max(1, staffPageSize)
        self.parallelism = parallelism
        self.force = force
    }
}

/// What a build did, for the one-line summary `paypage build` prints.
package struct BuildSummary: Sendable, CustomStringConvertible {
    /// Files whose bytes were (re)written.
    package var written: Int = 0
    /// Files left as they were (skipped by hash, or rendered to the same bytes).
    package var unchanged: Int = 0
    /// Files deleted (removed requests, rotated links, stale pages and assets).
    package var removed: Int = 0
    /// Requests with pages after the build.
    package var requests: Int = 0
    /// Requests rendered this time (the others were unchanged by hash).
    package var rendered: Int = 0
    package var duration: Duration = .zero
    /// Nothing changed since the last complete build: nothing was read past the stamp.
    package var upToDate = false
    /// Records the build skipped because they are invalid (`paypage check` explains them);
    /// their existing pages are kept as they were.
    package var skipped: [String] = []
    /// Requests in the ledger whose record is missing and that were never paid: their pages are removed.
    package var withoutRecord: [String] = []
    /// The files written (the first 2 000), relative to the output folder (tests and live reload use it).
    package var writtenFiles: [String] = []
    /// Every file removed, relative to the output folder.
    package var removedFiles: [String] = []
    /// Each phase's time and count, in order (`paypage build --verbose`).
    package var phases: [PhaseReport] = []

    package init() {}

    package var description: String {
        let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        let time = ms >= 1000 ? String(format: "%.2f s", ms / 1000) : String(format: "%.0f ms", ms)
        var line = "built \(requests) request\(requests == 1 ? "" : "s"): \(written) written, \(unchanged) unchanged, \(removed) removed in \(time)"
        if upToDate { line += " (nothing changed since the last build)" }
        if !skipped.isEmpty { line += " (\(skipped.count) invalid record\(skipped.count == 1 ? "" : "s") skipped: run paypage check)" }
        return line
    }
}

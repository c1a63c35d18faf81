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
/// Output/.manifest                              input hashes for incremental builds
/// ```
///
/// Incremental: each request's inputs (record bytes, ledger events, token, business settings,
/// theme fingerprint, generator version) are hashed; an unchanged request is skipped without
/// rendering. Files are written atomically and only when their bytes change. Rendering runs on
/// every core; pages are written as soon as they are rendered, so memory does not grow with
/// the number of requests.
package struct SiteBuilder: Sendable {
    package let workspace: URL

    package init(workspace: URL) { self.workspace = workspace.standardizedFileURL }

    /// Builds everything.
    package func build(_ options: BuildOptions = BuildOptions()) throws(GeneratorError) -> BuildSummary {
        try run(only: nil, options)
    }

    /// Rebuilds what a change to these requests touches: their pages (removing them when the
    /// request is gone) and the staff pages that list them. Other requests are not looked at.
    package func build(only references: [Reference], _ options: BuildOptions = BuildOptions()) throws(GeneratorError) -> BuildSummary {
        try run(only: Set(references.map(\.key)), options)
    }

    /// Only these requests' own pages (`public/p/<token>/…`), from their row, events and record
    /// alone: what a customer waits for after paying, in a time that does not grow with the
    /// number of requests. The staff lists and the manifest catch up at the next `build`.
    package func buildRequestPages(only references: [Reference], _ options: BuildOptions = BuildOptions()) throws(GeneratorError) -> BuildSummary {
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

    package func outputDirectory(_ options: BuildOptions) -> URL {
        options.outputDirectory ?? WorkspacePaths(root: workspace).output
    }

    /// The phases of a build (``BuildPhase``), in order.
    private func run(only: Set<String>?, _ options: BuildOptions) throws(GeneratorError) -> BuildSummary {
        let start = ContinuousClock.now
        var run = try BuildRun(self, only: only, options: options)
        if run.checkStamp() {
            run.summary.phases = run.phases.reports
            run.summary.duration = ContinuousClock.now - start
            return run.summary
        }
        let staff = try run.renderRequests()
        run.prune()
        try run.renderStaffPages(staff)
        var summary = try run.write()
        summary.duration = ContinuousClock.now - start
        return summary
    }
}

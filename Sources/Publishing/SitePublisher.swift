import Billing
import Foundation
import Generator
import Operations
import Store

/// Brings `Output/` up to date: registers new records in the ledger (so they get a link),
/// then builds what changed, under the workspace's build lock. Used by `paypage build`, by
/// every command that changes the ledger, and by the preview server.
package struct SitePublisher: Sendable {
    package let paths: WorkspacePaths
    package var options: BuildOptions

    package init(paths: WorkspacePaths, options: BuildOptions = BuildOptions()) {
        self.paths = paths
        self.options = options
    }

    package struct Result: Sendable {
        package var sync: SyncReport
        package var build: BuildSummary
    }

    /// A full build (incremental by content hash). `wait`: seconds to wait for another build.
    package func publish(wait: TimeInterval = 0) throws(PublishError) -> Result {
        let lock = try takeLock(wait: wait)
        defer { withExtendedLifetime(lock) {} }
        let sync: SyncReport
        do { sync = try RequestService.open(paths).syncRecords() } catch { throw .sync(error) }
        var options = options
        options.recordsSignature = sync.recordsSignature
        do { return Result(sync: sync, build: try SiteBuilder(workspace: paths.root).build(options)) } catch {
            throw .build(error)
        }
    }

    /// Rebuilds what a change to these requests touches (their pages and the staff lists).
    package func publish(only references: [Reference], wait: TimeInterval = 10) throws(PublishError) -> BuildSummary {
        let lock = try takeLock(wait: wait)
        defer { withExtendedLifetime(lock) {} }
        do { return try SiteBuilder(workspace: paths.root).build(only: references, options) } catch {
            throw .build(error)
        }
    }

    /// Only these requests' own pages (what a customer who just paid waits for); the staff
    /// lists and the manifest catch up with the next `publish` (the server's ledger watch).
    /// Without the build lock: a full pass holding it takes seconds on a large site, and the
    /// customer must not wait for it. Each page is replaced atomically from a read made after
    /// the payment's commit; a pass running meanwhile may put back an older page, which the
    /// next `publish` (it sees the ledger changed, and waits for the lock) renders again.
    package func publishRequestPages(only references: [Reference]) throws(PublishError) -> BuildSummary {
        do { return try SiteBuilder(workspace: paths.root).buildRequestPages(only: references, options) } catch {
            throw .build(error)
        }
    }

    private func takeLock(wait: TimeInterval) throws(PublishError) -> WorkspaceLock {
        do { return try WorkspaceLock(paths.privateFolder.appendingPathComponent("build.lock"), timeout: wait) } catch {
            throw .lock(error)
        }
    }
}

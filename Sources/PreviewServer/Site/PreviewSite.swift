import Billing
import Foundation
import Generator
import Messaging
import Operations
import StaffAccess
import Publishing
import Store

/// Wires the preview server to a workspace: builds first, rebuilds on file changes and on
/// ledger changes made by other processes, and runs the checkout against the shared ledger.
package struct PreviewSite: Sendable {
    package let paths: WorkspacePaths
    package let publisher: SitePublisher
    package let ledger: Ledger
    /// The staff console's clock (sessions, lockouts, two-factor codes); tests fix it.
    package var staffClock: @Sendable () -> Date = { Date() }

    package init(paths: WorkspacePaths, options: BuildOptions) throws(OperationError) {
        self.paths = paths
        self.publisher = SitePublisher(paths: paths, options: options)
        _ = try RequestService.open(paths)  // records must load before serving
        do { ledger = try Ledger(fileURL: paths.ledger) } catch { throw .store(error) }
    }

    /// A service with the records as they are now and the shared ledger. Its events are by the
    /// server's system user: callers say who acts (`acting(as: .customer)`, `.staff(name:)`).
    package func service() throws(OperationError) -> RequestService {
        let reader = RecordsReader(workspace: paths.root)
        let businesses: Businesses
        do throws(RecordErrors) { businesses = try reader.loadBusinesses() } catch { throw .records(error.errors) }
        let replies: SavedReplies
        do throws(RecordError) { replies = try RepliesLoader(paths: paths).load() } catch { throw .records([error]) }
        return RequestService(paths: paths, ledger: ledger, businesses: businesses, replies: replies)
    }

    /// The full incremental build, as a live-reload result (a template error keeps the server up).
    package func rebuild() -> RebuildResult {
        do {
            let result = try publisher.publish(wait: 30)
            return .ok(changedCount: result.build.written + result.build.removed)
        } catch {
            return .failed(message: error.description)
        }
    }

    /// The server for this workspace, with the checkout pages and API.
    package func server(_ configuration: PreviewServerConfiguration) -> PreviewServer {
        let site = self
        let hub = ReloadHub(heartbeatInterval: configuration.heartbeatInterval)
        let pool = BlockingPool(threads: configuration.blockingThreads)
        // After a payment or a staff action: that request's pages before the answer. The gallery
        // and manifest follow from `watchLedger`, which sees this change like any other (and
        // reports a failure here with its full rebuild).
        let republish: @Sendable (Reference) async -> Void = { reference in
            _ = try? await pool.perform { () throws(OperationError) in _ = try? site.publisher.publishRequestPages(only: [reference]) }
            await hub.broadcast(.reload)
        }
        // After a business's settings changed: the whole site, incremental (only what they touch is written).
        let republishAll: @Sendable () async -> Void = {
            let result = try? await pool.perform { () throws(OperationError) -> RebuildResult in site.rebuild() }
            if case .ok? = result { await hub.broadcast(.reload) }
        }
        let feed = StaffFeed(pool: pool, services: { () throws(OperationError) in try site.service() },
                             heartbeatInterval: configuration.heartbeatInterval)
        let desk = CheckoutDesk(pool: pool, services: { () throws(OperationError) in try site.service().acting(as: .customer) },
                                afterChange: republish)
        let server = PreviewServer(
            configuration: configuration,
            watchedDirectories: [paths.themes, paths.records],
            rebuild: { _ in site.rebuild() },
            routePrefixes: ["/api", "/checkout", "/staff"],
            hub: hub,
            blockingPool: pool,
            routes: { router in
                CheckoutAPI(desk: desk).add(to: router)
                ConsoleRoutes(gate: ConsoleGate(staff: StaffService(ledger: site.ledger, clock: site.staffClock)),
                              services: { () throws(OperationError) in try site.service() }, themes: site.paths.themes,
                              themeOverride: site.publisher.options.themeOverride, themeCache: site.publisher.options.themeCache,
                              afterChange: republish, afterSettings: republishAll, feed: feed).add(to: router)
                CheckoutPages(desk: desk, themes: site.paths.themes, themeOverride: site.publisher.options.themeOverride,
                              themeCache: site.publisher.options.themeCache).add(to: router)
            })
        return server
    }

    /// Polls the ledger's change counter and rebuilds: another process's `paypage refund`, say,
    /// and this server's own checkout payments (whose staff lists and manifest follow here,
    /// after the customer's own pages). A burst of changes costs one rebuild per poll at most.
    package func watchLedger(hub: ReloadHub, every interval: Duration = .milliseconds(500)) async {
        var seen = (try? ledger.changeVersion()) ?? 0
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            guard let version = try? ledger.changeVersion(), version != seen else { continue }
            seen = version
            if case .ok = rebuild() { await hub.broadcast(.reload) }
        }
    }
}

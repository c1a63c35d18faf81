import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// The local preview server: serves `Output/`, negotiates languages, adds security
/// headers, and (in live-reload mode) rebuilds on change and reloads open pages.
package struct PreviewServer: Sendable {
    /// Where the server listens once bound (the port is the real one when 0 was asked).
    package struct RunningServer: Sendable, Equatable {
        package var host: String
        package var port: Int
        package var baseURL: String {
            let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
            return "http://\(bracketed):\(port)"
        }
    }

    package let configuration: PreviewServerConfiguration
    /// Live-reload events; the CLI may broadcast too (after an API call rebuilt pages).
    package let hub: ReloadHub
    /// Folders whose changes trigger `rebuild` in live-reload mode (themes, records).
    package var watchedDirectories: [URL]
    package var watcherMode: FileWatcher.Mode
    /// The incremental generator, wired by the CLI.
    package var rebuild: @Sendable ([String]) async -> RebuildResult
    /// Adds routes (e.g. the checkout API under `/api/`) to the router; they get the
    /// same security headers and body limit as the static pages.
    package var routes: @Sendable (Router<PreviewRequestContext>) -> Void
    /// Path prefixes left to `routes` instead of the static files.
    package var routePrefixes: [String]
    /// Threads for the routes' blocking work; one of the application's services.
    package let blockingPool: BlockingPool
    /// The static site, made once: the router and the fast path share its file cache.
    let site: StaticSite
    /// Whether static requests are answered in the channel pipeline (`StaticFastPath`) when live
    /// reload is off; tests turn it off to compare with the router's answers.
    var usesStaticFastPath = true
    /// Requests answered by the fast path, for tests.
    let fastPathCounter = StaticFastPath.Counter()

    package init(
        configuration: PreviewServerConfiguration,
        watchedDirectories: [URL] = [],
        watcherMode: FileWatcher.Mode = .automatic,
        rebuild: @escaping @Sendable ([String]) async -> RebuildResult = { .ok(changedCount: $0.count) },
        routePrefixes: [String] = ["/api"],
        hub: ReloadHub? = nil,
        blockingPool: BlockingPool? = nil,
        routes: @escaping @Sendable (Router<PreviewRequestContext>) -> Void = { _ in }
    ) {
        self.configuration = configuration
        self.blockingPool = blockingPool ?? BlockingPool(threads: configuration.blockingThreads)
        // Injectable so routes built before the server (the checkout) can broadcast reloads.
        self.hub = hub ?? ReloadHub(heartbeatInterval: configuration.heartbeatInterval)
        self.watchedDirectories = watchedDirectories
        self.watcherMode = watcherMode
        self.rebuild = rebuild
        self.routePrefixes = routePrefixes
        self.routes = routes
        self.site = StaticSite(configuration: configuration)
    }

    /// Paths the static site leaves to the routes.
    var passThrough: PassThroughPrefixes {
        PassThroughPrefixes(configuration.liveReload ? routePrefixes + [LiveReloadScript.eventsPath] : routePrefixes)
    }

    /// The whole HTTP surface, usable without sockets through `app.test(.router)`.
    package func makeRouter() -> Router<PreviewRequestContext> {
        let router = Router(context: PreviewRequestContext.self)
        // Middleware applies to routes added after it: add it first.
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: RequestLimitMiddleware(maxBodySize: configuration.maxBodySize, handlerLimited: [ConsoleRoutes.importPath]))
        router.add(middleware: StaticSiteMiddleware(site: site, passThrough: passThrough))
        // Only what the static site passes on gets here: it leaves the event loop.
        router.add(middleware: GlobalExecutorMiddleware())
        if configuration.liveReload {
            LiveReloadRoutes(hub: hub).add(to: router)
        }
        routes(router)
        return router
    }

    /// The Hummingbird application, with HTTP limits, idle timeout and head deadline applied.
    package func makeApplication(
        onServerRunning: @escaping @Sendable (RunningServer) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let host = configuration.host
        let requestedPort = configuration.port
        var logger = Logger(label: "paypage.preview")
        logger.logLevel = .critical  // the CLI prints; failures reach it as thrown errors
        // Live reload is one designer's preview, with pages changed on the way out: it keeps the
        // router's path alone. The fast path writes what `Application` adds to the router's
        // responses: keep `serverName` nil here, or add it there too.
        let fastPath = usesStaticFastPath && !configuration.liveReload
            ? StaticFastPath(site: site, passThrough: passThrough, counter: fastPathCounter) : nil
        return Application(
            router: makeRouter(),
            server: .pinnedHTTP1(
                configuration: HTTPLimits.channelConfiguration(idleTimeout: configuration.idleTimeout),
                headDeadline: HTTPLimits.timeAmount(configuration.headDeadline), fastPath: fastPath),
            configuration: .init(address: .hostname(host, port: requestedPort), serverName: nil),
            services: [blockingPool],
            onServerRunning: { channel in
                await onServerRunning(RunningServer(host: host, port: channel.localAddress?.port ?? requestedPort))
            },
            logger: logger
        )
    }

    /// Serves until SIGINT or SIGTERM, then shuts down gracefully. Prints nothing.
    package func run(onServerRunning: @escaping @Sendable (RunningServer) async -> Void = { _ in }) async throws {
        if configuration.port != 0 {
            try PortProbe.ensureAvailable(host: configuration.host, port: configuration.port)
        }
        var changes: AsyncStream<[String]>?
        if configuration.liveReload, !watchedDirectories.isEmpty {
            changes = try FileWatcher(directories: watchedDirectories, mode: watcherMode).changes()
        }
        let app = makeApplication(onServerRunning: onServerRunning)
        var services: [any Service] = [app]
        if configuration.liveReload {
            // Last in the list = first to stop: the hub closes before the server drains.
            services.append(ReloadService(changes: changes, hub: hub, rebuild: rebuild))
        }
        let group = ServiceGroup(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: app.logger
        )
        do {
            try await group.run()
        } catch {
            // A bind that lost a race with another process after the probe.
            if configuration.port != 0, (try? PortProbe.ensureAvailable(host: configuration.host, port: configuration.port)) == nil {
                throw ServerError.portInUse(host: configuration.host, port: configuration.port)
            }
            throw error
        }
    }
}

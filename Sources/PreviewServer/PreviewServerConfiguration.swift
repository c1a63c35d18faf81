import Foundation

/// Everything the preview server needs to know; built by the CLI from its flags.
public struct PreviewServerConfiguration: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// The generator's `Output/` folder (holding `public/`, `staff/`, `gallery/`).
    public var outputDirectory: URL
    /// Used when neither `?lang`, the cookie nor `Accept-Language` decides.
    public var defaultLanguage: SiteLanguage
    public var liveReload: Bool
    /// Largest request body accepted; anything bigger gets 413.
    public var maxBodySize: Int
    /// Connections idle this long (including clients that never finish their headers) are closed.
    public var idleTimeout: Duration
    /// A request head (request line and headers) must arrive whole within this time of its first
    /// byte, or the connection is closed: a client sending it a byte at a time is cut off too.
    public var headDeadline: Duration
    /// Threads for blocking work (ledger writes, rebuilds after a payment).
    public var blockingThreads: Int
    /// Interval of the comment heartbeat on `/__reload` (keeps proxies and browsers from timing out).
    public var heartbeatInterval: Duration

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        outputDirectory: URL,
        defaultLanguage: SiteLanguage = .fr,
        liveReload: Bool = false,
        maxBodySize: Int = 64 * 1024,
        idleTimeout: Duration = .seconds(30),
        headDeadline: Duration = .seconds(10),
        blockingThreads: Int = 4,
        heartbeatInterval: Duration = .seconds(15)
    ) {
        self.host = host
        self.port = port
        self.outputDirectory = outputDirectory
        self.defaultLanguage = defaultLanguage
        self.liveReload = liveReload
        self.maxBodySize = maxBodySize
        self.idleTimeout = idleTimeout
        self.headDeadline = headDeadline
        self.blockingThreads = blockingThreads
        self.heartbeatInterval = heartbeatInterval
    }

    /// Staff pages and the gallery list every link, so they are served only when
    /// nobody else on the network can reach the server.
    public var servesPrivatePages: Bool { LoopbackHost.isLoopback(host) }

    public var publicRoot: URL { outputDirectory.appendingPathComponent("public", isDirectory: true) }
    public var staffRoot: URL { outputDirectory.appendingPathComponent("staff", isDirectory: true) }
    public var galleryRoot: URL { outputDirectory.appendingPathComponent("gallery", isDirectory: true) }
}

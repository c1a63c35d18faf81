import Hummingbird

/// Request context of the preview server: the body limit lives here because
/// Hummingbird reads `maxUploadSize` whenever a handler collects a body.
public struct PreviewRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    /// The peer is this machine: only then is a proxy's `X-Forwarded-Proto` believed.
    public var peerIsLoopback: Bool

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        peerIsLoopback = source.channel.remoteAddress?.ipAddress.map(LoopbackHost.isLoopback) ?? false
    }

    public var maxUploadSize: Int { PreviewRequestContext.maxBodySize }

    /// 64 KB: the checkout API takes small JSON forms; nothing needs more.
    public static let maxBodySize = 64 * 1024
}

import Hummingbird

/// Request context of the preview server: the body limit lives here because
/// Hummingbird reads `maxUploadSize` whenever a handler collects a body.
package struct PreviewRequestContext: RequestContext {
    package var coreContext: CoreRequestContextStorage

    /// The peer is this machine: only then is a proxy's `X-Forwarded-Proto` believed.
    package var peerIsLoopback: Bool

    package init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        peerIsLoopback = source.channel.remoteAddress?.ipAddress.map(LoopbackHost.isLoopback) ?? false
    }

    package var maxUploadSize: Int { PreviewRequestContext.maxBodySize }

    /// 64 KB: the checkout API takes small JSON forms; nothing needs more.
    package static let maxBodySize = 64 * 1024
}

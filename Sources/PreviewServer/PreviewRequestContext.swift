import Hummingbird

/// Request context of the preview server: the body limit lives here because
/// Hummingbird reads `maxUploadSize` whenever a handler collects a body.
public struct PreviewRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }

    public var maxUploadSize: Int { PreviewRequestContext.maxBodySize }

    /// 64 KB: the checkout API takes small JSON forms; nothing needs more.
    public static let maxBodySize = 64 * 1024
}

import HummingbirdCore

/// Connection-level limits: small headers (pages need few), and an idle timeout that
/// also closes connections whose headers never finish (slowloris). Open `/__reload`
/// streams are not idle in Hummingbird's sense and stay open.
enum HTTPLimits {
    static func channelConfiguration(idleTimeout: Duration) -> HTTP1Channel.Configuration {
        let (seconds, attoseconds) = idleTimeout.components
        let nanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        return HTTP1Channel.Configuration(
            idleTimeout: .nanoseconds(nanoseconds),
            httpDecoderConfiguration: .init(maxHeaderFieldSize: 8 * 1024, maxHeaderListSize: 32 * 1024, maxHeaderFieldCount: 100)
        )
    }
}

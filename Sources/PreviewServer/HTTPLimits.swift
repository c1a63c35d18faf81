import HummingbirdCore
import NIOCore

/// Connection-level limits: small headers (pages need few), and an idle timeout that
/// also closes connections whose headers never finish (slowloris); `RequestHeadDeadline`
/// closes those that send them a byte at a time. Open `/__reload` streams are not idle in
/// Hummingbird's sense and stay open.
enum HTTPLimits {
    static func channelConfiguration(idleTimeout: Duration) -> HTTP1Channel.Configuration {
        HTTP1Channel.Configuration(
            idleTimeout: timeAmount(idleTimeout),
            httpDecoderConfiguration: .init(maxHeaderFieldSize: 8 * 1024, maxHeaderListSize: 32 * 1024, maxHeaderFieldCount: 100)
        )
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}

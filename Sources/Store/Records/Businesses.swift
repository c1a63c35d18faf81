import Billing

/// The businesses of a workspace: `Records/business.json` and any in `Records/businesses/<key>.json`
/// (a host may keep several businesses in one workspace; the demo does).
public struct Businesses: Sendable {
    public static let mainKey = "main"

    public var all: [String: BusinessSettings]

    public init(main: BusinessSettings, others: [String: BusinessSettings] = [:]) {
        var all = others
        all[Businesses.mainKey] = main
        self.all = all
    }

    public var main: BusinessSettings { all[Businesses.mainKey]! }

    /// Keys in a stable order, the main business first.
    public var keys: [String] { [Businesses.mainKey] + all.keys.filter { $0 != Businesses.mainKey }.sorted() }

    public func settings(for key: String?) -> BusinessSettings? { all[key ?? Businesses.mainKey] }
}

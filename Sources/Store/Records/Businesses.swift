import Billing

/// The businesses of a workspace: `Records/business.json` and any in `Records/businesses/<key>.json`
/// (a host may keep several businesses in one workspace; the demo does).
package struct Businesses: Sendable {
    package static let mainKey = "main"

    package var all: [String: BusinessSettings]

    package init(main: BusinessSettings, others: [String: BusinessSettings] = [:]) {
        var all = others
        all[Businesses.mainKey] = main
        self.all = all
    }

    package var main: BusinessSettings { all[Businesses.mainKey]! }

    /// Keys in a stable order, the main business first.
    package var keys: [String] { [Businesses.mainKey] + all.keys.filter { $0 != Businesses.mainKey }.sorted() }

    package func settings(for key: String?) -> BusinessSettings? { all[key ?? Businesses.mainKey] }
}

import Billing
import Checkout
import Foundation
import Generator
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Operations
import Publishing
@testable import PreviewServer
import Store
import Testing

/// A workspace in a temporary folder with the repository's Records/ (business settings, saved
/// replies) and Themes/, a few fresh requests created through `RequestService`, built with
/// `SitePublisher`, and served through `PreviewSite(...).server(...)` without sockets.
final class CheckoutWorkspace: @unchecked Sendable {
    /// The repository root, from this file's path: Tests/PreviewServerTests/CheckoutSupport.swift.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// tmpfs when there is one (steady for many small files), else the system's temporary folder.
    static var temporaryBase: URL {
        let shm = URL(fileURLWithPath: "/dev/shm", isDirectory: true)
        if FileManager.default.isWritableFile(atPath: shm.path) { return shm }
        return FileManager.default.temporaryDirectory
    }

    struct Made: Sendable {
        var reference: String
        var token: String
    }

    let root: URL
    let paths: WorkspacePaths
    let service: RequestService
    private(set) var made: [String: Made] = [:]

    /// `requests`: reference → amount ("125.00"); each for the main business, customer language `language`.
    /// `demo`: also copy the demo invoices and replay Records/demo-history.json.
    init(_ requests: [(String, String)] = [], language: String = "fr", demo: Bool = false) throws {
        root = Self.temporaryBase.appendingPathComponent("paypage-checkout-\(UUID().uuidString)", isDirectory: true)
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("Records"), withIntermediateDirectories: true)
        let records = Self.repository.appendingPathComponent("Records")
        for item in ["business.json", "businesses", "replies.json"] + (demo ? ["invoices", "demo-history.json"] : []) {
            try fm.copyItem(at: records.appendingPathComponent(item), to: root.appendingPathComponent("Records/\(item)"))
        }
        if !demo { try fm.createDirectory(at: root.appendingPathComponent("Records/invoices"), withIntermediateDirectories: true) }
        try fm.copyItem(at: Self.repository.appendingPathComponent("Themes"), to: root.appendingPathComponent("Themes"))
        paths = WorkspacePaths(root: root)
        service = try RequestService.open(paths)
        if demo {
            _ = try DemoReplay(requests: service, history: try DemoReplay.load(paths), now: Date()).run()
        }
        for (index, (reference, amount)) in requests.enumerated() {
            _ = try service.create(NewRequest(reference: reference, customerName: "Client \(index)", phone: "514-555-01\(10 + index)",
                                              language: language, amount: amount, send: false))
        }
        _ = try SitePublisher(paths: paths).publish(wait: 30)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// The public token of a request.
    func token(_ reference: String) throws -> String {
        try service.context(reference).row.token.value
    }

    func state(_ reference: String) throws -> RequestState { try service.context(reference).state }

    /// The ledger's events of one request, by kind ("paid", "voided", "notified", …).
    func kinds(_ reference: String) throws -> [String] {
        try service.context(reference).entries.map(\.event.kind)
    }

    func paidCount(_ reference: String) throws -> Int { try kinds(reference).filter { $0 == "paid" }.count }

    /// The staff console's clock for `server()`: the system's unless a test fixes it.
    var staffClock: @Sendable () -> Date = { Date() }

    func server() throws -> PreviewServer {
        var site = try PreviewSite(paths: paths, options: BuildOptions())
        site.staffClock = staffClock
        return site.server(PreviewServerConfiguration(host: "127.0.0.1", port: 0, outputDirectory: paths.output,
                                                      defaultLanguage: .fr, liveReload: false))
    }

    /// Runs `body` against the router (no sockets).
    func withClient(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: try server().makeRouter())
        try await app.test(.router) { client in try await body(client) }
    }
}

/// Helpers for reading answers.
enum Web {
    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    static func json(_ key: String? = nil) -> HTTPFields {
        var fields: HTTPFields = [.contentType: "application/json"]
        if let key { fields[CheckoutAPI.idempotencyKey] = key }
        return fields
    }

    /// `application/x-www-form-urlencoded`, in order.
    static func encode(_ fields: [(String, String)]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
        return ByteBuffer(string: body)
    }

    static func jsonBody(_ fields: [String: String]) -> ByteBuffer {
        ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]))
    }

    static func object(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:]
    }

    /// What a template writes for `{{text}}` (HTML-escaped).
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    /// The value of a hidden input, e.g. `attempt` or `id`.
    static func hidden(_ html: String, _ name: String) -> String? {
        guard let start = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[start.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// The theme's strings of a language (the default theme).
    static func strings(_ language: String) -> [String: String] {
        let url = CheckoutWorkspace.repository.appendingPathComponent("Themes/default/strings/\(language).json")
        let data = (try? Data(contentsOf: url)) ?? Data()
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: String] ?? [:]
    }

    /// `125,00 $` (with its no-break spaces) or `$125.00`.
    static func money(_ cents: Int64, _ language: String) -> String {
        MoneyFormat.format(Money(minorUnits: cents, currency: .cad), language == "fr" ? .fr : .en)
    }

    static func t(_ language: String, _ key: String, _ values: [String: String] = [:]) -> String {
        var text = strings(language)[key] ?? key
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }
}

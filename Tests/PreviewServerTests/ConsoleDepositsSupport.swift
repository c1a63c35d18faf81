import Foundation
import ProcessTesting
import Testing

/// Reads the deposit pages' markup: list rows, a deposit's figures and lines, a request's deposit line.
enum Page {
    /// `id="day-KEY-YYYY-MM-DD"` rows: the day, then [number, gross, refunds, fees, shortfall taken, net, shortfall carried];
    /// a cell's detail line follows its figure after `|` (the fees returned).
    static func rows(_ html: String, business: String) -> [(String, [String])] {
        var result: [(String, [String])] = []
        let marker = "<tr id=\"day-\(business)-"
        var rest = html[...]
        while let start = rest.range(of: marker) {
            let day = String(rest[start.upperBound...].prefix(10))
            guard let end = rest[start.upperBound...].range(of: "</tr>") else { break }
            let row = String(rest[start.upperBound..<end.lowerBound])
            let number = row.firstMatch(of: /<strong class="deposit-number">([^<]*)</)?.1 ?? ""
            let cells = row.matches(of: /<td class="num[^"]*" data-label="[^"]*">([^<]*)(?:<span class="line-detail">([^<]*)<\/span>)?/)
                .map { String($0.1) + ($0.2.map { "|\($0)" } ?? "") }
            result.append((day, [String(number)] + cells))
            rest = rest[end.upperBound...]
        }
        return result
    }

    /// The href of the link whose attributes end with `marker` (e.g. `rel="next"`).
    static func attribute(_ html: String, before marker: String) -> String? {
        guard let end = html.range(of: marker) else { return nil }
        let head = html[..<end.lowerBound]
        guard let href = head.range(of: "href=\"", options: .backwards) else { return nil }
        return head[href.upperBound...].prefix { $0 != "\"" }.description
    }

    /// A deposit page's figure (`gross`, `fees_returned`, `net`, …).
    static func figure(_ html: String, _ key: String) -> String? {
        guard let start = html.range(of: "deposit-figure-\(key)\"><dt>") else { return nil }
        guard let dd = html[start.upperBound...].range(of: "<dd>") else { return nil }
        return String(html[dd.upperBound...].prefix { $0 != "<" })
    }

    /// A deposit page's lines: [kind, request href, reference, document, method, amount].
    static func lines(_ html: String) -> [[String]] {
        html.matches(of: /<tr class="deposit-line deposit-line-([a-z_]+)"><th scope="row">[^<]*<\/th><td>(?:<a href="([^"]*)">([^<]*)<\/a>)?<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td class="num">([^<]*)<\/td><\/tr>/)
            .map { [String($0.1), String($0.2 ?? ""), String($0.3 ?? ""), String($0.4), String($0.5), String($0.6)] }
    }

    /// The request page's first deposit line (its payment), as marked up inside its `<dd>`.
    static func depositLine(_ html: String) -> String? {
        guard let start = html.range(of: "<dl class=\"console-deposit\"><dt>") else { return nil }
        guard let dd = html[start.upperBound...].range(of: "<dd>"), let end = html[dd.upperBound...].range(of: "</dd>") else { return nil }
        return String(html[dd.upperBound..<end.lowerBound])
    }
}

/// The built `paypage` binary (next to the test bundle, else `.build/debug/paypage`), for
/// comparing the console with the CLI.
enum PaypageBinary {
    static let url: URL? = {
        var candidates: [URL] = []
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("paypage"))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("paypage"))
        candidates.append(CheckoutWorkspace.repository.appendingPathComponent(".build/debug/paypage"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    enum Failure: Error { case missing, exit(Int32, String) }

    /// Runs `paypage ARGS` and decodes its standard output as JSON.
    static func decode<T: Decodable>(_ type: T.Type, _ arguments: [String]) throws -> T {
        guard let url else { throw Failure.missing }
        let result = try SpawnedProcess.run(url.path, arguments, timeout: 120)
        guard result.status == 0 else { throw Failure.exit(result.status, result.stdoutText) }
        return try JSONDecoder().decode(type, from: result.stdout)
    }
}

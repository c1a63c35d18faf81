#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Billing
import Checkout
import Foundation
import Generator
import Operations
import Publishing
import PreviewServer
import Store
import Synchronization

/// `paypage-bench`: a synthetic workspace, then the measurements of issue 5.
public struct BenchRunner {
    public struct Options: Sendable {
        public var invoices = 10_000
        public var payments = 200
        public var seed: UInt64 = 20_261_129
        /// The repository (or any workspace) whose Themes/ are copied.
        public var source: URL
        /// Where the synthetic workspace and its Output/ go (tmpfs by default).
        public var outputOn: URL?
        /// Where the ledger goes: the real disk (synchronous=FULL must pay a real fsync).
        public var ledgerOn: URL?
        public var exportHugo: URL?
        public var skipServing = false
        public var skipHugo = false
        public var keep = false
        public var serveSeconds = 5
        /// `paypage`, run as a child for the builds and the server: the one next to this executable.
        public var executable: String = ChildProcess.paypage

        public init(source: URL) { self.source = source }
    }

    public struct Build: Sendable, Codable {
        public var seconds: Double
        public var pages: Int
        public var paymentPages: Int
        public var pagesPerSecond: Double
        public var paymentPagesPerSecond: Double
        public var peakRSSMB: Double
        public var filesWritten: Int?
    }

    public struct Payments: Sendable, Codable {
        public var count: Int
        /// Charge accepted → the request's page and receipt written (ms).
        public var p50: Double
        public var p99: Double
        public var max: Double
        /// … → the whole `publish(only:)` returned: staff lists that list it and the manifest too (ms).
        public var publishP50: Double
        public var publishP99: Double
        /// The ledger commit alone (charge), and the rebuild alone, p50 (ms).
        public var chargeP50: Double
        public var rebuildP50: Double
        public var ledgerDirectory: String
    }

    public struct Serving: Sendable, Codable {
        public var path: String
        public var paypage: LoadResult
        public var paypageSingle: LoadResult
        public var nginx: LoadResult?
        public var nginxSingle: LoadResult?
        /// Medians of the rounds' ratios (each round loads PayPage then nginx, back to back).
        public var rpsRatio: Double?
        public var p99Ratio: Double?
        public var rounds = 1
    }

    static let servingRounds = 3

    /// The run with the median requests per second.
    static func median(_ runs: [LoadResult]) -> LoadResult {
        runs.sorted { $0.requestsPerSecond < $1.requestsPerSecond }[runs.count / 2]
    }

    static func median(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.sorted()[values.count / 2]
    }

    public struct Report: Sendable, Codable {
        public var invoices: Int
        public var cores: Int
        public var workspace: String
        public var setupSeconds: Double
        public var synthetic: SyntheticWorkspace.Summary
        public var fullBuild: Build
        public var noChangeRebuild: Build
        public var hugo: Build?
        public var payments: Payments?
        public var serving: Serving?
        public var notes: [String] = []
    }

    public let options: Options
    var log: @Sendable (String) -> Void

    public init(options: Options, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.log = log
    }

    public func run() async throws -> Report {
        let fm = FileManager.default
        let shm = URL(fileURLWithPath: "/dev/shm")
        let base = (options.outputOn ?? (fm.isWritableFile(atPath: shm.path) ? shm : fm.temporaryDirectory))
            .appendingPathComponent("paypage-bench-\(getpid())")
        let ledgerBase = (options.ledgerOn ?? URL(fileURLWithPath: "/var/tmp")).appendingPathComponent("paypage-bench-ledger-\(getpid())")
        let root = base.appendingPathComponent("workspace")
        try? fm.removeItem(at: base)
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        defer {
            if !options.keep {
                try? fm.removeItem(at: base)
                try? fm.removeItem(at: ledgerBase)
            }
        }

        // 1. The synthetic workspace (the ledger is made on tmpfs, then moved to the real disk).
        log("creating \(options.invoices) synthetic requests in \(root.path) …")
        let clock = ContinuousClock()
        var started = clock.now
        let workspace = SyntheticWorkspace(root: root, options: .init(invoices: options.invoices, seed: options.seed))
        let synthetic = try workspace.create(themes: options.source.appendingPathComponent("Themes"))
        let privateFolder = workspace.paths.privateFolder
        try fm.createDirectory(at: ledgerBase, withIntermediateDirectories: true)
        try fm.moveItem(at: privateFolder, to: ledgerBase.appendingPathComponent(".paypage"))
        try fm.createSymbolicLink(at: privateFolder, withDestinationURL: ledgerBase.appendingPathComponent(".paypage"))
        let setupSeconds = (clock.now - started).seconds
        log(String(format: "  setup %.1f s", setupSeconds))

        var report = Report(invoices: options.invoices, cores: ProcessInfo.processInfo.activeProcessorCount, workspace: root.path,
                            setupSeconds: setupSeconds, synthetic: synthetic,
                            fullBuild: Build(seconds: 0, pages: 0, paymentPages: 0, pagesPerSecond: 0, paymentPagesPerSecond: 0, peakRSSMB: 0),
                            noChangeRebuild: Build(seconds: 0, pages: 0, paymentPages: 0, pagesPerSecond: 0, paymentPagesPerSecond: 0, peakRSSMB: 0))

        // Records written less than a second ago cannot vouch for themselves by their file times
        // (see RecordsSignature): wait until they can, as records a build finds usually are.
        // Then the ledger is told it is in step with them (the setup registered every record, but
        // while they were too fresh to be remembered by signature), as a workspace whose records
        // were registered earlier is: the full build then measures building the site, not
        // re-reading 10 000 unchanged records.
        let settle = clock.now
        while RecordsSignature.of(workspace: root) == nil, clock.now - settle < .seconds(5) {
            try await Task.sleep(for: .milliseconds(100))
        }
        let resync = try RequestService.open(workspace.paths).syncRecords()
        guard resync.registered.isEmpty, resync.recordErrors.isEmpty else { throw BenchError("the synthetic records changed after setup") }

        // 2. Full build, then a no-change rebuild, each as a child process.
        log("full build (paypage build, child process) …")
        report.fullBuild = try await childBuild(root)
        let (pages, paymentPages) = Self.countPages(root.appendingPathComponent("Output"))
        report.fullBuild.pages = pages
        report.fullBuild.paymentPages = paymentPages
        report.fullBuild.pagesPerSecond = Double(pages) / report.fullBuild.seconds
        report.fullBuild.paymentPagesPerSecond = Double(paymentPages) / report.fullBuild.seconds
        log(String(format: "  %.2f s, %d pages (%d payment pages), peak %.1f MB", report.fullBuild.seconds, pages, paymentPages, report.fullBuild.peakRSSMB))
        log("no-change rebuild …")
        report.noChangeRebuild = try await childBuild(root)
        log(String(format: "  %.3f s, %d files written, peak %.1f MB", report.noChangeRebuild.seconds, report.noChangeRebuild.filesWritten ?? -1, report.noChangeRebuild.peakRSSMB))

        // 3. Hugo on the same payment pages.
        if options.exportHugo != nil || (!options.skipHugo && ChildProcess.which("hugo") != nil) {
            let site = options.exportHugo ?? base.appendingPathComponent("hugo-site")
            log("exporting the Hugo site to \(site.path) …")
            let exported = try HugoExport(workspace: root).write(to: site)
            if !options.skipHugo, let hugo = ChildProcess.which("hugo") {
                log("hugo build …")
                let destination = base.appendingPathComponent("hugo-public")
                let run = try await ChildProcess.run(hugo, ["--quiet", "--source", site.path, "--destination", destination.path])
                guard run.status == 0 else { throw BenchError("hugo failed: \(run.stderr)") }
                let (hugoPages, _) = Self.countPages(destination)
                report.hugo = Build(seconds: run.wall, pages: hugoPages, paymentPages: hugoPages,
                                    pagesPerSecond: Double(hugoPages) / run.wall, paymentPagesPerSecond: Double(hugoPages) / run.wall,
                                    peakRSSMB: Double(run.peakRSS) / 1_048_576, filesWritten: nil)
                if hugoPages != exported { report.notes.append("hugo wrote \(hugoPages) pages for \(exported) content files") }
            }
        }

        // 4. One payment → updated page.
        if options.payments > 0 {
            log("payments → pages (\(options.payments), ledger in \(ledgerBase.path)) …")
            report.payments = try payments(workspace.paths, open: synthetic.openReferences, ledgerDirectory: ledgerBase.path)
        }

        // 5. Serving.
        if !options.skipServing {
            report.serving = try await serving(root, base: base)
        }
        started = clock.now
        return report
    }

    // MARK: Builds

    func childBuild(_ root: URL) async throws -> Build {
        let run = try await ChildProcess.run(options.executable, ["build", "--workspace", root.path])
        guard run.status == 0 else { throw BenchError("paypage build failed (\(run.status)): \(run.stderr)\(run.stdout)") }
        // "built N requests: W written, U unchanged, R removed in T"
        var written: Int?
        if let range = run.stdout.range(of: #"\d+ written"#, options: .regularExpression) {
            written = Int(run.stdout[range].split(separator: " ")[0])
        }
        return Build(seconds: run.wall, pages: 0, paymentPages: 0, pagesPerSecond: 0, paymentPagesPerSecond: 0,
                     peakRSSMB: Double(run.peakRSS) / 1_048_576, filesWritten: written)
    }

    /// HTML files under `folder`, and those of them that are payment pages or receipts (`p/`).
    static func countPages(_ folder: URL) -> (all: Int, payment: Int) {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return (0, 0) }
        var all = 0, payment = 0
        while let path = walker.nextObject() as? String {
            guard path.hasSuffix(".html") else { continue }
            all += 1
            if path.hasPrefix("public/p/") || path.hasPrefix("p/") { payment += 1 }
        }
        return (all, payment)
    }

    // MARK: Payments

    static let fullPublishes = 10

    func payments(_ paths: WorkspacePaths, open: [String], ledgerDirectory: String) throws -> Payments {
        let service = try RequestService.open(paths)
        let checkout = CheckoutService.simulated(service)
        let marker = Marker()
        var buildOptions = BuildOptions()
        buildOptions.afterRequestPages = { marker.mark() }
        let publisher = SitePublisher(paths: paths, options: buildOptions)
        let card = PaymentSource.card(CardDetails(number: "4242424242424242", expiry: CardExpiry(month: 12, year: 2031), cvc: "123", name: "Bench"))
        let warmup = 3
        let count = min(options.payments + warmup, open.count)
        guard count > warmup else { throw BenchError("not enough open requests to pay (\(open.count))") }
        var totals: [Double] = [], charges: [Double] = [], rebuilds: [Double] = [], publishes: [Double] = []
        for (index, reference) in open.prefix(count).enumerated() {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let result = try checkout.charge(reference, source: card, idempotencyKey: "bench-pay-\(index)")
            guard result.payment != nil else { throw BenchError("\(reference): payment not approved: \(result)") }
            let t1 = DispatchTime.now().uptimeNanoseconds
            // The first ones through the whole publish (staff lists and manifest too, O(requests));
            // the rest through the request's pages alone, which is what the customer waits for.
            let full = index < warmup + Self.fullPublishes
            let summary = full ? try publisher.publish(only: [try Reference(reference)])
                : try SiteBuilder(workspace: paths.root).buildRequestPages(only: [try Reference(reference)], buildOptions)
            let t2 = DispatchTime.now().uptimeNanoseconds
            let pages = marker.take() ?? t2
            guard summary.writtenFiles.contains(where: { $0.hasSuffix("/receipt/index.html") }) else {
                throw BenchError("\(reference): the receipt was not written (\(summary.writtenFiles))")
            }
            guard index >= warmup else { continue }
            totals.append(Double((full ? pages : t2) - t0) / 1e6)
            if full { publishes.append(Double(t2 - t0) / 1e6) }
            charges.append(Double(t1 - t0) / 1e6)
            rebuilds.append(Double(pages - t1) / 1e6)
        }
        try? service.ledger.close()
        return Payments(count: totals.count, p50: Stats.percentile(totals, 50), p99: Stats.percentile(totals, 99),
                        max: totals.max() ?? .nan,
                        publishP50: Stats.percentile(publishes, 50), publishP99: Stats.percentile(publishes, 99), chargeP50: Stats.percentile(charges, 50), rebuildP50: Stats.percentile(rebuilds, 50),
                        ledgerDirectory: ledgerDirectory)
    }

    // MARK: Serving

    func serving(_ root: URL, base: URL) async throws -> Serving? {
        guard let wrk = ChildProcess.which("wrk") else {
            log("wrk is not installed (apt-get install -y wrk): serving skipped")
            return nil
        }
        let manifest = root.appendingPathComponent("Output/public/p")
        guard let token = try FileManager.default.contentsOfDirectory(atPath: manifest.path).sorted().first else {
            throw BenchError("no payment page to serve")
        }
        let path = "/p/\(token)/fr/"
        let port = Load.freePort()
        log("serving: paypage serve on \(port) …")
        let serverLog = base.appendingPathComponent("serve.log").path
        return try await ChildProcess.whileRunning(options.executable, ["serve", "--workspace", root.path, "--no-reload", "--port", String(port)],
                                                   log: serverLog) {
            guard try await Load.waitForPort(port, timeout: 120) else {
                throw BenchError("paypage serve did not start: \((try? String(contentsOfFile: serverLog, encoding: .utf8)) ?? "")")
            }
            // Both servers run side by side and are loaded in turns, three rounds: on a shared
            // machine a burst of someone else's work then hits both, and the medians hold.
            guard let binary = ChildProcess.which("nginx") else {
                log("nginx is not installed (apt-get install -y nginx-light): no comparison")
                return try await load(wrk, path: path, port: port, nginxPort: nil)
            }
            let nginx = NginxServer(binary: binary, prefix: base.appendingPathComponent("nginx"),
                                    root: root.appendingPathComponent("Output/public"), port: Load.freePort())
            log("serving: nginx on \(nginx.port) …")
            return try await nginx.whileRunning {
                try await load(wrk, path: path, port: port, nginxPort: nginx.port)
            }
        }
    }

    /// The wrk rounds against PayPage on `port`, and nginx on `nginxPort` when it runs.
    func load(_ wrk: String, path: String, port: Int, nginxPort: Int?) async throws -> Serving {
        let url = "http://127.0.0.1:\(port)\(path)"
        let nginxURL = nginxPort.map { "http://127.0.0.1:\($0)\(path)" }
        _ = try await Load.wrk(wrk, url: url, connections: 64, seconds: 1) // warm-up
        if let nginxURL { _ = try await Load.wrk(wrk, url: nginxURL, connections: 64, seconds: 1) }
        var rounds: [(paypage: LoadResult, nginx: LoadResult?)] = []
        for round in 1...Self.servingRounds {
            log("  round \(round)/\(Self.servingRounds) …")
            let ours = try await Load.wrk(wrk, url: url, connections: 64, seconds: options.serveSeconds)
            var theirs: LoadResult?
            if let nginxURL { theirs = try await Load.wrk(wrk, url: nginxURL, connections: 64, seconds: options.serveSeconds) }
            rounds.append((ours, theirs))
        }
        let single = try await Load.wrk(wrk, url: url, connections: 1, seconds: max(2, options.serveSeconds / 2))
        var result = Serving(path: path, paypage: Self.median(rounds.map(\.paypage)), paypageSingle: single)
        result.rounds = rounds.count
        if let nginxURL {
            let theirs = rounds.compactMap(\.nginx)
            result.nginx = Self.median(theirs)
            result.nginxSingle = try await Load.wrk(wrk, url: nginxURL, connections: 1, seconds: max(2, options.serveSeconds / 2))
            let pairs = rounds.compactMap { r in r.nginx.map { (r.paypage, $0) } }
            result.rpsRatio = Self.median(pairs.map { $0.0.requestsPerSecond / $0.1.requestsPerSecond })
            result.p99Ratio = Self.median(pairs.map { $0.0.p99 / $0.1.p99 })
        }
        return result
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// When `build(only:)` had written the request's own pages (set from the build, read after it).
final class Marker: Sendable {
    private let time = Mutex<UInt64?>(nil)
    func mark() { time.withLock { $0 = DispatchTime.now().uptimeNanoseconds } }
    func take() -> UInt64? { time.withLock { value in defer { value = nil }; return value } }
}

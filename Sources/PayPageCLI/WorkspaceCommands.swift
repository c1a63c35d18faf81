import ArgumentParser
import Billing
import Checkout
import Foundation
import Operations
import Store

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Replay Records/demo-history.json into a fresh ledger, leaving requests in every state.",
        discussion: """
        Replaces .paypage/ledger.sqlite of the workspace, keeping its staff accounts; adds the owner `demo` \
        (who signs in through the one-time link `paypage serve` prints) when there is no owner. \
        Payments go through the checkout simulator.
        """)

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
        try CommandRunner.run { () throws in
            try options.requireWorkspace()
            let paths = options.paths
            let history = try DemoReplay.load(paths)
            let staff = try DemoStaff.keep(paths)
            for suffix in ["", "-wal", "-shm"] {
                try? FileManager.default.removeItem(at: URL(fileURLWithPath: paths.ledger.path + suffix))
            }
            let service = try options.service().acting(as: .demo)
            try staff.restore(into: service)
            let steps = try DemoReplay(requests: service, history: history, now: Date()).run()
            let sync = try service.syncRecords()
            let rows = try service.list()
            let counts = Dictionary(grouping: rows, by: \.status).mapValues(\.count)
            let owner = try staff.ensureOwner(in: service)
            Console.print("Replayed \(steps) steps into \(paths.ledger.path)\(sync.registered.isEmpty ? "" : " (\(sync.registered.count) more records registered)").")
            if let owner { Console.print("Added the owner \(owner.name): `paypage serve` prints a one-time sign-in link for them.") }
            Console.print(RequestStatus.allCases.map { "\($0.rawValue): \(counts[$0] ?? 0)" }.joined(separator: ", "))
        }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check records, replies and paid requests; list every problem with its file and path.")

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
        try CommandRunner.run { () throws in try options.requireWorkspace() }
        let problems = WorkspaceCheck(paths: options.paths).run()
        guard !problems.isEmpty else { return Console.print("No problems found.") }
        for problem in problems { Console.error(problem) }
        Console.print("\(problems.count) problem\(problems.count == 1 ? "" : "s") found.")
        throw ExitCode(65)
    }
}

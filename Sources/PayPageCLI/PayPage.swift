import ArgumentParser

@main
struct PayPage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paypage",
        abstract: "Text customers a secure payment link; build their payment pages and receipts.",
        discussion: """
        Exit codes: 0 ok, 1 failure, 64 bad usage, 65 bad data, 69 unavailable, 75 busy.
        """,
        version: "0.1.0",
        subcommands: [
            RequestCommand.self, LinkCommand.self, RefundCommand.self, VoidCommand.self, MarkPaidCommand.self,
            RemindCommand.self, ConfirmCommand.self, MessageCommand.self, MessagesCommand.self, CustomerCommand.self,
            BuildCommand.self, ServeCommand.self, ReceiptCommand.self, DemoCommand.self, CheckCommand.self, BackupCommand.self, RestoreCommand.self,
            DepositsCommand.self, ImportCommand.self,
            StaffCommand.self, PayCommand.self,
        ])
}

import Billing
import Generator
import Operations
import Publishing
import Store
import Testing
@testable import PayPageCLI

/// The CLI's one mapping from typed errors to the printed line and the exit code.
@Suite struct ErrorReportTests {
    static func cad(_ units: Int64) -> Money { Money(minorUnits: units, currency: .cad) }

    @Test("each kind of error gets its exit code and its words", arguments: [
        (OperationError.invalidField("amount", .missing), 64, "--amount is required (or --invoice FILE with the lines)"),
        (OperationError.invalidField("method", .notOneOf(["cash", "cheque", "etransfer"])), 64, "--method must be cash, cheque or etransfer"),
        (OperationError.invalidField("customer.phone", .missing), 64, "customer.phone: is required"),
        (OperationError.notFound(.request(reference: "RO-9")), 65, "no request with reference \"RO-9\" (see `paypage request list`)"),
        (OperationError.notAllowed(reference: "RO-1", .notAllowed(.refund(Self.cad(8_000)), .overRefundable(refundable: Self.cad(7_500)))), 65,
         "RO-1: cannot refund 80.00 CAD: only 75.00 CAD is refundable"),
        (OperationError.notAllowed(reference: "RO-2", .notAllowed(.void, .status(.paid))), 65, "RO-2: cannot void: the request is paid; refund it instead"),
        (OperationError.conflict(.referenceInLedger(reference: "RO-3", existing: "ro-3")), 64, "reference \"RO-3\" is already used by request ro-3"),
        (OperationError.conflict(.optedOut(phone: "+15145550100", action: "nothing sent")), 65, "+15145550100 opted out of text messages: nothing sent"),
        (OperationError.store(.busy(path: "l.sqlite", operation: "pay")), 75, "busy"),
    ] as [(OperationError, Int32, String)])
    func operationErrors(error: OperationError, exitCode: Int32, words: String) {
        let report = ErrorReport(error)
        #expect(report.exitCode == exitCode)
        #expect(report.message.contains(words), "\(report.message)")
    }

    @Test func publishingAndCommandLineErrors() {
        #expect(ErrorReport(PublishError.lock(.busy("/w/.paypage/build.lock"))).exitCode == 75)
        #expect(ErrorReport(PublishError.sync(.records([]))).exitCode == 65)
        #expect(ErrorReport(PublishError.build(.fileSystem(path: "p", reason: "full"))).exitCode == 1)
        #expect(ErrorReport(CLIError.unavailable("Chromium is not installed")).exitCode == 69)
        #expect(ErrorReport(CLIError.usage("bad")).exitCode == 64)
    }
}

import Foundation

/// One payment as a Server-Sent Event for a staff member's page: `id` (the notification's, so a
/// reconnecting browser's `Last-Event-ID` replays what it missed), `event: paid`, and JSON data
/// with the words in the staff member's language.
struct LiveEvent: Sendable, Encodable {
    var id: Int64
    var reference: String
    var status: String
    var statusLabel: String
    var text: String
    var href: String
    /// The staff member's unread notifications, for the badge in the bar.
    var unread: Int

    init(_ payment: LivePayment, text words: ConsoleText, unread: Int) {
        id = payment.id
        reference = payment.reference
        status = payment.status.rawValue
        statusLabel = words.status(payment.status)
        text = words.livePayment(payment)
        href = "/staff/requests/\(payment.reference)"
        self.unread = unread
    }

    var serverSentEvent: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // JSON escapes line breaks, so the data is one line.
        let data = (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "id: \(id)\nevent: paid\ndata: \(data)\n\n"
    }
}

extension ConsoleText {
    /// "CO-1 paid: 125,00 $ by Visa •••• 4242 (Client 0)"
    func livePayment(_ payment: LivePayment) -> String {
        guard let amount = payment.amount, let method = payment.method else {
            return t("console_live_paid_short", ["reference": payment.reference])
        }
        return t("console_live_paid", ["reference": payment.reference, "amount": money(amount), "method": self.method(method),
                                       "customer": payment.customerName])
    }
}

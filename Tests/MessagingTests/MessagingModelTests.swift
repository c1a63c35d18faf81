import Foundation
import Testing
@testable import Messaging

struct MessagingModelTests {
    @Test func savedRepliesDecodeFromRecordsShape() throws {
        let json = Data("""
        {"replies": [{"name": "payment-request", "text": {"en": "Hi {customer.name}", "fr": "Bonjour {customer.name}"}},
                     {"name": "rent", "text": {"fr": "Loyer"}}]}
        """.utf8)
        let replies = try JSONDecoder().decode(SavedReplies.self, from: json)
        #expect(try replies.reply(named: "payment-request").template(in: .fr).placeholderNames == ["customer.name"])
        #expect(throws: MessagingError.replyNotFound(name: "nope")) { try replies.reply(named: "nope") }
        #expect(replies.duplicateNames.isEmpty)
        let again = try JSONDecoder().decode(SavedReplies.self, from: JSONEncoder().encode(replies))
        #expect(again == replies)
    }

    @Test func duplicateReplyNamesAreListed() {
        let replies = SavedReplies(replies: [.init(name: "a", en: "1"), .init(name: "a", en: "2"), .init(name: "b", en: "3")])
        #expect(replies.duplicateNames == ["a"])
    }

    @Test(arguments: [
        ("STOP", true), ("stop", true), ("  Stop.  ", true), ("ARRET", true), ("ARRÊT", true),
        ("arrêt!", true), ("UNSUBSCRIBE", true), ("desabonner", true), ("Désabonner", true),
        ("\nStop\n", true), ("stop please", false), ("don't stop", false), ("", false), ("STOPP", false),
        ("Merci", false),
    ])
    func optOutKeywords(reply: String, isOptOut: Bool) {
        #expect(OptOutKeywords.isOptOut(reply) == isOptOut)
    }

    @Test(arguments: [
        ("+15145550123", true), ("+33612345678", true), ("5145550123", false), ("+1 514 555 0123", false),
        ("+0123456789", false), ("+123456", false), ("+1234567890123456", false), ("", false), ("+１５１４５５５０１２３", false),
    ])
    func e164(phone: String, valid: Bool) {
        #expect(OutgoingMessage.isE164(phone) == valid)
    }

    @Test func outgoingMessageRefusesBadRecipient() {
        #expect(throws: MessagingError.invalidPhoneNumber("514-555-0123")) {
            try OutgoingMessage(to: "514-555-0123", body: "Hi", kind: .test)
        }
    }

    @available(macOS 15.0, *)
    @Test func recordingSenderKeepsMessagesInOrder() throws {
        struct OutboxFull: Error {}
        let sender = RecordingMessageSender()
        let first = try OutgoingMessage(to: "+15145550123", body: "Garage Tremblay: test", kind: .test)
        let second = try OutgoingMessage(to: "+15145550124", body: "Garage Tremblay: rappel", kind: .reminder, reference: "INV-1")
        #expect(try sender.send(first) == SentMessageID("memory-1"))
        #expect(try sender.send(second) == SentMessageID("memory-2"))
        #expect(sender.sent == [first, second])
        #expect(second.segments == SMSSegments.count("Garage Tremblay: rappel"))

        sender.failSends(with: OutboxFull())
        #expect(throws: OutboxFull.self) { try sender.send(first) }
        #expect(sender.sent.count == 2)
    }

    @available(macOS 15.0, *)
    @Test func recordingSenderIsSafeFromManyTasks() async throws {
        let sender = RecordingMessageSender()
        let message = try OutgoingMessage(to: "+15145550123", body: "x", kind: .manual)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<100 { group.addTask { _ = try? sender.send(message) } }
        }
        #expect(sender.sent.count == 100)
    }
}

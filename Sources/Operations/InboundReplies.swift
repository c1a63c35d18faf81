import Billing
import Foundation
import Messaging
import Store

/// A customer's reply as recorded.
package struct ReceivedReply: Sendable, Hashable {
    package var phone: PhoneNumber
    /// The text as stored (card-number-like digit runs masked).
    package var text: String
    /// The reply was STOP/ARRET: the number now gets no more texts.
    package var optedOut: Bool
}

extension RequestService {
    /// Records a reply forwarded by the SMS gateway, so staff see it in the customer's
    /// conversation; an opt-out keyword also stops every further text, in the same transaction.
    package func receiveReply(from phoneText: String, text: String) throws(OperationError) -> ReceivedReply {
        let phone = try parsePhone(phoneText)
        let body = CardNumberMask.mask(text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !body.isEmpty else { throw .invalidField("text", .missing) }
        let optOut = OptOutKeywords.isOptOut(text)
        let now = clock()
        return try transaction { tx throws(OperationError) in
            try storeCall { () throws(StoreError) in
                _ = try tx.recordInbound(InboundMessage(receivedAt: now, from: phone, body: body, optOut: optOut))
                if optOut { try tx.optOut(phone: phone, at: now) }
            }
            return ReceivedReply(phone: phone, text: body, optedOut: optOut)
        }
    }
}

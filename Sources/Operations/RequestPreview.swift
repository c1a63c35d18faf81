import Billing
import Messaging

extension RequestService {
    /// The text `create` would send for `request`, from the same checks and the same composer;
    /// the link, not made yet, is a stand-in of the same length. Nothing is written.
    package func previewNew(_ request: NewRequest) throws(OperationError) -> MessagePreview {
        let (_, invoice, business, totals) = try checkedNew(request)
        let draft = try RequestMessages(business: business, replies: replies)
            .draft(.paymentRequest, choice: MessageChoice(reply: request.reply, text: request.text), invoice: invoice,
                     amount: totals.total, link: business.link(token: Self.linkStandIn))
        return MessagePreview(message: draft.message, link: nil, amount: totals.total, customerName: invoice.customer.name, unfilled: draft.unfilled)
    }
}

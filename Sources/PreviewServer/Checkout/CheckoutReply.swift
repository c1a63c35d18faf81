import HTTPTypes

/// What a checkout address answers: a page, a redirect (after a payment, so a reload does not
/// post again), or a problem shown as a short message.
enum CheckoutReply: Sendable {
    case page(CheckoutPage, status: HTTPResponse.Status = .ok)
    case redirect(to: String)
    case problem(String, status: HTTPResponse.Status)
}

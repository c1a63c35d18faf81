import Testing
@testable import Messaging

/// A customer's reply is stored without anything that could be a card number.
struct CardNumberMaskTests {
    @Test(arguments: [
        ("4242424242424242", "•••• 4242"),
        ("my card 4242 4242 4242 4242 thanks", "my card •••• 4242 thanks"),
        ("5555-5555-5555-4444.", "•••• 4444."),
        ("378282246310005", "•••• 0005"),
        ("Amex 3782 822463 10005 exp 12/29", "Amex •••• 0005 exp 12/29"),
        ("4000056655665556000", "•••• 6000"),
        // Not card numbers: phones, amounts, references, dates.
        ("Call me at 514 555-0123", "Call me at 514 555-0123"),
        ("+1 514 555 0123", "+1 514 555 0123"),
        ("I paid 1234.56 for RO-1001 on 2026-12-07", "I paid 1234.56 for RO-1001 on 2026-12-07"),
        ("123456789012", "123456789012"),
        ("STOP", "STOP"),
        ("", ""),
    ] as [(String, String)])
    func masks(text: String, stored: String) {
        #expect(CardNumberMask.mask(text) == stored)
    }
}

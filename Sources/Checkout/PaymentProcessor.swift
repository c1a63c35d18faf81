import Foundation
import Billing

/// Authorizes charges. The simulator is pure and answers synchronously; a real processor talks
/// to a network and would be `async throws` (a transport failure is not a decline): when one
/// arrives, this protocol gains async variants and the simulator satisfies them trivially.
///
/// Idempotency (a retried or double-clicked payment charges once) belongs to the caller, which
/// records the outcome under the request before answering; the processor itself keeps no state.
package protocol PaymentProcessor: Sendable {
    func authorize(_ request: ChargeRequest) -> ChargeOutcome
    /// Finishes a 3-D Secure challenge returned by `authorize`.
    func completeChallenge(_ challenge: PendingChallenge, approve: Bool) -> ChargeOutcome
}

/// The checkout simulator: Stripe's well-known test cards, a simulated wallet sheet and a
/// simulated Affirm. Refuses every card that is not a test card.
package struct SimulatedProcessor: PaymentProcessor {
    package var affirm: BusinessSettings.Affirm
    /// Card expiry is judged in this calendar (and its time zone).
    package var calendar: Calendar
    package var now: @Sendable () -> Date
    package var random: any RandomSource

    package init(affirm: BusinessSettings.Affirm, calendar: Calendar, now: @escaping @Sendable () -> Date = { Date() },
                random: any RandomSource = SystemRandomSource()) {
        self.affirm = affirm
        self.calendar = calendar
        self.now = now
        self.random = random
    }

    /// Takes the business's Affirm terms and time zone.
    package init(settings: BusinessSettings, now: @escaping @Sendable () -> Date = { Date() },
                random: any RandomSource = SystemRandomSource()) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = settings.timeZone
        self.init(affirm: settings.affirm, calendar: calendar, now: now, random: random)
    }

    // MARK: Test cards

    package enum TestCardBehavior: Sendable, Hashable {
        case approve
        case decline(DeclineReason)
        case requireAuthentication
    }

    /// Stripe's well-known test numbers. Any expiry in the future and any CVC of the right length work.
    package static let testCards: [String: TestCardBehavior] = [
        "4242424242424242": .approve,
        "5555555555554444": .approve,
        "378282246310005": .approve,
        "4000000000000002": .decline(.cardDeclined),
        "4000000000009995": .decline(.insufficientFunds),
        "4000000000009987": .decline(.lostCard),
        "4000000000009979": .decline(.stolenCard),
        "4000000000000069": .decline(.expiredCard),
        "4000000000000127": .decline(.incorrectCVC),
        "4000000000000119": .decline(.processingError),
        "4000002760003184": .requireAuthentication,
    ]

    // MARK: Authorizing

    package func authorize(_ request: ChargeRequest) -> ChargeOutcome {
        var generator = RandomSourceGenerator(random)
        return authorize(request, using: &generator)
    }

    package func completeChallenge(_ challenge: PendingChallenge, approve: Bool) -> ChargeOutcome {
        var generator = RandomSourceGenerator(random)
        return completeChallenge(challenge, approve: approve, using: &generator)
    }

    /// The pure core: the same request and generator state give the same outcome.
    package func authorize<G: RandomNumberGenerator>(_ request: ChargeRequest, using generator: inout G) -> ChargeOutcome {
        guard request.amount.isPositive else { return .invalid([FieldError(.amountInvalid)]) }
        switch request.source {
        case .card(let card):
            return authorizeCard(card, amount: request.amount, using: &generator)
        case .wallet(let kind, let action):
            switch action {
            case .cancel: return .cancelled
            case .fail: return .declined(.walletFailed)
            case .approve:
                let card = kind.simulatedDeviceCard
                let method = PaymentMethod(kind: kind.methodKind, cardBrand: card.brand.displayName, last4: card.last4)
                return .approved(Authorization(code: Self.authorizationCode(using: &generator), amount: request.amount, method: method))
            }
        case .affirm(let selection, let creditCheck):
            guard affirmEligible(request.amount) else { return .declined(.affirmNotEligible) }
            guard let plan = AffirmPlan.offers(for: request.amount).first(where: { $0.months == selection.months }) else {
                return .invalid([FieldError(.planUnavailable)])
            }
            guard creditCheck == .approve else { return .declined(.affirmDeclined) }
            let method = PaymentMethod(kind: .affirm, affirmPlan: plan)
            return .approved(Authorization(code: Self.authorizationCode(using: &generator), amount: request.amount, method: method))
        }
    }

    package func completeChallenge<G: RandomNumberGenerator>(_ challenge: PendingChallenge, approve: Bool,
                                                           using generator: inout G) -> ChargeOutcome {
        guard approve else { return .declined(.authenticationFailed) }
        let method = PaymentMethod(kind: .card, cardBrand: challenge.brand.displayName, last4: challenge.last4)
        return .approved(Authorization(code: Self.authorizationCode(using: &generator), amount: challenge.amount, method: method))
    }

    /// Validation in form order: number, expiry, CVC, name. Every failing field is reported (one error per field).
    package func validate(_ card: CardDetails) -> [FieldError] {
        var errors: [FieldError] = []
        let numberError = Self.numberError(card)
        if let numberError { errors.append(FieldError(numberError)) }
        if let expiry = card.expiry {
            if !(1...12).contains(expiry.month) {
                errors.append(FieldError(.expiryMonthInvalid))
            } else if expiry.isExpired(now: now(), calendar: calendar) {
                errors.append(FieldError(.expiryPast))
            }
        } else {
            errors.append(FieldError(.expiryRequired))
        }
        let cvcDigits = !card.cvc.isEmpty && card.cvc.allSatisfy(\.isASCIIDigit)
        // The brand decides the CVC length only once the number is valid: a mistyped first digit
        // must not add a misleading CVC error.
        switch numberError == nil ? card.brand : nil {
        case .some(let brand):
            if !cvcDigits || card.cvc.count != brand.cvcLength {
                errors.append(FieldError(brand == .amex ? .cvcFourDigits : .cvcThreeDigits))
            }
        case .none:
            if !cvcDigits || !(3...4).contains(card.cvc.count) { errors.append(FieldError(.cvcInvalid)) }
        }
        if card.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError(.nameRequired))
        }
        return errors
    }

    static func numberError(_ card: CardDetails) -> FieldError.Code? {
        let number = card.number
        if number.isEmpty { return .numberRequired }
        if !number.allSatisfy(\.isASCIIDigit) { return .numberNotDigits }
        if !(12...19).contains(number.count) { return .numberLength }
        if !Luhn.isValid(number) { return .numberLuhn }
        if CardBrand.detect(digits: number) == nil { return .numberUnsupportedBrand }
        return nil
    }

    private func authorizeCard<G: RandomNumberGenerator>(_ card: CardDetails, amount: Money, using generator: inout G) -> ChargeOutcome {
        let errors = validate(card)
        guard errors.isEmpty else { return .invalid(errors) }
        guard let behavior = Self.testCards[card.number], let brand = card.brand, let last4 = card.last4 else {
            return .declined(.notATestCard)
        }
        switch behavior {
        case .decline(let reason):
            return .declined(reason)
        case .requireAuthentication:
            let id = "3ds_" + RandomText.string(16, from: RandomText.lowerAlphanumerics, using: &generator)
            return .challengeRequired(PendingChallenge(id: id, amount: amount, brand: brand, last4: last4))
        case .approve:
            let method = PaymentMethod(kind: .card, cardBrand: brand.displayName, last4: last4)
            return .approved(Authorization(code: Self.authorizationCode(using: &generator), amount: amount, method: method))
        }
    }

    /// Affirm is offered when enabled and minimum ≤ amount ≤ maximum, in the business's currency.
    package func affirmEligible(_ amount: Money) -> Bool {
        // Money's `<` traps on mixed currencies: check before asking Billing.
        guard amount.currency == affirm.minimum.currency, amount.currency == affirm.maximum.currency else { return false }
        return affirm.isEligible(amount)
    }

    package func affirmQuote(for amount: Money) -> AffirmQuote? {
        affirmEligible(amount) ? AffirmQuote(amount: amount) : nil
    }

    static func authorizationCode<G: RandomNumberGenerator>(using generator: inout G) -> String {
        RandomText.string(6, from: RandomText.upperAlphanumerics, using: &generator)
    }
}

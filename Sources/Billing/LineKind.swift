/// What a line of a repair order is. Only a discount line may be negative.
package enum LineKind: String, Sendable, Hashable, Codable, CaseIterable {
    case labour
    case part
    case fee
    case sublet
    case discount
}

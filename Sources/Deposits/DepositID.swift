/// A deposit's name, `KEY-N`: the business key and its number in the business's sequence.
public struct DepositID: Sendable, Hashable, Codable, CustomStringConvertible {
    public var businessKey: String
    public var number: Int

    public init(businessKey: String, number: Int) {
        self.businessKey = businessKey
        self.number = number
    }

    public var description: String { "\(businessKey)-\(number)" }
}

/// What a staff member may do: clerks work on requests; owners also manage settings and staff.
public enum StaffRole: String, Sendable, Hashable, Codable, CaseIterable {
    case owner
    case clerk
}

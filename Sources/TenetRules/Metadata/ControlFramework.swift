/// Compliance frameworks a rule's controls are mapped to.
public enum ControlFramework: String, Sendable, CaseIterable, Comparable {
    case cisAWSFoundations = "cis-aws-foundations"
    case nist80053Rev5 = "nist-800-53-rev5"
    case pciDSS321 = "pci-dss-3.2.1"
    case wellArchitected = "well-architected"

    public static func < (lhs: ControlFramework, rhs: ControlFramework) -> Bool { lhs.rawValue < rhs.rawValue }
}

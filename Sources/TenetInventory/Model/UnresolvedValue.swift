import TenetDocument

/// A property value the collector could not know — an intrinsic function over a parameter with no
/// value, a resource attribute, an undecidable condition — kept as written, never guessed.
///
/// Recorded so that a finding on such a value can say what it depends on: the verdict may change
/// once that input is known.
public struct UnresolvedValue: Hashable, Sendable {
    /// Where the intrinsic stands, relative to the resource's properties.
    public var path: JSONPointer
    /// What the value depends on, in words: `parameter KmsKeyArn (no value given)`,
    /// `condition IsProduction`, `resource Key attribute Arn`.
    public var dependsOn: String

    public init(path: JSONPointer, dependsOn: String) {
        self.path = path
        self.dependsOn = dependsOn
    }
}

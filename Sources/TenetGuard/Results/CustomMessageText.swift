import Foundation

extension String {
    /// A custom message without the blank lines and indentation `<<` and `>>` lines leave.
    var trimmed: String {
        split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
